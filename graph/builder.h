// GraphBuilder: turns one article and its claims into an ArticleGraph.
//
// It creates the Article node (title, date, url, publisher), a Claim node per
// claim (text, kind, cue, span, date), the speaker, addressee and relay
// entities, and the edges between them (see model.h). Entity ids come from
// the canonical name and type ("person:antony-blinken"); before minting a new
// id the builder asks the store's name index, so "Blinken" in a later article
// joins the "Antony Blinken" node stored earlier.
//
// Thread safety: a GraphBuilder reads the store it was given; use one per
// thread.
#ifndef CLAIMGRAPH_GRAPH_BUILDER_H_
#define CLAIMGRAPH_GRAPH_BUILDER_H_

#include <vector>

#include "extract/claim.h"
#include "extract/document.h"
#include "graph/model.h"
#include "graph/store.h"

namespace claimgraph {

class GraphBuilder {
 public:
  // `store` may be null (no cross-article resolution); not owned.
  explicit GraphBuilder(Store* store) : store_(store) {}

  // Fills *graph with the nodes and edges of `doc` and its `claims`.
  Status Build(const Document& doc, const std::vector<Claim>& claims, ArticleGraph* graph);

 private:
  Store* store_;
};

// The content hash used for idempotent ingest (hex, 16 digits).
std::string ContentHash(const Document& doc);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_GRAPH_BUILDER_H_
