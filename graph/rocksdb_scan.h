// Internal to graph/ (the RocksDB store's own): the read side of the
// RocksDB store. Scans over its column families under a snapshot, as the
// Store's node and edge iterators and its per-type counts, and the key layout
// they share with the write side (schemas/rocksdb-layout.md): an edge is
// "src\0type\0dst\0key" in `out` and "dst\0type\0src\0key" in `in`, a
// node "Type\0id" in `types`.
//
// RocksDB's classes appear here only as forward-declared pointers, for
// rocksdb_store.cc, the one other file that includes RocksDB.
//
// Thread safety: an iterator is used by one thread at a time; several may
// read one DB at once (RocksDB reads are thread-safe). A writer's scans see
// what was committed before they were created.
#ifndef CLAIMGRAPH_GRAPH_ROCKSDB_SCAN_H_
#define CLAIMGRAPH_GRAPH_ROCKSDB_SCAN_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "extract/status.h"
#include "graph/store.h"

namespace rocksdb {
class ColumnFamilyHandle;
class DB;
class Status;
}  // namespace rocksdb

namespace claimgraph {

// The separator inside composite keys.
constexpr char kKeySep = '\0';

// The `out` key of an edge ("src\0type\0dst\0key"); with dst and src
// swapped, its `in` key.
std::string EdgeOutKey(const std::string& src, const std::string& type, const std::string& dst,
                       const std::string& key);

// OK, or Storage with `what` and RocksDB's message.
Status FromRocks(const rocksdb::Status& s, const std::string& what);

// Nodes from `nodes`, or (with a type) the ids under "type\0" in `types`
// looked up in `nodes`. `read_only`: the DB is a secondary instance (no
// snapshots). The DB and handles must outlive the iterator.
std::unique_ptr<NodeIterator> NewRocksNodeIterator(rocksdb::DB* db, bool read_only,
                                                   rocksdb::ColumnFamilyHandle* nodes,
                                                   rocksdb::ColumnFamilyHandle* types,
                                                   const std::string& type);

// Which edges a scan reads: `out` keys with their values; `in` keys looked
// up in `out`; `in` keys alone (edges without properties).
enum class EdgeScanSide { kOut, kIn, kInKeysOnly };

// The edges whose key in the scanned family starts with `prefix` (all for an
// empty one; a non-empty prefix ends in kKeySep).
std::unique_ptr<EdgeIterator> NewRocksEdgeIterator(rocksdb::DB* db, bool read_only,
                                                   rocksdb::ColumnFamilyHandle* out,
                                                   rocksdb::ColumnFamilyHandle* in,
                                                   const std::string& prefix, EdgeScanSide side);

// Counts nodes per type (keys of `types`) and edges per type (keys of
// `out`). Storage on a read failure or a corrupt key (naming `dir`).
Status CountRocksByType(rocksdb::DB* db, bool read_only, rocksdb::ColumnFamilyHandle* types,
                        rocksdb::ColumnFamilyHandle* out, const std::string& dir,
                        std::map<std::string, uint64_t>* nodes,
                        std::map<std::string, uint64_t>* edges);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_GRAPH_ROCKSDB_SCAN_H_
