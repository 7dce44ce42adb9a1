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

}  // namespace

Status WriteGraphml(GraphView* view, const ExportOptions& options, std::ostream* out) {
  Store* store = view->store();
  // Pass 1: counts and property types.
  PropertyTypes node_types, edge_types;
  uint64_t n_nodes = 0, n_edges = 0;
  {
    auto it = store->NewNodeIterator();
    for (; it->Valid(); it->Next()) {
      const Node& n = it->node();
      if (!view->KeepNode(n)) continue;
      ++n_nodes;
      for (const auto& [name, value] : n.props) node_types.Observe(name, value);
    }
    if (!it->status().ok()) return it->status();
    auto et = store->NewEdgeIterator();
    for (; et->Valid(); et->Next()) {
      const Edge& e = et->edge();
      if (!view->KeepEdge(e)) continue;
      ++n_edges;
      for (const auto& [name, value] : e.props) edge_types.Observe(name, value);
    }
    if (!et->status().ok()) return et->status();
  }

  *out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
          "  <key id=\"labels\" for=\"node\" attr.name=\"labels\" attr.type=\"string\"/>\n"
          "  <key id=\"n_label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
          "  <key id=\"n_type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
          "  <key id=\"n_uri\" for=\"node\" attr.name=\"uri\" attr.type=\"string\"/>\n";
  for (const auto& [name, kind] : node_types.kinds()) {
    std::string attr = AttrName(name, ReservedNodeName(name));
    *out << "  <key id=\"n_" << attr << "\" for=\"node\" attr.name=\"" << attr
         << "\" attr.type=\"" << AttrType(kind) << "\"/>\n";
  }
  *out << "  <key id=\"label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n";
  for (const auto& [name, kind] : edge_types.kinds()) {
    std::string attr = AttrName(name, ReservedEdgeName(name));
    *out << "  <key id=\"e_" << attr << "\" for=\"edge\" attr.name=\"" << attr
         << "\" attr.type=\"" << AttrType(kind) << "\"/>\n";
  }
  *out << "  <graph id=\"claimgraph\" edgedefault=\"directed\" parse.nodeids=\"free\""
          " parse.edgeids=\"canonical\" parse.order=\"nodesfirst\" parse.nodes=\""
       << n_nodes << "\" parse.edges=\"" << n_edges << "\">\n";

  // The key id and type of every property name, worked out once.
  struct KeyOf {
    std::string id;
    PropertyKind kind;
  };
  std::map<std::string, KeyOf> node_keys, edge_keys;
  for (const auto& [name, kind] : node_types.kinds()) {
    node_keys[name] = {"n_" + AttrName(name, ReservedNodeName(name)), kind};
  }
  for (const auto& [name, kind] : edge_types.kinds()) {
    edge_keys[name] = {"e_" + AttrName(name, ReservedEdgeName(name)), kind};
  }

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
    for (const auto& [name, value] : n.props) {
      // Pass 1 saw every name, unless the store changed between the passes.
      auto key = node_keys.find(name);
      if (key == node_keys.end()) {
        key = node_keys.emplace(name, KeyOf{"n_" + AttrName(name, ReservedNodeName(name)),
                                            node_types.KindOf(name)}).first;
      }
      WriteData(key->second.id, DataText(key->second.kind, value), out);
    }
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
    for (const auto& [name, value] : e.props) {
      auto key = edge_keys.find(name);
      if (key == edge_keys.end()) {
        key = edge_keys.emplace(name, KeyOf{"e_" + AttrName(name, ReservedEdgeName(name)),
                                            edge_types.KindOf(name)}).first;
      }
      WriteData(key->second.id, DataText(key->second.kind, value), out);
    }
    *out << "    </edge>\n";
  }
  if (!et->status().ok()) return et->status();
  *out << "  </graph>\n</graphml>\n";
  out->flush();
  if (!*out) return WriteError("GraphML output");
  return Status::OK();
}

}  // namespace claimgraph
