// Internal to graph/ (and bench/store_floor.cc): the RocksDB options of a
// claimgraph store, for a writer or a read-only reader, in one place so that
// the store and the store-floor bench open RocksDB identically.
//
// RocksDB's classes appear here only as forward declarations; the callers are
// the files that include RocksDB (rocksdb_store.cc, bench/store_floor.cc).
//
// Thread safety: a pure function; each call makes a new block cache.
#ifndef CLAIMGRAPH_GRAPH_ROCKSDB_OPTIONS_H_
#define CLAIMGRAPH_GRAPH_ROCKSDB_OPTIONS_H_

namespace rocksdb {
struct ColumnFamilyOptions;
struct DBOptions;
}  // namespace rocksdb

namespace claimgraph {

// Fills the database and column-family options (every family of a store
// shares one) of a store opened for writing (`read_only` false) or reading.
// create_if_missing is left to the caller.
void MakeRocksOptions(bool read_only, rocksdb::DBOptions* db_options,
                      rocksdb::ColumnFamilyOptions* cf_options);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_GRAPH_ROCKSDB_OPTIONS_H_
