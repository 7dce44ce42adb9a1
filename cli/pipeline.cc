#include "cli/pipeline.h"

#include <sys/stat.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <utility>

#include "cli/commands.h"
#include "extract/reader.h"

namespace claimgraph {

void ProcessArticle(const Extractor& extractor, Document&& doc, ExtractedArticle* article) {
  article->doc = std::move(doc);
  article->claims.clear();
  extractor.Extract(article->doc, &article->claims);
  for (Claim& claim : article->claims) {
    if (claim.doc.empty()) claim.doc = article->doc.id;
    if (claim.date.empty()) claim.date = article->doc.date;
  }
}

namespace {

bool IsDirectory(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// Hands articles to the consumer in input order. With one thread it extracts
// each article as it arrives; with more it keeps a window of articles in
// flight: a reader thread appends to the window (Add), workers extract any
// article not yet taken, and the calling thread consumes the window's front
// as soon as it is done (ConsumeAll). The window is bounded in articles and
// text bytes, so the reader waits when it is full.
class OrderedExtraction {
 public:
  OrderedExtraction(const Extractor& extractor, const PipelineOptions& options,
                    const ArticleConsumer& consumer, PipelineResult* result)
      : extractor_(extractor), options_(options), consumer_(consumer), result_(result) {
    size_t threads = options.threads;
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    if (threads > 1) {
      for (size_t i = 0; i < threads; ++i) workers_.emplace_back([this] { Work(); });
    }
  }

  ~OrderedExtraction() { StopWorkers(); }

  // True when articles are extracted by workers: then Add runs on a reader
  // thread and the calling thread runs ConsumeAll.
  bool parallel() const { return !workers_.empty(); }

  // Returns false once the consumer failed. With workers, waits while the
  // window is full.
  bool Add(Document&& doc) {
    if (workers_.empty()) {
      if (!status_.ok()) return false;
      // One article at a time: its claim array is reused from article to
      // article (ProcessArticle clears it), which spares a large allocation
      // and its free per article, unless a huge article grew it.
      if (serial_.claims.capacity() > kMaxSpareClaims) serial_.claims = std::vector<Claim>();
      ProcessArticle(extractor_, std::move(doc), &serial_);
      status_ = Consume(std::move(serial_));
      return status_.ok();
    }
    std::unique_lock<std::mutex> lock(mu_);
    space_.wait(lock, [this] {
      return !status_.ok() || window_.empty() ||
             (window_.size() < options_.window_articles && window_bytes_ < options_.window_bytes);
    });
    if (!status_.ok()) return false;
    window_bytes_ += doc.text.size();
    window_.emplace_back();
    window_.back().doc = std::move(doc);
    work_ready_.notify_one();
    return true;
  }

  // The reader has added its last article.
  void ReaderDone() {
    std::lock_guard<std::mutex> lock(mu_);
    reader_done_ = true;
    front_done_.notify_all();
  }

  // With workers: consumes articles in order until the reader is done and
  // the window is empty, or the consumer fails.
  void ConsumeAll() {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      front_done_.wait(lock, [this] {
        return (!window_.empty() && window_.front().done) || (reader_done_ && window_.empty());
      });
      if (window_.empty()) return;
      ExtractedArticle article = std::move(window_.front().article);
      window_.pop_front();
      taken_--;
      window_bytes_ -= article.doc.text.size();
      space_.notify_one();
      lock.unlock();
      const Status s = Consume(std::move(article));
      lock.lock();
      if (!s.ok()) {
        status_ = s;
        space_.notify_all();
        return;
      }
    }
  }

  // Stops the workers. Returns false once the consumer failed.
  bool Finish() {
    StopWorkers();
    return status_.ok();
  }

  const Status& status() const { return status_; }

 private:
  static constexpr size_t kMaxSpareClaims = 1 << 12;

  struct Slot {
    Document doc;  // moved into `article` by the worker that takes it
    ExtractedArticle article;
    bool done = false;
  };

  void Work() {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      work_ready_.wait(lock, [this] { return stop_ || taken_ < window_.size(); });
      if (stop_) return;
      // std::deque keeps references to its elements across push_back and
      // pop_front of other elements, so the slot stays put while unlocked.
      Slot* slot = &window_[taken_++];
      lock.unlock();
      ProcessArticle(extractor_, std::move(slot->doc), &slot->article);
      lock.lock();
      slot->done = true;
      if (slot == &window_.front()) front_done_.notify_one();
    }
  }

  // Counts and consumes one article.
  Status Consume(ExtractedArticle&& article) {
    result_->articles++;
    result_->claims += article.claims.size();
    result_->bytes += article.doc.text.size();
    return consumer_(std::move(article));
  }

  void StopWorkers() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    work_ready_.notify_all();
    for (std::thread& t : workers_) t.join();
    workers_.clear();
  }

  const Extractor& extractor_;
  const PipelineOptions& options_;
  const ArticleConsumer& consumer_;
  PipelineResult* result_;
  Status status_;
  ExtractedArticle serial_;  // the article in hand without workers

  std::mutex mu_;
  std::condition_variable work_ready_;  // an untaken slot, or stop_
  std::condition_variable front_done_;  // the front slot is done, or the reader is
  std::condition_variable space_;       // the window has room, or the consumer failed
  std::deque<Slot> window_;             // articles in flight, in input order
  size_t taken_ = 0;                    // window_[0, taken_) are taken by workers
  size_t window_bytes_ = 0;             // text bytes in the window
  bool reader_done_ = false;
  bool stop_ = false;
  std::vector<std::thread> workers_;
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
  OrderedExtraction extraction(*extractor, options, consumer, &result);
  size_t reported = 0;
  // The reader's errors and counts are its own until it is joined; the
  // consumer's counts (articles, claims, bytes) are the calling thread's.
  auto read = [&] {
    s = ReadInputs(
        options.paths, reader_options,
        [&extraction](Document&& doc) { return extraction.Add(std::move(doc)); },
        [&](const Status& error) {
          reported++;
          fail(error);
        });
  };
  if (extraction.parallel()) {
    // Reading and parsing the input runs beside the consumer, which is the
    // pipeline's bottleneck when it stores graphs.
    std::thread reader([&] {
      read();
      extraction.ReaderDone();
    });
    extraction.ConsumeAll();
    reader.join();
  } else {
    read();
  }
  extraction.Finish();
  if (!extraction.status().ok()) {
    fail(extraction.status());
  } else if (!s.ok() && reported == 0) {
    fail(s);  // the reader failed without having reported it
  }
  return result;
}

}  // namespace claimgraph
