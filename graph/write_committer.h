// Internal to graph/: the write side of the RocksDB store during an ingest.
//
// A WriteCommitter collects the store's final key/value writes in a
// PendingWrites and commits them as one batch of whole articles once
// `group_articles` articles are pending or they pass `commit_bytes` (and on
// CommitAndWait). With groups of more than one article a committer thread
// writes each batch while the caller builds the next one; the batch in
// flight stays readable (Find) until it is written. After a batch is written
// the values Put with `keep` go to a WrittenCache, so later articles that
// merge with them read memory, not the store. A failed commit stores none of
// its articles and is sticky: every later commit returns it.
//
// Thread safety: not thread-safe; the caller serialises every call (the
// store's writer mutex). Its committer thread touches only the batch in
// flight, which nobody else changes meanwhile.
#ifndef CLAIMGRAPH_GRAPH_WRITE_COMMITTER_H_
#define CLAIMGRAPH_GRAPH_WRITE_COMMITTER_H_

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "extract/status.h"
#include "graph/pending_writes.h"

namespace claimgraph {

class WriteCommitter {
 public:
  // Writes one batch, whole or not at all; called on the committer thread
  // when there is one, else on the caller's.
  using BatchWriter = std::function<Status(const PendingWrites& batch)>;

  WriteCommitter(size_t families, size_t written_cache_bytes, size_t commit_bytes,
                 BatchWriter write);
  // Stops the committer thread; what is pending and not committed is lost.
  ~WriteCommitter() { Stop(); }
  WriteCommitter(const WriteCommitter&) = delete;
  WriteCommitter& operator=(const WriteCommitter&) = delete;

  // Articles per batch (at least 1); more than one starts the committer
  // thread. Default: 1.
  void SetGroupArticles(size_t n);

  // Records the value of `key` in `family`, replacing a pending one.
  void Put(size_t family, std::string_view key, std::string value, bool keep) {
    pending_.Put(family, key, std::move(value), keep);
  }
  // The value of `key`: pending, in flight, or kept from a written batch.
  bool Find(size_t family, std::string_view key, std::string* value) const;

  // An article's writes are all Put: commits when the group is full.
  Status ArticleDone();
  // Commits what is pending and waits until every batch is written.
  Status CommitAndWait();
  // The failure of an earlier commit, if any.
  const Status& status() const { return status_; }
  // Waits for the batch in flight and ends the committer thread (before the
  // store it writes to closes). Idempotent.
  void Stop();

 private:
  // Starts committing the pending articles: on the committer thread when
  // there is one (after the previous batch is written), else here.
  Status Commit();
  // Waits until the batch in flight (if any) is written, then keeps its
  // values and drops it.
  Status WaitForCommitter();
  void CommitterLoop();

  BatchWriter write_;
  size_t commit_bytes_;
  PendingWrites pending_;
  // The batch the committer thread is writing (empty when none); read-only
  // while in_flight_.
  PendingWrites committing_;
  WrittenCache written_;
  size_t pending_articles_ = 0;
  size_t group_articles_ = 1;
  Status status_;
  // The committer thread and its hand-off, guarded by mu_.
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool in_flight_ = false;
  bool stop_ = false;
  Status thread_result_;
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_GRAPH_WRITE_COMMITTER_H_
