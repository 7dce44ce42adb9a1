// claimgraph_store_floor: the floor of the store itself (issue #6). How long
// does RocksDB take just to write the keys and values that `claimgraph
// ingest` wrote, with no extraction, graph building or merging?
//
//   claimgraph_store_floor SRC_DB WORK_DIR [--articles-per-batch N]
//
// Reads every key/value of every column family of SRC_DB (a store built by
// `claimgraph ingest`; untimed), then writes them into two fresh stores under
// WORK_DIR, both opened with the store's own writer options
// (graph/rocksdb_options.h):
//   write_batch  sorted WriteBatches as ingest commits them: the keys in a
//                deterministic shuffle, cut into groups of as many keys as N
//                articles hold on average (ingest: 512 articles, at most
//                4 MiB), each group sorted by family and key; WAL on, no
//                sync; then the memtables flushed and the store closed.
//   sst          one SstFileWriter file per column family (keys in order),
//                then IngestExternalFile into the fresh store and closed.
// Prints one line per method: "METHOD wall W cpu C keys K bytes B batches N"
// (wall and CPU seconds of the process, all threads, RocksDB's background
// flushes and compactions included), after "read keys K bytes B articles A".
//
// Thread safety: a single-threaded program (RocksDB runs its own threads).
#include <rocksdb/db.h>
#include <rocksdb/env.h>
#include <rocksdb/options.h>
#include <rocksdb/sst_file_writer.h>
#include <rocksdb/write_batch.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "graph/rocksdb_options.h"

namespace {

namespace fs = std::filesystem;

// ingest's group (cli/ingest.cc) and byte cap (graph/rocksdb_store.cc).
constexpr size_t kDefaultArticlesPerBatch = 512;
constexpr size_t kCommitBytes = 4u << 20;

struct Entry {
  uint32_t cf;
  std::string key;
  std::string value;
};

struct Clock {
  std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
  double cpu = Cpu();
  static double Cpu() {
    rusage u;
    getrusage(RUSAGE_SELF, &u);  // all threads of the process
    return u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 + u.ru_stime.tv_sec +
           u.ru_stime.tv_usec / 1e6;
  }
  double Wall() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count();
  }
  double CpuSince() const { return Cpu() - cpu; }
};

[[noreturn]] void Die(const std::string& what, const rocksdb::Status& s) {
  std::fprintf(stderr, "claimgraph_store_floor: %s: %s\n", what.c_str(), s.ToString().c_str());
  std::exit(1);
}

void Check(const rocksdb::Status& s, const std::string& what) {
  if (!s.ok()) Die(what, s);
}

// Opens a fresh store in `dir` with the writer options and `names` families.
std::unique_ptr<rocksdb::DB> OpenFresh(const std::string& dir, const std::vector<std::string>& names,
                                       std::vector<rocksdb::ColumnFamilyHandle*>* handles,
                                       rocksdb::Options* options_out) {
  rocksdb::DBOptions db_options;
  rocksdb::ColumnFamilyOptions cf_options;
  claimgraph::MakeRocksOptions(/*read_only=*/false, &db_options, &cf_options);
  db_options.create_if_missing = true;
  db_options.error_if_exists = true;
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (const std::string& name : names) families.emplace_back(name, cf_options);
  rocksdb::DB* db = nullptr;
  Check(rocksdb::DB::Open(db_options, dir, families, handles, &db), "opening " + dir);
  if (options_out != nullptr) *options_out = rocksdb::Options(db_options, cf_options);
  return std::unique_ptr<rocksdb::DB>(db);
}

void Close(std::unique_ptr<rocksdb::DB> db, std::vector<rocksdb::ColumnFamilyHandle*>* handles) {
  rocksdb::FlushOptions flush;
  flush.wait = true;
  Check(db->Flush(flush, *handles), "flushing");
  for (rocksdb::ColumnFamilyHandle* h : *handles) Check(db->DestroyColumnFamilyHandle(h), "closing");
  handles->clear();
  Check(db->Close(), "closing");
}

