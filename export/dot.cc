// The relationship diagram drawn: the model of diagram.h as DOT text through
// cgraph's agwrite, or SVG/PNG laid out in-process with gvc. The only file
// that includes Graphviz headers. Green edges support a topic, red oppose,
// grey are neutral; penwidth grows with the claim count; the title says how
// many of all topics are drawn. Labels are cut to ~60 bytes; the full text is
// in "tooltip".
//
// Graphviz keeps its error handler in a global: renders are serialised with
// a mutex.
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <map>
#include <mutex>
#include <set>
#include <vector>

#include "export/diagram.h"
#include "export/internal.h"
#include "export/xml_escape.h"

namespace claimgraph {

namespace {

constexpr size_t kLabelBytes = 60;
constexpr size_t kTooltipBytes = 4000;  // far below DOT's 16 KB per quoted string
constexpr size_t kMaxRenderNodes = 400;
constexpr size_t kMaxCircoNodes = 80;

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
