#include "graph/rocksdb_scan.h"

#include <rocksdb/db.h>

#include <string_view>

#include "graph/property_codec.h"

namespace claimgraph {

namespace {

// Splits "a\0b\0c\0d" into its four parts; false when it has fewer.
bool SplitEdgeKey(std::string_view k, std::string* a, std::string* b, std::string* c,
                  std::string* d) {
  std::string* parts[3] = {a, b, c};
  for (std::string* part : parts) {
    size_t sep = k.find(kKeySep);
    if (sep == std::string_view::npos) return false;
    part->assign(k.substr(0, sep));
    k.remove_prefix(sep + 1);
  }
  d->assign(k);
  return true;
}

// The smallest key greater than every key starting with `prefix` (which ends
// in the separator '\0', so bumping that byte to '\1' is enough).
std::string UpperBoundOf(const std::string& prefix) {
  std::string bound = prefix;
  bound.back() = '\1';
  return bound;
}

// A snapshot, released with its holder. A secondary (read-only) instance
// has none and needs none: it never catches up after opening, so what it
// reads does not change.
class SnapshotHolder {
 public:
  SnapshotHolder(rocksdb::DB* db, bool read_only)
      : db_(db), snapshot_(read_only ? nullptr : db->GetSnapshot()) {}
  ~SnapshotHolder() {
    if (snapshot_ != nullptr) db_->ReleaseSnapshot(snapshot_);
  }
  SnapshotHolder(const SnapshotHolder&) = delete;
  SnapshotHolder& operator=(const SnapshotHolder&) = delete;
  const rocksdb::Snapshot* get() const { return snapshot_; }

 private:
  rocksdb::DB* db_;
  const rocksdb::Snapshot* snapshot_;
};

// A RocksDB iterator over [prefix, UpperBoundOf(prefix)) of one column
// family (or over all of it for an empty prefix), reading a snapshot.
class BoundedScan {
 public:
  BoundedScan(rocksdb::DB* db, bool read_only, rocksdb::ColumnFamilyHandle* cf,
              const std::string& prefix)
      : snapshot_(db, read_only) {
    options_.snapshot = snapshot_.get();
    if (!prefix.empty()) {
      upper_ = UpperBoundOf(prefix);
      upper_slice_ = rocksdb::Slice(upper_);
      options_.iterate_upper_bound = &upper_slice_;
    }
    it_.reset(db->NewIterator(options_, cf));
    if (prefix.empty()) {
      it_->SeekToFirst();
    } else {
      it_->Seek(prefix);
    }
  }
  rocksdb::Iterator* it() { return it_.get(); }
  const rocksdb::ReadOptions& options() const { return options_; }

 private:
  // Declared in destruction order: the iterator goes before its snapshot.
  SnapshotHolder snapshot_;
  std::string upper_;
  rocksdb::Slice upper_slice_;
  rocksdb::ReadOptions options_;
  std::unique_ptr<rocksdb::Iterator> it_;
};

// Nodes from the `nodes` family, or (with a type) ids from the `types`
// family looked up in `nodes` under the same snapshot.
class RocksNodeIterator : public NodeIterator {
 public:
  RocksNodeIterator(rocksdb::DB* db, bool read_only, rocksdb::ColumnFamilyHandle* nodes,
                    rocksdb::ColumnFamilyHandle* types, const std::string& type)
      : db_(db),
        nodes_(nodes),
        by_type_(!type.empty()),
        scan_(db, read_only, by_type_ ? types : nodes, by_type_ ? type + kKeySep : "") {
    Load();
  }
  bool Valid() const override { return valid_; }
  void Next() override {
    scan_.it()->Next();
    Load();
  }
  const Node& node() const override { return node_; }
  Status status() const override { return status_; }

 private:
  void Load() {
    valid_ = false;
    rocksdb::Iterator* it = scan_.it();
    if (!it->Valid()) {
      status_ = FromRocks(it->status(), "reading nodes");
      return;
    }
    std::string value;
    std::string_view raw;
    if (by_type_) {
      std::string_view key(it->key().data(), it->key().size());
      node_.id.assign(key.substr(key.find(kKeySep) + 1));
      rocksdb::Status s = db_->Get(scan_.options(), nodes_, node_.id, &value);
      if (!s.ok()) {
        status_ = FromRocks(s, "reading node " + node_.id);
        return;
      }
      raw = value;
    } else {
      node_.id = it->key().ToString();
      raw = std::string_view(it->value().data(), it->value().size());
    }
    if (!DecodeNodeValue(raw, &node_)) {
      status_ = Status::Storage("corrupt value of node \"" + node_.id + "\"");
      return;
    }
    valid_ = true;
  }

