// Body marking: decides which lines of an article are body, which are
// metadata and which are page chrome. Internal to the reader (reader.cc).
//
// MarkBody scans Document::text line by line and
//   - fills Document::paragraphs with byte ranges of the body, trimmed of
//     white space, in text order; a paragraph is one line, or several lines
//     when the article is hard-wrapped (Reuters style: ~70 columns, new
//     paragraphs indented);
//   - sets the metadata fields (date, url, publisher, author, category) that
//     metadata lines name, but only fields that are still empty, so values
//     the caller set first (JSONL fields) win;
//   - leaves out page chrome (lexicons/page_chrome.txt) and any paragraph of
//     40 bytes or more that repeats an earlier one byte for byte.
// The text itself is never changed.
//
// Thread safety: MarkBody is reentrant; the chrome table is built once,
// thread-safely, on first use.
#ifndef CLAIMGRAPH_EXTRACT_BODY_H_
#define CLAIMGRAPH_EXTRACT_BODY_H_

#include "extract/document.h"

namespace claimgraph {

// Never fails: text without any recognisable structure is all body.
// `doc->paragraphs` is replaced.
void MarkBody(Document* doc);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_BODY_H_