void Report(const char* method, const Clock& clock, size_t keys, size_t bytes, size_t batches) {
  std::printf("%s wall %.3f cpu %.3f keys %zu bytes %zu batches %zu\n", method, clock.Wall(),
              clock.CpuSince(), keys, bytes, batches);
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  size_t per_batch = kDefaultArticlesPerBatch;
  std::vector<std::string> paths;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--articles-per-batch" && i + 1 < args.size()) {
      per_batch = std::max<size_t>(1, std::strtoul(args[++i].c_str(), nullptr, 10));
    } else {
      paths.push_back(args[i]);
    }
  }
  if (paths.size() != 2) {
    std::fprintf(stderr,
                 "usage: claimgraph_store_floor SRC_DB WORK_DIR [--articles-per-batch N]\n");
    return 2;
  }
  const std::string src = paths[0], work = paths[1];

  // Read the source store (untimed).
  std::vector<std::string> names;
  Check(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), src, &names), "listing " + src);
  std::vector<Entry> entries;
  size_t bytes = 0, articles = 0;
  {
    std::vector<rocksdb::ColumnFamilyDescriptor> families;
    for (const std::string& name : names) families.emplace_back(name, rocksdb::ColumnFamilyOptions());
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* raw = nullptr;
    Check(rocksdb::DB::OpenForReadOnly(rocksdb::DBOptions(), src, families, &handles, &raw),
          "opening " + src);
    std::unique_ptr<rocksdb::DB> db(raw);
    for (uint32_t cf = 0; cf < handles.size(); ++cf) {
      std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), handles[cf]));
      for (it->SeekToFirst(); it->Valid(); it->Next()) {
        entries.push_back({cf, it->key().ToString(), it->value().ToString()});
        bytes += it->key().size() + it->value().size();
        if (names[cf] == "docs") ++articles;
      }
      Check(it->status(), "reading " + src);
    }
    for (rocksdb::ColumnFamilyHandle* h : handles) Check(db->DestroyColumnFamilyHandle(h), "closing");
  }
  std::printf("read keys %zu bytes %zu articles %zu\n", entries.size(), bytes, articles);
  std::error_code ec;
  fs::remove_all(work, ec);
  fs::create_directories(work);

  // (a) sorted WriteBatches of about `per_batch` articles' keys each.
  {
    std::vector<const Entry*> order;
    order.reserve(entries.size());
    for (const Entry& e : entries) order.push_back(&e);
    std::mt19937_64 rng(6);
    std::shuffle(order.begin(), order.end(), rng);
    const size_t group_keys =
        std::max<size_t>(1, entries.size() * per_batch / std::max<size_t>(1, articles));
    auto less = [](const Entry* a, const Entry* b) {
      return a->cf != b->cf ? a->cf < b->cf : a->key < b->key;
    };

    Clock clock;
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    std::unique_ptr<rocksdb::DB> db = OpenFresh(work + "/write_batch", names, &handles, nullptr);
    rocksdb::WriteBatch batch;
    rocksdb::WriteOptions options;
    options.sync = false;
    size_t batches = 0;
    for (size_t begin = 0; begin < order.size();) {
      size_t end = begin, group_bytes = 0;
      while (end < order.size() && end - begin < group_keys && group_bytes < kCommitBytes) {
        group_bytes += order[end]->key.size() + order[end]->value.size();
        ++end;
      }
      std::sort(order.begin() + begin, order.begin() + end, less);
      batch.Clear();
      for (size_t i = begin; i < end; ++i) {
        Check(batch.Put(handles[order[i]->cf], order[i]->key, order[i]->value), "batching");
      }
      Check(db->Write(options, &batch), "writing");
      ++batches;
      begin = end;
    }
    Close(std::move(db), &handles);
    Report("write_batch", clock, entries.size(), bytes, batches);
  }

  // (b) SstFileWriter, one file per non-empty family, and IngestExternalFile.
  {
    Clock clock;
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::Options options;
    std::unique_ptr<rocksdb::DB> db = OpenFresh(work + "/sst", names, &handles, &options);
    size_t files = 0;
    size_t i = 0;
    for (uint32_t cf = 0; cf < names.size(); ++cf) {
      if (i == entries.size() || entries[i].cf != cf) continue;
      const std::string file = work + "/sst-" + std::to_string(cf) + ".sst";
      rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), options, handles[cf]);
      Check(writer.Open(file), "creating " + file);
      for (; i < entries.size() && entries[i].cf == cf; ++i) {
        Check(writer.Put(entries[i].key, entries[i].value), "writing " + file);
      }
      Check(writer.Finish(), "finishing " + file);
      rocksdb::IngestExternalFileOptions ingest;
      ingest.move_files = true;
      Check(db->IngestExternalFile(handles[cf], {file}, ingest), "ingesting " + file);
      ++files;
    }
    Close(std::move(db), &handles);
    Report("sst", clock, entries.size(), bytes, files);
  }
  fs::remove_all(work, ec);
  return 0;
}
