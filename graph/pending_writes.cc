#include "graph/pending_writes.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <utility>

namespace claimgraph {

namespace {

// Per-entry overhead of an entry holding two strings plus its hash index slot, roughly.
constexpr size_t kEntryOverhead = 96;
// Bits set per key; with ~10 bits a key this keeps false positives near 1%.
constexpr int kProbes = 4;

}  // namespace

size_t PendingWrites::Probe(const Family& f, uint64_t hash, std::string_view key) {
  const size_t mask = f.slots.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = f.slots[i];
    if (slot.entry == 0) return i;
    if (slot.hash == hash && f.entries[slot.entry - 1].key == key) return i;
  }
}

void PendingWrites::Grow(Family* f) {
  std::vector<Slot> old = std::move(f->slots);
  f->slots.assign(std::max<size_t>(old.size() * 2, 1024), Slot{});
  const size_t mask = f->slots.size() - 1;
  for (const Slot& slot : old) {
    if (slot.entry == 0) continue;
    size_t i = slot.hash & mask;
    while (f->slots[i].entry != 0) i = (i + 1) & mask;
    f->slots[i] = slot;
  }
}

void PendingWrites::Put(size_t family, std::string_view key, std::string value, bool keep) {
  Family& f = families_[family];
  if ((f.entries.size() + 1) * 2 > f.slots.size()) Grow(&f);
  const uint64_t hash = std::hash<std::string_view>{}(key);
  Slot& slot = f.slots[Probe(f, hash, key)];
  if (slot.entry == 0) {
    bytes_ += key.size() + value.size() + kEntryOverhead;
    f.entries.push_back(Entry{std::string(key), std::move(value), keep});
    slot.hash = hash;
    slot.entry = f.entries.size();
  } else {
    Entry& e = f.entries[slot.entry - 1];
    bytes_ += value.size();
    bytes_ -= e.value.size();
    e.value = std::move(value);
    e.keep = e.keep || keep;
  }
}

const std::string* PendingWrites::Find(size_t family, std::string_view key) const {
  const Family& f = families_[family];
  if (f.entries.empty()) return nullptr;
  const Slot& slot = f.slots[Probe(f, std::hash<std::string_view>{}(key), key)];
  return slot.entry == 0 ? nullptr : &f.entries[slot.entry - 1].value;
}

void PendingWrites::CopyKeptTo(WrittenCache* cache) {
  for (size_t f = 0; f < families_.size(); ++f) {
    for (Entry& e : families_[f].entries) {
      if (e.keep) {
        cache->Put(f, e.key, e.value);
        e.keep = false;
      }
    }
  }
}

void PendingWrites::Clear() {
  for (Family& f : families_) {
    // Keeps the index's size: the next group is about as large.
    if (!f.entries.empty()) std::fill(f.slots.begin(), f.slots.end(), Slot{});
    f.entries.clear();
  }
  bytes_ = 0;
}

uint64_t WrittenCache::Hash(size_t family, std::string_view key) {
  uint64_t h = std::hash<std::string_view>{}(key) ^ ((family + 1) * 0x9E3779B97F4A7C15ull);
  h ^= h >> 29;
  return h == 0 ? 1 : h;  // 0 marks an empty slot
}

char* WrittenCache::RecordAt(const Slot& slot) const { return blocks_[slot.block].get() + slot.offset; }

namespace {

uint32_t LoadU32(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

void StoreU32(char* p, uint32_t v) { std::memcpy(p, &v, sizeof v); }

}  // namespace

size_t WrittenCache::Probe(uint64_t hash, size_t family, std::string_view key) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.hash == 0) return i;
    if (slot.hash != hash) continue;
    const char* r = RecordAt(slot);
    if (static_cast<unsigned char>(r[0]) == family && LoadU32(r + 1) == key.size() &&
        std::memcmp(r + kHeader, key.data(), key.size()) == 0) {
      return i;
    }
  }
}

bool WrittenCache::Append(size_t family, std::string_view key, std::string_view value, Slot* slot) {
  const size_t size = kHeader + key.size() + value.size();
  if (blocks_.empty() || used_in_last_ + size > block_sizes_.back()) {
    const size_t block = std::max(size, block_bytes_);
    if (bytes() + block > budget_) return false;
    blocks_.emplace_back(new char[block]);
    block_sizes_.push_back(block);
    big_bytes_ += block - block_bytes_;
    used_in_last_ = 0;
  }
  char* r = blocks_.back().get() + used_in_last_;
  r[0] = static_cast<char>(family);
  StoreU32(r + 1, static_cast<uint32_t>(key.size()));
  StoreU32(r + 5, static_cast<uint32_t>(value.size()));
  std::memcpy(r + kHeader, key.data(), key.size());
  std::memcpy(r + kHeader + key.size(), value.data(), value.size());
  slot->block = static_cast<uint32_t>(blocks_.size() - 1);
  slot->offset = static_cast<uint32_t>(used_in_last_);
  used_in_last_ += size;
  return true;
}

void WrittenCache::GrowIndex() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot());
  const size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.hash == 0) continue;
    size_t i = slot.hash & mask;
    while (slots_[i].hash != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

void WrittenCache::Put(size_t family, std::string_view key, std::string_view value) {
  if (family >= families_ || family > 255) return;
  if ((live_ + 1) * 2 > slots_.size()) {
    const size_t index_growth = std::max<size_t>(slots_.size(), 1024) * sizeof(Slot);
    if (bytes() + index_growth > budget_) Clear();
    GrowIndex();
  }
  const uint64_t hash = Hash(family, key);
  size_t i = Probe(hash, family, key);
  Slot& slot = slots_[i];
  if (slot.hash != 0) {
    char* r = RecordAt(slot);
    const uint32_t old_size = LoadU32(r + 5);
    if (value.size() <= old_size) {  // rewrite in place
      StoreU32(r + 5, static_cast<uint32_t>(value.size()));
      std::memmove(r + kHeader + key.size(), value.data(), value.size());
      return;
    }
    if (Append(family, key, value, &slot)) return;
  } else {
    slot.hash = hash;
    if (Append(family, key, value, &slot)) {
      live_++;
      return;
    }
    slot.hash = 0;
  }
  // Over budget: start afresh with this record.
  Clear();
  GrowIndex();
  Slot& fresh = slots_[Probe(hash, family, key)];
  fresh.hash = hash;
  if (Append(family, key, value, &fresh)) {
    live_++;
  } else {
    fresh.hash = 0;  // larger than the whole budget
  }
}

bool WrittenCache::Find(size_t family, std::string_view key, std::string_view* value) const {
  if (slots_.empty()) return false;
  const Slot& slot = slots_[Probe(Hash(family, key), family, key)];
  if (slot.hash == 0) return false;
  const char* r = RecordAt(slot);
  *value = std::string_view(r + kHeader + key.size(), LoadU32(r + 5));
  return true;
}

void WrittenCache::Clear() {
  blocks_.clear();
  block_sizes_.clear();
  used_in_last_ = 0;
  big_bytes_ = 0;
  slots_.clear();
  slots_.shrink_to_fit();
  live_ = 0;
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
