// EdgeRuns: the edges of one sorted edge scan, handed out node by node, so an
// exporter that walks the nodes in id order joins them to their edges with
// one sequential scan instead of an iterator (a RocksDB seek) per node.
//
// Store::NewEdgeIterator returns edges in (src, type, dst, key) order and
// Store::NewInEdgeKeyScan in (dst, type, src, key) order; ids never hold the
// '\0' that separates the parts of a stored key, so the src (dst) values
// come in the same non-decreasing std::string order as the node ids of
// Store::NewNodeIterator. ForEach(id) therefore skips the edges of smaller
// ids (edges of nodes the caller did not ask about, or of missing nodes) and
// visits those of `id` in the scan's order, the order a per-node iterator
// gives. Memory: one edge.
//
// Thread safety: one caller at a time.
#ifndef CLAIMGRAPH_EXPORT_EDGE_RUN_H_
#define CLAIMGRAPH_EXPORT_EDGE_RUN_H_

#include <memory>
#include <string>

#include "graph/store.h"

namespace claimgraph {

class EdgeRuns {
 public:
  // `by_dst`: the scan is grouped by dst (NewInEdgeKeyScan), else by src.
  EdgeRuns(std::unique_ptr<EdgeIterator> scan, bool by_dst)
      : scan_(std::move(scan)), by_dst_(by_dst) {}

  // Calls fn(const Edge&) for every edge of the scan whose src (dst) is
  // `id`. Each call must pass an id not smaller than the previous one; the
  // edges of an id are visited by the first call for it only. Returns the
  // scan's error, if any.
  template <typename Fn>
  Status ForEach(const std::string& id, Fn&& fn) {
    for (; scan_->Valid(); scan_->Next()) {
      const Edge& e = scan_->edge();
      int c = (by_dst_ ? e.dst : e.src).compare(id);
      if (c > 0) break;
      if (c == 0) fn(e);
    }
    return scan_->status();
  }

 private:
  std::unique_ptr<EdgeIterator> scan_;
  bool by_dst_;
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXPORT_EDGE_RUN_H_
