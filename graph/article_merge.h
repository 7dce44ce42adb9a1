// Internal to graph/: the read-merge step of Store::WriteArticle, shared by
// the memory store and the RocksDB store so both behave the same.
//
// Given an ArticleGraph and a way to read what is stored, PlanArticleWrites
// computes the final value of every node, edge and name-index entry the
// article touches: nodes seen before keep their type and get their
// properties merged (MergeProperties), edges likewise, and every entity's
// normalised name, aliases and (for a Person with two or more name tokens)
// surname map to the sorted list of entity ids that use them. An alias used
// by more than one entity is ambiguous; Store::LookupName answers NotFound
// for it.
//
// Thread safety: a pure function of its inputs and of what `source` reads.
#ifndef CLAIMGRAPH_GRAPH_ARTICLE_MERGE_H_
#define CLAIMGRAPH_GRAPH_ARTICLE_MERGE_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/status.h"
#include "graph/model.h"

namespace claimgraph {

// At most this many entity ids are remembered for one alias; more would only
// say "ambiguous" again.
constexpr size_t kMaxIdsPerName = 8;

class StoredGraphReader {
 public:
  virtual ~StoredGraphReader() = default;
  // Set *found; fill *node / *props when found. Return Storage on failure.
  virtual Status ReadNode(const std::string& id, Node* node, bool* found) = 0;
  virtual Status ReadEdgeProps(const Edge& edge, Properties* props, bool* found) = 0;
  // The ids stored for a normalised alias; empty when none.
  virtual Status ReadNameIds(const std::string& alias, std::vector<std::string>* ids) = 0;
};

struct ArticleWrites {
  std::vector<Node> nodes;  // merged with the stored nodes, sorted by id
  std::vector<Edge> edges;  // merged, sorted by (src, type, dst, key)
  // alias -> JoinList(ids), only entries that change, sorted by alias.
  std::vector<std::pair<std::string, std::string>> names;
};

// The keys that belong to one article alone: its claims (GraphBuilder's
// "claim:<slug>:<span>" for the article "article:<slug>"; slugs have no ':')
// and every edge with the article or one of those claims as an end or as its
// key. GraphBuilder writes them only together with the article's node, and
// stores commit whole articles, so a store that has no node for the article
// has none of them either: a writer needs no read to merge them. The article
// node itself is not owned (it is the witness). An article id not of the
// form "article:<slug>" owns nothing.
class ArticleScope {
 public:
  ArticleScope() = default;  // owns nothing
  explicit ArticleScope(const std::string& article_id);

  bool OwnsNode(std::string_view id) const {
    return !claim_prefix_.empty() && id.substr(0, claim_prefix_.size()) == claim_prefix_;
  }
  bool OwnsEdge(const Edge& e) const;

 private:
  std::string article_id_;
  std::string claim_prefix_;  // "claim:<slug>:"; empty when owning nothing
};

// Returns what `source` returns on failure.
Status PlanArticleWrites(const ArticleGraph& graph, StoredGraphReader* source, ArticleWrites* out);

// The name-index keys of an entity node (see above); empty for other types.
std::vector<std::string> NameKeysOf(const Node& node);

// Which id an alias denotes, given the stored id list: OK with *id when it
// names exactly one entity, NotFound otherwise (none, or ambiguous).
Status ResolveNameIds(const std::string& alias, const std::vector<std::string>& ids,
                      std::string* id);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_GRAPH_ARTICLE_MERGE_H_
