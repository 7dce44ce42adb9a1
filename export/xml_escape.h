// Text hygiene for the exporters: UTF-8 repair, control-character stripping,
// XML escaping, truncation on code-point boundaries and code-point counting.
//
// Every exporter passes user text (names, quotes, headlines) through these
// functions before it reaches a file, so the rules live in one place and
// have their own tests (tests/export_test.cc):
//   - ill-formed UTF-8 (stray continuation bytes, overlong forms, encoded
//     surrogates, code points above U+10FFFF) becomes U+FFFD;
//   - C0 controls other than TAB, LF and CR, and U+FFFE / U+FFFF, are
//     dropped (XML 1.0 forbids them even as character references; Graphviz
//     copies them into SVG, which then is not well-formed).
//
// Thread safety: pure functions.
#ifndef CLAIMGRAPH_EXPORT_XML_ESCAPE_H_
#define CLAIMGRAPH_EXPORT_XML_ESCAPE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace claimgraph {

// Well-formed UTF-8 with the forbidden characters above removed. With
// `keep_newlines` false, TAB, LF and CR become a single space each.
std::string CleanText(std::string_view text, bool keep_newlines = true);

// `text` cleaned and escaped for XML character data: & < > become entities,
// CR becomes &#13; (a literal CR would be normalised away by parsers).
std::string XmlEscapeText(std::string_view text);

// `text` cleaned and escaped for a double-quoted XML attribute value:
// additionally " becomes &quot; and TAB / LF / CR become character
// references (attribute-value normalisation would turn them into spaces).
std::string XmlEscapeAttribute(std::string_view text);

// At most `max_bytes` bytes of `text`, cut on a code-point boundary; when
// cut, "…" is appended (and counted in `max_bytes`). `text` must be
// well-formed UTF-8 (CleanText output).
std::string TruncateUtf8(std::string_view text, size_t max_bytes);

// The number of code points in well-formed UTF-8 `text`.
size_t CodePointCount(std::string_view text);

// The code-point offset of byte offset `byte` in well-formed UTF-8 `text`
// (bytes beyond the end count as the end).
size_t CodePointOffset(std::string_view text, size_t byte);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXPORT_XML_ESCAPE_H_
