// The in-memory Store: std::map tables that mirror the RocksDB column
// families, with the same merge semantics (graph/article_merge.h). Iterators
// copy what they will return when they are created, which is their snapshot.
#include <map>
#include <mutex>
#include <set>
#include <tuple>

#include "graph/article_merge.h"
#include "graph/store.h"

namespace claimgraph {

namespace {

using EdgeKey = std::tuple<std::string, std::string, std::string, std::string>;

class VectorNodeIterator : public NodeIterator {
 public:
  explicit VectorNodeIterator(std::vector<Node> nodes) : nodes_(std::move(nodes)) {}
  bool Valid() const override { return pos_ < nodes_.size(); }
  void Next() override { ++pos_; }
  const Node& node() const override { return nodes_[pos_]; }
  Status status() const override { return Status::OK(); }

 private:
  std::vector<Node> nodes_;
  size_t pos_ = 0;
};

class VectorEdgeIterator : public EdgeIterator {
 public:
  explicit VectorEdgeIterator(std::vector<Edge> edges) : edges_(std::move(edges)) {}
  bool Valid() const override { return pos_ < edges_.size(); }
  void Next() override { ++pos_; }
  const Edge& edge() const override { return edges_[pos_]; }
  Status status() const override { return Status::OK(); }

 private:
  std::vector<Edge> edges_;
  size_t pos_ = 0;
};

class MemoryStore : public Store, private StoredGraphReader {
 public:
  Status WriteArticle(const ArticleGraph& graph, bool* added) override {
    std::lock_guard<std::mutex> lock(mu_);
    *added = false;
    if (!graph.content_hash.empty() && docs_.count(graph.content_hash)) return Status::OK();
    ArticleWrites writes;
    Status s = PlanArticleWrites(graph, this, &writes);
    if (!s.ok()) return s;
    for (Node& n : writes.nodes) nodes_[n.id] = std::move(n);
    for (Edge& e : writes.edges) {
      EdgeKey key(e.src, e.type, e.dst, e.key);
      in_.insert(EdgeKey(e.dst, e.type, e.src, e.key));
      edges_[key] = std::move(e);
    }
    for (auto& [alias, ids] : writes.names) names_[alias] = SplitList(ids);
    if (!graph.content_hash.empty()) docs_[graph.content_hash] = graph.article_id;
    *added = true;
    return Status::OK();
  }

  Status GetNode(const std::string& id, Node* node) override {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = nodes_.find(id);
    if (it == nodes_.end()) return Status::NotFound("no node \"" + id + "\"");
    *node = it->second;
    return Status::OK();
  }

  Status LookupName(const std::string& alias, std::string* id) override {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = names_.find(alias);
    return ResolveNameIds(alias, it == names_.end() ? std::vector<std::string>() : it->second, id);
  }

  std::unique_ptr<NodeIterator> NewNodeIterator(const std::string& type) override {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<Node> out;
    for (const auto& [id, node] : nodes_) {
      if (type.empty() || node.type == type) out.push_back(node);
    }
    return std::make_unique<VectorNodeIterator>(std::move(out));
  }

  std::unique_ptr<EdgeIterator> NewEdgeIterator() override {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<Edge> out;
    for (const auto& [key, edge] : edges_) out.push_back(edge);
    return std::make_unique<VectorEdgeIterator>(std::move(out));
  }

  std::unique_ptr<EdgeIterator> NewOutEdgeIterator(const std::string& src) override {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<Edge> out;
    for (auto it = edges_.lower_bound(EdgeKey(src, "", "", ""));
         it != edges_.end() && std::get<0>(it->first) == src; ++it) {
      out.push_back(it->second);
    }
    return std::make_unique<VectorEdgeIterator>(std::move(out));
  }

  // In (dst, type, src, key) order, like the RocksDB `in` column family.
  std::unique_ptr<EdgeIterator> NewInEdgeIterator(const std::string& dst) override {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<Edge> out;
    for (auto it = in_.lower_bound(EdgeKey(dst, "", "", ""));
         it != in_.end() && std::get<0>(*it) == dst; ++it) {
      const auto& [d, type, src, key] = *it;
      out.push_back(edges_.at(EdgeKey(src, type, d, key)));
    }
    return std::make_unique<VectorEdgeIterator>(std::move(out));
  }

  std::unique_ptr<EdgeIterator> NewInEdgeKeyScan() override {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<Edge> out;
    for (const auto& [dst, type, src, key] : in_) out.push_back(Edge{src, type, dst, key, {}});
    return std::make_unique<VectorEdgeIterator>(std::move(out));
  }

  Status CountByType(std::map<std::string, uint64_t>* nodes,
                     std::map<std::string, uint64_t>* edges) override {
    std::lock_guard<std::mutex> lock(mu_);
    nodes->clear();
    edges->clear();
    for (const auto& [id, node] : nodes_) ++(*nodes)[node.type];
    for (const auto& [key, edge] : edges_) ++(*edges)[edge.type];
    return Status::OK();
  }

 private:
  // StoredGraphReader, called with mu_ held.
  Status ReadNode(const std::string& id, Node* node, bool* found) override {
    auto it = nodes_.find(id);
    *found = it != nodes_.end();
    if (*found) *node = it->second;
    return Status::OK();
  }
  Status ReadEdgeProps(const Edge& e, Properties* props, bool* found) override {
    auto it = edges_.find(EdgeKey(e.src, e.type, e.dst, e.key));
    *found = it != edges_.end();
    if (*found) *props = it->second.props;
    return Status::OK();
  }
  Status ReadNameIds(const std::string& alias, std::vector<std::string>* ids) override {
    auto it = names_.find(alias);
    ids->clear();
    if (it != names_.end()) *ids = it->second;
    return Status::OK();
  }

  std::mutex mu_;
  std::map<std::string, Node> nodes_;
  std::map<EdgeKey, Edge> edges_;
  std::set<EdgeKey> in_;
  std::map<std::string, std::vector<std::string>> names_;
  std::map<std::string, std::string> docs_;
};

}  // namespace

std::unique_ptr<Store> NewMemoryStore() { return std::make_unique<MemoryStore>(); }

}  // namespace claimgraph
