#include "graph/pending_writes.h"

#include <functional>
#include <utility>

namespace claimgraph {

namespace {

// Per-entry overhead of a std::map node holding two strings, roughly.
constexpr size_t kEntryOverhead = 96;
// Bits set per key; with ~10 bits a key this keeps false positives near 1%.
constexpr int kProbes = 4;

}  // namespace

void PendingWrites::Put(size_t family, const std::string& key, std::string value) {
  auto& map = families_[family];
  auto it = map.find(key);
  if (it == map.end()) {
    bytes_ += key.size() + value.size() + kEntryOverhead;
    map.emplace(key, std::move(value));
  } else {
    bytes_ += value.size();
    bytes_ -= it->second.size();
    it->second = std::move(value);
  }
}

const std::string* PendingWrites::Find(size_t family, const std::string& key) const {
  const auto& map = families_[family];
  auto it = map.find(key);
  return it == map.end() ? nullptr : &it->second;
}

void PendingWrites::Clear() {
  for (auto& map : families_) map.clear();
  bytes_ = 0;
}

SessionKeyFilter::SessionKeyFilter(size_t bytes) {
  size_t bits = 512;
  while (bits < bytes * 8) bits <<= 1;
  bits_.assign(bits / 64, 0);
  mask_ = bits - 1;
}

uint64_t SessionKeyFilter::Hash(size_t family, std::string_view key) {
  // std::hash reads 8 bytes at a time (FNV-1a, one byte at a time, showed
  // up in profiles); the filter lives in memory only, so it need not be
  // stable across builds.
  uint64_t h = std::hash<std::string_view>{}(key) ^ (family * 0x9E3779B97F4A7C15ull);
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return h;
}

void SessionKeyFilter::Add(size_t family, std::string_view key) {
  uint64_t h = Hash(family, key);
  const uint64_t step = (h >> 32) | 1;
  for (int i = 0; i < kProbes; ++i, h += step) bits_[(h & mask_) >> 6] |= 1ull << (h & 63);
}

bool SessionKeyFilter::MayContain(size_t family, std::string_view key) const {
  uint64_t h = Hash(family, key);
  const uint64_t step = (h >> 32) | 1;
  for (int i = 0; i < kProbes; ++i, h += step) {
    if ((bits_[(h & mask_) >> 6] & (1ull << (h & 63))) == 0) return false;
  }
  return true;
}

}  // namespace claimgraph
