// Pieces shared by the exporters (not part of the public API): the filtered
// view of a store every writer reads through, property typing, IRIs, and the
// per-format writers that export.cc dispatches to.
//
// Memory: without a filter a GraphView holds ~12 bytes per node (a hash of
// its id and its type, to check edge endpoints and tell their types without
// a store read per edge), so writers stream graphs of any size in little
// memory. With a filter it holds the ids of the
// passing claims and of the nodes attached to them.
//
// Thread safety: a GraphView is used by one writer at a time.
#ifndef CLAIMGRAPH_EXPORT_INTERNAL_H_
#define CLAIMGRAPH_EXPORT_INTERNAL_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "export/export.h"
#include "graph/model.h"
#include "graph/store.h"

namespace claimgraph {

// The subgraph an ExportFilter keeps (see ExportFilter in export.h):
// the passing claims, the nodes one edge away from them (speaker, addressee,
// topics, article, relay), the affiliations of kept speakers and the
// publishers of kept articles; the edges between kept nodes that touch a
// passing claim, plus AFFILIATED_WITH / PUBLISHED_BY between kept nodes and
// STANCE edges whose "claim" passes. Edges whose endpoints are not stored
// nodes are never kept (GraphML's keyref would reject them).
class GraphView {
 public:
  // Runs the filter's pre-pass over the Claim nodes. Returns Storage when
  // reading the store fails.
  static Status Open(Store* store, const ExportFilter& filter, std::unique_ptr<GraphView>* view);

  Store* store() const { return store_; }
  bool filtered() const { return filtered_; }
  bool KeepNode(const Node& node) const;
  bool KeepNodeId(const std::string& id) const;
  // Non-const: looks endpoints up in the store when unfiltered (cached).
  bool KeepEdge(const Edge& edge);
  // True when `id` is a claim that passed the filter (always true unfiltered).
  bool ClaimPasses(const std::string& id) const;
  // The type of stored node `id` (from the node hashes, a store read only
  // when two ids share a hash). Returns NotFound when there is no such node.
  Status NodeType(const std::string& id, std::string* type);

 private:
  GraphView(Store* store, bool filtered) : store_(store), filtered_(filtered) {}
  bool Exists(const std::string& id);

  // The sorted 64-bit hashes of every node id, built on the first KeepEdge
  // (unfiltered) or NodeType (one pass over the nodes). A point read per edge
  // endpoint cost 60% of a 2M-edge export. hash_types_[i] indexes
  // type_names_ for node_hashes_[i] (kAmbiguousType: two ids, two types).
  // hash_buckets_[b] is the first hash whose top hash_bits_ bits are >= b,
  // so a lookup searches ~2 hashes instead of the whole array.
  Status LoadNodeHashes();
  // Index of `id`'s hash in node_hashes_, or -1.
  ptrdiff_t FindHash(const std::string& id) const;
  static constexpr uint16_t kAmbiguousType = 0xFFFF;
  std::vector<uint64_t> node_hashes_;
  std::vector<uint16_t> hash_types_;
  std::vector<std::string> type_names_;
  std::vector<uint32_t> hash_buckets_;
  int hash_bits_ = 0;
  bool hashes_loaded_ = false;
  Status hashes_status_;

  Store* store_;
  bool filtered_;
  std::unordered_set<std::string> claims_;  // passing claims (filtered only)
  std::unordered_set<std::string> nodes_;   // kept nodes (filtered only)
  std::string last_exists_id_;
  bool last_exists_ = false;
};

// Column types for GraphML keys and CSV headers: KindOfProperty(name),
// downgraded to string when a stored value does not parse as that kind.
class PropertyTypes {
 public:
  void Observe(const std::string& name, const std::string& value);
  PropertyKind KindOf(const std::string& name) const;
  // Every observed name, sorted.
  const std::map<std::string, PropertyKind>& kinds() const { return kinds_; }

 private:
  std::map<std::string, PropertyKind> kinds_;
};

// True when `value` is a base-10 integer that fits 64 bits.
bool IsInteger(std::string_view value);
// True when `value` is a plain decimal or exponent number (no NaN / inf).
bool IsPlainNumber(std::string_view value);

// "person:antony-blinken" -> base + "person/antony-blinken": the first ':'
// becomes '/', later ':' stay, anything not unreserved is percent-encoded.
std::string NodeIri(const std::string& base_iri, const std::string& id);

// What a person reads as the node's name: name, title, label, text, doc, or id.
std::string DisplayLabel(const Node& node);

// "2024-03-05" (or a longer string starting with it) -> "2024-03-05" when it
// is a real calendar date; otherwise empty.
std::string ValidDate(std::string_view value);

// Status for a failed write to `what`.
Status WriteError(const std::string& what);

// The writers export.cc dispatches to; each returns Storage when reading the
// store fails.
Status WriteGraphml(GraphView* view, const ExportOptions& options, std::ostream* out);
Status WriteJsonld(GraphView* view, const ExportOptions& options, std::ostream* out);
Status WriteDot(GraphView* view, const ExportOptions& options, std::ostream* out);
// Renders options.format (svg | png) into `path`, or into `out` when `out`
// is not null. Returns Usage for a diagram too big to lay out (see --top).
Status RenderDot(GraphView* view, const ExportOptions& options, const std::string& path,
                 std::ostream* out);
Status WriteCsv(GraphView* view, const ExportOptions& options, const std::string& dir);

// The JSON-LD context (schemas/context.jsonld, embedded at build time): the
// whole file, an object with one member "@context".
std::string_view JsonldContextFile();

// For tests: parses DOT text with cgraph and returns the "label" attribute
// of every node by node name. Returns InvalidInput when cgraph rejects it.
Status ReadDotNodeLabels(const std::string& dot, std::map<std::string, std::string>* labels);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXPORT_INTERNAL_H_
