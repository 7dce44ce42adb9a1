// `claimgraph export` and `claimgraph stats`: read the store (opened
// read-only, so they work while an ingest runs) and write what it holds.
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/commands.h"
#include "extract/claim.h"
#include "graph/store.h"

namespace claimgraph {

namespace {

// Opens the store at `db` read-only; Usage when there is none.
Status OpenForReading(const std::string& db, std::unique_ptr<Store>* store) {
  struct stat st;
  if (stat(db.c_str(), &st) != 0) return Status::Usage("--db " + db + ": no such store");
  StoreOptions options;
  options.read_only = true;
  options.create_if_missing = false;
  return OpenRocksStore(db, options, store);
}

bool IsTextFormat(const std::string& format) {
  return format == "graphml" || format == "dot" || format == "jsonld";
}

Status CheckExportOptions(const ExportCommand& cmd) {
  const ExportOptions& o = cmd.options;
  const ExportFilter& f = o.filter;
  if (!IsTextFormat(o.format) && o.format != "svg" && o.format != "png" && o.format != "csv") {
    return Status::Usage("--format: unknown format \"" + o.format +
                         "\" (graphml, dot, jsonld, svg, png or csv)");
  }
  if ((o.format == "svg" || o.format == "png") && (cmd.output.empty() || cmd.output == "-")) {
    return Status::Usage("--format " + o.format + " needs -o FILE");
  }
  if (o.format == "csv" && (cmd.output.empty() || cmd.output == "-")) {
    return Status::Usage("--format csv needs -o DIR");
  }
  if (!f.since.empty() && !IsIsoDate(f.since)) {
    return Status::Usage("--since: \"" + f.since + "\" is not a date written YYYY-MM-DD");
  }
  if (!f.until.empty() && !IsIsoDate(f.until)) {
    return Status::Usage("--until: \"" + f.until + "\" is not a date written YYYY-MM-DD");
  }
  ClaimKind kind;
  if (!f.kind.empty() && !ParseClaimKind(f.kind, &kind)) {
    return Status::Usage("--kind: unknown kind \"" + f.kind +
                         "\" (direct, indirect, partial or according_to)");
  }
  return Status::OK();
}

// Writes a text export to `path` through a temporary file, so a failed
// export leaves no half-written file behind.
Status ExportToFile(Store* store, const ExportOptions& options, const std::string& path) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::Usage("-o " + path + ": cannot open for writing");
    Status s = ExportGraph(store, options, &out);
    out.flush();
    if (s.ok() && !out) s = Status::Internal(path + ": write failed");
    if (!s.ok()) {
      out.close();
      std::remove(tmp.c_str());
      return s;
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::remove(tmp.c_str());
    return Status::Internal(path + ": " + ec.message());
  }
  return Status::OK();
}

}  // namespace

int RunExport(const ExportCommand& cmd) {
  Status s = CheckExportOptions(cmd);
  if (!s.ok()) return ReportError(s);
  std::unique_ptr<Store> store;
  s = OpenForReading(cmd.db, &store);
  if (!s.ok()) return ReportError(s);

  const std::string& format = cmd.options.format;
  if (format == "svg" || format == "png") {
    s = RenderDiagram(store.get(), cmd.options, cmd.output);
  } else if (format == "csv") {
    std::error_code ec;
    std::filesystem::create_directories(cmd.output, ec);
    if (ec) return ReportError(Status::Usage("-o " + cmd.output + ": " + ec.message()));
    s = ExportCsv(store.get(), cmd.options, cmd.output);
  } else if (cmd.output.empty() || cmd.output == "-") {
    s = ExportGraph(store.get(), cmd.options, &std::cout);
    std::cout.flush();
    if (s.ok() && !std::cout) s = Status::Internal("cannot write to standard output");
  } else {
    s = ExportToFile(store.get(), cmd.options, cmd.output);
  }
  if (!s.ok()) return ReportError(s);
  return 0;
}

int RunStats(const StatsCommand& cmd) {
  std::unique_ptr<Store> store;
  Status s = OpenForReading(cmd.db, &store);
  if (!s.ok()) return ReportError(s);
  std::map<std::string, uint64_t> nodes, edges;
  s = store->CountByType(&nodes, &edges);
  if (!s.ok()) return ReportError(s);

  uint64_t node_total = 0, edge_total = 0;
  for (const auto& [type, n] : nodes) node_total += n;
  for (const auto& [type, n] : edges) edge_total += n;
  std::string out;
  if (cmd.json) {
    nlohmann::json j;
    j["nodes"] = nlohmann::json::object();
    j["edges"] = nlohmann::json::object();
    for (const auto& [type, n] : nodes) j["nodes"][type] = n;
    for (const auto& [type, n] : edges) j["edges"][type] = n;
    j["node_count"] = node_total;
    j["edge_count"] = edge_total;
    out = j.dump() + "\n";
  } else {
    const auto section = [&out](const char* title, uint64_t total,
                                const std::map<std::string, uint64_t>& counts) {
      out += std::string(title) + ": " + std::to_string(total) + "\n";
      for (const auto& [type, n] : counts) {
        std::string label = "  " + type + ":";
        if (label.size() < 20) label.resize(20, ' ');
        out += label + std::to_string(n) + "\n";
      }
    };
    section("nodes", node_total, nodes);
    section("edges", edge_total, edges);
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (std::fflush(stdout) != 0) return ReportError(Status::Internal("cannot write to standard output"));
  return 0;
}

}  // namespace claimgraph
