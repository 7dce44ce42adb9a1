// Word-shape tests shared by the extractor's modules (the stemmers, the
// stance reader's word facts, the attribution rules).
//
// Thread safety: pure functions.
#ifndef CLAIMGRAPH_EXTRACT_WORDS_H_
#define CLAIMGRAPH_EXTRACT_WORDS_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace claimgraph {

// Whether `s` ends with `suffix`. Byte by byte: for the short literal
// suffixes it is given this compiles to a few inline compares, where a
// string compare would call memcmp.
inline bool EndsWith(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  const size_t base = s.size() - suffix.size();
  for (size_t i = 0; i < suffix.size(); ++i) {
    if (s[base + i] != suffix[i]) return false;
  }
  return true;
}

// `s` with its ASCII capitals lowered (other bytes, UTF-8 included, as they are).
inline std::string AsciiLower(std::string_view s) {
  std::string lower(s);
  for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return lower;
}

// "his", "her", "their", "its" (lower case): a possessive pronoun, which
// owns the noun after it ("Her office", "his supporters").
inline bool IsPossessivePronoun(std::string_view lower) {
  return lower == "his" || lower == "her" || lower == "their" || lower == "its";
}

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_WORDS_H_
