// The diagram's model from sorted scans of the store (see diagram.h).
#include "export/diagram.h"

#include <algorithm>
#include <iterator>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "export/edge_run.h"

namespace claimgraph {

namespace {

constexpr size_t kTopicsPerSpeaker = 4;

std::string Get(const Properties& props, const std::string& name) {
  auto it = props.find(name);
  return it == props.end() ? std::string() : it->second;
}

struct EdgeKey {
  std::string src, dst;
  EdgeKind kind;
  std::string polarity;
  bool operator<(const EdgeKey& o) const {
    return std::tie(src, dst, kind, polarity) < std::tie(o.src, o.dst, o.kind, o.polarity);
  }
};

// Builds the diagram from sorted scans, never holding all (speaker, topic)
// pairs: STANCE edges come grouped by speaker (the edge scan's src order),
// so a speaker's topic edges are counted, ranked and cut to the strongest
// kTopicsPerSpeaker while only that speaker's pairs are in memory. Claims
// are joined to their speakers through the in-edge index (EdgeRuns), not an
// iterator per claim. Memory: one entry per speaker and per topic (how many
// speakers reach it), the addressee pairs, and the edges drawn. A graph
// without STANCE edges (old stores) falls back to ABOUT pairs aggregated in
// memory.
class DiagramBuilder {
 public:
  explicit DiagramBuilder(GraphView* view) : view_(view), store_(view->store()) {}
  Status Build(int top, Diagram* diagram);

 private:
  using WeightedEdge = std::pair<EdgeKey, int>;
  struct Reach {
    int speakers = 0;    // distinct speakers with a topic or addressee edge to it
    bool topic = false;  // the end of a topic edge
  };

  // Joins every kept SAID edge to the kept out-edges of its claim: claims
  // per speaker and addressee pairs, or (`topics_and_articles`, a second
  // call) ABOUT and REPORTED_IN pairs.
  Status JoinClaims(bool topics_and_articles);
  // STANCE statistics: whether there are any, and per topic how many
  // speakers reach it (with the addressee pairs, which JoinClaims counted).
  Status CountStanceReach();
  // Each speaker's strongest stance edges, appended to `edges`.
  Status SelectStanceTopics(std::vector<WeightedEdge>* edges, std::set<std::string>* shown);
  // Sorts one speaker's topic edges, keeps the strongest.
  void KeepStrongest(std::vector<WeightedEdge>* list, std::vector<WeightedEdge>* edges,
                     std::set<std::string>* shown) const;
  bool Stronger(const WeightedEdge& a, const WeightedEdge& b) const;
  int ReachOf(const std::string& id) const;
  int ClaimsOf(const std::string& id) const;
  Status AddNode(const std::string& id, Diagram* diagram);
  Status ClusterOf(const Node& node, std::string* key, std::string* label);

