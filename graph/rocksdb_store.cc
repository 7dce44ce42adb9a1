// The RocksDB store: options, opening, point reads and the write path (its
// scans are in rocksdb_scan.cc, its write buffering in write_committer.cc).
// With rocksdb_scan.cc the only file that includes RocksDB. Key layout, value
// encoding and schema version are described in schemas/rocksdb-layout.md;
// every rocksdb::Status becomes a claimgraph Status here or there.
#include <rocksdb/db.h>
#include <rocksdb/options.h>
#include <rocksdb/write_batch.h>
#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <system_error>
#include <thread>

#include "graph/article_merge.h"
#include "graph/pending_writes.h"
#include "graph/property_codec.h"
#include "graph/rocksdb_options.h"
#include "graph/rocksdb_scan.h"
#include "graph/store.h"
#include "graph/write_committer.h"

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

// Writes wait in memory (WriteCommitter) and are committed as one batch of
// whole articles once StoreOptions::group_articles are pending or they pass
// this size, on Flush and on close. Two such batches (one pending, one in
// flight) and the WriteBatch are held at once; groups of 4 MiB cost no more
// CPU than groups of 8 MiB and hold ~12 MB less at the peak.
constexpr size_t kCommitBytes = 4u << 20;
// The Bloom filter of the keys written to a store this process created,
// except those an article owns (ArticleScope): ~0.65M keys for news-bench
// x10 (~100 bits a key), where all keys would be ~13M.
constexpr size_t kSessionFilterBytes = 8u << 20;
// The committed values of entity and topic nodes and of name-index entries
// that the writer keeps, so the merges of later articles read them from
// memory (see WrittenCache).
constexpr size_t kWrittenCacheBytes = 32u << 20;
// (The memtable and block-cache sizes are in rocksdb_options.cc.)

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

class RocksStore : public Store, private StoredGraphReader {
 public:
  RocksStore(std::string dir, bool read_only, std::string secondary_dir)
      : dir_(std::move(dir)),
        read_only_(read_only),
        secondary_dir_(std::move(secondary_dir)),
        committer_(kCfCount, kWrittenCacheBytes, kCommitBytes, [this](const PendingWrites& batch) {
          return FromRocks(WriteBatchOf(batch), "writing to " + dir_);
        }) {}

