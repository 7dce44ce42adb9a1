// CSV for graph databases: neo4j-admin import files and a Kuzu script.
//
//   nodes_<Type>.csv            id:ID,<props>,:LABEL           one per node type
//   rels_<TYPE>.csv             :START_ID,:END_ID,:TYPE,<props> one per edge type, or
//   rels_<TYPE>_<From>_<To>.csv when the edge type links several pairs of node
//                               types (Kuzu copies one FROM/TO pair per file)
//   kuzu_load.cypher            CREATE NODE/REL TABLE + COPY, relative file names
//   neo4j_import.sh             the matching neo4j-admin command line
//
// RFC 4180: fields are quoted when they hold ',', '"', CR or LF, and '"' is
// doubled; empty fields are null. Lists are ';'-joined (neo4j's array
// delimiter; a STRING column in Kuzu). Column types come from
// KindOfProperty, downgraded to string when a value does not parse.
// Two passes over the iterators: the first collects columns and type pairs,
// the second writes; memory holds the column tables and open files only.
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <system_error>
#include <vector>

#include "export/internal.h"
#include "export/xml_escape.h"

namespace claimgraph {

namespace {

std::string CsvField(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

// A type name usable in file names and as a Cypher table name.
std::string SafeName(const std::string& type) {
  std::string out;
  for (unsigned char c : type) out.push_back(isalnum(c) || c == '_' ? static_cast<char>(c) : '_');
  return out.empty() ? "_" : out;
}

// Column name for property `name`: names the loader uses itself are renamed.
std::string ColumnName(const std::string& name, bool edge) {
  bool reserved = edge ? name == "type" : (name == "id" || name == "label");
  return SafeName(reserved ? "prop_" + name : name);
}

const char* Neo4jSuffix(PropertyKind kind) {
  switch (kind) {
    case PropertyKind::kInt: return ":long";
    case PropertyKind::kDouble: return ":double";
    case PropertyKind::kList: return ":string[]";
    default: return "";
  }
}

const char* KuzuType(PropertyKind kind) {
  switch (kind) {
    case PropertyKind::kInt: return "INT64";
    case PropertyKind::kDouble: return "DOUBLE";
    default: return "STRING";
  }
}

std::string FieldValue(PropertyKind kind, const std::string& value) {
  if (kind == PropertyKind::kList) {
    std::string joined;
    for (const std::string& v : SplitList(value)) {
      std::string clean = CleanText(v, false);
      if (clean.empty()) continue;
      if (!joined.empty()) joined.push_back(';');
      joined += clean;
    }
    return CsvField(joined);
  }
  return CsvField(CleanText(value));
}

// The header columns of `table`'s properties, each after a ','.
void WriteHeaderColumns(const PropertyTypes& table, bool edge, std::ofstream* f) {
  for (const auto& [name, kind] : table.kinds()) {
    *f << ',' << CsvField(ColumnName(name, edge) + Neo4jSuffix(kind));
  }
}

// The fields of `props` in `table`'s column order, each after a ','; a
// property the element lacks is an empty (null) field.
void WriteFields(const PropertyTypes& table, const Properties& props, std::ofstream* f) {
  for (const auto& [name, kind] : table.kinds()) {
    auto p = props.find(name);
    *f << ',' << (p == props.end() ? std::string() : FieldValue(kind, p->second));
  }
}

using Pair = std::pair<std::string, std::string>;  // (from type, to type)

struct EdgeTable {
  PropertyTypes columns;
  std::set<Pair> pairs;
};

class CsvWriter {
 public:
  CsvWriter(GraphView* view, const std::string& dir) : view_(view), dir_(dir) {}
  Status Write();

 private:
  Status TypeOf(const std::string& id, std::string* type);
  template <typename F>
  Status ForEachNode(F&& f);
  template <typename F>
  Status ForEachEdge(F&& f);
  Status Open(const std::string& name, std::ofstream* file);
  Status Close(const std::string& name, std::ofstream* file);
  Status CollectColumns();
  Status WriteNodes();
  Status WriteEdges();
  Status WriteScripts();
  std::string RelFile(const std::string& type, const Pair& pair) const;

  GraphView* view_;
  std::string dir_;
  std::map<std::string, PropertyTypes> node_tables_;
  std::map<std::string, EdgeTable> edge_tables_;
  std::string last_id_, last_type_;
};

Status CsvWriter::TypeOf(const std::string& id, std::string* type) {
  if (id != last_id_) {
    Status s = view_->NodeType(id, &last_type_);
    if (!s.ok()) {
      last_id_.clear();
      return s;
    }
    last_id_ = id;
  }
  *type = last_type_;
  return Status::OK();
}

// Calls f(node) for every node the view keeps, in store order.
template <typename F>
Status CsvWriter::ForEachNode(F&& f) {
  auto it = view_->store()->NewNodeIterator();
  for (; it->Valid(); it->Next()) {
    const Node& n = it->node();
    if (view_->KeepNode(n)) f(n);
  }
  return it->status();
}

// Calls f(edge, pair) for every edge the view keeps, in store order, with
// `pair` the types of its two ends.
template <typename F>
Status CsvWriter::ForEachEdge(F&& f) {
  auto et = view_->store()->NewEdgeIterator();
  for (; et->Valid(); et->Next()) {
    const Edge& e = et->edge();
    if (!view_->KeepEdge(e)) continue;
    Pair pair;
    Status s = TypeOf(e.src, &pair.first);
    if (s.ok()) s = TypeOf(e.dst, &pair.second);
    if (!s.ok()) return s;
    f(e, pair);
  }
  return et->status();
}

Status CsvWriter::Open(const std::string& name, std::ofstream* file) {
  std::string path = (std::filesystem::path(dir_) / name).string();
  file->open(path, std::ios::binary | std::ios::trunc);
  if (!*file) return Status::Usage("cannot write " + path);
  return Status::OK();
}

// Closes `file`, written as `name` in dir_; fails when any write failed.
Status CsvWriter::Close(const std::string& name, std::ofstream* file) {
  file->close();
  if (!*file) return Status::Usage("cannot write " + name + " in " + dir_);
  return Status::OK();
}

Status CsvWriter::CollectColumns() {
  Status s = ForEachNode([&](const Node& n) {
    PropertyTypes& table = node_tables_[n.type];
    for (const auto& [name, value] : n.props) table.Observe(name, value);
  });
  if (!s.ok()) return s;
  return ForEachEdge([&](const Edge& e, const Pair& pair) {
    EdgeTable& table = edge_tables_[e.type];
    table.pairs.insert(pair);
    for (const auto& [name, value] : e.props) table.columns.Observe(name, value);
  });
}

std::string CsvWriter::RelFile(const std::string& type, const Pair& pair) const {
  if (edge_tables_.at(type).pairs.size() == 1) return "rels_" + SafeName(type) + ".csv";
  return "rels_" + SafeName(type) + "_" + SafeName(pair.first) + "_" + SafeName(pair.second) +
         ".csv";
}

Status CsvWriter::WriteNodes() {
  std::map<std::string, std::ofstream> files;
  for (const auto& [type, table] : node_tables_) {
    std::ofstream& f = files[type];
    Status s = Open("nodes_" + SafeName(type) + ".csv", &f);
    if (!s.ok()) return s;
    f << "id:ID";
    WriteHeaderColumns(table, false, &f);
    f << ",:LABEL\n";
  }
  Status s = ForEachNode([&](const Node& n) {
    std::ofstream& f = files[n.type];
    f << CsvField(n.id);
    WriteFields(node_tables_[n.type], n.props, &f);
    f << ',' << CsvField(SafeName(n.type)) << '\n';
  });
  if (!s.ok()) return s;
  for (auto& [type, f] : files) {
    s = Close("nodes_" + SafeName(type) + ".csv", &f);
    if (!s.ok()) return s;
  }
  return Status::OK();
}

Status CsvWriter::WriteEdges() {
  std::map<std::pair<std::string, Pair>, std::ofstream> files;
  for (const auto& [type, table] : edge_tables_) {
    for (const Pair& pair : table.pairs) {
      std::ofstream& f = files[{type, pair}];
      Status s = Open(RelFile(type, pair), &f);
      if (!s.ok()) return s;
      f << ":START_ID,:END_ID,:TYPE";
      WriteHeaderColumns(table.columns, true, &f);
      f << '\n';
    }
  }
  Status s = ForEachEdge([&](const Edge& e, const Pair& pair) {
    std::ofstream& f = files[{e.type, pair}];
    f << CsvField(e.src) << ',' << CsvField(e.dst) << ',' << CsvField(SafeName(e.type));
    WriteFields(edge_tables_[e.type].columns, e.props, &f);
    f << '\n';
  });
  if (!s.ok()) return s;
  for (auto& [key, f] : files) {
    s = Close(RelFile(key.first, key.second), &f);
    if (!s.ok()) return s;
  }
  return Status::OK();
}

Status CsvWriter::WriteScripts() {
  std::ofstream k;
  Status s = Open("kuzu_load.cypher", &k);
  if (!s.ok()) return s;
  k << "// Load claimgraph's CSV export into Kuzu. Run from this directory (file names are\n"
       "// relative). PARALLEL=false: quoted fields may hold newlines.\n";
  for (const auto& [type, table] : node_tables_) {
    k << "CREATE NODE TABLE `" << SafeName(type) << "`(`id` STRING";
    for (const auto& [name, kind] : table.kinds()) {
      k << ", `" << ColumnName(name, false) << "` " << KuzuType(kind);
    }
    k << ", `label` STRING, PRIMARY KEY(`id`));\n";
  }
  for (const auto& [type, table] : edge_tables_) {
    k << "CREATE REL TABLE `" << SafeName(type) << "`(";
    for (const Pair& pair : table.pairs) {
      k << "FROM `" << SafeName(pair.first) << "` TO `" << SafeName(pair.second) << "`, ";
    }
    k << "`type` STRING";
    for (const auto& [name, kind] : table.columns.kinds()) {
      k << ", `" << ColumnName(name, true) << "` " << KuzuType(kind);
    }
    k << ");\n";
  }
  for (const auto& [type, table] : node_tables_) {
    k << "COPY `" << SafeName(type) << "` FROM 'nodes_" << SafeName(type)
      << ".csv' (HEADER=true, PARALLEL=false);\n";
  }
  for (const auto& [type, table] : edge_tables_) {
    for (const Pair& pair : table.pairs) {
      k << "COPY `" << SafeName(type) << "` FROM '" << RelFile(type, pair)
        << "' (HEADER=true, PARALLEL=false";
      if (table.pairs.size() > 1) {
        k << ", from='" << SafeName(pair.first) << "', to='" << SafeName(pair.second) << "'";
      }
      k << ");\n";
    }
  }
  s = Close("kuzu_load.cypher", &k);
  if (!s.ok()) return s;

  std::ofstream n;
  s = Open("neo4j_import.sh", &n);
  if (!s.ok()) return s;
  n << "#!/bin/sh\n# Import claimgraph's CSV export into an empty Neo4j 5 database (run from this "
       "directory).\nexec neo4j-admin database import full --multiline-fields=true";
  for (const auto& [type, table] : node_tables_) n << " \\\n  --nodes=nodes_" << SafeName(type) << ".csv";
  for (const auto& [type, table] : edge_tables_) {
    for (const Pair& pair : table.pairs) n << " \\\n  --relationships=" << RelFile(type, pair);
  }
  n << " \\\n  \"${1:-neo4j}\"\n";
  return Close("neo4j_import.sh", &n);
}

Status CsvWriter::Write() {
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  if (ec || !std::filesystem::is_directory(dir_)) {
    return Status::Usage("cannot create directory " + dir_ + (ec ? ": " + ec.message() : ""));
  }
  Status s = CollectColumns();
  if (s.ok()) s = WriteNodes();
  if (s.ok()) s = WriteEdges();
  if (s.ok()) s = WriteScripts();
  return s;
}

}  // namespace

Status WriteCsv(GraphView* view, const ExportOptions& /*options*/, const std::string& dir) {
  CsvWriter writer(view, dir);
  return writer.Write();
}

}  // namespace claimgraph
