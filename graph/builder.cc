#include "graph/builder.h"

#include <map>
#include <tuple>
#include <utility>

#include "graph/entity_resolver.h"
#include "graph/hash.h"

namespace claimgraph {

namespace {

// Mentions that are not names: never aliases of an entity. ("US" is not
// here: as a mention it is the country.)
constexpr const char* kPronouns[] = {
    "he",   "she",  "they", "it",    "we",     "i",     "you", "him",  "her",
    "them", "his",  "hers", "their", "theirs", "its",   "our", "ours", "me",
    "my",   "your", "this", "that",  "these",  "those", "who", "whom", "one",
};

bool IsPronoun(const std::string& mention) {
  std::string key = NormalizeName(mention);
  for (const char* p : kPronouns) {
    if (key == p) return true;
  }
  return false;
}

// The article part of ids: the document id as it is when it is already a
// readable NMTOKEN ("001_8233f60ec0590c8d.txt"), else its slug.
std::string DocSlug(const std::string& doc_id) {
  if (doc_id.empty()) return Slug(doc_id);
  for (unsigned char c : doc_id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-';
    if (!ok) return Slug(doc_id);
  }
  return doc_id;
}

// Properties without the empty ones.
Properties NonEmpty(std::initializer_list<std::pair<const char*, std::string>> values) {
  Properties props;
  for (const auto& [name, value] : values) {
    if (!value.empty()) props.emplace(name, value);
  }
  return props;
}

// Nodes and edges of one article, merged by id / (src, type, dst, key) and
// handed out in sorted order so the same input always gives the same graph.
class GraphAccumulator {
 public:
  void AddNode(const std::string& id, const std::string& type, const Properties& props) {
    auto [it, inserted] = nodes_.try_emplace(id);
    if (inserted) {
      it->second.id = id;
      it->second.type = type;
    }
    MergeProperties(props, &it->second.props);
  }

  void AddEntity(const ResolvedEntity& e, std::vector<std::string> aliases, Properties extra = {}) {
    aliases.push_back(e.name);
    std::vector<std::string> kept;
    for (std::string& a : aliases) {
      if (!a.empty() && !IsPronoun(a)) kept.push_back(std::move(a));
    }
    extra["name"] = e.name;
    extra["aliases"] = JoinList(std::move(kept));
    AddNode(e.id, e.type, extra);
  }

  void AddEdge(const std::string& src, const std::string& type, const std::string& dst,
               const std::string& key = "", const Properties& props = {}) {
    auto it = edges_.find(std::tie(src, type, dst, key));
    if (it == edges_.end()) it = edges_.emplace(EdgeKey(src, type, dst, key), Properties()).first;
    MergeProperties(props, &it->second);
  }

  void MoveTo(ArticleGraph* graph) {
    graph->nodes.reserve(graph->nodes.size() + nodes_.size());
    for (auto& [id, node] : nodes_) graph->nodes.push_back(std::move(node));
    graph->edges.reserve(graph->edges.size() + edges_.size());
    while (!edges_.empty()) {
      auto handle = edges_.extract(edges_.begin());
      EdgeKey& k = handle.key();
      graph->edges.push_back(Edge{std::move(std::get<0>(k)), std::move(std::get<1>(k)),
                                  std::move(std::get<2>(k)), std::move(std::get<3>(k)),
                                  std::move(handle.mapped())});
    }
  }

