// JSON-LD writer: one {"@context": {...}, "@graph": [...]} document, the
// context inlined from schemas/context.jsonld (compiled in), the @graph
// streamed one element per line. Vocabulary notes: schemas/jsonld-vocab.md.
//
// Each node becomes one element built from its properties and the edges
// around it: one node scan joined to one scan of the out-edges and one of
// the in-edge index (EdgeRuns), so memory does not grow with the graph and
// no node costs a seek. A claim carries its speaker (creator, author, wasAttributedTo),
// article (isPartOf), addressee, relay and topics, followed by a Web
// Annotation locating it in the article. STANCE edges come last, as a
// "stance" on their claim plus a Stance resource (speaker, topic, claim).
#include <nlohmann/json.hpp>

#include "export/edge_run.h"
#include "export/internal.h"
#include "export/jsonld_context.h"
#include "export/xml_escape.h"

namespace claimgraph {

std::string_view JsonldContextFile() { return kJsonldContextFile; }

namespace {

using Json = nlohmann::json;

std::string Get(const Properties& props, const std::string& name) {
  auto it = props.find(name);
  return it == props.end() ? std::string() : it->second;
}

std::string DateTime(const std::string& value) {
  std::string date = ValidDate(value);
  return date.empty() ? std::string() : date + "T00:00:00Z";
}

void PutString(Json* obj, const char* term, const std::string& value) {
  std::string clean = CleanText(value);
  if (clean.find_first_not_of(" \t\r\n") != std::string::npos) (*obj)[term] = clean;
}

void PutList(Json* obj, const char* term, const std::string& list_value) {
  for (const std::string& v : SplitList(list_value)) {
    std::string clean = CleanText(v);
    if (!clean.empty()) (*obj)[term].push_back(clean);
  }
}

void PutDate(Json* obj, const char* term, const std::string& value) {
  std::string when = DateTime(value);
  if (!when.empty()) (*obj)[term] = when;
}

// An absolute http(s) URL without characters that need escaping, or empty.
std::string CleanUrl(const std::string& url) {
  if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) return std::string();
  for (unsigned char c : url) {
    if (c <= ' ' || c >= 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' ||
        c == '`' || c == '{' || c == '|' || c == '}') {
      return std::string();
    }
  }
  return url;
}

// True when `s` needs no escaping in a JSON string: printable ASCII
// without '"' or '\\'.
bool PlainJson(const std::string& s) {
  for (unsigned char c : s) {
    if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') return false;
  }
  return true;
}

bool KnownKind(const std::string& kind) {
  return kind == "direct" || kind == "indirect" || kind == "partial" || kind == "according_to";
}

bool KnownPolarity(const std::string& p) {
  return p == "support" || p == "oppose" || p == "neutral";
}

const char* EntityJsonldType(const std::string& type) {
  if (type == "Person" || type == "Organization" || type == "Country" || type == "Group") {
    return type == "Person" ? "Person" : type == "Organization" ? "Organization"
                                       : type == "Country"      ? "Country"
                                                                : "Group";
  }
  return "Thing";
}

class JsonldWriter {
 public:
  JsonldWriter(GraphView* view, const ExportOptions& options, std::ostream* out)
      : view_(view), base_(options.base_iri), out_(out), plain_iris_(PlainJson(base_)) {}

  Status Write();

 private:
  std::string Iri(const std::string& id) const { return NodeIri(base_, id); }
  void Emit(const Json& element);
  // Writes `element`, already serialised, as the next element of @graph.
  void EmitRaw(const std::string& element);
  Status WriteNode(const Node& node);
  Status WriteClaim(const Node& claim);
  // The article's text (property "text") when the article carries it.
  std::string ArticleText(const std::string& article_id);
  void WriteStance(const Edge& edge);

