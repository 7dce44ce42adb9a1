#include "export/xml_escape.h"

#include <cstdint>

namespace claimgraph {

namespace {

// Decodes one code point at text[*i]; advances *i. Returns -1 (and advances
// one byte) for an ill-formed sequence.
int32_t DecodeOne(std::string_view text, size_t* i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char c = b(*i);
  if (c < 0x80) {
    ++*i;
    return c;
  }
  int len;
  int32_t cp;
  int32_t min;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2, cp = c & 0x1F, min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3, cp = c & 0x0F, min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4, cp = c & 0x07, min = 0x10000;
  } else {
    ++*i;
    return -1;
  }
  if (*i + len > text.size()) {
    ++*i;
    return -1;
  }
  for (int k = 1; k < len; ++k) {
    unsigned char cc = b(*i + k);
    if ((cc & 0xC0) != 0x80) {
      ++*i;
      return -1;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++*i;
    return -1;
  }
  *i += len;
  return cp;
}

// U+FFFD REPLACEMENT CHARACTER, which stands for an ill-formed sequence.
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// `text` cleaned and escaped for XML: & < > and CR always; for an attribute
// value also " TAB LF (see XmlEscapeAttribute). A template so that each
// caller's loop is the one it had before, with no per-byte test of the mode.
template <bool kAttribute>
std::string XmlEscape(std::string_view text) {
  std::string clean = CleanText(text);
  std::string out;
  out.reserve(clean.size() + 16);
  for (char c : clean) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\r': out += "&#13;"; break;
      case '"': out += kAttribute ? "&quot;" : "\""; break;
      case '\t': out += kAttribute ? "&#9;" : "\t"; break;
      case '\n': out += kAttribute ? "&#10;" : "\n"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

}  // namespace

std::string CleanText(std::string_view text, bool keep_newlines) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    int32_t cp = DecodeOne(text, &i);
    if (cp < 0) {
      out += kReplacement;
    } else if (cp == '\t' || cp == '\n' || cp == '\r') {
      out.push_back(keep_newlines ? static_cast<char>(cp) : ' ');
    } else if (cp < 0x20 || cp == 0x7F || cp == 0xFFFE || cp == 0xFFFF) {
      // Dropped: forbidden in XML 1.0 (DEL is allowed there but is
      // invisible noise in labels, so it goes too).
    } else {
      out.append(text.substr(start, i - start));
    }
  }
  return out;
}

std::string XmlEscapeText(std::string_view text) { return XmlEscape<false>(text); }

std::string XmlEscapeAttribute(std::string_view text) { return XmlEscape<true>(text); }

std::string TruncateUtf8(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  static constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // U+2026
  if (max_bytes < kEllipsis.size()) return std::string();
  size_t cut = max_bytes - kEllipsis.size();
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  // Do not leave trailing blanks before the ellipsis.
  while (cut > 0 && (text[cut - 1] == ' ' || text[cut - 1] == '\n')) --cut;
  std::string out(text.substr(0, cut));
  out += kEllipsis;
  return out;
}

size_t CodePointCount(std::string_view text) { return CodePointOffset(text, text.size()); }

size_t CodePointOffset(std::string_view text, size_t byte) {
  if (byte > text.size()) byte = text.size();
  size_t n = 0;
  for (size_t i = 0; i < byte; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

}  // namespace claimgraph