  ~RocksStore() override {
    if (db_ != nullptr) {
      if (!read_only_) {
        {
          std::lock_guard<std::mutex> lock(write_mu_);
          (void)committer_.CommitAndWait();
        }
        committer_.Stop();
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
    rocksdb::ColumnFamilyOptions cf_options;
    MakeRocksOptions(read_only_, &db_options, &cf_options);
    db_options.create_if_missing = create;

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
    if (!read_only_) committer_.SetGroupArticles(n);
  }

  Status WriteArticle(const ArticleGraph& graph, bool* added) override {
    *added = false;
    if (read_only_) return Status::Usage("store " + dir_ + " is open read-only");
    std::lock_guard<std::mutex> lock(write_mu_);
    if (!committer_.status().ok()) return committer_.status();
    if (!graph.content_hash.empty()) {
      std::string existing;
      bool found = false;
      Status s = Read(kDocs, graph.content_hash, &existing, &found, /*filtered=*/true);
      if (!s.ok()) return s;
      if (found) return Status::OK();
    }
    // Whether the store has the article already: when it does not, the keys
    // the article owns are new and the merge reads none of them.
    scope_ = ArticleScope(graph.article_id);
    std::string stored_article;
    Status st = Read(kNodes, graph.article_id, &stored_article, &article_stored_, /*filtered=*/true);
    if (!st.ok()) return st;
    ArticleWrites writes;
    st = PlanArticleWrites(graph, this, &writes);
    if (!st.ok()) return st;

    // The article's writes join the pending ones; a commit writes whole
    // articles only, so an article is stored whole or not at all.
    std::string value;
    for (const Node& n : writes.nodes) {
      // Entities and topics recur in later articles, claims and articles
      // do not: only the former are worth keeping in memory.
      Put(kNodes, n.id, EncodeNodeValue(n), IsEntityType(n.type) || n.type == "Topic",
          !scope_.OwnsNode(n.id));
      Put(kTypes, n.type + kKeySep + n.id, "", false, false);
    }
    for (const Edge& e : writes.edges) {
      value.clear();
      EncodeProperties(e.props, &value);
      Put(kOut, EdgeOutKey(e.src, e.type, e.dst, e.key), std::move(value), RecursAcrossArticles(e),
          !scope_.OwnsEdge(e));
      Put(kIn, EdgeOutKey(e.dst, e.type, e.src, e.key), "", false, false);
    }
    for (const auto& [alias, ids] : writes.names) Put(kNames, alias, ids, /*keep=*/true);
    if (!graph.content_hash.empty()) Put(kDocs, graph.content_hash, graph.article_id);
    scope_ = ArticleScope();
    *added = true;
    return committer_.ArticleDone();
  }

  Status Flush() override {
    if (read_only_) return Status::OK();
    std::lock_guard<std::mutex> lock(write_mu_);
    return committer_.CommitAndWait();
  }

  Status GetNode(const std::string& id, Node* node) override {
    std::lock_guard<std::mutex> lock(write_mu_);
    bool found = false;
    // Not through the filter: it leaves out the keys articles own.
    Status s = ReadNodeValue(id, node, &found, /*filtered=*/false);
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
    return NewRocksNodeIterator(db_.get(), read_only_, handles_[kNodes], handles_[kTypes], type);
  }
  std::unique_ptr<EdgeIterator> NewEdgeIterator() override {
    CommitBeforeScan();
    return NewRocksEdgeIterator(db_.get(), read_only_, handles_[kOut], handles_[kIn],
                                "", EdgeScanSide::kOut);
  }
  std::unique_ptr<EdgeIterator> NewOutEdgeIterator(const std::string& src) override {
    CommitBeforeScan();
    return NewRocksEdgeIterator(db_.get(), read_only_, handles_[kOut], handles_[kIn],
                                src + kKeySep, EdgeScanSide::kOut);
  }
  std::unique_ptr<EdgeIterator> NewInEdgeIterator(const std::string& dst) override {
    CommitBeforeScan();
    return NewRocksEdgeIterator(db_.get(), read_only_, handles_[kOut], handles_[kIn],
                                dst + kKeySep, EdgeScanSide::kIn);
  }
  std::unique_ptr<EdgeIterator> NewInEdgeKeyScan() override {
    CommitBeforeScan();
    return NewRocksEdgeIterator(db_.get(), read_only_, handles_[kOut], handles_[kIn],
                                "", EdgeScanSide::kInKeysOnly);
  }

  Status CountByType(std::map<std::string, uint64_t>* nodes,
                     std::map<std::string, uint64_t>* edges) override {
    CommitBeforeScan();
    {
      std::lock_guard<std::mutex> lock(write_mu_);
      if (!committer_.status().ok()) return committer_.status();
    }
    return CountRocksByType(db_.get(), read_only_, handles_[kTypes], handles_[kOut], dir_, nodes,
                            edges);
  }

 private:
  // Records a write; `tracked`: its key goes in the session filter (keys
  // the current article owns do not: see ReadNode; nor do the `types` and
  // `in` families, never read back).
  void Put(Cf cf, const std::string& key, std::string value, bool keep = false,
           bool tracked = true) {
    if (session_filter_ != nullptr && tracked) session_filter_->Add(cf, key);
    committer_.Put(cf, key, std::move(value), keep);
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

  // Scans read RocksDB directly: commit what is pending first (a failure is
  // returned by the next write or Flush).
  void CommitBeforeScan() {
    if (read_only_) return;
    std::lock_guard<std::mutex> lock(write_mu_);
    (void)committer_.CommitAndWait();
  }

  // The value of `key` in `cf`: pending or kept (WriteCommitter), else
  // stored. `filtered`: the key is one the session filter tracks, so its
  // "never written" answer is trusted. Needs write_mu_ when writable.
  Status Read(Cf cf, const std::string& key, std::string* value, bool* found, bool filtered) {
    *found = false;
    if (!read_only_) {
      // The filter is asked first, so a "never written" answer skips the
      // in-memory lookups too.
      if (filtered && session_filter_ != nullptr && !session_filter_->MayContain(cf, key)) {
        return Status::OK();
      }
      if (committer_.Find(cf, key, value)) {
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

  // StoredGraphReader, for the merge of the article in scope_: a key the
  // article owns is read only when the store has the article already, and
  // then not through the session filter, which leaves such keys out (they
  // are most keys, and never read again once their article is stored).
  Status ReadNode(const std::string& id, Node* node, bool* found) override {
    if (!scope_.OwnsNode(id)) return ReadNodeValue(id, node, found, /*filtered=*/true);
    *found = false;
    if (!article_stored_) return Status::OK();
    return ReadNodeValue(id, node, found, /*filtered=*/false);
  }

  Status ReadEdgeProps(const Edge& e, Properties* props, bool* found) override {
    if (!scope_.OwnsEdge(e)) return ReadEdgePropsValue(e, props, found, /*filtered=*/true);
    *found = false;
    if (!article_stored_) return Status::OK();
    return ReadEdgePropsValue(e, props, found, /*filtered=*/false);
  }

  Status ReadNodeValue(const std::string& id, Node* node, bool* found, bool filtered) {
    std::string value;
    Status s = Read(kNodes, id, &value, found, filtered);
    if (!s.ok() || !*found) return s;
    *found = false;
    node->id = id;
    if (!DecodeNodeValue(value, node))
      return Status::Storage("corrupt value of node \"" + id + "\"");
    *found = true;
    return Status::OK();
  }

  Status ReadEdgePropsValue(const Edge& e, Properties* props, bool* found, bool filtered) {
    std::string value;
    Status s = Read(kOut, EdgeOutKey(e.src, e.type, e.dst, e.key), &value, found, filtered);
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
    Status s = Read(kNames, alias, &value, &found, /*filtered=*/true);
    if (!s.ok() || !found) return s;
    *ids = SplitList(value);
    return Status::OK();
  }

  std::string dir_;
  bool read_only_;
  std::string secondary_dir_;  // a temporary directory, removed on close
  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  // Guards the committer and the filter.
  std::mutex write_mu_;
  rocksdb::WriteBatch batch_;  // used by whichever thread writes a batch
  WriteCommitter committer_;
  std::unique_ptr<SessionKeyFilter> session_filter_;  // only for a store created here
  // The article being merged, and whether the store had its node before.
  ArticleScope scope_;
  bool article_stored_ = true;
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
