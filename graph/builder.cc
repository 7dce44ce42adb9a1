// Temporary stub until the builder lands.
#include "graph/builder.h"

namespace claimgraph {

Status GraphBuilder::Build(const Document&, const std::vector<Claim>&, ArticleGraph*) {
  return Status::Internal("GraphBuilder is not implemented yet");
}

std::string ContentHash(const Document&) { return ""; }

}  // namespace claimgraph