  GraphView* view_;
  std::string base_;
  std::ostream* out_;
  std::unique_ptr<EdgeRuns> out_edges_;  // by src
  std::unique_ptr<EdgeRuns> in_edges_;   // by dst, without properties
  // Every IRI is printable ASCII without '"' or '\\' (NodeIri escapes the
  // id; this checks the base), so it is its own JSON string body.
  bool plain_iris_;
  bool first_ = true;
  std::string cached_article_id_;
  std::string cached_article_text_;
};

void JsonldWriter::Emit(const Json& element) {
  EmitRaw(element.dump(-1, ' ', false, Json::error_handler_t::replace));
}

void JsonldWriter::EmitRaw(const std::string& element) {
  *out_ << (first_ ? "\n    " : ",\n    ") << element;
  first_ = false;
}

Status JsonldWriter::Write() {
  // The context file is {"@context": {...}}: reopen it to add "@graph".
  std::string_view ctx = JsonldContextFile();
  size_t close = ctx.rfind('}');
  std::string_view head = ctx.substr(0, close);
  while (!head.empty() && isspace(static_cast<unsigned char>(head.back()))) head.remove_suffix(1);
  *out_ << head << ",\n  \"@graph\": [";

  Store* store = view_->store();
  auto it = store->NewNodeIterator();
  out_edges_ = std::make_unique<EdgeRuns>(store->NewEdgeIterator(), false);
  in_edges_ = std::make_unique<EdgeRuns>(store->NewInEdgeKeyScan(), true);
  for (; it->Valid(); it->Next()) {
    if (!view_->KeepNode(it->node())) continue;
    Status s = WriteNode(it->node());
    if (!s.ok()) return s;
  }
  if (!it->status().ok()) return it->status();
  auto et = store->NewEdgeIterator();
  for (; et->Valid(); et->Next()) {
    const Edge& e = et->edge();
    if (e.type == "STANCE" && view_->KeepEdge(e)) WriteStance(e);
  }
  if (!et->status().ok()) return et->status();
  *out_ << "\n  ]\n}\n";
  out_->flush();
  if (!*out_) return WriteError("JSON-LD output");
  return Status::OK();
}

Status JsonldWriter::WriteNode(const Node& node) {
  if (node.type == "Claim") return WriteClaim(node);
  Json obj = Json::object();
  obj["@id"] = Iri(node.id);
  const Properties& p = node.props;
  std::string out_edge_type;  // the edge type whose targets this node lists
  const char* out_term = nullptr;
  if (node.type == "Article") {
    obj["@type"] = "NewsArticle";
    PutString(&obj, "headline", Get(p, "title"));
    std::string url = CleanUrl(Get(p, "url"));
    if (!url.empty()) obj["url"] = url;
    PutDate(&obj, "datePublished", Get(p, "date"));
    PutString(&obj, "publisherName", Get(p, "publisher"));
    PutString(&obj, "identifier", Get(p, "doc"));
    out_edge_type = "PUBLISHED_BY", out_term = "publisher";
  } else if (node.type == "Topic") {
    obj["@type"] = "Topic";
    PutString(&obj, "name", Get(p, "name"));
    std::string label = Get(p, "label");
    if (label != Get(p, "name")) PutList(&obj, "alternateName", label);
  } else {
    obj["@type"] = EntityJsonldType(node.type);
    PutString(&obj, "name", Get(p, "name"));
    PutList(&obj, "alternateName", Get(p, "aliases"));
    PutList(&obj, "jobTitle", Get(p, "roles"));
    PutString(&obj, "affiliationName", Get(p, "affiliation"));
    out_edge_type = "AFFILIATED_WITH", out_term = "affiliation";
  }
  if (out_term != nullptr) {
    Status s = out_edges_->ForEach(node.id, [&](const Edge& e) {
      if (e.type == out_edge_type && view_->KeepEdge(e)) obj[out_term].push_back(Iri(e.dst));
    });
    if (!s.ok()) return s;
  }
  if (obj.contains("affiliation")) obj.erase("affiliationName");  // the IRI says it better
  Emit(obj);
  return Status::OK();
}

Status JsonldWriter::WriteClaim(const Node& claim) {
  const Properties& p = claim.props;
  const std::string kind = Get(p, "kind");
  const std::string iri = Iri(claim.id);
  Json obj = Json::object();
  obj["@id"] = iri;
  if (kind == "direct" || kind == "partial") {
    obj["@type"] = Json::array({"Quotation", "Claim"});
  } else {
    obj["@type"] = "Claim";
  }
  PutString(&obj, "text", Get(p, "text"));
  if (KnownKind(kind)) obj["kind"] = kind;
  PutString(&obj, "cue", Get(p, "cue"));
  PutString(&obj, "mention", Get(p, "mention"));
  PutDate(&obj, "dateCreated", Get(p, "date"));

  // SAID edges carry no properties KeepEdge reads: the key scan suffices.
  Status s = in_edges_->ForEach(claim.id, [&](const Edge& e) {
    if (e.type != "SAID" || !view_->KeepEdge(e)) return;
    for (const char* term : {"creator", "author", "wasAttributedTo"}) obj[term].push_back(Iri(e.src));
  });
  if (!s.ok()) return s;
  std::string article;
  s = out_edges_->ForEach(claim.id, [&](const Edge& e) {
    if (!view_->KeepEdge(e)) return;
    const char* term = e.type == "ADDRESSED_TO" ? "addressee"
                       : e.type == "ABOUT"      ? "about"
                       : e.type == "REPORTED_IN" ? "isPartOf"
                       : e.type == "RELAYED_BY" ? "relayedBy"
                                                : nullptr;
    if (term == nullptr) return;
    obj[term].push_back(Iri(e.dst));
    if (e.type == "REPORTED_IN" && article.empty()) article = e.dst;
  });
  if (!s.ok()) return s;
  Emit(obj);

  // The Web Annotation: where the claim sits in its article.
  std::string text = CleanText(Get(p, "text"));
  if (article.empty() || text.empty()) return Status::OK();
  Json selectors = Json::array();
  selectors.push_back({{"@type", "TextQuoteSelector"}, {"exact", text}});
  const std::string begin = Get(p, "begin"), end = Get(p, "end");
  if (IsInteger(begin) && IsInteger(end) && begin[0] != '-' && end[0] != '-') {
    long long b = std::stoll(begin), e = std::stoll(end);
    if (b <= e) {
      selectors.push_back({{"@type", "DataPositionSelector"}, {"start", b}, {"end", e}});
      std::string article_text = ArticleText(article);
      if (!article_text.empty() && static_cast<size_t>(e) <= article_text.size()) {
        selectors.push_back({{"@type", "TextPositionSelector"},
                             {"start", CodePointOffset(article_text, b)},
                             {"end", CodePointOffset(article_text, e)}});
      }
    }
  }
  std::string rest = claim.id.substr(claim.id.find(':') + 1);
  Json annotation = {
      {"@id", Iri("annotation:" + rest)},
      {"@type", "Annotation"},
      {"motivation", "identifying"},
      {"body", iri},
      {"target", {{"@type", "SpecificResource"}, {"source", Iri(article)}, {"selector", selectors}}},
  };
  Emit(annotation);
  return Status::OK();
}

std::string JsonldWriter::ArticleText(const std::string& article_id) {
  if (article_id != cached_article_id_) {
    cached_article_id_ = article_id;
    Node article;
    cached_article_text_ = view_->store()->GetNode(article_id, &article).ok()
                               ? CleanText(Get(article.props, "text"))
                               : std::string();
  }
  return cached_article_text_;
}

void JsonldWriter::WriteStance(const Edge& edge) {
  const std::string polarity = Get(edge.props, "polarity");
  if (!KnownPolarity(polarity)) return;
  std::string claim = Get(edge.props, "claim");
  if (claim.empty()) claim = edge.key;
  if (plain_iris_) {
    // Half the elements of a large graph: written directly, byte for byte
    // what nlohmann's dump writes for the objects below (keys sorted, no
    // space, every value plain ASCII), without building them.
    std::string date = DateTime(Get(edge.props, "date"));
    bool with_claim = !claim.empty() && view_->KeepNodeId(claim);
    std::string claim_iri = with_claim ? Iri(claim) : std::string();
    if (with_claim) EmitRaw("{\"@id\":\"" + claim_iri + "\",\"stance\":\"" + polarity + "\"}");
    std::string stance = "{\"@type\":\"Stance\"";
    if (with_claim) stance += ",\"claim\":\"" + claim_iri + "\"";
    if (!date.empty()) stance += ",\"dateCreated\":\"" + date + "\"";
    stance += ",\"speaker\":\"" + Iri(edge.src) + "\",\"stance\":\"" + polarity +
              "\",\"topic\":\"" + Iri(edge.dst) + "\"}";
    EmitRaw(stance);
    return;
  }
  Json stance = {{"@type", "Stance"},
                 {"speaker", Iri(edge.src)},
                 {"topic", Iri(edge.dst)},
                 {"stance", polarity}};
  PutDate(&stance, "dateCreated", Get(edge.props, "date"));
  if (!claim.empty() && view_->KeepNodeId(claim)) {
    stance["claim"] = Iri(claim);
    Emit({{"@id", Iri(claim)}, {"stance", polarity}});
  }
  Emit(stance);
}

}  // namespace

Status WriteJsonld(GraphView* view, const ExportOptions& options, std::ostream* out) {
  JsonldWriter writer(view, options, out);
  return writer.Write();
}

}  // namespace claimgraph
