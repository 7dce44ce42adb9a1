// The RocksDB store: the one file that includes RocksDB. Key layout, value
// encoding and schema version are described in schemas/rocksdb-layout.md;
// every rocksdb::Status becomes a claimgraph Status here.
#include <rocksdb/cache.h>
#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/options.h>
#include <rocksdb/table.h>
#include <rocksdb/write_batch.h>
#include <stdlib.h>
#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <system_error>
#include <thread>

#include "graph/article_merge.h"
#include "graph/pending_writes.h"
#include "graph/property_codec.h"
#include "graph/store.h"

namespace claimgraph {

namespace {

namespace fs = std::filesystem;

constexpr char kFormatName[] = "claimgraph";
constexpr int kSchemaMajor = 1;
constexpr char kSchemaVersion[] = "1.0";

// Column families, in handle order. "default" must be opened but is unused.
enum Cf { kDefault, kNodes, kTypes, kOut, kIn, kNames, kDocs, kMeta, kCfCount };
const char* const kCfNames[kCfCount] = {"default", "nodes", "types", "out",
                                        "in",      "names", "docs",  "meta"};

constexpr char kSep = '\0';

// Writes wait in memory (PendingWrites) and are committed as one batch of
// whole articles once StoreOptions::group_articles are pending or they pass
// this size, on Flush and on close.
constexpr size_t kCommitBytes = 8u << 20;
// The Bloom filter of keys written to a store this process created.
constexpr size_t kSessionFilterBytes = 16u << 20;
// The committed values of entity and topic nodes and of name-index entries
// that the writer keeps, so the merges of later articles read them from
// memory (see WrittenCache).
constexpr size_t kWrittenCacheBytes = 32u << 20;
// A writer's block cache: index and filter blocks of the tables it writes,
// and the few point reads the caches above do not answer.
constexpr size_t kWriterBlockCacheBytes = 16u << 20;
// All memtables of a writer together (one family's at most half of it).
constexpr size_t kMemtableBytes = 64u << 20;

// Hands the heap's free pages back to the system after a batch is written
// (committer thread only, so once per StoreOptions::group_articles). Batches,
// flushed memtables and merged values leave glibc's heap full of free holes
// it does not return on its own: on a bulk ingest the free-but-held heap grew
// to ~90 MB at 2x news-bench and peak RSS with the input (231 MB at 1x,
// 276 MB at 2x, 300 MB at 3x). Measured: no rise in ingest CPU time.
void ReleaseFreedMemory() {
#ifdef __GLIBC__
  malloc_trim(0);
#endif
}

// Whether later articles are likely to write `e` again, so its merged value
// is worth keeping in memory: an edge between entities or topics (an
// affiliation) does, one that names a claim or an article (in its ends or
// its key) belongs to one article only.
bool RecursAcrossArticles(const Edge& e) {
  auto one_article = [](const std::string& id) {
    return id.rfind("claim:", 0) == 0 || id.rfind("article:", 0) == 0;
  };
  return !one_article(e.src) && !one_article(e.dst) && !one_article(e.key);
}

std::string EdgeOutKey(const std::string& src, const std::string& type, const std::string& dst,
                       const std::string& key) {
  std::string k;
  k.reserve(src.size() + type.size() + dst.size() + key.size() + 3);
  k.append(src).push_back(kSep);
  k.append(type).push_back(kSep);
  k.append(dst).push_back(kSep);
  k.append(key);
  return k;
}

// Splits "a\0b\0c\0d" into its four parts; false when it has fewer.
bool SplitEdgeKey(std::string_view k, std::string* a, std::string* b, std::string* c,
                  std::string* d) {
  std::string* parts[3] = {a, b, c};
  for (std::string* part : parts) {
    size_t sep = k.find(kSep);
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

Status FromRocks(const rocksdb::Status& s, const std::string& what) {
  if (s.ok()) return Status::OK();
  return Status::Storage(what + ": " + s.ToString());
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
        scan_(db, read_only, by_type_ ? types : nodes, by_type_ ? type + kSep : "") {
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
      node_.id.assign(key.substr(key.find(kSep) + 1));
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
  enum class Side { kOut, kIn, kInKeysOnly };

  RocksEdgeIterator(rocksdb::DB* db, bool read_only, rocksdb::ColumnFamilyHandle* out,
                    rocksdb::ColumnFamilyHandle* in, const std::string& prefix, Side side)
      : db_(db), out_(out), side_(side), scan_(db, read_only, side == Side::kOut ? out : in, prefix) {
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
    bool split = side_ == Side::kOut ? SplitEdgeKey(key, &edge_.src, &edge_.type, &edge_.dst, &edge_.key)
                                     : SplitEdgeKey(key, &edge_.dst, &edge_.type, &edge_.src, &edge_.key);
    if (!split) {
      status_ = Status::Storage("corrupt edge key in the store");
      return;
    }
    if (side_ == Side::kInKeysOnly) {
      valid_ = true;
      return;
    }
    std::string value;
    std::string_view raw;
    if (side_ == Side::kIn) {
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
  Side side_;
  BoundedScan scan_;
  Edge edge_;
  bool valid_ = false;
  Status status_;
};

class RocksStore : public Store, private StoredGraphReader {
 public:
  RocksStore(std::string dir, bool read_only, std::string secondary_dir)
      : dir_(std::move(dir)), read_only_(read_only), secondary_dir_(std::move(secondary_dir)) {}

  ~RocksStore() override {
    if (db_ != nullptr) {
      if (!read_only_) {
        {
          std::lock_guard<std::mutex> lock(write_mu_);
          (void)CommitAndWait();
        }
        StopCommitter();
        // Flush the memtables so that a reader opened later finds SST files,
        // not hundreds of MB of write-ahead log to replay on every open.
        rocksdb::FlushOptions flush;
        flush.wait = true;
        db_->Flush(flush, handles_).PermitUncheckedError();
      }
      for (rocksdb::ColumnFamilyHandle* h : handles_) db_->DestroyColumnFamilyHandle(h);
      db_->Close().PermitUncheckedError();
      db_.reset();
    }
    if (!secondary_dir_.empty()) {
      std::error_code ec;
      fs::remove_all(secondary_dir_, ec);
    }
  }

  // Opens (creating when allowed) and checks the schema version.
  Status Open(bool create) {
    rocksdb::DBOptions db_options;
    db_options.create_if_missing = create;
    // Also for an existing store: a later 1.x may add a column family.
    db_options.create_missing_column_families = !read_only_;
    db_options.IncreaseParallelism(2);
    db_options.max_background_jobs = 2;
    // Bulk ingest fills several memtables; cap their sum (a writer's memtables
    // are most of its memory).
    db_options.db_write_buffer_size = read_only_ ? 96 << 20 : kMemtableBytes;
    if (read_only_) db_options.max_open_files = -1;  // required by secondaries

    rocksdb::BlockBasedTableOptions table;
    table.block_cache = rocksdb::NewLRUCache(read_only_ ? 32 << 20 : kWriterBlockCacheBytes);
    table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
    // A writer keeps index and filter blocks in the block cache, so its memory
    // stays within it however large the store grows (flat RSS on long
    // ingests). A reader walks every key once per export and looks up edges
    // per node: evicted index blocks would be read and decompressed again and
    // again (a JSON-LD export of 2M edges went from 45 s to ~35 min), so a
    // reader keeps them in its table readers; they are a few MB per GB.
    table.cache_index_and_filter_blocks = !read_only_;
    table.pin_l0_filter_and_index_blocks_in_cache = !read_only_;
    rocksdb::ColumnFamilyOptions cf_options;
    cf_options.compaction_style = rocksdb::kCompactionStyleLevel;
    cf_options.write_buffer_size = read_only_ ? 64 << 20 : kMemtableBytes / 2;
    cf_options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));

    std::vector<rocksdb::ColumnFamilyDescriptor> families;
    for (const char* name : kCfNames) families.emplace_back(name, cf_options);

    rocksdb::DB* db = nullptr;
    rocksdb::Status s = read_only_ ? rocksdb::DB::OpenAsSecondary(db_options, dir_, secondary_dir_,
                                                                  families, &handles_, &db)
                                   : rocksdb::DB::Open(db_options, dir_, families, &handles_, &db);
    if (!s.ok()) {
      std::string msg = s.ToString();
      if (s.IsIOError() &&
          (msg.find("lock") != std::string::npos || msg.find("LOCK") != std::string::npos)) {
        return Status::Storage("store " + dir_ +
                               " is in use by another writer (wait for it to finish, or open it "
                               "read-only): " +
                               msg);
      }
      return Status::Storage("cannot open store " + dir_ + ": " + msg);
    }
    db_.reset(db);
    if (read_only_) db_->TryCatchUpWithPrimary().PermitUncheckedError();
    return CheckOrWriteMeta();
  }

  // Marks a store this process created: reads may then trust the session
  // filter (every key in the store was written through this object).
  void SetCreatedHere() { session_filter_ = std::make_unique<SessionKeyFilter>(kSessionFilterBytes); }
  // With more than one article a group, batches are written by a committer
  // thread while the caller builds the next group.
  void SetGroupArticles(size_t n) {
    group_articles_ = std::max<size_t>(n, 1);
    if (group_articles_ > 1 && !read_only_ && !committer_.joinable()) {
      committer_ = std::thread([this] { CommitterLoop(); });
    }
  }

  Status WriteArticle(const ArticleGraph& graph, bool* added) override {
    *added = false;
    if (read_only_) return Status::Usage("store " + dir_ + " is open read-only");
    std::lock_guard<std::mutex> lock(write_mu_);
    if (!commit_status_.ok()) return commit_status_;
    if (!graph.content_hash.empty()) {
      std::string existing;
      bool found = false;
      Status s = Read(kDocs, graph.content_hash, &existing, &found);
      if (!s.ok()) return s;
      if (found) return Status::OK();
    }
    ArticleWrites writes;
    Status st = PlanArticleWrites(graph, this, &writes);
    if (!st.ok()) return st;

    // The article's writes join the pending ones; a commit writes whole
    // articles only, so an article is stored whole or not at all.
    std::string value;
    for (const Node& n : writes.nodes) {
      // Entities and topics recur in later articles, claims and articles
      // do not: only the former are worth keeping in memory.
      Put(kNodes, n.id, EncodeNodeValue(n), IsEntityType(n.type) || n.type == "Topic");
      Put(kTypes, n.type + kSep + n.id, "");
    }
    for (const Edge& e : writes.edges) {
      value.clear();
      EncodeProperties(e.props, &value);
      Put(kOut, EdgeOutKey(e.src, e.type, e.dst, e.key), std::move(value), RecursAcrossArticles(e));
      Put(kIn, EdgeOutKey(e.dst, e.type, e.src, e.key), "");
    }
    for (const auto& [alias, ids] : writes.names) Put(kNames, alias, ids, /*keep=*/true);
    if (!graph.content_hash.empty()) Put(kDocs, graph.content_hash, graph.article_id);
    *added = true;
    if (++pending_articles_ >= group_articles_ || pending_.bytes() >= kCommitBytes) {
      return Commit();
    }
    return Status::OK();
  }

  Status Flush() override {
    if (read_only_) return Status::OK();
    std::lock_guard<std::mutex> lock(write_mu_);
    return CommitAndWait();
  }

  Status GetNode(const std::string& id, Node* node) override {
    std::lock_guard<std::mutex> lock(write_mu_);
    bool found = false;
    Status s = ReadNode(id, node, &found);
    if (s.ok() && !found) return Status::NotFound("no node \"" + id + "\"");
    return s;
  }

  Status LookupName(const std::string& alias, std::string* id) override {
    std::lock_guard<std::mutex> lock(write_mu_);
    std::vector<std::string> ids;
    Status s = ReadNameIds(alias, &ids);
    if (!s.ok()) return s;
    return ResolveNameIds(alias, ids, id);
  }

  std::unique_ptr<NodeIterator> NewNodeIterator(const std::string& type) override {
    CommitBeforeScan();
    return std::make_unique<RocksNodeIterator>(db_.get(), read_only_, handles_[kNodes],
                                               handles_[kTypes], type);
  }
  std::unique_ptr<EdgeIterator> NewEdgeIterator() override {
    CommitBeforeScan();
    return std::make_unique<RocksEdgeIterator>(db_.get(), read_only_, handles_[kOut], handles_[kIn],
                                               "", RocksEdgeIterator::Side::kOut);
  }
  std::unique_ptr<EdgeIterator> NewOutEdgeIterator(const std::string& src) override {
    CommitBeforeScan();
    return std::make_unique<RocksEdgeIterator>(db_.get(), read_only_, handles_[kOut], handles_[kIn],
                                               src + kSep, RocksEdgeIterator::Side::kOut);
  }
  std::unique_ptr<EdgeIterator> NewInEdgeIterator(const std::string& dst) override {
    CommitBeforeScan();
    return std::make_unique<RocksEdgeIterator>(db_.get(), read_only_, handles_[kOut], handles_[kIn],
                                               dst + kSep, RocksEdgeIterator::Side::kIn);
  }
  std::unique_ptr<EdgeIterator> NewInEdgeKeyScan() override {
    CommitBeforeScan();
    return std::make_unique<RocksEdgeIterator>(db_.get(), read_only_, handles_[kOut], handles_[kIn],
                                               "", RocksEdgeIterator::Side::kInKeysOnly);
  }

  Status CountByType(std::map<std::string, uint64_t>* nodes,
                     std::map<std::string, uint64_t>* edges) override {
    nodes->clear();
    edges->clear();
    CommitBeforeScan();
    {
      std::lock_guard<std::mutex> lock(write_mu_);
      if (!commit_status_.ok()) return commit_status_;
    }
    // Keys only: "Type\0id" in `types`, "src\0TYPE\0dst\0key" in `out`.
    BoundedScan types(db_.get(), read_only_, handles_[kTypes], "");
    for (rocksdb::Iterator* it = types.it(); it->Valid(); it->Next()) {
      std::string_view key(it->key().data(), it->key().size());
      ++(*nodes)[std::string(key.substr(0, key.find(kSep)))];
    }
    if (!types.it()->status().ok()) return FromRocks(types.it()->status(), "counting nodes");
    BoundedScan out(db_.get(), read_only_, handles_[kOut], "");
    for (rocksdb::Iterator* it = out.it(); it->Valid(); it->Next()) {
      std::string_view key(it->key().data(), it->key().size());
      size_t a = key.find(kSep);
      size_t b = a == std::string_view::npos ? a : key.find(kSep, a + 1);
      if (b == std::string_view::npos) return Status::Storage("corrupt edge key in " + dir_);
      ++(*edges)[std::string(key.substr(a + 1, b - a - 1))];
    }
    return FromRocks(out.it()->status(), "counting edges");
  }

 private:
  // Records a write (and its key in the session filter for the families
  // that are read back).
  void Put(Cf cf, const std::string& key, std::string value, bool keep = false) {
    if (session_filter_ != nullptr && cf != kTypes && cf != kIn) session_filter_->Add(cf, key);
    pending_.Put(cf, key, std::move(value), keep);
  }

  // Writes `writes` as one batch, keys in order within each family.
  rocksdb::Status WriteBatchOf(const PendingWrites& writes) {
    batch_.Clear();  // keeps its buffer: no multi-MB allocation per commit
    writes.ForEach([&](size_t cf, const std::string& key, const std::string& value) {
      batch_.Put(handles_[cf], key, value);
    });
    // The WAL stays on (a crash loses at most the unsynced tail, never part
    // of a batch); no fsync per batch, which would dominate bulk ingest.
    rocksdb::WriteOptions options;
    options.sync = false;
    options.disableWAL = false;
    return db_->Write(options, &batch_);
  }

  // Starts committing the pending articles as one batch: on the committer
  // thread when there is one (after the previous batch is written), else
  // here. Returns the sticky failure of an earlier commit, if any: a failed
  // commit stores none of its articles, and later writes return its
  // failure. Needs write_mu_.
  Status Commit() {
    if (!commit_status_.ok()) return commit_status_;
    if (pending_.empty()) return Status::OK();
    if (!committer_.joinable()) {
      commit_status_ = FromRocks(WriteBatchOf(pending_), "writing to " + dir_);
      if (commit_status_.ok()) pending_.CopyKeptTo(&written_);
      pending_.Clear();
      pending_articles_ = 0;
      return commit_status_;
    }
    Status s = WaitForCommitter();
    if (!s.ok()) return s;
    // committing_ is empty now; the pending writes become the batch in
    // flight, still readable here (nobody changes them while in flight).
    std::swap(pending_, committing_);
    pending_articles_ = 0;
    {
      std::lock_guard<std::mutex> lock(committer_mu_);
      in_flight_ = true;
    }
    committer_cv_.notify_all();
    return Status::OK();
  }

  // Waits until the batch in flight (if any) is written, then keeps its
  // entity values and drops it. Needs write_mu_.
  Status WaitForCommitter() {
    rocksdb::Status result;
    {
      std::unique_lock<std::mutex> lock(committer_mu_);
      committer_cv_.wait(lock, [this] { return !in_flight_; });
      result = committer_result_;
      committer_result_ = rocksdb::Status::OK();
    }
    if (!result.ok()) {
      commit_status_ = FromRocks(result, "writing to " + dir_);
    } else {
      committing_.CopyKeptTo(&written_);
    }
    committing_.Clear();
    return commit_status_;
  }

  // Commits what is pending and waits until it is written. Needs write_mu_.
  Status CommitAndWait() {
    Status s = Commit();
    if (!s.ok() || !committer_.joinable()) return s;
    return WaitForCommitter();
  }

  void CommitterLoop() {
    std::unique_lock<std::mutex> lock(committer_mu_);
    for (;;) {
      committer_cv_.wait(lock, [this] { return in_flight_ || stop_committer_; });
      if (!in_flight_) return;  // stopping, nothing left to write
      lock.unlock();
      rocksdb::Status s = WriteBatchOf(committing_);
      ReleaseFreedMemory();
      lock.lock();
      committer_result_ = s;
      in_flight_ = false;
      committer_cv_.notify_all();
    }
  }

  void StopCommitter() {
    if (!committer_.joinable()) return;
    {
      std::lock_guard<std::mutex> lock(committer_mu_);
      stop_committer_ = true;
    }
    committer_cv_.notify_all();
    committer_.join();
  }

  // Scans read RocksDB directly: commit what is pending first (a failure is
  // returned by the next write or Flush).
  void CommitBeforeScan() {
    if (read_only_) return;
    std::lock_guard<std::mutex> lock(write_mu_);
    (void)CommitAndWait();
  }

  // The value of `key` in `cf`: pending, else stored. Needs write_mu_ when
  // writable.
  Status Read(Cf cf, const std::string& key, std::string* value, bool* found) {
    *found = false;
    if (!read_only_) {
      // Every key written in this session is in the filter first, so a
      // "never written" answer skips the in-memory lookups too.
      if (session_filter_ != nullptr && !session_filter_->MayContain(cf, key)) {
        return Status::OK();
      }
      for (const PendingWrites* writes : {&pending_, &committing_}) {
        if (const std::string* v = writes->Find(cf, key)) {
          *value = *v;
          *found = true;
          return Status::OK();
        }
      }
      if (std::string_view written; written_.Find(cf, key, &written)) {
        value->assign(written);
        *found = true;
        return Status::OK();
      }
    }
    rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), handles_[cf], key, value);
    if (s.IsNotFound()) return Status::OK();
    if (!s.ok()) return FromRocks(s, "reading " + dir_);
    *found = true;
    return Status::OK();
  }

  Status CheckOrWriteMeta() {
    std::string format, version;
    rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), handles_[kMeta], "format", &format);
    if (s.IsNotFound()) {
      // Every column family of a claimgraph store is there (the open named
      // them all) but the version is not yet: a writer is creating the store,
      // or was killed while it did. Nothing is stored yet; a reader sees an
      // empty store and the next writer writes the version.
      if (read_only_) return Status::OK();
      rocksdb::WriteBatch batch;
      batch.Put(handles_[kMeta], "format", kFormatName);
      batch.Put(handles_[kMeta], "schema_version", kSchemaVersion);
      rocksdb::WriteOptions options;
      options.sync = true;
      return FromRocks(db_->Write(options, &batch), "initialising store " + dir_);
    }
    if (!s.ok()) return FromRocks(s, "reading " + dir_);
    s = db_->Get(rocksdb::ReadOptions(), handles_[kMeta], "schema_version", &version);
    if (!s.ok() && !s.IsNotFound()) return FromRocks(s, "reading " + dir_);
    if (format != kFormatName) return Status::Usage(dir_ + " is not a claimgraph store");
    if (std::atoi(version.c_str()) != kSchemaMajor) {
      return Status::Usage("store " + dir_ + " has schema version " + version +
                           "; this claimgraph reads version " + std::to_string(kSchemaMajor) +
                           ".x only");
    }
    return Status::OK();
  }

