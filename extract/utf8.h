// Small UTF-8 helpers shared by the segmenter and the mention finder.
//
// Thread safety: pure functions.
#ifndef CLAIMGRAPH_EXTRACT_UTF8_H_
#define CLAIMGRAPH_EXTRACT_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace claimgraph {

// Decodes the code point at s[i] and sets *len to its byte length (1..4).
// Invalid bytes decode as U+FFFD with length 1; the reader rejects invalid
// UTF-8 before extraction, so this only guards against misuse.
inline uint32_t DecodeUtf8(std::string_view s, size_t i, int* len) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (n == 0 || i + n > s.size()) {
    *len = 1;
    return 0xFFFD;
  }
  uint32_t cp = c & (0x3F >> (n - 1));
  for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  *len = n;
  return cp;
}

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_UTF8_H_
