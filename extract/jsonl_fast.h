// JsonlFast: a direct decoder for the common shape of a JSONL article line,
// so the reader does not build a JSON DOM for every article.
//
// It reads one flat JSON object whose members are strings, null, true or
// false, and hands back the string members the reader uses ("text", "id",
// "title", "url", "publisher", "date"). It accepts only what a conforming
// JSON parser accepts, and gives up (returns false) on anything it does not
// handle itself: numbers, nested arrays or objects, \u escapes of surrogates
// or NUL, a key with escapes, a member of interest given twice, a field of
// interest that is not a string or null, text after the object, any syntax
// error. The reader then parses the line in full and reports what is wrong;
// so errors and their messages never depend on this decoder.
//
// The line must already be valid UTF-8.
//
// Thread safety: pure functions.
#ifndef CLAIMGRAPH_EXTRACT_JSONL_FAST_H_
#define CLAIMGRAPH_EXTRACT_JSONL_FAST_H_

#include <string>
#include <string_view>

namespace claimgraph {

// The string members of an article line; `has_*` is false when the member
// is absent or null.
struct FastArticleFields {
  std::string text, id, title, url, publisher, date;
  bool has_text = false, has_id = false, has_title = false, has_url = false, has_publisher = false,
       has_date = false;
};

// Decodes `line` into *fields. Returns false when the line is not of the
// simple shape above (*fields is then unspecified).
bool DecodeArticleLine(std::string_view line, FastArticleFields* fields);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_JSONL_FAST_H_
