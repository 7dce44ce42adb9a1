// The relationship diagram: DOT text through cgraph's agwrite, SVG/PNG laid
// out in-process with gvc. The only file that includes Graphviz headers.
//
// The diagram is a summary, not a dump of the graph: speakers (entities that
// said something, labelled with their claim count) grouped in clusters by
// affiliation; edges speaker -> topic (STANCE, green support / red oppose /
// grey neutral), speaker -> addressee (through the claims' ADDRESSED_TO),
// and, when the graph has no topics, speaker -> article, so the diagram is
// never empty. Each edge aggregates claims: weight = count, penwidth grows
// with it. Each speaker shows its 4 strongest topics (a claim has several:
// all of them make a list, not a picture); the title says how many of all
// topics are drawn. Labels are cut to ~60 bytes; the full text is in
// "tooltip".
//
// Graphviz keeps its error handler in a global: renders are serialised with
// a mutex.
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <iterator>
#include <cmath>
#include <cstdio>
#include <map>
#include <mutex>
#include <set>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "export/edge_run.h"
#include "export/internal.h"
#include "export/xml_escape.h"

namespace claimgraph {

namespace {

constexpr size_t kLabelBytes = 60;
constexpr size_t kTooltipBytes = 4000;  // far below DOT's 16 KB per quoted string
constexpr size_t kMaxRenderNodes = 400;
constexpr size_t kTopicsPerSpeaker = 4;
constexpr size_t kMaxCircoNodes = 80;

std::string Get(const Properties& props, const std::string& name) {
  auto it = props.find(name);
  return it == props.end() ? std::string() : it->second;
}

// User text as a DOT escString: cleaned, cut to `max_bytes`, every
// backslash doubled (so \N, \G... are never interpreted) and newlines
// written as \n. agwrite adds the quotes and escapes '"' itself.
std::string DotText(std::string_view text, size_t max_bytes) {
  std::string clean = TruncateUtf8(CleanText(text), max_bytes);
  std::string out;
  out.reserve(clean.size());
  for (char c : clean) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      // dropped: a CR LF pair already gave a \n
    } else if (c == '\t') {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// ------------------------------------------------------------ the model

struct DiagramNode {
  std::string label;    // full display text (not escaped)
  std::string type;     // store node type
  std::string cluster;  // cluster key, empty for none
  int claims = 0;       // claims said (speakers)
};

enum class EdgeKind { kStance, kAbout, kAddressed, kReported };

struct DiagramEdge {
  std::string src, dst;
  EdgeKind kind;
  std::string polarity;  // stance edges
  int weight = 0;
};

struct Diagram {
  std::map<std::string, DiagramNode> nodes;     // by store id
  std::map<std::string, std::string> clusters;  // key -> label
  std::vector<DiagramEdge> edges;
  size_t topics_total = 0;  // topics the kept claims are about
  size_t topics_shown = 0;  // of those, the ones drawn
};

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

// ------------------------------------------------------------ cgraph

struct NodeStyle {
  const char* shape;
  const char* fill;
};

NodeStyle StyleFor(const std::string& type) {
  if (type == "Person") return {"ellipse", "#dbe9f6"};
  if (type == "Organization") return {"box", "#e6dff2"};
  if (type == "Country") return {"box", "#fdebd0"};
  if (type == "Group") return {"ellipse", "#dff2e6"};
  if (type == "Topic") return {"box", "#fff7c2"};
  if (type == "Article") return {"note", "#eeeeee"};
  return {"ellipse", "#f2f2f2"};
}

void Set(void* obj, const char* name, const std::string& value) {
  agsafeset(obj, const_cast<char*>(name), const_cast<char*>(value.c_str()),
            const_cast<char*>(""));
}

int AppendToString(void* chan, const char* str) {
  static_cast<std::string*>(chan)->append(str);
  return 0;
}
int FlushNothing(void*) { return 0; }

// cgraph's default id discipline uses the address of the interned name as
// the id of a named object, and keeps subgraphs in id order: agwrite would
// then write clusters in heap-address order. These ids count up in creation
// order instead (even: named, odd: anonymous), so output is deterministic.
// Names are interned with agstrdup (agwrite reads flags stored in front of
// the string) and freed with the graph.
struct SequentialIds {
  Agraph_t* graph;
  std::map<std::string, IDTYPE> ids;
  std::vector<char*> names;  // names[i] has id 2 * (i + 1)
  IDTYPE anonymous = 1;
};

void* IdsOpen(Agraph_t* g, Agdisc_t*) { return new SequentialIds{g, {}, {}, 1}; }

long IdsMap(void* state, int, char* str, IDTYPE* id, int create) {
  auto* ids = static_cast<SequentialIds*>(state);
  if (str == nullptr) {
    if (!create) return 0;
    *id = ids->anonymous;
    ids->anonymous += 2;
    return 1;
  }
  auto it = ids->ids.find(str);
  if (it != ids->ids.end()) {
    *id = it->second;
    return 1;
  }
  if (!create) return 0;
  ids->names.push_back(agstrdup(ids->graph, str));
  *id = 2 * static_cast<IDTYPE>(ids->names.size());
  ids->ids.emplace(str, *id);
  return 1;
}

long IdsAlloc(void*, int, IDTYPE) { return 0; }  // no caller-chosen ids
void IdsFree(void*, int, IDTYPE) {}
char* IdsPrint(void* state, int, IDTYPE id) {
  auto* ids = static_cast<SequentialIds*>(state);
  if (id % 2 == 1 || id / 2 > ids->names.size()) return nullptr;
  return ids->names[id / 2 - 1];
}
void IdsClose(void* state) { delete static_cast<SequentialIds*>(state); }
void IdsRegister(void*, int, void*) {}

Agiddisc_t kSequentialIds = {IdsOpen, IdsMap, IdsAlloc, IdsFree, IdsPrint, IdsClose, IdsRegister};
Agiodisc_t kStringIo = {nullptr, AppendToString, FlushNothing};
Agdisc_t kStringDisc = {&AgMemDisc, &kSequentialIds, &kStringIo};

std::mutex graphviz_mutex;
std::string* graphviz_errors = nullptr;  // guarded by graphviz_mutex

int CollectError(char* message) {
  if (graphviz_errors != nullptr) graphviz_errors->append(message);
  return 0;
}

// Routes Graphviz's error messages into a string while alive.
class GraphvizErrors {
 public:
  GraphvizErrors() : lock_(graphviz_mutex) {
    graphviz_errors = &text_;
    previous_ = agseterrf(CollectError);
  }
  ~GraphvizErrors() {
    agseterrf(previous_);
    graphviz_errors = nullptr;
  }
  std::string text() const {
    std::string t = text_;
    while (!t.empty() && (t.back() == '\n' || t.back() == ' ')) t.pop_back();
    return t;
  }

 private:
  std::lock_guard<std::mutex> lock_;
  std::string text_;
  agusererrf previous_;
};

std::string PenWidth(int weight) {
  char buf[32];
  snprintf(buf, sizeof buf, "%.1f", std::min(1.5 + 1.5 * std::log2(static_cast<double>(weight)), 8.0));
  return buf;
}

// The diagram's title: what its kinds of edges mean.
std::string Legend(const Diagram& diagram) {
  std::set<EdgeKind> kinds;
  for (const DiagramEdge& e : diagram.edges) kinds.insert(e.kind);
  std::string legend = "Who said what";
  std::string sep = ". ";
  auto add = [&](EdgeKind kind, const char* text) {
    if (!kinds.count(kind)) return;
    std::string part = text;
    if (sep == ". ") part[0] = static_cast<char>(toupper(static_cast<unsigned char>(part[0])));
    legend += sep + part;
    sep = "; ";
  };
  add(EdgeKind::kStance, "green: supports, red: opposes, grey: neutral on a topic");
  add(EdgeKind::kAbout, "grey: spoke about a topic");
  add(EdgeKind::kAddressed, "dashed blue: addressed to");
  add(EdgeKind::kReported, "dotted: quoted in the article");
  if (!kinds.empty()) legend += ". Edge numbers: claims";
  if (diagram.topics_shown < diagram.topics_total) {
    legend += ". " + std::to_string(diagram.topics_shown) + " of " +
              std::to_string(diagram.topics_total) +
              " topics shown (each speaker's strongest; --topic T for one)";
  }
  return legend;
}

// Builds the cgraph graph for `diagram`; the caller agclose()s it.
Agraph_t* ToCgraph(const Diagram& diagram) {
  kStringIo.afread = AgIoDisc.afread;
  Agraph_t* g = agopen(const_cast<char*>("claimgraph"), Agdirected, &kStringDisc);
  Set(g, "charset", "UTF-8");
  Set(g, "rankdir", "LR");
  Set(g, "overlap", "false");
  Set(g, "fontname", "Helvetica");
  Set(g, "label", Legend(diagram));
  Set(g, "labelloc", "t");
  Set(g, "fontsize", "11");
  agattr(g, AGNODE, const_cast<char*>("fontname"), const_cast<char*>("Helvetica"));
  agattr(g, AGNODE, const_cast<char*>("style"), const_cast<char*>("filled"));
  agattr(g, AGEDGE, const_cast<char*>("fontname"), const_cast<char*>("Helvetica"));
  agattr(g, AGEDGE, const_cast<char*>("fontsize"), const_cast<char*>("10"));

  std::map<std::string, Agraph_t*> clusters;
  int cluster_number = 0;
  for (const auto& [key, label] : diagram.clusters) {
    std::string name = "cluster_" + std::to_string(cluster_number++);
    Agraph_t* sg = agsubg(g, const_cast<char*>(name.c_str()), 1);
    Set(sg, "label", DotText(label, kLabelBytes));
    Set(sg, "style", "rounded,dashed");
    Set(sg, "color", "#888888");
    clusters[key] = sg;
  }
  for (const auto& [id, n] : diagram.nodes) {
    Agraph_t* parent = n.cluster.empty() ? g : clusters.at(n.cluster);
    Agnode_t* node = agnode(parent, const_cast<char*>(id.c_str()), 1);
    std::string label = DotText(n.label, kLabelBytes);
    if (n.claims > 0) label += "\\n" + std::to_string(n.claims) + (n.claims == 1 ? " claim" : " claims");
    NodeStyle style = StyleFor(n.type);
    Set(node, "label", label);
    Set(node, "tooltip", DotText(n.label, kTooltipBytes));
    Set(node, "shape", style.shape);
    Set(node, "fillcolor", style.fill);
    Set(node, "kind", n.type);
    if (n.claims > 0) Set(node, "penwidth", "2");
    if (n.type == "Topic") Set(node, "style", "filled,rounded");
  }
  for (const DiagramEdge& d : diagram.edges) {
    Agnode_t* t = agnode(g, const_cast<char*>(d.src.c_str()), 0);
    Agnode_t* h = agnode(g, const_cast<char*>(d.dst.c_str()), 0);
    if (t == nullptr || h == nullptr) continue;
    Agedge_t* e = agedge(g, t, h, nullptr, 1);
    std::string count = std::to_string(d.weight) + (d.weight == 1 ? " claim" : " claims");
    std::string what, color, style = "solid", relation;
    switch (d.kind) {
      case EdgeKind::kStance:
        relation = d.polarity;
        color = d.polarity == "support" ? "#2e7d32" : d.polarity == "oppose" ? "#c62828" : "#9e9e9e";
        what = d.polarity == "support" ? "supports" : d.polarity == "oppose" ? "opposes" : "on";
        break;
      case EdgeKind::kAbout:
        relation = "about", color = "#9e9e9e", what = "spoke about";
        break;
      case EdgeKind::kAddressed:
        relation = "addressed", color = "#1565c0", style = "dashed", what = "addressed";
        break;
      case EdgeKind::kReported:
        relation = "reported_in", color = "#757575", style = "dotted", what = "quoted in";
        break;
    }
    const DiagramNode& src = diagram.nodes.at(d.src);
    const DiagramNode& dst = diagram.nodes.at(d.dst);
    Set(e, "relation", relation);
    Set(e, "color", color);
    Set(e, "style", style);
    Set(e, "weight", std::to_string(d.weight));
    Set(e, "penwidth", PenWidth(d.weight));
    if (d.weight > 1) Set(e, "label", std::to_string(d.weight));
    Set(e, "tooltip", DotText(src.label + " " + what + " " + dst.label + " (" + count + ")",
                              kTooltipBytes));
  }
  return g;
}

Status BuildDiagram(GraphView* view, int top, Diagram* diagram) {
  DiagramBuilder builder(view);
  return builder.Build(top, diagram);
}

}  // namespace

Status WriteDot(GraphView* view, const ExportOptions& options, std::ostream* out) {
  Diagram diagram;
  Status s = BuildDiagram(view, options.top, &diagram);
  if (!s.ok()) return s;
  std::string text;
  {
    GraphvizErrors errors;
    Agraph_t* g = ToCgraph(diagram);
    int rc = agwrite(g, &text);
    agclose(g);
    if (rc != 0) return Status::Internal("cgraph agwrite failed: " + errors.text());
  }
  *out << text;
  out->flush();
  if (!*out) return WriteError("DOT output");
  return Status::OK();
}

Status RenderDot(GraphView* view, const ExportOptions& options, const std::string& path,
                 std::ostream* out) {
  static const char* const kLayouts[] = {"dot", "neato", "fdp", "sfdp", "circo", "twopi", "osage"};
  if (std::find_if(std::begin(kLayouts), std::end(kLayouts), [&](const char* l) {
        return options.layout == l;
      }) == std::end(kLayouts)) {
    return Status::Usage("unknown layout \"" + options.layout +
                         "\" (want dot, neato, fdp, sfdp, circo, twopi or osage)");
  }
  Diagram diagram;
  Status s = BuildDiagram(view, options.top, &diagram);
  if (!s.ok()) return s;
  if (options.top <= 0 && diagram.nodes.size() > kMaxRenderNodes) {
    return Status::Usage("the diagram would have " + std::to_string(diagram.nodes.size()) +
                         " nodes, too many to read; keep the strongest edges with --top N (e.g. "
                         "--top 100) or narrow it with --speaker, --topic, --since/--until");
  }
  if (options.layout == "circo" && diagram.nodes.size() > kMaxCircoNodes) {
    return Status::Usage("circo puts " + std::to_string(diagram.nodes.size()) +
                         " nodes on circles, which takes minutes and reads badly above " +
                         std::to_string(kMaxCircoNodes) + "; use --layout sfdp or keep fewer "
                         "edges with --top N (e.g. --top 30)");
  }
  GraphvizErrors errors;  // holds graphviz_mutex: the shared context is used by one render at a time
  // One context for the process, never freed: Graphviz 2.43's pango plugin
  // caches a font-name pointer owned by the context, and a second context
  // would read it after the first one freed it.
  static GVC_t* const gvc = gvContext();
  if (gvc == nullptr) return Status::Internal("Graphviz gvContext failed");
  Agraph_t* g = ToCgraph(diagram);
  // A bitmap at most 50 inches (4800 px at 96 dpi) a side: cairo's limit is
  // 32767 px, and a larger picture is shrunk anyway.
  if (options.format == "png") Set(g, "size", "50,50");
  if (gvLayout(gvc, g, options.layout.c_str()) != 0) {
    agclose(g);
    return Status::Internal("Graphviz layout \"" + options.layout + "\" failed: " + errors.text());
  }
  int rc;
  if (out != nullptr) {
    char* data = nullptr;
    unsigned int length = 0;
    rc = gvRenderData(gvc, g, options.format.c_str(), &data, &length);
    if (rc == 0 && data != nullptr) out->write(data, length);
    if (data != nullptr) gvFreeRenderData(data);
  } else {
    rc = gvRenderFilename(gvc, g, options.format.c_str(), path.c_str());
  }
  gvFreeLayout(gvc, g);
  agclose(g);
  if (rc != 0) {
    std::string where = out != nullptr ? std::string("output") : path;
    return Status::Usage("cannot render " + options.format + " to " + where + ": " + errors.text());
  }
  if (out != nullptr) {
    out->flush();
    if (!*out) return WriteError(options.format + " output");
  }
  return Status::OK();
}

Status ReadDotNodeLabels(const std::string& dot, std::map<std::string, std::string>* labels) {
  GraphvizErrors errors;
  Agraph_t* g = agmemread(dot.c_str());
  if (g == nullptr) return Status::InvalidInput("DOT text rejected by cgraph: " + errors.text());
  labels->clear();
  for (Agnode_t* n = agfstnode(g); n != nullptr; n = agnxtnode(g, n)) {
    char* label = agget(n, const_cast<char*>("label"));
    (*labels)[agnameof(n)] = label != nullptr ? label : "";
  }
  agclose(g);
  return Status::OK();
}

}  // namespace claimgraph