 private:
  using EdgeKey = std::tuple<std::string, std::string, std::string, std::string>;
  std::map<std::string, Node> nodes_;
  // (src, type, dst, key) -> properties; std::less<> finds by std::tie.
  std::map<EdgeKey, Properties, std::less<>> edges_;
};

}  // namespace

std::string ContentHash(const Document& doc) {
  const std::string_view sep("\0", 1);
  uint64_t h = Fnv1a64(doc.id);
  for (const std::string* part : {&doc.text, &doc.date, &doc.title}) {
    h = Fnv1a64(sep, h);
    h = Fnv1a64(*part, h);
  }
  return Hex64(h);
}

Status GraphBuilder::Build(const Document& doc, const std::vector<Claim>& claims,
                           ArticleGraph* graph) {
  const std::string doc_slug = DocSlug(doc.id);
  graph->article_id = "article:" + doc_slug;
  graph->content_hash = ContentHash(doc);
  graph->nodes.clear();
  graph->edges.clear();

  GraphAccumulator acc;
  acc.AddNode(graph->article_id, "Article",
              NonEmpty({{"title", doc.title},
                        {"date", doc.date},
                        {"url", doc.url},
                        {"publisher", doc.publisher},
                        {"doc", doc.id}}));

  std::vector<std::string> person_names;
  for (const Claim& c : claims) {
    if (c.speaker.type == EntityType::kPerson && !c.speaker.name.empty()) {
      person_names.push_back(c.speaker.name);
    }
  }
  EntityResolver resolver(store_, person_names);
  // Speakers first, so an addressee or relay naming one of them ("Reuters
  // cited Haugen") finds the speaker's node whatever the claim order.
  for (const Claim& c : claims) {
    ResolvedEntity ignored;
    resolver.Resolve(c.speaker.name, c.speaker.type, &ignored);
  }

  ResolvedEntity publisher;
  if (resolver.Resolve(doc.publisher, EntityType::kOrganization, &publisher)) {
    acc.AddEntity(publisher, {doc.publisher});
    acc.AddEdge(graph->article_id, "PUBLISHED_BY", publisher.id);
  }

  for (const Claim& c : claims) {
    const std::string claim_id =
        "claim:" + doc_slug + ":" + std::to_string(c.span.begin) + "-" + std::to_string(c.span.end);
    const std::string date = c.date.empty() ? doc.date : c.date;
    const Speaker& sp = c.speaker;

    // A speaker without a canonical name falls back to its mention, unless
    // that is a pronoun nobody resolved.
    std::string speaker_name = sp.name;
    if (speaker_name.empty() && !IsPronoun(sp.mention)) speaker_name = sp.mention;
    ResolvedEntity speaker;
    const bool has_speaker = resolver.Resolve(speaker_name, sp.type, &speaker);

    acc.AddNode(claim_id, "Claim",
                NonEmpty({{"text", c.text},
                          {"kind", ClaimKindName(c.kind)},
                          {"cue", c.cue},
                          {"begin", std::to_string(c.span.begin)},
                          {"end", std::to_string(c.span.end)},
                          {"date", date},
                          {"doc", doc.id},
                          {"speaker", has_speaker ? speaker.name : ""},
                          {"mention", sp.mention}}));
    acc.AddEdge(claim_id, "REPORTED_IN", graph->article_id);

    if (has_speaker) {
      ResolvedEntity affiliation;
      const bool has_affiliation =
          resolver.ResolveAffiliation(sp.affiliation, &affiliation) && affiliation.id != speaker.id;
      acc.AddEntity(
          speaker, {sp.name, sp.mention},
          NonEmpty({{"roles", sp.role}, {"affiliation", has_affiliation ? affiliation.name : ""}}));
      acc.AddEdge(speaker.id, "SAID", claim_id);
      if (has_affiliation) {
        acc.AddEntity(affiliation, {sp.affiliation});
        acc.AddEdge(speaker.id, "AFFILIATED_WITH", affiliation.id, date,
                    NonEmpty({{"role", sp.role}, {"date", date}}));
      }
    }

    ResolvedEntity addressee;
    if (resolver.ResolveUntyped(c.addressee, &addressee)) {
      acc.AddEntity(addressee, {c.addressee});
      acc.AddEdge(claim_id, "ADDRESSED_TO", addressee.id);
    }

    ResolvedEntity relay;
    if (resolver.ResolvePreferKnown(c.relayed_by, EntityType::kOrganization, &relay)) {
      acc.AddEntity(relay, {c.relayed_by});
      acc.AddEdge(claim_id, "RELAYED_BY", relay.id);
    }

    for (const Topic& t : c.topics) {
      if (t.name.empty()) continue;
      const std::string topic_id = "topic:" + Slug(t.name);
      acc.AddNode(topic_id, "Topic", NonEmpty({{"name", t.name}, {"label", t.label}}));
      acc.AddEdge(claim_id, "ABOUT", topic_id, "", NonEmpty({{"polarity", t.polarity}}));
      if (has_speaker && !t.polarity.empty()) {
        acc.AddEdge(speaker.id, "STANCE", topic_id, claim_id,
                    NonEmpty({{"polarity", t.polarity}, {"date", date}, {"claim", claim_id}}));
      }
    }
  }

  acc.MoveTo(graph);
  return Status::OK();
}

}  // namespace claimgraph
