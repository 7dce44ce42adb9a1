// StringMap / StringSet: read-mostly hash tables keyed by std::string that
// are looked up with a std::string_view (or a std::string, or a string
// literal) without building a temporary std::string, using a hash that is
// cheap for the short words the lexicons hold.
//
// Thread safety: const lookups may run concurrently; inserting needs
// exclusive access.
#ifndef CLAIMGRAPH_EXTRACT_STRMAP_H_
#define CLAIMGRAPH_EXTRACT_STRMAP_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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
      // The last 1..7 bytes as one number, read with two fixed-size loads
      // that may overlap (a copy of variable size compiles to a byte loop):
      // the shifted second load puts its overlapping bytes where the first
      // one already has them, so OR-ing them changes nothing.
      uint64_t v;
      if (n >= 4) {
        uint32_t lo, hi;
        std::memcpy(&lo, p, 4);
        std::memcpy(&hi, p + n - 4, 4);
        v = lo | (uint64_t{hi} << (8 * (n - 4)));
      } else if (n >= 2) {
        uint16_t lo, hi;
        std::memcpy(&lo, p, 2);
        std::memcpy(&hi, p + n - 2, 2);
        v = lo | (uint64_t{hi} << (8 * (n - 2)));
      } else {
        v = static_cast<unsigned char>(p[0]);
      }
      h = (h ^ v) * 0xFF51AFD7ED558CCDull;
      h ^= h >> 32;
    }
    h *= 0xC4CEB9FE1A85EC53ull;
    return static_cast<size_t>(h ^ (h >> 29));
  }
};

// Whether `a` and `b` hold the same bytes. The words and lexicon keys
// compared here are short: up to 16 bytes are compared inline with two
// fixed-size loads a side (overlapping when the size is not a power of two),
// where a string compare calls memcmp for every lookup.
inline bool SameBytes(std::string_view a, std::string_view b) {
  const size_t n = a.size();
  if (n != b.size()) return false;
  const char* p = a.data();
  const char* q = b.data();
  if (n >= 8) {
    if (n > 16) return std::memcmp(p, q, n) == 0;
    uint64_t p0, p1, q0, q1;
    std::memcpy(&p0, p, 8);
    std::memcpy(&p1, p + n - 8, 8);
    std::memcpy(&q0, q, 8);
    std::memcpy(&q1, q + n - 8, 8);
    return ((p0 ^ q0) | (p1 ^ q1)) == 0;
  }
  if (n >= 4) {
    uint32_t p0, p1, q0, q1;
    std::memcpy(&p0, p, 4);
    std::memcpy(&p1, p + n - 4, 4);
    std::memcpy(&q0, q, 4);
    std::memcpy(&q1, q + n - 4, 4);
    return ((p0 ^ q0) | (p1 ^ q1)) == 0;
  }
  // 0..3 bytes: the first, middle and last are all of them.
  return n == 0 || (p[0] == q[0] && p[n / 2] == q[n / 2] && p[n - 1] == q[n - 1]);
}

// A hash map from std::string for tables built once and then only read:
// entries live in a vector in insertion order (iteration follows it), and
// an open-addressing index of power-of-two size holds each entry's hash and
// position, so a lookup is one hash, one or two index probes and one string
// compare, with no division and no node to chase. Inserting invalidates
// iterators and references (build the table first, then read it).
template <typename V>
class StringMap {
 public:
  using value_type = std::pair<std::string, V>;
  using iterator = typename std::vector<value_type>::iterator;
  using const_iterator = typename std::vector<value_type>::const_iterator;

