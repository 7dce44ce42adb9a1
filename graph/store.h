// Store: where the graph lives.
//
// Two implementations share this interface and one contract test
// (tests/store_test.cc): the RocksDB store on disk (OpenRocksStore) and an
// in-memory store for tests (NewMemoryStore). No RocksDB type appears here.
//
// Writes are per article: WriteArticle stores all of an ArticleGraph or
// nothing (a RocksDB WriteBatch holds whole articles only; see Flush). An article whose content hash is stored
// already is skipped, so ingesting the same input twice changes nothing.
// Iterators return nodes in id order and edges in (src, type, dst, key)
// order, so every export is deterministic. Iterators read a consistent
// snapshot taken when they are created.
//
// Thread safety: one writer at a time; any number of iterators and readers
// may run concurrently with it. A read-only store can be opened while another
// process holds the store open for writing.
#ifndef CLAIMGRAPH_GRAPH_STORE_H_
#define CLAIMGRAPH_GRAPH_STORE_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "extract/status.h"
#include "graph/model.h"

namespace claimgraph {

class NodeIterator {
 public:
  virtual ~NodeIterator() = default;
  virtual bool Valid() const = 0;
  virtual void Next() = 0;
  virtual const Node& node() const = 0;  // valid until Next()
  virtual Status status() const = 0;     // non-OK if iteration failed
};

class EdgeIterator {
 public:
  virtual ~EdgeIterator() = default;
  virtual bool Valid() const = 0;
  virtual void Next() = 0;
  virtual const Edge& edge() const = 0;  // valid until Next()
  virtual Status status() const = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // Stores `graph` atomically, merging nodes that exist (MergeProperties) and
  // recording every alias of an entity node (property "aliases" and "name")
  // in the name index. Sets *added to false and writes nothing when an
  // article with the same content hash is stored already. Returns Storage on
  // failure, and then nothing of the article is stored.
  virtual Status WriteArticle(const ArticleGraph& graph, bool* added) = 0;

  // Commits the articles written so far. With StoreOptions::group_articles
  // above 1 the RocksDB store holds the writes of up to that many articles
  // (at most 8 MiB) in memory and commits them as one batch of whole
  // articles, keys sorted; its own reads (GetNode, LookupName, the merges
  // of the next WriteArticle) see pending writes, its scans commit them
  // first, and closing the store commits them too, but only Flush reports a
  // failure. Other processes see an article once it is committed. A failed
  // commit stores none of the pending articles and is returned by every
  // later WriteArticle and Flush. Default: nothing to do (OK).
  virtual Status Flush() { return Status::OK(); }

  // Returns NotFound when there is no node `id`.
  virtual Status GetNode(const std::string& id, Node* node) = 0;

  // The entity id stored for a normalised alias ("blinken"), or NotFound.
  virtual Status LookupName(const std::string& alias, std::string* id) = 0;

  // All nodes, in id order; with a non-empty `type`, only nodes of that type.
  virtual std::unique_ptr<NodeIterator> NewNodeIterator(const std::string& type = "") = 0;
  // All edges in (src, type, dst, key) order.
  virtual std::unique_ptr<EdgeIterator> NewEdgeIterator() = 0;
  // Edges leaving `src` / entering `dst`.
  virtual std::unique_ptr<EdgeIterator> NewOutEdgeIterator(const std::string& src) = 0;
  virtual std::unique_ptr<EdgeIterator> NewInEdgeIterator(const std::string& dst) = 0;
  // All edges in (dst, type, src, key) order WITHOUT their properties (props
  // stays empty): one sequential scan of the in-edge index, for readers that
  // join the edges entering each node to a node scan (exporters) instead of
  // opening NewInEdgeIterator per node.
  virtual std::unique_ptr<EdgeIterator> NewInEdgeKeyScan() = 0;

  // Node counts by type and edge counts by type.
  virtual Status CountByType(std::map<std::string, uint64_t>* nodes,
                             std::map<std::string, uint64_t>* edges) = 0;
};

struct StoreOptions {
  // Open without writing; works while another process writes. Default: false.
  bool read_only = false;
  // Create the store if `dir` holds none. Ignored when read_only. Default: true.
  bool create_if_missing = true;
  // Articles committed together (see Store::Flush); 1 commits every article
  // as it is written. A bulk ingest sets a few hundred. Default: 1.
  size_t group_articles = 1;
};

// Opens the RocksDB store in `dir`. Returns Usage when `dir` is a file or
// not a claimgraph store, Storage when RocksDB fails (for example the store is
// locked by another writer: the message says so).
Status OpenRocksStore(const std::string& dir, const StoreOptions& options,
                      std::unique_ptr<Store>* store);

// An empty store in memory, for tests.
std::unique_ptr<Store> NewMemoryStore();

}  // namespace claimgraph

#endif  // CLAIMGRAPH_GRAPH_STORE_H_
