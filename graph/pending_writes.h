// Internal to graph/: what the RocksDB store holds in memory between
// commits during an ingest.
//
// PendingWrites keeps the final key/value writes of the last few articles,
// per column family and sorted by key, so the store can answer reads from
// them (the next article merges with what the previous one wrote) and
// commit them as one batch of whole articles whose keys arrive in order
// (ordered inserts are what a memtable skip list does fastest).
//
// SessionKeyFilter is a fixed-size Bloom filter of every key written since
// the store was created. For a store created by this process it answers
// "never written" for most new keys (claims, their edges), and the store
// then skips the point read that would find nothing.
//
// Thread safety: neither class locks; the store guards them with its
// writer mutex.
#ifndef CLAIMGRAPH_GRAPH_PENDING_WRITES_H_
#define CLAIMGRAPH_GRAPH_PENDING_WRITES_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph {

class PendingWrites {
 public:
  explicit PendingWrites(size_t families) : families_(families) {}

  // Records the value of `key` in `family`, replacing a pending one.
  void Put(size_t family, const std::string& key, std::string value);

  // The pending value of `key`, or nullptr when there is none. Valid until
  // the next Put or Clear.
  const std::string* Find(size_t family, const std::string& key) const;

  // Calls fn(family, key, value) for every pending write, family by family,
  // keys in ascending order.
  template <typename Fn>
  void ForEach(Fn&& fn) const {
    for (size_t f = 0; f < families_.size(); ++f) {
      for (const auto& [key, value] : families_[f]) fn(f, key, value);
    }
  }

  // Key and value bytes held (an estimate of the memory used).
  size_t bytes() const { return bytes_; }
  bool empty() const { return bytes_ == 0; }
  void Clear();

 private:
  std::vector<std::map<std::string, std::string, std::less<>>> families_;
  size_t bytes_ = 0;
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
