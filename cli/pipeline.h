// The article pipeline behind `extract` and `ingest`: read inputs, extract
// claims batch by batch, hand each article with its claims to a consumer in
// input order.
//
// Extraction is the costly step and Extractor::Extract is const and
// thread-safe, so a batch can be spread over worker threads later without
// changing the consumers; consumers (printing, building and storing the
// graph) stay sequential because the graph builder reads what the previous
// articles stored.
//
// Thread safety: a Pipeline is used from one thread.
#ifndef CLAIMGRAPH_CLI_PIPELINE_H_
#define CLAIMGRAPH_CLI_PIPELINE_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "extract/claim.h"
#include "extract/document.h"
#include "extract/extractor.h"
#include "extract/status.h"

namespace claimgraph {

struct ExtractedArticle {
  Document doc;
  std::vector<Claim> claims;  // in text order; doc and date filled in
};

// Extracts the claims of every document of `docs`, in order.
std::vector<ExtractedArticle> ProcessBatch(const Extractor& extractor, std::vector<Document> docs);

struct PipelineOptions {
  std::vector<std::string> paths;
  std::string default_date;  // --date; may be empty
  std::string lexicon_dir;   // --lexicons; may be empty
  std::string topics_file;   // --topics; may be empty
  bool strict = false;       // stop at the first bad article
  size_t batch_articles = 64;        // articles per batch. Default: 64
  size_t batch_bytes = 8u << 20;     // text bytes per batch. Default: 8 MiB
};

// What a run saw, for the exit code and the summary line.
struct PipelineResult {
  size_t articles = 0;   // articles read and extracted
  size_t claims = 0;     // claims extracted
  size_t bytes = 0;      // article text bytes
  size_t errors = 0;     // bad articles or paths reported to stderr
  int exit_code = 0;     // worst exit code of the errors (0, 1 or 2)
};

// Called for every article in input order. A non-OK status stops the run;
// it is printed and decides the exit code.
using ArticleConsumer = std::function<Status(ExtractedArticle&& article)>;

// Runs the pipeline: every bad article or path is printed to stderr as it is
// found (and with `strict` ends the run). Returns the counts; the exit code
// in the result is 0 only when nothing went wrong.
PipelineResult RunPipeline(const PipelineOptions& options, const ArticleConsumer& consumer);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_CLI_PIPELINE_H_
