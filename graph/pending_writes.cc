#include "graph/pending_writes.h"

#include <functional>
#include <utility>

namespace claimgraph {

namespace {

// Per-entry overhead of an entry holding two strings plus its hash index slot, roughly.
constexpr size_t kEntryOverhead = 96;
// Bits set per key; with ~10 bits a key this keeps false positives near 1%.
constexpr int kProbes = 4;

}  // namespace

void PendingWrites::Put(size_t family, std::string_view key, std::string value, bool keep) {
  Family& f = families_[family];
  auto it = f.index.find(key);
  if (it == f.index.end()) {
    bytes_ += key.size() + value.size() + kEntryOverhead;
    f.entries.push_back(Entry{std::string(key), std::move(value), keep});
    f.index.emplace(f.entries.back().key, f.entries.size() - 1);
  } else {
    Entry& e = f.entries[it->second];
    bytes_ += value.size();
    bytes_ -= e.value.size();
    e.value = std::move(value);
    e.keep = e.keep || keep;
  }
}

const std::string* PendingWrites::Find(size_t family, std::string_view key) const {
  const Family& f = families_[family];
  auto it = f.index.find(key);
  return it == f.index.end() ? nullptr : &f.entries[it->second].value;
}

void PendingWrites::MoveKeptTo(WrittenCache* cache) {
  for (size_t f = 0; f < families_.size(); ++f) {
    for (Entry& e : families_[f].entries) {
      if (e.keep) {
        // The index keeps pointing at the (moved-from) key until Clear.
        cache->Put(f, e.key, std::move(e.value));
        e.keep = false;
      }
    }
  }
}

void PendingWrites::Clear() {
  for (Family& f : families_) {
    f.index.clear();
    f.entries.clear();
  }
  bytes_ = 0;
}

void WrittenCache::Put(size_t family, std::string key, std::string value) {
  auto& map = families_[family];
  auto it = map.find(key);
  if (it != map.end()) {
    bytes_ += value.size();
    bytes_ -= it->second.size();
    it->second = std::move(value);
    return;
  }
  const size_t size = key.size() + value.size() + kEntryOverhead;
  if (bytes_ + size > budget_) Clear();
  bytes_ += size;
  map.emplace(std::move(key), std::move(value));
}

const std::string* WrittenCache::Find(size_t family, std::string_view key) const {
  const auto& map = families_[family];
  auto it = map.find(key);
  return it == map.end() ? nullptr : &it->second;
}

void WrittenCache::Clear() {
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
