// `claimgraph extract` and `claimgraph ingest`: the article pipeline with a
// consumer that prints claim lines or stores the article's graph.
#include <sys/stat.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "cli/commands.h"
#include "cli/pipeline.h"
#include "extract/claim_json.h"
#include "graph/builder.h"
#include "graph/store.h"

namespace claimgraph {

namespace {

// Buffers stdout writes; claim lines are small and many. Each claim line
// is written straight into the buffer's spare room (WriteClaimJson), which is
// never filled with anything else first.
class LineWriter {
 public:
  ~LineWriter() { Flush(); }
  void AddClaim(const Claim& claim) {
    Reserve(ClaimJsonBound(claim) + 1);
    char* end = WriteClaimJson(claim, buffer_.data() + used_);
    *end++ = '\n';
    used_ = end - buffer_.data();
    if (used_ >= (1u << 16)) Flush();
  }
  // Returns Internal when stdout could not be written.
  Status Flush() {
    if (used_ > 0) {
      const size_t n = std::fwrite(buffer_.data(), 1, used_, stdout);
      const bool complete = n == used_;
      used_ = 0;
      if (!complete) return Status::Internal("cannot write to standard output");
    }
    if (std::fflush(stdout) != 0) return Status::Internal("cannot write to standard output");
    return Status::OK();
  }

 private:
  // Room for n more bytes after the used ones.
  void Reserve(size_t n) {
    if (buffer_.size() - used_ < n) buffer_.resize(std::max({used_ + n, 2 * buffer_.size(), size_t{1} << 17}));
  }

  std::vector<char> buffer_;
  size_t used_ = 0;
};

Status CheckDate(const std::string& date) {
  if (date.empty() || IsIsoDate(date)) return Status::OK();
  return Status::Usage("--date: \"" + date + "\" is not a date written YYYY-MM-DD");
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Bytes of the input files (directories walked); 0 when unknown (stdin).
size_t InputBytes(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  size_t total = 0;
  std::error_code ec;
  for (const std::string& path : paths) {
    if (path == "-") return 0;
    if (fs::is_directory(path, ec)) {
      for (auto it = fs::recursive_directory_iterator(path, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec)) total += it->file_size(ec);
      }
    } else if (fs::is_regular_file(path, ec)) {
      total += fs::file_size(path, ec);
    }
  }
  return total;
}

// One self-overwriting line on stderr (a terminal):
//   "  8123 articles   9.6 / 24.8 MB   4.1 MB/s   ETA 0:04  [#######.....]"
// The ETA compares article text bytes with input file bytes (JSON escapes
// and metadata make the files ~10% larger), so it errs long.
class ProgressBar {
 public:
  ProgressBar(size_t total_bytes) : total_(total_bytes), start_(Clock::now()), last_(start_) {}

  void Update(size_t articles, size_t bytes) {
    const auto now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    shown_ = true;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double mb = static_cast<double>(bytes) / 1e6;
    const double rate = seconds > 0 ? mb / seconds : 0;
    // Appended piece by piece: g++ 12 -O3 warns falsely (-Wrestrict) on
    // "literal" + std::string&& here.
    std::string line = "\r";
    line += std::to_string(articles);
    line += " articles  ";
    char buf[160];
    if (total_ > 0) {
      const double fraction = std::min(1.0, static_cast<double>(bytes) / static_cast<double>(total_));
      const double eta = fraction > 0 ? seconds * (1 - fraction) / fraction : 0;
      const int filled = static_cast<int>(fraction * 20);
      std::snprintf(buf, sizeof buf, "%.1f / %.1f MB  %.1f MB/s  ETA %d:%02d  [%s%s]", mb,
                    static_cast<double>(total_) / 1e6, rate, static_cast<int>(eta) / 60,
                    static_cast<int>(eta) % 60, std::string(filled, '#').c_str(),
                    std::string(20 - filled, '.').c_str());
    } else {
      std::snprintf(buf, sizeof buf, "%.1f MB  %.1f MB/s", mb, rate);
    }
    line += buf;
    line += "\x1b[K";  // clear what a longer earlier line left
    std::fputs(line.c_str(), stderr);
  }

