// Word-shape tests shared by the extractor's modules (the stemmers, the
// stance reader's word facts, the attribution rules).
//
// Thread safety: pure functions.
#ifndef CLAIMGRAPH_EXTRACT_WORDS_H_
#define CLAIMGRAPH_EXTRACT_WORDS_H_

#include <cstddef>
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

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_WORDS_H_