  iterator begin() { return entries_.begin(); }
  iterator end() { return entries_.end(); }
  const_iterator begin() const { return entries_.begin(); }
  const_iterator end() const { return entries_.end(); }
  size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }

  const_iterator find(std::string_view key) const {
    const size_t i = MayContain(key) ? Lookup(key, StringHash()(key)) : kNone;
    return i == kNone ? entries_.end() : entries_.begin() + static_cast<std::ptrdiff_t>(i);
  }
  iterator find(std::string_view key) {
    const size_t i = MayContain(key) ? Lookup(key, StringHash()(key)) : kNone;
    return i == kNone ? entries_.end() : entries_.begin() + static_cast<std::ptrdiff_t>(i);
  }
  size_t count(std::string_view key) const {
    return MayContain(key) && Lookup(key, StringHash()(key)) != kNone ? 1 : 0;
  }
  bool contains(std::string_view key) const { return count(key) > 0; }
  // The value of a key that must be present.
  const V& at(std::string_view key) const { return find(key)->second; }

  V& operator[](std::string_view key) {
    const size_t h = StringHash()(key);
    size_t i = Lookup(key, h);
    if (i == kNone) i = Insert(std::string(key), V(), h);
    return entries_[i].second;
  }
  // Inserts (key, value) unless key is present; true when it inserted.
  bool emplace(std::string key, V value) {
    const size_t h = StringHash()(key);
    if (Lookup(key, h) != kNone) return false;
    Insert(std::move(key), std::move(value), h);
    return true;
  }

 private:
  static constexpr size_t kNone = ~size_t{0};
  struct Slot {
    uint32_t hash = 0;
    uint32_t index = 0;  // entry index + 1; 0: empty
  };
  // A bit per (length, first, middle, last byte) class: most words that are
  // not in the table are turned away here, before any hashing.
  static size_t FilterBit(std::string_view key) {
    if (key.empty()) return 0;
    const auto byte = [&](size_t i) { return static_cast<size_t>(static_cast<unsigned char>(key[i])); };
    return (key.size() * 131 + byte(0) * 31 + byte(key.size() / 2) * 17 + byte(key.size() - 1) * 7) & 4095;
  }
  bool MayContain(std::string_view key) const {
    const size_t b = FilterBit(key);
    return (filter_[b >> 6] >> (b & 63)) & 1;
  }
  size_t Lookup(std::string_view key, size_t h) const {
    if (slots_.empty()) return kNone;
    const size_t mask = slots_.size() - 1;
    const uint32_t tag = static_cast<uint32_t>(h >> 32);
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.index == 0) return kNone;
      if (s.hash == tag && SameBytes(entries_[s.index - 1].first, key)) return s.index - 1;
    }
  }
  size_t Insert(std::string key, V value, size_t h) {
    const size_t b = FilterBit(key);
    filter_[b >> 6] |= uint64_t{1} << (b & 63);
    entries_.emplace_back(std::move(key), std::move(value));
    hashes_.push_back(h);
    if (entries_.size() * 2 > slots_.size()) {
      slots_.assign(std::max<size_t>(16, slots_.size() * 2), Slot());
      for (size_t e = 0; e < entries_.size(); ++e) Place(hashes_[e], e);
    } else {
      Place(h, entries_.size() - 1);
    }
    return entries_.size() - 1;
  }
  void Place(size_t h, size_t e) {
    const size_t mask = slots_.size() - 1;
    size_t i = h & mask;
    while (slots_[i].index != 0) i = (i + 1) & mask;
    slots_[i] = Slot{static_cast<uint32_t>(h >> 32), static_cast<uint32_t>(e + 1)};
  }

  std::array<uint64_t, 64> filter_{};
  std::vector<value_type> entries_;
  std::vector<size_t> hashes_;
  std::vector<Slot> slots_;
};

// A set of strings, with the lookups of StringMap.
class StringSet {
 public:
  size_t count(std::string_view key) const { return map_.count(key); }
  bool contains(std::string_view key) const { return map_.count(key) > 0; }
  bool insert(std::string key) { return map_.emplace(std::move(key), true); }
  size_t size() const { return map_.size(); }
  bool empty() const { return map_.empty(); }

 private:
  StringMap<bool> map_;
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_STRMAP_H_
