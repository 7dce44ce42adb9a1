// StringMap / StringSet: hash tables keyed by std::string that can be looked
// up with a std::string_view (or a std::string, or a string literal) without
// building a temporary std::string, using a hash that is cheap for the short
// words the lexicons hold.
//
// Thread safety: as std::unordered_map (const lookups may run concurrently).
#ifndef CLAIMGRAPH_EXTRACT_STRMAP_H_
#define CLAIMGRAPH_EXTRACT_STRMAP_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace claimgraph {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept {
    // 8 bytes at a time, multiplied and folded; short words take one or two
    // rounds.
    uint64_t h = 0x9E3779B97F4A7C15ull ^ (s.size() * 0xC2B2AE3D27D4EB4Full);
    const char* p = s.data();
    size_t n = s.size();
    while (n >= 8) {
      uint64_t v;
      std::memcpy(&v, p, 8);
      h = (h ^ v) * 0xFF51AFD7ED558CCDull;
      h ^= h >> 32;
      p += 8;
      n -= 8;
    }
    if (n > 0) {
      uint64_t v = 0;
      std::memcpy(&v, p, n);
      h = (h ^ v) * 0xFF51AFD7ED558CCDull;
      h ^= h >> 32;
    }
    h *= 0xC4CEB9FE1A85EC53ull;
    return static_cast<size_t>(h ^ (h >> 29));
  }
};

}  // namespace claimgraph

#if defined(__GLIBCXX__)
// libstdc++ caches a node's hash only for hashes it does not deem fast;
// without it a lookup rehashes every key it walks past in a bucket.
template <>
struct std::__is_fast_hash<claimgraph::StringHash> : std::false_type {};
#endif

namespace claimgraph {

template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_STRMAP_H_
