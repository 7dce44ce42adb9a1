// GraphML writer. Two streaming passes over the store's iterators: the first
// counts nodes and edges and types every property name (PropertyTypes), the
// second writes the keys, then every node, then every edge. Memory holds the
// key table only. The key layout is documented in schemas/graphml-keys.md.
#include <nlohmann/json.hpp>

#include <map>

#include "export/internal.h"
#include "export/xml_escape.h"

namespace claimgraph {

namespace {

// Property names that would clash with the keys written for every node or
// edge (or that consumers treat specially, like "id" in igraph / APOC).
bool ReservedNodeName(const std::string& name) {
  return name == "id" || name == "labels" || name == "label" || name == "type" || name == "uri";
}
bool ReservedEdgeName(const std::string& name) { return name == "id" || name == "label"; }

bool NmtokenChar(unsigned char c) {
  return isalnum(c) || c == '.' || c == '-' || c == '_' || c == ':';
}

// `s` as an NMTOKEN: other bytes become "_xHH" (ids from the builder are
// NMTOKENs already and pass unchanged).
std::string Nmtoken(const std::string& s) {
  static const char kHex[] = "0123456789ABCDEF";
  if (s.empty()) return "_";
  std::string out;
  for (unsigned char c : s) {
    if (NmtokenChar(c)) {
      out.push_back(static_cast<char>(c));
    } else {
      out += "_x";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

// A type name as an APOC label: letters, digits, '_' only.
std::string LabelName(const std::string& type) {
  std::string out;
  for (unsigned char c : type) out.push_back(isalnum(c) || c == '_' ? static_cast<char>(c) : '_');
  if (out.empty() || isdigit(static_cast<unsigned char>(out[0]))) out.insert(out.begin(), '_');
  return out;
}

std::string AttrName(const std::string& name, bool reserved) {
  return Nmtoken(reserved ? "prop_" + name : name);
}

const char* AttrType(PropertyKind kind) {
  switch (kind) {
    case PropertyKind::kInt: return "long";
    case PropertyKind::kDouble: return "double";
    default: return "string";
  }
}

// The text of a <data> element for `value`, or empty to omit it.
std::string DataText(PropertyKind kind, const std::string& value) {
  if (kind == PropertyKind::kList) {
    nlohmann::json list = nlohmann::json::array();
    for (const std::string& v : SplitList(value)) {
      std::string clean = CleanText(v);
      if (!clean.empty()) list.push_back(clean);
    }
    if (list.empty()) return std::string();
    return XmlEscapeText(list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  std::string text = XmlEscapeText(value);
  if (text.find_first_not_of(" \t\n\r") == std::string::npos) return std::string();
  return text;
}

void WriteData(const std::string& key, const std::string& text, std::ostream* out) {
  if (text.empty()) return;
  *out << "      <data key=\"" << key << "\">" << text << "</data>\n";
}

// The <key>s for the properties of nodes or of edges: their types (pass 1),
// then each name's key id and type worked out once (pass 2).
class KeyTable {
 public:
  // `prefix` starts every key id ("n_", "e_"); `domain` is the <key>'s
  // `for` ("node", "edge"); `reserved` names the clashing property names.
  KeyTable(const char* prefix, const char* domain, bool (*reserved)(const std::string&))
      : prefix_(prefix), domain_(domain), reserved_(reserved) {}

  void Observe(const Properties& props) {
    for (const auto& [name, value] : props) types_.Observe(name, value);
  }

  // Writes one <key> per observed name and fixes the key ids.
  void WriteKeys(std::ostream* out) {
    for (const auto& [name, kind] : types_.kinds()) {
      std::string attr = AttrName(name, reserved_(name));
      *out << "  <key id=\"" << prefix_ << attr << "\" for=\"" << domain_ << "\" attr.name=\""
           << attr << "\" attr.type=\"" << AttrType(kind) << "\"/>\n";
      keys_[name] = {prefix_ + attr, kind};
    }
  }

  // Writes a <data> per property of `props`.
  void WriteProps(const Properties& props, std::ostream* out) {
    for (const auto& [name, value] : props) {
      // Pass 1 saw every name, unless the store changed between the passes.
      auto key = keys_.find(name);
      if (key == keys_.end()) {
        key = keys_.emplace(name, KeyOf{prefix_ + AttrName(name, reserved_(name)),
                                        types_.KindOf(name)}).first;
      }
      WriteData(key->second.id, DataText(key->second.kind, value), out);
    }
  }

 private:
  struct KeyOf {
    std::string id;
    PropertyKind kind;
  };
  const std::string prefix_;
  const char* const domain_;
  bool (*const reserved_)(const std::string&);
  PropertyTypes types_;
  std::map<std::string, KeyOf> keys_;
};

}  // namespace

Status WriteGraphml(GraphView* view, const ExportOptions& options, std::ostream* out) {
  Store* store = view->store();
  // Pass 1: counts and property types.
  KeyTable node_keys("n_", "node", ReservedNodeName);
  KeyTable edge_keys("e_", "edge", ReservedEdgeName);
  uint64_t n_nodes = 0, n_edges = 0;
  {
    auto it = store->NewNodeIterator();
    for (; it->Valid(); it->Next()) {
      const Node& n = it->node();
      if (!view->KeepNode(n)) continue;
      ++n_nodes;
      node_keys.Observe(n.props);
    }
    if (!it->status().ok()) return it->status();
    auto et = store->NewEdgeIterator();
    for (; et->Valid(); et->Next()) {
      const Edge& e = et->edge();
      if (!view->KeepEdge(e)) continue;
      ++n_edges;
      edge_keys.Observe(e.props);
    }
    if (!et->status().ok()) return et->status();
  }

  *out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
          "  <key id=\"labels\" for=\"node\" attr.name=\"labels\" attr.type=\"string\"/>\n"
          "  <key id=\"n_label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
          "  <key id=\"n_type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
          "  <key id=\"n_uri\" for=\"node\" attr.name=\"uri\" attr.type=\"string\"/>\n";
  node_keys.WriteKeys(out);
  *out << "  <key id=\"label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n";
  edge_keys.WriteKeys(out);
  *out << "  <graph id=\"claimgraph\" edgedefault=\"directed\" parse.nodeids=\"free\""
          " parse.edgeids=\"canonical\" parse.order=\"nodesfirst\" parse.nodes=\""
       << n_nodes << "\" parse.edges=\"" << n_edges << "\">\n";

  // Pass 2: nodes, then edges.
  auto it = store->NewNodeIterator();
  for (; it->Valid(); it->Next()) {
    const Node& n = it->node();
    if (!view->KeepNode(n)) continue;
    *out << "    <node id=\"" << Nmtoken(n.id) << "\">\n";
    // Built by appending: GCC 12's -Wrestrict misfires on `":" + std::string` at -O3.
    std::string labels = LabelName(n.type);
    labels.insert(labels.begin(), ':');
    WriteData("labels", labels, out);
    WriteData("n_label", XmlEscapeText(TruncateUtf8(CleanText(DisplayLabel(n)), 200)), out);
    WriteData("n_type", XmlEscapeText(n.type), out);
    WriteData("n_uri", XmlEscapeText(NodeIri(options.base_iri, n.id)), out);
    node_keys.WriteProps(n.props, out);
    *out << "    </node>\n";
  }
  if (!it->status().ok()) return it->status();

  uint64_t edge_number = 0;
  auto et = store->NewEdgeIterator();
  for (; et->Valid(); et->Next()) {
    const Edge& e = et->edge();
    if (!view->KeepEdge(e)) continue;
    *out << "    <edge id=\"e" << edge_number++ << "\" source=\"" << Nmtoken(e.src)
         << "\" target=\"" << Nmtoken(e.dst) << "\">\n";
    WriteData("label", XmlEscapeText(e.type), out);  // first: APOC readLabels needs it so
    edge_keys.WriteProps(e.props, out);
    *out << "    </edge>\n";
  }
  if (!et->status().ok()) return et->status();
  *out << "  </graph>\n</graphml>\n";
  out->flush();
  if (!*out) return WriteError("GraphML output");
  return Status::OK();
}

}  // namespace claimgraph
