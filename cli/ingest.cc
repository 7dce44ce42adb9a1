// `claimgraph extract` and `claimgraph ingest`: the article pipeline with a
// consumer that prints claim lines or stores the article's graph.
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/pipeline.h"
#include "extract/claim_json.h"
#include "graph/builder.h"
#include "graph/store.h"

namespace claimgraph {

namespace {

// Buffers stdout writes; claim lines are small and many.
class LineWriter {
 public:
  ~LineWriter() { Flush(); }
  void Add(const std::string& line) {
    buffer_.append(line);
    buffer_.push_back('\n');
    if (buffer_.size() >= (1u << 16)) Flush();
  }
  // Returns Internal when stdout could not be written.
  Status Flush() {
    if (!buffer_.empty()) {
      const size_t n = std::fwrite(buffer_.data(), 1, buffer_.size(), stdout);
      const bool complete = n == buffer_.size();
      buffer_.clear();
      if (!complete) return Status::Internal("cannot write to standard output");
    }
    if (std::fflush(stdout) != 0) return Status::Internal("cannot write to standard output");
    return Status::OK();
  }

 private:
  std::string buffer_;
};

Status CheckDate(const std::string& date) {
  if (date.empty() || IsIsoDate(date)) return Status::OK();
  return Status::Usage("--date: \"" + date + "\" is not a date written YYYY-MM-DD");
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int RunExtract(const ExtractCommand& cmd) {
  Status s = CheckDate(cmd.date);
  if (!s.ok()) return ReportError(s);

  PipelineOptions options;
  options.paths = cmd.paths;
  options.default_date = cmd.date;
  options.lexicon_dir = cmd.lexicon_dir;
  options.topics_file = cmd.topics_file;
  options.strict = cmd.strict;
  LineWriter out;
  PipelineResult result = RunPipeline(options, [&out](ExtractedArticle&& article) {
    for (const Claim& claim : article.claims) out.Add(ClaimToJson(claim));
    return Status::OK();
  });
  s = out.Flush();
  if (!s.ok()) return ReportError(s);
  return result.exit_code;
}

int RunIngest(const IngestCommand& cmd) {
  Status s = CheckDate(cmd.date);
  if (!s.ok()) return ReportError(s);

  const auto start = std::chrono::steady_clock::now();
  StoreOptions store_options;
  store_options.create_if_missing = true;
  std::unique_ptr<Store> store;
  s = OpenRocksStore(cmd.db, store_options, &store);
  if (!s.ok()) return ReportError(s);

  PipelineOptions options;
  options.paths = cmd.paths;
  options.default_date = cmd.date;
  options.lexicon_dir = cmd.lexicon_dir;
  options.topics_file = cmd.topics_file;
  options.strict = cmd.strict;
  GraphBuilder builder(store.get());
  size_t added_articles = 0;
  const bool live_progress = !cmd.quiet && isatty(STDERR_FILENO);
  auto last_progress = start;
  size_t seen = 0;
  PipelineResult result = RunPipeline(options, [&](ExtractedArticle&& article) {
    ArticleGraph graph;
    Status st = builder.Build(article.doc, article.claims, &graph);
    if (!st.ok()) return st;
    bool added = false;
    st = store->WriteArticle(graph, &added);
    if (!st.ok()) return st;
    if (added) added_articles++;
    seen++;
    if (live_progress) {
      const auto now = std::chrono::steady_clock::now();
      if (now - last_progress >= std::chrono::seconds(1)) {
        last_progress = now;
        std::fprintf(stderr, "\r%zu articles...", seen);
      }
    }
    return Status::OK();
  });
  store.reset();  // close (and flush) before reporting success
  if (!cmd.quiet) {
    if (live_progress && SecondsSince(start) >= 1.0) std::fprintf(stderr, "\r");
    std::fprintf(stderr, "ingested %zu articles (%zu new), %zu claims, %.1f MB in %.1f s\n",
                 result.articles, added_articles, result.claims,
                 static_cast<double>(result.bytes) / 1e6, SecondsSince(start));
  }
  return result.exit_code;
}

}  // namespace claimgraph
