#include "cli/pipeline.h"

#include <sys/stat.h>

#include <algorithm>
#include <utility>

#include "cli/commands.h"
#include "extract/reader.h"

namespace claimgraph {

std::vector<ExtractedArticle> ProcessBatch(const Extractor& extractor, std::vector<Document> docs) {
  std::vector<ExtractedArticle> out(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    ExtractedArticle& article = out[i];
    article.doc = std::move(docs[i]);
    extractor.Extract(article.doc, &article.claims);
    for (Claim& claim : article.claims) {
      if (claim.doc.empty()) claim.doc = article.doc.id;
      if (claim.date.empty()) claim.date = article.doc.date;
    }
  }
  return out;
}

namespace {

bool IsDirectory(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// Collects documents into batches and hands each extracted batch on.
class Batcher {
 public:
  Batcher(const Extractor& extractor, const PipelineOptions& options,
          const ArticleConsumer& consumer, PipelineResult* result)
      : extractor_(extractor), options_(options), consumer_(consumer), result_(result) {}

  // Returns false once the consumer failed.
  bool Add(Document&& doc) {
    batch_bytes_ += doc.text.size();
    batch_.push_back(std::move(doc));
    if (batch_.size() >= options_.batch_articles || batch_bytes_ >= options_.batch_bytes) {
      return Flush();
    }
    return true;
  }

  bool Flush() {
    if (batch_.empty() || !status_.ok()) return status_.ok();
    std::vector<ExtractedArticle> articles = ProcessBatch(extractor_, std::move(batch_));
    batch_.clear();
    batch_bytes_ = 0;
    for (ExtractedArticle& article : articles) {
      result_->articles++;
      result_->claims += article.claims.size();
      result_->bytes += article.doc.text.size();
      status_ = consumer_(std::move(article));
      if (!status_.ok()) return false;
    }
    return true;
  }

  const Status& status() const { return status_; }

 private:
  const Extractor& extractor_;
  const PipelineOptions& options_;
  const ArticleConsumer& consumer_;
  PipelineResult* result_;
  std::vector<Document> batch_;
  size_t batch_bytes_ = 0;
  Status status_;
};

}  // namespace

PipelineResult RunPipeline(const PipelineOptions& options, const ArticleConsumer& consumer) {
  PipelineResult result;
  const auto fail = [&result](const Status& s) {
    result.errors++;
    result.exit_code = std::max(result.exit_code, ReportError(s));
  };

  if (!options.lexicon_dir.empty() && !IsDirectory(options.lexicon_dir)) {
    fail(Status::Usage("--lexicons: " + options.lexicon_dir + ": not a directory"));
    return result;
  }
  ExtractorOptions extractor_options;
  extractor_options.lexicon_dir = options.lexicon_dir;
  extractor_options.topics_file = options.topics_file;
  std::unique_ptr<Extractor> extractor;
  Status s = Extractor::Create(extractor_options, &extractor);
  if (!s.ok()) {
    fail(s);
    return result;
  }

  ReaderOptions reader_options;
  reader_options.default_date = options.default_date;
  reader_options.strict = options.strict;
  Batcher batcher(*extractor, options, consumer, &result);
  size_t reported = 0;
  s = ReadInputs(
      options.paths, reader_options, [&batcher](Document&& doc) { return batcher.Add(std::move(doc)); },
      [&](const Status& error) {
        reported++;
        fail(error);
      });
  batcher.Flush();
  if (!batcher.status().ok()) {
    fail(batcher.status());
  } else if (!s.ok() && reported == 0) {
    fail(s);  // the reader failed without having reported it
  }
  return result;
}

}  // namespace claimgraph
