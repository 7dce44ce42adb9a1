// Claim lines: the JSON Lines form of a Claim that `claimgraph extract`
// prints and the JSON Schema schemas/claim.schema.json describes.
//
// Thread safety: pure functions.
#ifndef CLAIMGRAPH_EXTRACT_CLAIM_JSON_H_
#define CLAIMGRAPH_EXTRACT_CLAIM_JSON_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "extract/claim.h"

namespace claimgraph {

// One JSON object, no trailing newline: id, doc, kind, text, span, cue,
// speaker {name, mention, type, role?, affiliation?}, and where known
// addressee, relayed_by, date, topics.
std::string ClaimToJson(const Claim& claim);
// ClaimToJson(claim) appended to *out: the same bytes, without a string of
// its own per claim.
void AppendClaimJson(const Claim& claim, std::string* out);

// The same bytes written into a caller's buffer, for writers that keep one
// of their own (`claimgraph extract`): WriteClaimJson needs room for
// ClaimJsonBound(claim) bytes at `out` (it may scribble on all of them) and
// returns the end of what it wrote.
size_t ClaimJsonBound(const Claim& claim);
char* WriteClaimJson(const Claim& claim, char* out);

// Appends `s` to *out as a JSON string literal (quotes included), escaping
// '"', '\\' and control characters; invalid UTF-8 is replaced by U+FFFD.
void AppendJsonString(std::string_view s, std::string* out);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_CLAIM_JSON_H_
