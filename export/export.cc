// Dispatch to the per-format writers, and the filtered view they all read
// through (GraphView, see export/internal.h).
#include "export/export.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <unordered_map>
#include <vector>

#include "export/edge_run.h"
#include "export/internal.h"

namespace claimgraph {

namespace {

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool ContainsFolded(std::string_view haystack, const std::string& folded_needle) {
  return LowerAscii(haystack).find(folded_needle) != std::string::npos;
}

std::string Get(const Properties& props, const std::string& name) {
  auto it = props.find(name);
  return it == props.end() ? std::string() : it->second;
}

// True when the node's name, any alias, label or id contains `needle`.
bool NodeNameMatches(const Node& node, const std::string& needle) {
  if (ContainsFolded(node.id, needle)) return true;
  for (const char* prop : {"name", "label", "title"}) {
    if (ContainsFolded(Get(node.props, prop), needle)) return true;
  }
  for (const std::string& alias : SplitList(Get(node.props, "aliases"))) {
    if (ContainsFolded(alias, needle)) return true;
  }
  return false;
}

}  // namespace

bool IsInteger(std::string_view v) {
  if (v.empty()) return false;
  size_t i = (v[0] == '-' || v[0] == '+') ? 1 : 0;
  if (i == v.size() || v.size() - i > 18) return false;  // 18 digits always fit in 64 bits
  for (; i < v.size(); ++i) {
    if (v[i] < '0' || v[i] > '9') return false;
  }
  return true;
}

bool IsPlainNumber(std::string_view v) {
  size_t i = 0;
  if (i < v.size() && (v[i] == '-' || v[i] == '+')) ++i;
  size_t digits = 0;
  while (i < v.size() && isdigit(static_cast<unsigned char>(v[i]))) ++i, ++digits;
  if (i < v.size() && v[i] == '.') {
    ++i;
    while (i < v.size() && isdigit(static_cast<unsigned char>(v[i]))) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < v.size() && (v[i] == 'e' || v[i] == 'E')) {
    ++i;
    if (i < v.size() && (v[i] == '-' || v[i] == '+')) ++i;
    size_t exp = 0;
    while (i < v.size() && isdigit(static_cast<unsigned char>(v[i]))) ++i, ++exp;
    if (exp == 0) return false;
  }
  return i == v.size();
}

void PropertyTypes::Observe(const std::string& name, const std::string& value) {
  auto it = kinds_.find(name);
  if (it == kinds_.end()) it = kinds_.emplace(name, KindOfProperty(name)).first;
  if (value.empty()) return;
  if ((it->second == PropertyKind::kInt && !IsInteger(value)) ||
      (it->second == PropertyKind::kDouble && !IsPlainNumber(value))) {
    it->second = PropertyKind::kString;
  }
}

PropertyKind PropertyTypes::KindOf(const std::string& name) const {
  auto it = kinds_.find(name);
  return it == kinds_.end() ? KindOfProperty(name) : it->second;
}

std::string NodeIri(const std::string& base_iri, const std::string& id) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out = base_iri;
  bool first_colon = true;
  for (unsigned char c : id) {
    if (c == ':' && first_colon) {
      out.push_back('/');
      first_colon = false;
    } else if (isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == ':') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

std::string DisplayLabel(const Node& node) {
  for (const char* prop : {"name", "title", "label", "text", "doc"}) {
    std::string v = Get(node.props, prop);
    if (!v.empty()) return v;
  }
  return node.id;
}

std::string ValidDate(std::string_view v) {
  if (v.size() < 10) return std::string();
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!isdigit(static_cast<unsigned char>(v[i]))) return std::string();
  }
  if (v[4] != '-' || v[7] != '-') return std::string();
  int year = atoi(std::string(v.substr(0, 4)).c_str());
  int month = atoi(std::string(v.substr(5, 2)).c_str());
  int day = atoi(std::string(v.substr(8, 2)).c_str());
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return std::string();
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int max_day = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  if (day > max_day) return std::string();
  return std::string(v.substr(0, 10));
}

