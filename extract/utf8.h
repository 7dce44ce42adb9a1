// Small UTF-8 and JSON-string byte helpers shared by the segmenter, the mention
// finder, the JSONL reader and the claim writer.
//
// Thread safety: pure functions.
#ifndef CLAIMGRAPH_EXTRACT_UTF8_H_
#define CLAIMGRAPH_EXTRACT_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
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

// Of the eight bytes in `v` (little-endian), the high bit of each that a
// JSON string cannot hold as it is: '"', '\\', a control character (< 0x20)
// or, when `stop_high`, a byte >= 0x80. A bit above the first such byte may
// be set spuriously (a borrow), so only the lowest set bit is exact.
inline uint64_t JsonSpecialBytes(uint64_t v, bool stop_high) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  const uint64_t quote = v ^ (kOnes * '"'), backslash = v ^ (kOnes * '\\');
  // A zero byte in `quote` or `backslash`, a byte below 0x20 in v (its
  // high bit clear and v - 0x20 borrowing), or a high bit.
  uint64_t special = ((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash) | ((v - kOnes * 0x20) & ~v);
  if (stop_high) special |= v;
  return special & kHigh;
}

// The index of the first byte at or after `i` that a JSON string cannot hold
// as it is (see JsonSpecialBytes). Returns s.size() when there is none.
// Eight bytes at a time.
inline size_t SkipPlainJsonBytes(std::string_view s, size_t i, bool stop_high) {
  while (i + 8 <= s.size()) {
    uint64_t v;
    std::memcpy(&v, s.data() + i, 8);
    if (JsonSpecialBytes(v, stop_high) != 0) break;
    i += 8;
  }
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\' || c < 0x20 || (stop_high && c >= 0x80)) return i;
    ++i;
  }
  return i;
}

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_UTF8_H_