  // StoredGraphReader (also the plain point reads).
  Status ReadNode(const std::string& id, Node* node, bool* found) override {
    std::string value;
    Status s = Read(kNodes, id, &value, found);
    if (!s.ok() || !*found) return s;
    *found = false;
    node->id = id;
    if (!DecodeNodeValue(value, node))
      return Status::Storage("corrupt value of node \"" + id + "\"");
    *found = true;
    return Status::OK();
  }

  Status ReadEdgeProps(const Edge& e, Properties* props, bool* found) override {
    std::string value;
    Status s = Read(kOut, EdgeOutKey(e.src, e.type, e.dst, e.key), &value, found);
    if (!s.ok() || !*found) return s;
    *found = false;
    if (!DecodeProperties(value, props)) {
      return Status::Storage("corrupt value of edge " + e.src + " " + e.type + " " + e.dst);
    }
    *found = true;
    return Status::OK();
  }

  Status ReadNameIds(const std::string& alias, std::vector<std::string>* ids) override {
    std::string value;
    bool found = false;
    ids->clear();
    Status s = Read(kNames, alias, &value, &found);
    if (!s.ok() || !found) return s;
    *ids = SplitList(value);
    return Status::OK();
  }

  std::string dir_;
  bool read_only_;
  std::string secondary_dir_;  // a temporary directory, removed on close
  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  // Guards the pending writes, the written cache, the filter and the commit
  // status (and committing_ when no batch is in flight).
  std::mutex write_mu_;
  PendingWrites pending_{kCfCount};
  // The batch the committer thread is writing (empty when none); read-only
  // while in_flight_, changed only under write_mu_ otherwise.
  PendingWrites committing_{kCfCount};
  WrittenCache written_{kCfCount, kWrittenCacheBytes};
  rocksdb::WriteBatch batch_;  // used by whichever thread writes a batch
  // The committer thread and its hand-off, guarded by committer_mu_.
  std::thread committer_;
  std::mutex committer_mu_;
  std::condition_variable committer_cv_;
  bool in_flight_ = false;
  bool stop_committer_ = false;
  rocksdb::Status committer_result_;
  size_t pending_articles_ = 0;
  size_t group_articles_ = 1;
  std::unique_ptr<SessionKeyFilter> session_filter_;  // only for a store created here
  Status commit_status_;
};

// Decides whether `dir` may be opened: Usage for a file, for a directory
// with foreign files, for a missing store when we may not create one.
Status CheckStoreDirectory(const std::string& dir, const StoreOptions& options, bool* exists) {
  std::error_code ec;
  fs::file_status st = fs::status(dir, ec);
  *exists = false;
  if (fs::exists(st)) {
    if (!fs::is_directory(st)) return Status::Usage(dir + " is a file, not a store directory");
    if (fs::exists(fs::path(dir) / "CURRENT", ec)) {
      std::vector<std::string> families;
      rocksdb::Status s = rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir, &families);
      if (!s.ok()) return FromRocks(s, "cannot read store " + dir);
      bool has_meta = false;
      bool only_ours = true;  // every family is one a claimgraph store has
      for (const std::string& f : families) {
        has_meta = has_meta || f == "meta";
        only_ours = only_ours && std::find(std::begin(kCfNames), std::end(kCfNames), f) != std::end(kCfNames);
      }
      if (!has_meta && only_ours && !options.read_only) {
        // An ingest killed while it created the store: RocksDB wrote CURRENT
        // before our column families. A writer finishes the creation.
        *exists = true;
        return Status::OK();
      }
      if (!has_meta && only_ours) {
        return Status::Usage(dir + " is not a claimgraph store yet (its creation was interrupted; "
                             "run claimgraph ingest on it again)");
      }
      if (!has_meta)
        return Status::Usage(dir + " is a RocksDB database but not a claimgraph store");
      *exists = true;
      return Status::OK();
    }
    if (!fs::is_empty(dir, ec)) {
      return Status::Usage(dir + " is not a claimgraph store (the directory holds other files)");
    }
  }
  if (options.read_only || !options.create_if_missing) {
    return Status::Usage("no claimgraph store in " + dir);
  }
  return Status::OK();
}

}  // namespace