Status WriteError(const std::string& what) { return Status::Storage("cannot write " + what); }

// ---------------------------------------------------------------- GraphView

// The filter reads sorted scans joined to the claims (EdgeRuns) instead of
// an iterator per claim, and remembers which speakers and topics match, so
// a filter that keeps most of a large store costs a few passes, not a seek
// per claim.
Status GraphView::Open(Store* store, const ExportFilter& filter,
                       std::unique_ptr<GraphView>* view) {
  if (filter.empty()) {
    view->reset(new GraphView(store, false));
    return Status::OK();
  }
  std::unique_ptr<GraphView> v(new GraphView(store, true));
  const std::string speaker_needle = LowerAscii(filter.speaker);
  const std::string topic_needle = LowerAscii(filter.topic);

  // Whether the stored node `id` matches `needle` (`missing`: when it is
  // not stored), read once per node.
  auto matches = [&](std::unordered_map<std::string, bool>* cache, const std::string& id,
                     const std::string& needle, bool missing) {
    auto it = cache->find(id);
    if (it != cache->end()) return it->second;
    Node node;
    bool m = store->GetNode(id, &node).ok() ? NodeNameMatches(node, needle) : missing;
    cache->emplace(id, m);
    return m;
  };
  std::unordered_map<std::string, bool> speaker_matches, topic_matches;

  struct Passing {
    std::string claim;
    std::vector<std::string> speakers;
  };
  std::vector<Passing> passing;
  std::map<std::string, int> claims_per_speaker;
  EdgeRuns said(store->NewInEdgeKeyScan(), true);
  std::unique_ptr<EdgeRuns> about;
  if (!topic_needle.empty()) about = std::make_unique<EdgeRuns>(store->NewEdgeIterator(), false);
  auto claims = store->NewNodeIterator("Claim");
  for (; claims->Valid(); claims->Next()) {
    const Node& claim = claims->node();
    if (!filter.kind.empty() && Get(claim.props, "kind") != filter.kind) continue;
    if (!filter.since.empty() || !filter.until.empty()) {
      std::string date = ValidDate(Get(claim.props, "date"));
      if (date.empty()) continue;
      if (!filter.since.empty() && date < filter.since) continue;
      if (!filter.until.empty() && date > filter.until.substr(0, 10)) continue;
    }
    Passing p{claim.id, {}};
    bool speaker_ok = speaker_needle.empty() ||
                      ContainsFolded(Get(claim.props, "speaker"), speaker_needle);
    Status s = said.ForEach(claim.id, [&](const Edge& e) {
      if (e.type != "SAID") return;
      p.speakers.push_back(e.src);
      if (!speaker_ok) speaker_ok = matches(&speaker_matches, e.src, speaker_needle, false);
    });
    if (!s.ok()) return s;
    if (!speaker_ok) continue;
    if (about != nullptr) {
      bool topic_ok = false;
      s = about->ForEach(claim.id, [&](const Edge& e) {
        if (topic_ok || e.type != "ABOUT") return;
        topic_ok = matches(&topic_matches, e.dst, topic_needle,
                           ContainsFolded(e.dst, topic_needle));
      });
      if (!s.ok()) return s;
      if (!topic_ok) continue;
    }
    for (const std::string& sp : p.speakers) ++claims_per_speaker[sp];
    passing.push_back(std::move(p));
  }
  if (!claims->status().ok()) return claims->status();

  EdgeRuns claim_out(store->NewEdgeIterator(), false);
  for (const Passing& p : passing) {  // in claim id order
    if (filter.min_claims > 0 &&
        std::none_of(p.speakers.begin(), p.speakers.end(), [&](const std::string& sp) {
          return claims_per_speaker[sp] >= filter.min_claims;
        })) {
      continue;
    }
    v->claims_.insert(p.claim);
    v->nodes_.insert(p.claim);
    for (const std::string& sp : p.speakers) v->nodes_.insert(sp);
    Status s = claim_out.ForEach(p.claim, [&](const Edge& e) { v->nodes_.insert(e.dst); });
    if (!s.ok()) return s;
  }
  // Second ring: the affiliations of kept speakers, publishers of kept articles.
  std::vector<std::string> first_ring(v->nodes_.begin(), v->nodes_.end());
  std::sort(first_ring.begin(), first_ring.end());
  EdgeRuns ring_out(store->NewEdgeIterator(), false);
  for (const std::string& id : first_ring) {
    if (v->claims_.count(id)) continue;
    Status s = ring_out.ForEach(id, [&](const Edge& e) {
      if (e.type == "AFFILIATED_WITH" || e.type == "PUBLISHED_BY") v->nodes_.insert(e.dst);
    });
    if (!s.ok()) return s;
  }
  // Keep only ids that are stored nodes (edges may point at missing ones):
  // the sorted ids merged with one node scan.
  std::vector<std::string> kept(v->nodes_.begin(), v->nodes_.end());
  std::sort(kept.begin(), kept.end());
  auto nodes = store->NewNodeIterator();
  size_t next = 0;
  for (; nodes->Valid() && next < kept.size(); nodes->Next()) {
    const std::string& id = nodes->node().id;
    for (; next < kept.size() && kept[next] < id; ++next) v->nodes_.erase(kept[next]);
    if (next < kept.size() && kept[next] == id) ++next;
  }
  if (!nodes->status().ok()) return nodes->status();
  for (; next < kept.size(); ++next) v->nodes_.erase(kept[next]);
  *view = std::move(v);
  return Status::OK();
}