  GraphView* view_;
  Store* store_;
  std::map<std::string, int> speaker_claims_;
  std::map<EdgeKey, int> about_, addressed_, reported_;
  std::unordered_map<std::string, Reach> reach_;
  bool has_stance_ = false;
  size_t topics_total_ = 0;
};

std::string NormalPolarity(const Edge& e) {
  std::string polarity = Get(e.props, "polarity");
  if (polarity != "support" && polarity != "oppose") polarity = "neutral";
  return polarity;
}

Status DiagramBuilder::JoinClaims(bool topics_and_articles) {
  EdgeRuns claim_out(store_->NewEdgeIterator(), false);
  std::string claim;
  std::vector<std::string> speakers;
  auto flush = [&]() -> Status {
    if (speakers.empty()) return Status::OK();
    return claim_out.ForEach(claim, [&](const Edge& c) {
      if (!view_->KeepEdge(c)) return;
      for (const std::string& speaker : speakers) {
        if (c.type == "ADDRESSED_TO" && c.dst != speaker) {
          if (!topics_and_articles) ++addressed_[{speaker, c.dst, EdgeKind::kAddressed, ""}];
        } else if (!topics_and_articles) {
          continue;
        } else if (c.type == "ABOUT") {
          ++about_[{speaker, c.dst, EdgeKind::kAbout, ""}];
        } else if (c.type == "REPORTED_IN") {
          ++reported_[{speaker, c.dst, EdgeKind::kReported, ""}];
        }
      }
    });
  };
  auto in = store_->NewInEdgeKeyScan();
  for (; in->Valid(); in->Next()) {
    const Edge& e = in->edge();
    if (e.dst != claim) {
      Status s = flush();
      if (!s.ok()) return s;
      claim = e.dst;
      speakers.clear();
    }
    // SAID edges carry no properties KeepEdge reads: the key scan suffices.
    if (e.type != "SAID" || !view_->KeepEdge(e)) continue;
    if (!topics_and_articles) ++speaker_claims_[e.src];
    speakers.push_back(e.src);
  }
  if (!in->status().ok()) return in->status();
  return flush();
}

Status DiagramBuilder::CountStanceReach() {
  std::set<std::pair<std::string, std::string>> both;  // stance and addressee pairs
  std::string last_src, last_dst;
  auto it = store_->NewEdgeIterator();
  for (; it->Valid(); it->Next()) {
    const Edge& e = it->edge();
    if (e.type != "STANCE" || !view_->KeepEdge(e)) continue;
    has_stance_ = true;
    // A speaker's STANCE edges come sorted by topic: a new pair is a new topic.
    if (e.src == last_src && e.dst == last_dst) continue;
    last_src = e.src, last_dst = e.dst;
    Reach& r = reach_[e.dst];
    if (!r.topic) ++topics_total_;
    r.topic = true;
    ++r.speakers;
    if (addressed_.count({e.src, e.dst, EdgeKind::kAddressed, ""})) both.emplace(e.src, e.dst);
  }
  if (!it->status().ok()) return it->status();
  for (const auto& [key, weight] : addressed_) {
    if (!both.count({key.src, key.dst})) ++reach_[key.dst].speakers;
  }
  return Status::OK();
}

int DiagramBuilder::ReachOf(const std::string& id) const {
  auto it = reach_.find(id);
  return it == reach_.end() ? 0 : it->second.speakers;
}

int DiagramBuilder::ClaimsOf(const std::string& id) const {
  auto it = speaker_claims_.find(id);
  return it == speaker_claims_.end() ? 0 : it->second;
}

// Strongest first: more claims, then more speakers at the far end, then a
// stance taken over a neutral one, then the busier speaker; ties by key.
bool DiagramBuilder::Stronger(const WeightedEdge& a, const WeightedEdge& b) const {
  if (a.second != b.second) return a.second > b.second;
  int ra = ReachOf(a.first.dst), rb = ReachOf(b.first.dst);
  if (ra != rb) return ra > rb;
  bool na = a.first.polarity == "neutral", nb = b.first.polarity == "neutral";
  if (na != nb) return nb;
  int ca = ClaimsOf(a.first.src), cb = ClaimsOf(b.first.src);
  if (ca != cb) return ca > cb;
  return a.first < b.first;
}

// Each speaker keeps its kTopicsPerSpeaker strongest topic edges: a claim
// has several topics, and all of them make a list, not a picture.
void DiagramBuilder::KeepStrongest(std::vector<WeightedEdge>* list,
                                   std::vector<WeightedEdge>* edges,
                                   std::set<std::string>* shown) const {
  std::sort(list->begin(), list->end(),
            [this](const WeightedEdge& a, const WeightedEdge& b) { return Stronger(a, b); });
  for (size_t i = 0; i < list->size() && i < kTopicsPerSpeaker; ++i) {
    shown->insert((*list)[i].first.dst);
    edges->push_back((*list)[i]);
  }
  list->clear();
}

Status DiagramBuilder::SelectStanceTopics(std::vector<WeightedEdge>* edges,
                                          std::set<std::string>* shown) {
  std::map<std::pair<std::string, std::string>, int> pairs;  // (topic, polarity): this speaker's
  std::string speaker;
  std::vector<WeightedEdge> list;
  auto flush = [&]() {
    for (const auto& [pair, weight] : pairs) {
      list.push_back({{speaker, pair.first, EdgeKind::kStance, pair.second}, weight});
    }
    pairs.clear();
    KeepStrongest(&list, edges, shown);
  };
  auto it = store_->NewEdgeIterator();
  for (; it->Valid(); it->Next()) {
    const Edge& e = it->edge();
    if (e.type != "STANCE" || !view_->KeepEdge(e)) continue;
    if (e.src != speaker) {
      flush();
      speaker = e.src;
    }
    ++pairs[{e.dst, NormalPolarity(e)}];
  }
  if (!it->status().ok()) return it->status();
  flush();
  return Status::OK();
}

// The cluster of an entity: itself when it is a country or organisation
// that speaks, else its first AFFILIATED_WITH target, else its
// "affiliation" property.
Status DiagramBuilder::ClusterOf(const Node& node, std::string* key, std::string* label) {
  key->clear();
  if ((node.type == "Country" || node.type == "Organization") && speaker_claims_.count(node.id)) {
    *key = node.id;
    *label = DisplayLabel(node);
    return Status::OK();
  }
  auto out = store_->NewOutEdgeIterator(node.id);
  for (; out->Valid(); out->Next()) {
    const Edge& e = out->edge();
    if (e.type != "AFFILIATED_WITH") continue;
    Node target;
    if (store_->GetNode(e.dst, &target).ok()) {
      *key = target.id;
      *label = DisplayLabel(target);
      return Status::OK();
    }
  }
  if (!out->status().ok()) return out->status();
  std::string affiliation = Get(node.props, "affiliation");
  if (!affiliation.empty()) {
    // Join the cluster of the stored entity of that name when there is one.
    std::string id;
    Node target;
    if (store_->LookupName(NormalizeName(affiliation), &id).ok() &&
        store_->GetNode(id, &target).ok()) {
      *key = id;
      *label = DisplayLabel(target);
    } else {
      *key = "name:" + affiliation;
      *label = affiliation;
    }
  }
  return Status::OK();
}

Status DiagramBuilder::AddNode(const std::string& id, Diagram* diagram) {
  if (diagram->nodes.count(id)) return Status::OK();
  Node node;
  Status s = store_->GetNode(id, &node);
  if (!s.ok()) return s.code() == Status::Code::kNotFound ? Status::OK() : s;
  DiagramNode& d = diagram->nodes[id];
  d.label = DisplayLabel(node);
  d.type = node.type;
  auto claims = speaker_claims_.find(id);
  if (claims != speaker_claims_.end()) d.claims = claims->second;
  if (IsEntityType(node.type)) {
    std::string label;
    s = ClusterOf(node, &d.cluster, &label);
    if (!s.ok()) return s;
    if (!d.cluster.empty()) diagram->clusters.emplace(d.cluster, label);
  }
  return Status::OK();
}

Status DiagramBuilder::Build(int top, Diagram* diagram) {
  Status s = JoinClaims(false);
  if (s.ok()) s = CountStanceReach();
  if (!s.ok()) return s;
  // Topic edges: STANCE when there are any, else ABOUT; articles only when
  // there are no topics at all. Addressees always.
  std::vector<WeightedEdge> edges;
  std::set<std::string> shown_topics;
  bool no_topics = false;
  if (has_stance_) {
    s = SelectStanceTopics(&edges, &shown_topics);
    if (!s.ok()) return s;
  } else {
    s = JoinClaims(true);
    if (!s.ok()) return s;
    // How many speakers reach each endpoint: a topic several people spoke
    // about ties the picture together; one only its speaker mentioned does not.
    std::map<std::string, std::set<std::string>> reached_by;
    for (const auto& [key, weight] : about_) reached_by[key.dst].insert(key.src);
    for (const auto& [key, weight] : addressed_) reached_by[key.dst].insert(key.src);
    reach_.clear();
    for (const auto& [dst, srcs] : reached_by) reach_[dst].speakers = static_cast<int>(srcs.size());
    for (const auto& [key, weight] : about_) {
      Reach& r = reach_[key.dst];
      if (!r.topic) ++topics_total_;
      r.topic = true;
    }
    std::vector<WeightedEdge> list;
    for (auto it = about_.begin(); it != about_.end(); ++it) {  // about_ is sorted by speaker
      list.push_back(*it);
      auto next = std::next(it);
      if (next == about_.end() || next->first.src != it->first.src) {
        KeepStrongest(&list, &edges, &shown_topics);
      }
    }
    no_topics = about_.empty();
    about_.clear();
  }
  diagram->topics_total = topics_total_;
  edges.insert(edges.end(), addressed_.begin(), addressed_.end());
  if (no_topics) edges.insert(edges.end(), reported_.begin(), reported_.end());
  reported_.clear();
  if (top > 0 && edges.size() > static_cast<size_t>(top)) {
    std::partial_sort(edges.begin(), edges.begin() + top, edges.end(),
                      [this](const WeightedEdge& a, const WeightedEdge& b) { return Stronger(a, b); });
    edges.resize(top);
    shown_topics.clear();
    for (const auto& [key, weight] : edges) {
      auto r = reach_.find(key.dst);
      if (r != reach_.end() && r->second.topic) shown_topics.insert(key.dst);
    }
  }
  std::sort(edges.begin(), edges.end());
  diagram->topics_shown = shown_topics.size();
  // Speakers first (all of them unless --top trims), then edge endpoints.
  if (top <= 0) {
    for (const auto& [id, n] : speaker_claims_) {
      s = AddNode(id, diagram);
      if (!s.ok()) return s;
    }
  }
  for (const auto& [key, weight] : edges) {
    s = AddNode(key.src, diagram);
    if (s.ok()) s = AddNode(key.dst, diagram);
    if (!s.ok()) return s;
    if (!diagram->nodes.count(key.src) || !diagram->nodes.count(key.dst)) continue;
    diagram->edges.push_back({key.src, key.dst, key.kind, key.polarity, weight});
  }
  // A cluster holding only the entity it is named after says nothing: drop it.
  std::map<std::string, int> members;
  for (const auto& [id, n] : diagram->nodes) {
    if (!n.cluster.empty()) ++members[n.cluster];
  }
  for (auto& [id, n] : diagram->nodes) {
    if (!n.cluster.empty() && n.cluster == id && members[id] == 1) {
      diagram->clusters.erase(id);
      n.cluster.clear();
    }
  }
  return Status::OK();
}

}  // namespace

Status BuildDiagram(GraphView* view, int top, Diagram* diagram) {
  DiagramBuilder builder(view);
  return builder.Build(top, diagram);
}

}  // namespace claimgraph
