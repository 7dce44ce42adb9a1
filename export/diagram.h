// The relationship diagram's model, built from the store without Graphviz:
// speakers (entities that said something, with their claim count) grouped
// in clusters by affiliation; edges speaker -> topic (STANCE: support,
// oppose or neutral), speaker -> addressee (through the claims'
// ADDRESSED_TO) and, when the graph has no topics, speaker -> article, so
// the diagram is never empty. Each edge aggregates claims (weight = count).
// Each speaker keeps its 4 strongest topics: a claim has several, and all
// of them make a list, not a picture. dot.cc draws the model with cgraph.
//
// Thread safety: BuildDiagram reads through `view`, which is used by one
// writer at a time.
#ifndef CLAIMGRAPH_EXPORT_DIAGRAM_H_
#define CLAIMGRAPH_EXPORT_DIAGRAM_H_

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "export/internal.h"

namespace claimgraph {


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

// Builds the diagram of the graph `view` keeps. `top` > 0 keeps only the
// `top` strongest edges (and their endpoints); otherwise every speaker is
// drawn. Returns Storage when reading the store fails.
Status BuildDiagram(GraphView* view, int top, Diagram* diagram);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXPORT_DIAGRAM_H_