bool GraphView::KeepNode(const Node& node) const { return KeepNodeId(node.id); }

bool GraphView::KeepNodeId(const std::string& id) const {
  return !filtered_ || nodes_.count(id) > 0;
}

bool GraphView::ClaimPasses(const std::string& id) const {
  return !filtered_ || claims_.count(id) > 0;
}

namespace {
uint64_t IdHash(std::string_view id) {  // FNV-1a, 64 bits
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : id) h = (h ^ c) * 1099511628211ull;
  return h;
}
}  // namespace

Status GraphView::LoadNodeHashes() {
  hashes_loaded_ = true;
  std::vector<std::pair<uint64_t, uint16_t>> entries;
  std::map<std::string, uint16_t> type_index;
  std::string last_type;  // ids sort by their type prefix: types come in runs
  uint16_t last_index = kAmbiguousType;
  auto it = store_->NewNodeIterator();
  for (; it->Valid(); it->Next()) {
    const Node& n = it->node();
    if (n.type != last_type || last_index == kAmbiguousType) {
      auto t = type_index.find(n.type);
      if (t == type_index.end()) {
        uint16_t index = type_names_.size() < kAmbiguousType
                             ? static_cast<uint16_t>(type_names_.size())
                             : kAmbiguousType;
        t = type_index.emplace(n.type, index).first;
        if (index != kAmbiguousType) type_names_.push_back(n.type);
      }
      last_type = n.type;
      last_index = t->second;
    }
    entries.emplace_back(IdHash(n.id), last_index);
  }
  hashes_status_ = it->status();
  std::sort(entries.begin(), entries.end());
  node_hashes_.reserve(entries.size());
  hash_types_.reserve(entries.size());
  for (const auto& [hash, type] : entries) {
    if (!node_hashes_.empty() && node_hashes_.back() == hash) {
      if (hash_types_.back() != type) hash_types_.back() = kAmbiguousType;
      continue;
    }
    node_hashes_.push_back(hash);
    hash_types_.push_back(type);
  }
  // About two hashes a bucket.
  hash_bits_ = 0;
  while (hash_bits_ < 30 && (size_t{2} << hash_bits_) <= node_hashes_.size()) ++hash_bits_;
  hash_buckets_.assign((size_t{1} << hash_bits_) + 1, 0);
  size_t i = 0;
  for (size_t b = 0; b < (size_t{1} << hash_bits_); ++b) {
    while (i < node_hashes_.size() &&
           (hash_bits_ == 0 ? 0 : node_hashes_[i] >> (64 - hash_bits_)) < b) {
      ++i;
    }
    hash_buckets_[b] = static_cast<uint32_t>(i);
  }
  hash_buckets_.back() = static_cast<uint32_t>(node_hashes_.size());
  return hashes_status_;
}