  rocksdb::DB* db_;
  rocksdb::ColumnFamilyHandle* nodes_;
  bool by_type_;
  BoundedScan scan_;
  Node node_;
  bool valid_ = false;
  Status status_;
};

// Edges from the `out` family; or, for in-edges, keys of the `in` family
// looked up in `out` under the same snapshot; or keys of the `in` family
// alone, as edges without properties (no read of `out` per edge: see
// Store::NewInEdgeKeyScan). Keys of `in` are in (dst, type, src, key) order.
class RocksEdgeIterator : public EdgeIterator {
 public:
    RocksEdgeIterator(rocksdb::DB* db, bool read_only, rocksdb::ColumnFamilyHandle* out,
                    rocksdb::ColumnFamilyHandle* in, const std::string& prefix, EdgeScanSide side)
      : db_(db), out_(out), side_(side), scan_(db, read_only, side == EdgeScanSide::kOut ? out : in, prefix) {
    Load();
  }
  bool Valid() const override { return valid_; }
  void Next() override {
    scan_.it()->Next();
    Load();
  }
  const Edge& edge() const override { return edge_; }
  Status status() const override { return status_; }

 private:
  void Load() {
    valid_ = false;
    rocksdb::Iterator* it = scan_.it();
    if (!it->Valid()) {
      status_ = FromRocks(it->status(), "reading edges");
      return;
    }
    std::string_view key(it->key().data(), it->key().size());
    bool split = side_ == EdgeScanSide::kOut ? SplitEdgeKey(key, &edge_.src, &edge_.type, &edge_.dst, &edge_.key)
                                     : SplitEdgeKey(key, &edge_.dst, &edge_.type, &edge_.src, &edge_.key);
    if (!split) {
      status_ = Status::Storage("corrupt edge key in the store");
      return;
    }
    if (side_ == EdgeScanSide::kInKeysOnly) {
      valid_ = true;
      return;
    }
    std::string value;
    std::string_view raw;
    if (side_ == EdgeScanSide::kIn) {
      rocksdb::Status s = db_->Get(scan_.options(), out_,
                                   EdgeOutKey(edge_.src, edge_.type, edge_.dst, edge_.key), &value);
      if (!s.ok()) {
        status_ = FromRocks(s, "reading edge " + edge_.src + " " + edge_.type + " " + edge_.dst);
        return;
      }
      raw = value;
    } else {
      raw = std::string_view(it->value().data(), it->value().size());
    }
    if (!DecodeProperties(raw, &edge_.props)) {
      status_ = Status::Storage("corrupt value of edge " + edge_.src + " " + edge_.type + " " +
                                edge_.dst);
      return;
    }
    valid_ = true;
  }

  rocksdb::DB* db_;
  rocksdb::ColumnFamilyHandle* out_;
  EdgeScanSide side_;
  BoundedScan scan_;
  Edge edge_;
  bool valid_ = false;
  Status status_;
};

}  // namespace

std::string EdgeOutKey(const std::string& src, const std::string& type, const std::string& dst,
                       const std::string& key) {
  std::string k;
  k.reserve(src.size() + type.size() + dst.size() + key.size() + 3);
  k.append(src).push_back(kKeySep);
  k.append(type).push_back(kKeySep);
  k.append(dst).push_back(kKeySep);
  k.append(key);
  return k;
}

Status FromRocks(const rocksdb::Status& s, const std::string& what) {
  if (s.ok()) return Status::OK();
  return Status::Storage(what + ": " + s.ToString());
}

std::unique_ptr<NodeIterator> NewRocksNodeIterator(rocksdb::DB* db, bool read_only,
                                                   rocksdb::ColumnFamilyHandle* nodes,
                                                   rocksdb::ColumnFamilyHandle* types,
                                                   const std::string& type) {
  return std::make_unique<RocksNodeIterator>(db, read_only, nodes, types, type);
}

std::unique_ptr<EdgeIterator> NewRocksEdgeIterator(rocksdb::DB* db, bool read_only,
                                                   rocksdb::ColumnFamilyHandle* out,
                                                   rocksdb::ColumnFamilyHandle* in,
                                                   const std::string& prefix, EdgeScanSide side) {
  return std::make_unique<RocksEdgeIterator>(db, read_only, out, in, prefix, side);
}

Status CountRocksByType(rocksdb::DB* db, bool read_only, rocksdb::ColumnFamilyHandle* types,
                        rocksdb::ColumnFamilyHandle* out, const std::string& dir,
                        std::map<std::string, uint64_t>* nodes,
                        std::map<std::string, uint64_t>* edges) {
  nodes->clear();
  edges->clear();
  // Keys only: "Type\0id" in `types`, "src\0TYPE\0dst\0key" in `out`.
  BoundedScan type_scan(db, read_only, types, "");
  for (rocksdb::Iterator* it = type_scan.it(); it->Valid(); it->Next()) {
    std::string_view key(it->key().data(), it->key().size());
    ++(*nodes)[std::string(key.substr(0, key.find(kKeySep)))];
  }
  if (!type_scan.it()->status().ok()) return FromRocks(type_scan.it()->status(), "counting nodes");
  BoundedScan out_scan(db, read_only, out, "");
  for (rocksdb::Iterator* it = out_scan.it(); it->Valid(); it->Next()) {
    std::string_view key(it->key().data(), it->key().size());
    size_t a = key.find(kKeySep);
    size_t b = a == std::string_view::npos ? a : key.find(kKeySep, a + 1);
    if (b == std::string_view::npos) return Status::Storage("corrupt edge key in " + dir);
    ++(*edges)[std::string(key.substr(a + 1, b - a - 1))];
  }
  return FromRocks(out_scan.it()->status(), "counting edges");
}

}  // namespace claimgraph
