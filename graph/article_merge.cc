#include "graph/article_merge.h"

#include <map>
#include <tuple>

namespace claimgraph {

namespace {

using EdgeKey = std::tuple<std::string, std::string, std::string, std::string>;

bool EdgeLess(const Edge& a, const Edge& b) {
  return std::tie(a.src, a.type, a.dst, a.key) < std::tie(b.src, b.type, b.dst, b.key);
}

// What merging `props` into no properties gives (MergeProperties): the
// same values, lists sorted and unique.
void NormaliseLists(Properties* props) {
  for (auto& [name, value] : *props) {
    if (KindOfProperty(name) == PropertyKind::kList) value = JoinList(SplitList(value));
  }
}

// When `in` is strictly sorted by `less` (so each element is unique), sets
// *out to a copy with its lists normalised, as merging would leave them,
// and returns true; otherwise returns false and leaves *out alone.
template <typename T, typename Less>
bool CopyIfStrictlySorted(const std::vector<T>& in, Less less, std::vector<T>* out) {
  for (size_t i = 1; i < in.size(); ++i) {
    if (!less(in[i - 1], in[i])) return false;
  }
  *out = in;
  for (T& element : *out) NormaliseLists(&element.props);
  return true;
}

// The article's nodes merged by id, in id order. GraphBuilder hands them out
// sorted and unique already: then a copy is all it takes.
std::vector<Node> MergedNodes(const std::vector<Node>& in) {
  std::vector<Node> out;
  if (CopyIfStrictlySorted(in, [](const Node& a, const Node& b) { return a.id < b.id; }, &out)) return out;
  std::map<std::string, Node> nodes;
  for (const Node& n : in) {
    auto [it, inserted] = nodes.try_emplace(n.id);
    if (inserted) {
      it->second.id = n.id;
      it->second.type = n.type;
    }
    MergeProperties(n.props, &it->second.props);
  }
  out.reserve(nodes.size());
  for (auto& [id, node] : nodes) out.push_back(std::move(node));
  return out;
}

// The article's edges merged by (src, type, dst, key), in that order.
std::vector<Edge> MergedEdges(const std::vector<Edge>& in) {
  std::vector<Edge> out;
  if (CopyIfStrictlySorted(in, EdgeLess, &out)) return out;
  std::map<EdgeKey, Edge> edges;
  for (const Edge& e : in) {
    auto [it, inserted] = edges.try_emplace(EdgeKey(e.src, e.type, e.dst, e.key));
    if (inserted) {
      it->second.src = e.src;
      it->second.type = e.type;
      it->second.dst = e.dst;
      it->second.key = e.key;
    }
    MergeProperties(e.props, &it->second.props);
  }
  out.reserve(edges.size());
  for (auto& [key, edge] : edges) out.push_back(std::move(edge));
  return out;
}

}  // namespace

ArticleScope::ArticleScope(const std::string& article_id) {
  constexpr std::string_view kArticle = "article:";
  std::string_view id(article_id);
  if (id.size() <= kArticle.size() || id.substr(0, kArticle.size()) != kArticle) return;
  article_id_ = article_id;
  claim_prefix_ = "claim:";
  claim_prefix_.append(id.substr(kArticle.size())).push_back(':');
}

bool ArticleScope::OwnsEdge(const Edge& e) const {
  if (claim_prefix_.empty()) return false;
  for (const std::string* end : {&e.src, &e.dst, &e.key}) {
    if (*end == article_id_ || OwnsNode(*end)) return true;
  }
  return false;
}

std::vector<std::string> NameKeysOf(const Node& node) {
  std::vector<std::string> keys;
  if (!IsEntityType(node.type)) return keys;
  auto name_it = node.props.find("name");
  std::string name = name_it == node.props.end() ? "" : NormalizeName(name_it->second);
  if (!name.empty()) {
    keys.push_back(name);
    size_t space = name.rfind(' ');
    if (node.type == "Person" && space != std::string::npos) keys.push_back(name.substr(space + 1));
  }
  auto aliases = node.props.find("aliases");
  if (aliases != node.props.end()) {
    for (const std::string& alias : SplitList(aliases->second)) {
      std::string key = NormalizeName(alias);
      if (!key.empty()) keys.push_back(key);
    }
  }
  std::vector<std::string> sorted = SplitList(JoinList(keys));
  return sorted;
}

Status ResolveNameIds(const std::string& alias, const std::vector<std::string>& ids,
                      std::string* id) {
  if (ids.empty()) return Status::NotFound("no entity named \"" + alias + "\"");
  if (ids.size() > 1) {
    return Status::NotFound("ambiguous name \"" + alias + "\": " + std::to_string(ids.size()) +
                            " entities");
  }
  *id = ids[0];
  return Status::OK();
}

Status PlanArticleWrites(const ArticleGraph& graph, StoredGraphReader* source, ArticleWrites* out) {
  out->nodes.clear();
  out->edges.clear();
  out->names.clear();

  // Merge duplicates inside the article first, then with the stored values.
  out->nodes = MergedNodes(graph.nodes);
  for (Node& node : out->nodes) {
    Node stored;
    bool found = false;
    Status s = source->ReadNode(node.id, &stored, &found);
    if (!s.ok()) return s;
    if (found) {
      MergeProperties(node.props, &stored.props);
      node.type = stored.type;
      node.props = std::move(stored.props);
    }
  }

  out->edges = MergedEdges(graph.edges);
  for (Edge& edge : out->edges) {
    Properties stored;
    bool found = false;
    Status s = source->ReadEdgeProps(edge, &stored, &found);
    if (!s.ok()) return s;
    if (found) {
      MergeProperties(edge.props, &stored);
      edge.props = std::move(stored);
    }
  }

  // Name index: alias -> ids, starting from what is stored.
  std::map<std::string, std::vector<std::string>> names;
  std::map<std::string, bool> changed;
  for (const Node& node : out->nodes) {
    const std::string& id = node.id;
    for (const std::string& key : NameKeysOf(node)) {
      auto [it, inserted] = names.try_emplace(key);
      if (inserted) {
        Status s = source->ReadNameIds(key, &it->second);
        if (!s.ok()) return s;
      }
      std::vector<std::string>& ids = it->second;
      bool present = false;
      for (const std::string& x : ids) present = present || x == id;
      if (!present && ids.size() < kMaxIdsPerName) {
        ids.push_back(id);
        ids = SplitList(JoinList(ids));
        changed[key] = true;
      }
    }
  }
  for (const auto& [key, ids] : names) {
    if (changed.count(key)) out->names.emplace_back(key, JoinList(ids));
  }
  return Status::OK();
}

}  // namespace claimgraph
