// Internal to graph/: the one stable hash of the graph layer, 64-bit FNV-1a.
// Used for Slug's non-ASCII suffix and for article content hashes; its values
// end up in stored ids, so it must never change.
//
// Thread safety: pure functions.
#ifndef CLAIMGRAPH_GRAPH_HASH_H_
#define CLAIMGRAPH_GRAPH_HASH_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace claimgraph {

constexpr uint64_t kFnv1a64Offset = 14695981039346656037ull;

// Continues an FNV-1a hash `h` over `bytes`.
inline uint64_t Fnv1a64(std::string_view bytes, uint64_t h = kFnv1a64Offset) {
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// 16 lower-case hex digits.
inline std::string Hex64(uint64_t value) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(value));
  return std::string(hex, 16);
}

}  // namespace claimgraph

#endif  // CLAIMGRAPH_GRAPH_HASH_H_
