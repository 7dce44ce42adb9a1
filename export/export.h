// Exporters: the graph in a store written as GraphML, DOT, SVG/PNG, JSON-LD
// or CSV.
//
// Every exporter streams from the store's iterators (nodes first, then
// edges) and writes deterministic output: the same store gives the same
// bytes. A filter keeps a subgraph: the claims that pass, with their
// speakers, addressees, topics and articles.
//
// Thread safety: exporters only read the store; run as many as you like.
#ifndef CLAIMGRAPH_EXPORT_EXPORT_H_
#define CLAIMGRAPH_EXPORT_EXPORT_H_

#include <ostream>
#include <string>

#include "extract/status.h"
#include "graph/store.h"

namespace claimgraph {

struct ExportFilter {
  std::string speaker;  // keep claims whose speaker name or alias contains this (case-insensitive)
  std::string topic;    // keep claims about a topic matching this
  std::string since;    // YYYY-MM-DD, inclusive; empty: no bound
  std::string until;    // YYYY-MM-DD, inclusive; empty: no bound
  std::string kind;     // direct | indirect | partial | according_to; empty: all
  int min_claims = 0;   // keep speakers with at least this many claims
  bool empty() const {
    return speaker.empty() && topic.empty() && since.empty() && until.empty() && kind.empty() &&
           min_claims == 0;
  }
};

struct ExportOptions {
  // graphml | dot | jsonld | svg | png | csv
  std::string format;
  // Base of every JSON-LD @id and GraphML "uri". Default below.
  std::string base_iri = "https://claimgraph.dev/id/";
  // Graphviz layout engine for svg/png: dot | neato | fdp | sfdp | circo.
  std::string layout = "dot";
  // Diagram: keep only the N strongest edges (0: all).
  int top = 0;
  ExportFilter filter;
};

// Writes the graph as options.format (graphml, dot or jsonld) to `out`.
// Returns Usage for an unknown format, Storage when reading the store fails.
Status ExportGraph(Store* store, const ExportOptions& options, std::ostream* out);

// Renders the relationship diagram with Graphviz (svg or png) into `path`.
Status RenderDiagram(Store* store, const ExportOptions& options, const std::string& path);

// Writes CSV files for neo4j-admin import and a Kuzu Cypher script into `dir`.
Status ExportCsv(Store* store, const ExportOptions& options, const std::string& dir);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXPORT_EXPORT_H_
