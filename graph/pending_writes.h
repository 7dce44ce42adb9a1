// Internal to graph/: what the RocksDB store holds in memory during an
// ingest.
//
// PendingWrites keeps the final key/value writes of the last few articles,
// per column family, hashed by key, so the store can answer reads from them
// (the next article merges with what the previous one wrote) and commit them
// as one batch of whole articles whose keys arrive in order (ForEach sorts
// them; ordered inserts are what a memtable skip list does fastest). A write
// may be marked "keep": once it is committed the store moves it into its
// WrittenCache.
//
// WrittenCache holds the committed values of the keys that later articles
// read again (entity and topic nodes, name-index entries), so merging with
// them needs no RocksDB point read. It is bounded in the bytes it holds
// (records packed in blocks; ~50 bytes a key besides key and value): past the
// budget it forgets everything and fills again. A value rewritten unchanged
// or shorter reuses its record.
//
// SessionKeyFilter is a fixed-size Bloom filter of every key written since
// the store was created. For a store created by this process it answers
// "never written" for most new keys (claims, their edges), and the store
// then skips the point read that would find nothing.
//
// Thread safety: none of these classes locks. The store guards them with its
// writer mutex; a PendingWrites that no one changes may be read by several
// threads at once.
#ifndef CLAIMGRAPH_GRAPH_PENDING_WRITES_H_
#define CLAIMGRAPH_GRAPH_PENDING_WRITES_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph {

class WrittenCache;

class PendingWrites {
 public:
  explicit PendingWrites(size_t families) : families_(families) {}

  // Records the value of `key` in `family`, replacing a pending one. `keep`:
  // CopyKeptTo hands it to a WrittenCache.
  void Put(size_t family, std::string_view key, std::string value, bool keep = false);

  // The pending value of `key`, or nullptr when there is none. Valid until
  // the next Put or Clear.
  const std::string* Find(size_t family, std::string_view key) const;

  // Calls fn(family, key, value) for every pending write, family by family,
  // keys in ascending order.
  template <typename Fn>
  void ForEach(Fn&& fn) const {
    std::vector<const Entry*> sorted;
    for (size_t f = 0; f < families_.size(); ++f) {
      sorted.clear();
      for (const Entry& e : families_[f].entries) sorted.push_back(&e);
      std::sort(sorted.begin(), sorted.end(),
                [](const Entry* a, const Entry* b) { return a->key < b->key; });
      for (const Entry* e : sorted) fn(f, e->key, e->value);
    }
  }

  // Copies the values written with `keep` into *cache.
  void CopyKeptTo(WrittenCache* cache);

  // Key and value bytes held (an estimate of the memory used).
  size_t bytes() const { return bytes_; }
  bool empty() const { return bytes_ == 0; }
  void Clear();

 private:
  struct Entry {
    std::string key;
    std::string value;
    bool keep = false;
  };
  // An open-addressing index slot: the key's hash and its entry's position
  // plus one (0: empty). A node-based map cost an allocation per key and a
  // cache miss per probe; it was 5% of ingest's samples.
  struct Slot {
    uint64_t hash = 0;
    size_t entry = 0;
  };
  struct Family {
    std::deque<Entry> entries;
    std::vector<Slot> slots;  // a power of two in size, at most half full
  };
  // The slot holding `key` in `f`, or the empty slot where it would go.
  static size_t Probe(const Family& f, uint64_t hash, std::string_view key);
  static void Grow(Family* f);
  std::vector<Family> families_;
  size_t bytes_ = 0;
};

class WrittenCache {
 public:
  // `budget_bytes` bounds the memory actually held: records and index.
  WrittenCache(size_t families, size_t budget_bytes)
      : families_(families),
        budget_(budget_bytes),
        block_bytes_(std::clamp<size_t>(budget_bytes / 16, 4096, kMaxBlockBytes)) {}

  void Put(size_t family, std::string_view key, std::string_view value);
  // The cached value, or false. *value is valid until the next Put or Clear.
  bool Find(size_t family, std::string_view key, std::string_view* value) const;
  void Clear();
  // Bytes held: record blocks and index.
  size_t bytes() const { return blocks_.size() * block_bytes_ + big_bytes_ + slots_.size() * sizeof(Slot); }

 private:
  // Records ([family][key size][value size][key][value], sizes as u32) are
  // packed into blocks of block_bytes_ (a sixteenth of the budget, at most
  // kMaxBlockBytes; a larger record gets a block of its own); an
  // open-addressing index of (hash, block, offset) finds them. A
  // map of strings would spend ~100 bytes a key on nodes and allocations,
  // more than the typical key and value together.
  static constexpr size_t kMaxBlockBytes = 1u << 20;
  static constexpr size_t kHeader = 9;
  struct Slot {
    uint64_t hash = 0;  // 0: empty
    uint32_t block = 0;
    uint32_t offset = 0;
  };
  static uint64_t Hash(size_t family, std::string_view key);
  char* RecordAt(const Slot& slot) const;
  // The slot holding (family, key), or the empty slot where it would go.
  size_t Probe(uint64_t hash, size_t family, std::string_view key) const;
  // Appends a record; false when the budget does not allow it.
  bool Append(size_t family, std::string_view key, std::string_view value, Slot* slot);
  void GrowIndex();

  size_t families_;
  size_t budget_;
  size_t block_bytes_;
  std::vector<std::unique_ptr<char[]>> blocks_;  // the last one is being filled
  std::vector<size_t> block_sizes_;              // allocation size of each block
  size_t used_in_last_ = 0;
  size_t big_bytes_ = 0;  // bytes of blocks beyond block_bytes_ each
  std::vector<Slot> slots_;
  size_t live_ = 0;  // occupied slots
};

class SessionKeyFilter {
 public:
  // A filter of `bytes` bytes (rounded up to a power of two, at least 64).
  explicit SessionKeyFilter(size_t bytes);

  void Add(size_t family, std::string_view key);
  // False only when (family, key) was never added.
  bool MayContain(size_t family, std::string_view key) const;

 private:
  static uint64_t Hash(size_t family, std::string_view key);
  std::vector<uint64_t> bits_;
  uint64_t mask_;  // bit count - 1
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_GRAPH_PENDING_WRITES_H_
