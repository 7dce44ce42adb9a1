// Reader: turns input paths into Documents.
//
// Inputs are a .txt file (one article; its id is the file's base name), a
// .jsonl file (one article a line: "id", "text", optional "title", "date",
// "url", "publisher"), a directory (read recursively, entries in byte order
// of their paths, symlink loops detected; only .txt and .jsonl files count,
// hidden entries are skipped, and a .jsonl whose first record has no "text"
// is reported once as not an article file), or "-" for standard input (JSONL
// when the first non-blank byte is '{', otherwise one text article with id
// "stdin"). Empty or blank articles are skipped without an error. An id seen
// twice in one run is an error naming both places; the second is skipped.
//
// For every article the reader checks UTF-8, reads metadata lines into
// Document fields, drops page chrome and verbatim repeated paragraphs, and
// fills Document::paragraphs (see document.h). It never rewrites the text,
// so offsets stay valid for the input as given.
//
// Errors: an article that cannot be read (invalid UTF-8, a JSONL line that is
// not an object or has no string "text") is reported to `on_error` with a
// Status naming the file and the line or byte offset, and reading goes on
// with the next article. A path that does not exist or cannot be read is
// reported the same way. ReadInputs returns the first such error when
// `options.strict` is set (and stops there), otherwise OK; the caller decides
// the exit code from whether on_error was called. An options.default_date
// that is not a date is a Usage error, returned (and reported) at once.
//
// Thread safety: the free functions are reentrant; ReadInputs calls its
// callbacks on the calling thread.
#ifndef CLAIMGRAPH_EXTRACT_READER_H_
#define CLAIMGRAPH_EXTRACT_READER_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/document.h"
#include "extract/status.h"

namespace claimgraph {

struct ReaderOptions {
  // YYYY-MM-DD used where an article states no date of its own. Default: none.
  std::string default_date;
  // Stop at the first bad article or path. Default: false (report and go on).
  bool strict = false;
};

// Called once per good article; return false to stop reading.
using DocumentSink = std::function<bool(Document&& doc)>;
// Called once per bad article or path.
using ErrorSink = std::function<void(const Status& error)>;

Status ReadInputs(const std::vector<std::string>& paths, const ReaderOptions& options,
                  const DocumentSink& on_document, const ErrorSink& on_error);

// Builds a Document from the bytes of one text article. Returns
// InvalidInput naming `source` and the byte offset of the first invalid
// UTF-8 sequence; `doc` is then unspecified.
Status ReadTextArticle(std::string id, std::string source, std::string bytes,
                       const ReaderOptions& options, Document* doc);

// Builds a Document from one JSONL line (1-based `line_no`). Returns
// InvalidInput naming "source:line_no" when the line is not a JSON object,
// lacks a string "text", has an "id" that is not a string or integer, a
// "title"/"url"/"publisher"/"date" that is not a string, a "date" that is not
// a date, or holds invalid UTF-8. A missing "id" is not an error: the article
// is then named "<file name>:<line_no>" ("stdin:3" for standard input).
Status ReadJsonlArticle(std::string_view line, const std::string& source, size_t line_no,
                        const ReaderOptions& options, Document* doc);

// Returns true when `bytes` is valid UTF-8 (no overlong forms, surrogates or
// code points above U+10FFFF); otherwise false with the offset of the first
// byte of the first invalid sequence in *bad_offset (may be null).
bool IsValidUtf8(std::string_view bytes, size_t* bad_offset);

// Converts "March 23, 2024", "23 March 2024", "2024/03/23", "2024-03-23",
// "Mar. 23, 2024" to "2024-03-23". Returns an empty string when it cannot.
std::string NormalizeDate(std::string_view text);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_READER_H_
