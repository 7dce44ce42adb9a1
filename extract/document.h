// Document: one article as the reader hands it to the extractor.
//
// `text` is the article text exactly as given: the bytes of a .txt file, or
// the decoded "text" string of a JSONL line (UTF-8). Every byte offset that
// claimgraph reports (a claim's span, a paragraph's range) points into it.
//
// The reader does not copy or rewrite the text. It marks which parts are
// article body (`paragraphs`) and which are metadata or page chrome that the
// extractor must not read (metadata lines become fields of the Document;
// "Similar Readings", "Statistics", disclaimers and verbatim repeats of an
// earlier paragraph are simply left out of `paragraphs`).
//
// Thread safety: a Document is a plain value.
#ifndef CLAIMGRAPH_EXTRACT_DOCUMENT_H_
#define CLAIMGRAPH_EXTRACT_DOCUMENT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph {

// A half-open byte range [begin, end) of Document::text.
struct TextRange {
  size_t begin = 0;
  size_t end = 0;
  size_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
};

struct Document {
  std::string id;      // the .txt file's base name, or the JSONL line's "id"
  std::string source;  // the input path it came from ("-" for stdin)
  size_t line = 0;     // 1-based JSONL line number; 0 for a .txt file
  std::string text;    // the article text as given (see above)

  // Metadata: from JSONL fields, from metadata lines in the text
  // ("Date: March 23, 2024", "date 2023-11-09", "URL: ...",
  // "[Source/Observer Network by ...]"), or from --date. Empty when unknown.
  std::string title;
  std::string date;       // ISO 8601 YYYY-MM-DD
  std::string url;
  std::string publisher;
  std::string author;
  std::string category;

  // Body paragraphs in text order, each a byte range of `text` with no
  // leading or trailing white space. A paragraph is a line, or for
  // hard-wrapped text (lines joined without a blank line) several lines.
  std::vector<TextRange> paragraphs;

  std::string_view Slice(TextRange r) const {
    return std::string_view(text).substr(r.begin, r.end - r.begin);
  }
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_DOCUMENT_H_