  // Clears the line when one was drawn.
  void Clear() {
    if (shown_) std::fputs("\r\x1b[K", stderr);
  }

 private:
  using Clock = std::chrono::steady_clock;
  size_t total_;
  Clock::time_point start_, last_;
  bool shown_ = false;
};

// The pipeline options that extract and ingest share.
template <typename Command>
PipelineOptions PipelineOptionsFor(const Command& cmd) {
  PipelineOptions options;
  options.paths = cmd.paths;
  options.default_date = cmd.date;
  options.lexicon_dir = cmd.lexicon_dir;
  options.topics_file = cmd.topics_file;
  options.strict = cmd.strict;
  options.threads = cmd.threads;
  return options;
}

}  // namespace

int RunExtract(const ExtractCommand& cmd) {
  Status s = CheckDate(cmd.date);
  if (!s.ok()) return ReportError(s);

  PipelineOptions options = PipelineOptionsFor(cmd);
  LineWriter out;
  PipelineResult result = RunPipeline(options, [&out](ExtractedArticle&& article) {
    for (const Claim& claim : article.claims) out.AddClaim(claim);
    return Status::OK();
  });
  s = out.Flush();
  if (!s.ok()) return ReportError(s);
  return result.exit_code;
}

int RunIngest(const IngestCommand& cmd) {
  Status s = CheckDate(cmd.date);
  if (!s.ok()) return ReportError(s);

#ifdef __GLIBC__
  // Every thread that allocates (reader, extraction workers, the store's
  // committer, RocksDB's background jobs) would get a glibc arena of its
  // own, each holding freed memory the others cannot reuse. One arena keeps
  // the peak RSS of a long ingest under its budget: news-bench x10 peaked at
  // 261 MB with two arenas and 245 MB with one, for ~12% more CPU (lock
  // contention). Set before any of those threads start.
  mallopt(M_ARENA_MAX, 1);
#endif
  const auto start = std::chrono::steady_clock::now();
  StoreOptions store_options;
  store_options.create_if_missing = true;
  store_options.group_articles = 512;  // bulk: commit sorted batches of whole articles
  std::unique_ptr<Store> store;
  s = OpenRocksStore(cmd.db, store_options, &store);
  if (!s.ok()) return ReportError(s);

  PipelineOptions options = PipelineOptionsFor(cmd);
  GraphBuilder builder(store.get());
  size_t added_articles = 0;
  std::unique_ptr<ProgressBar> progress;
  if (!cmd.quiet && isatty(STDERR_FILENO)) {
    progress = std::make_unique<ProgressBar>(InputBytes(cmd.paths));
  }
  size_t seen = 0, seen_bytes = 0;
  PipelineResult result = RunPipeline(options, [&](ExtractedArticle&& article) {
    ArticleGraph graph;
    Status st = builder.Build(article.doc, article.claims, &graph);
    if (!st.ok()) return st;
    bool added = false;
    st = store->WriteArticle(graph, &added);
    if (!st.ok()) return st;
    if (added) added_articles++;
    seen++;
    seen_bytes += article.doc.text.size();
    if (progress) progress->Update(seen, seen_bytes);
    return Status::OK();
  });
  Status flushed = store->Flush();
  store.reset();  // close (and flush) before reporting success
  if (progress) progress->Clear();
  if (!flushed.ok()) {
    ReportError(flushed);
    return 2;
  }
  if (!cmd.quiet) {
    std::fprintf(stderr, "ingested %zu articles (%zu new), %zu claims, %.1f MB in %.1f s\n",
                 result.articles, added_articles, result.claims,
                 static_cast<double>(result.bytes) / 1e6, SecondsSince(start));
  }
  return result.exit_code;
}

}  // namespace claimgraph
