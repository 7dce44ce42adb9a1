// The article pipeline behind `extract` and `ingest`: read inputs, extract
// claims batch by batch, hand each article with its claims to a consumer in
// input order.
//
// Extraction is the costly step and Extractor::Extract is const and
// thread-safe, so articles are spread over a pool of worker threads; the
// consumer (printing, building and storing the graph) runs on the calling
// thread, one article at a time and in input order, because the graph
// builder reads what the previous articles stored. With workers the input is
// read and parsed on a reader thread of its own (reader errors are printed
// from it); with one thread everything runs on the calling thread. At most
// `window_articles` articles (or `window_bytes` of text) are in flight at
// once, so memory stays flat whatever the input size.
//
// Thread safety: RunPipeline is called from one thread; it starts and joins
// its own reader and workers, and calls the consumer only from the calling thread.
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

// Extracts the claims of `doc` into *article (doc moved in; claims get the
// article's id and date where they have none).
void ProcessArticle(const Extractor& extractor, Document&& doc, ExtractedArticle* article);

struct PipelineOptions {
  std::vector<std::string> paths;
  std::string default_date;  // --date; may be empty
  std::string lexicon_dir;   // --lexicons; may be empty
  std::string topics_file;   // --topics; may be empty
  bool strict = false;       // stop at the first bad article
  // Extraction threads; 0: one per core; 1: extract on the calling thread,
  // no workers. Default: 0.
  size_t threads = 0;
  size_t window_articles = 256;      // articles in flight at most. Default: 256
  size_t window_bytes = 8u << 20;    // text bytes in flight at most. Default: 8 MiB
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
