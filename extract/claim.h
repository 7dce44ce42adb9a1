// Claim: one attribution found in an article, the extractor's output record.
//
// A Claim says who (speaker) said what (text, span) how (kind, cue), to whom
// (addressee), through whom (relayed_by) and when (date). Speakers carry both
// the mention as written ("He") and the canonical name it resolves to
// ("Antony Blinken"); the graph layer resolves canonical names across
// articles.
//
// Thread safety: a Claim is a plain value.
#ifndef CLAIMGRAPH_EXTRACT_CLAIM_H_
#define CLAIMGRAPH_EXTRACT_CLAIM_H_

#include <string>
#include <vector>

#include "extract/document.h"

namespace claimgraph {

enum class ClaimKind {
  kDirect,       // "Q," X said / X said, "Q" / X: "Q" (the whole content is quoted)
  kIndirect,     // X said (that) C
  kPartial,      // X said it would be a "mistake" (quoted words inside reported speech)
  kAccordingTo,  // according to X, C
};

// "direct", "indirect", "partial", "according_to".
const char* ClaimKindName(ClaimKind kind);
// Parses the names above; returns false for anything else.
bool ParseClaimKind(const std::string& name, ClaimKind* kind);

enum class EntityType {
  kPerson,
  kOrganization,
  kCountry,
  kGroup,    // "French officials", "Democratic congressmen", "protesters"
  kUnknown,
};

// "Person", "Organization", "Country", "Group", "Unknown".
const char* EntityTypeName(EntityType type);
bool ParseEntityType(const std::string& name, EntityType* type);

struct Speaker {
  std::string name;         // canonical: "Antony Blinken", "United States", "French officials"
  std::string mention;      // as written at the cue: "He", "Blinken", "the US side"
  EntityType type = EntityType::kUnknown;
  std::string role;         // "US Secretary of State", "Russian ambassador"; empty when unknown
  std::string affiliation;  // canonical country or organisation of the role: "United States"
};

struct Topic {
  std::string name;      // normalised topic key: "palestinian state"
  std::string label;     // as written: "an independent Palestinian state"
  std::string polarity;  // "support", "oppose" or "neutral"
};

struct Claim {
  std::string id;   // stable: derived from doc and span
  std::string doc;  // Document::id
  ClaimKind kind = ClaimKind::kIndirect;
  std::string text;  // the content without surrounding quote marks
  TextRange span;    // byte offsets of `text`'s source in Document::text
  std::string cue;   // the cue as written, lower case: "said", "told", "according to"
  Speaker speaker;
  std::string addressee;   // canonical name of whom it was told to; empty if none
  std::string relayed_by;  // canonical name of the outlet that relayed it; empty if none
  std::string date;        // YYYY-MM-DD of the article; empty when unknown
  std::vector<Topic> topics;
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_CLAIM_H_