namespace {

Status OpenRocksStoreOnce(const std::string& dir, const StoreOptions& options, std::unique_ptr<Store>* store);

}  // namespace

Status OpenRocksStore(const std::string& dir, const StoreOptions& options,
                      std::unique_ptr<Store>* store) {
  Status s = OpenRocksStoreOnce(dir, options, store);
  // A writer that has just created the store adds its column families and
  // schema version one step at a time; a reader that opens in between sees a
  // RocksDB database that is not (yet) a claimgraph store. It waits for the
  // writer for up to two seconds before it says so.
  for (int attempt = 0; options.read_only && !s.ok() && s.code() == Status::Code::kUsage &&
                        s.message().find("not a claimgraph store") != std::string::npos && attempt < 40;
       ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    s = OpenRocksStoreOnce(dir, options, store);
  }
  return s;
}

namespace {

Status OpenRocksStoreOnce(const std::string& dir, const StoreOptions& options, std::unique_ptr<Store>* store) {
  bool exists = false;
  Status s = CheckStoreDirectory(dir, options, &exists);
  if (!s.ok()) return s;

  std::string secondary;
  if (options.read_only) {
    // A secondary instance reads while a writer holds the lock; it needs a
    // private directory for its own info log and manifest copy.
    std::string pattern = (fs::temp_directory_path() / "claimgraph-reader-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      return Status::Storage("cannot create a temporary directory for reading " + dir);
    }
    secondary = pattern;
  }
  if (!exists && !options.read_only) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return Status::Usage("cannot create store directory " + dir + ": " + ec.message());
  }
  auto rocks = std::make_unique<RocksStore>(dir, options.read_only, secondary);
  s = rocks->Open(/*create=*/!exists && !options.read_only);
  if (!s.ok()) return s;
  if (!exists && !options.read_only) rocks->SetCreatedHere();
  rocks->SetGroupArticles(options.group_articles);
  *store = std::move(rocks);
  return Status::OK();
}

}  // namespace

}  // namespace claimgraph