ptrdiff_t GraphView::FindHash(const std::string& id) const {
  uint64_t h = IdHash(id);
  size_t b = hash_bits_ == 0 ? 0 : h >> (64 - hash_bits_);
  auto first = node_hashes_.begin() + hash_buckets_[b];
  auto last = node_hashes_.begin() + hash_buckets_[b + 1];
  auto pos = std::lower_bound(first, last, h);
  if (pos == last || *pos != h) return -1;
  return pos - node_hashes_.begin();
}

bool GraphView::Exists(const std::string& id) {
  if (id == last_exists_id_) return last_exists_;
  last_exists_id_ = id;
  if (!hashes_loaded_) LoadNodeHashes();
  if (hashes_status_.ok()) {
    last_exists_ = FindHash(id) >= 0;
  } else {  // the node pass failed: fall back to reading the node
    Node n;
    last_exists_ = store_->GetNode(id, &n).ok();
  }
  return last_exists_;
}

Status GraphView::NodeType(const std::string& id, std::string* type) {
  if (!hashes_loaded_) LoadNodeHashes();
  if (hashes_status_.ok()) {
    ptrdiff_t i = FindHash(id);
    if (i < 0) return Status::NotFound("no node \"" + id + "\"");
    if (hash_types_[i] != kAmbiguousType) {
      *type = type_names_[hash_types_[i]];
      return Status::OK();
    }
  }
  Node n;
  Status s = store_->GetNode(id, &n);
  if (s.ok()) *type = n.type;
  return s;
}

bool GraphView::KeepEdge(const Edge& edge) {
  if (!filtered_) return Exists(edge.src) && Exists(edge.dst);
  if (!nodes_.count(edge.src) || !nodes_.count(edge.dst)) return false;
  if (claims_.count(edge.src) || claims_.count(edge.dst)) return true;
  if (edge.type == "AFFILIATED_WITH" || edge.type == "PUBLISHED_BY") return true;
  if (edge.type == "STANCE") {
    std::string claim = Get(edge.props, "claim");
    if (claim.empty()) claim = edge.key;
    return claim.empty() || claims_.count(claim) > 0;
  }
  return false;
}

// ---------------------------------------------------------------- dispatch

Status ExportGraph(Store* store, const ExportOptions& options, std::ostream* out) {
  const std::string& f = options.format;
  if (f != "graphml" && f != "dot" && f != "jsonld" && f != "svg" && f != "png") {
    if (f == "csv") return Status::Usage("format csv writes a directory of files: give -o DIR");
    return Status::Usage("unknown export format \"" + f +
                         "\" (want graphml, dot, jsonld, svg, png or csv)");
  }
  std::unique_ptr<GraphView> view;
  Status s = GraphView::Open(store, options.filter, &view);
  if (!s.ok()) return s;
  if (f == "graphml") return WriteGraphml(view.get(), options, out);
  if (f == "jsonld") return WriteJsonld(view.get(), options, out);
  if (f == "dot") return WriteDot(view.get(), options, out);
  return RenderDot(view.get(), options, std::string(), out);
}

Status RenderDiagram(Store* store, const ExportOptions& options, const std::string& path) {
  if (options.format != "svg" && options.format != "png") {
    return Status::Usage("RenderDiagram renders svg or png, not \"" + options.format + "\"");
  }
  std::unique_ptr<GraphView> view;
  Status s = GraphView::Open(store, options.filter, &view);
  if (!s.ok()) return s;
  return RenderDot(view.get(), options, path, nullptr);
}

Status ExportCsv(Store* store, const ExportOptions& options, const std::string& dir) {
  std::unique_ptr<GraphView> view;
  Status s = GraphView::Open(store, options.filter, &view);
  if (!s.ok()) return s;
  return WriteCsv(view.get(), options, dir);
}

}  // namespace claimgraph
