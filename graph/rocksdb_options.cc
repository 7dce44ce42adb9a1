// The RocksDB options of a claimgraph store (see rocksdb_options.h).
#include "graph/rocksdb_options.h"

#include <rocksdb/cache.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/options.h>
#include <rocksdb/slice_transform.h>
#include <rocksdb/table.h>

#include <cstddef>

namespace claimgraph {

namespace {

// A writer's block cache: index and filter blocks of the tables it writes,
// and the few point reads the store's caches (rocksdb_store.cc) do not answer.
constexpr size_t kWriterBlockCacheBytes = 16u << 20;
// All memtables of a writer together (one family's at most half of it). With
// one memtable flushing they hold up to ~1.2x this; 36 MB rather than 48 MB
// took news-bench x10's peak RSS from 266 to 261 MB and its CPU from 250 to
// 233 s (smaller memtables, cheaper inserts and flushes).
constexpr size_t kMemtableBytes = 36u << 20;

}  // namespace

void MakeRocksOptions(bool read_only, rocksdb::DBOptions* db_options,
                      rocksdb::ColumnFamilyOptions* cf_options) {
  // Also for an existing store: a later 1.x may add a column family.
  db_options->create_missing_column_families = !read_only;
  db_options->IncreaseParallelism(2);
  db_options->max_background_jobs = 2;
  // Bulk ingest fills several memtables; cap their sum (a writer's memtables
  // are most of its memory).
  db_options->db_write_buffer_size = read_only ? 96 << 20 : kMemtableBytes;
  if (read_only) db_options->max_open_files = -1;  // required by secondaries

  rocksdb::BlockBasedTableOptions table;
  table.block_cache = rocksdb::NewLRUCache(read_only ? 32 << 20 : kWriterBlockCacheBytes);
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  // A writer keeps index and filter blocks in the block cache, so its memory
  // stays within it however large the store grows (flat RSS on long
  // ingests). A reader walks every key once per export and looks up edges
  // per node: evicted index blocks would be read and decompressed again and
  // again (a JSON-LD export of 2M edges went from 45 s to ~35 min), so a
  // reader keeps them in its table readers; they are a few MB per GB.
  table.cache_index_and_filter_blocks = !read_only;
  table.pin_l0_filter_and_index_blocks_in_cache = !read_only;
  cf_options->compaction_style = rocksdb::kCompactionStyleLevel;
  cf_options->write_buffer_size = read_only ? 64 << 20 : kMemtableBytes / 2;
  cf_options->table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  // A writer commits batches whose keys are sorted within each family: with
  // one insert hint for all keys (an empty prefix), each memtable insert
  // starts its skip-list search where the previous key went instead of at
  // the head. Memtable-only; what is stored does not change.
  if (!read_only) {
    cf_options->memtable_insert_with_hint_prefix_extractor.reset(
        rocksdb::NewFixedPrefixTransform(0));
  }
}

}  // namespace claimgraph
