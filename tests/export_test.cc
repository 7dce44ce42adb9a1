// Exporters: escaping functions, golden GraphML / DOT / JSON-LD for a small
// hand-built graph, determinism, filters, CSV headers, rendering, and the
// third-party consumers (check-exports) on the golden files.
//
// CLAIMGRAPH_UPDATE_GOLDEN=1 rewrites tests/testdata/export/small.* instead
// of comparing.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "export/export.h"
#include "export/internal.h"
#include "export/xml_escape.h"
#include "graph/store.h"

// Under the sanitizer build: Graphviz keeps caches in fontconfig and gvc
// for the life of the process (export/dot.cc uses one context on purpose);
// LeakSanitizer would report them at exit.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\nleak:libgvc.so\nleak:libpango\nleak:libcairo\n";
}

namespace claimgraph {
namespace {

namespace fs = std::filesystem;

const std::string kGoldenDir = std::string(CLAIMGRAPH_SOURCE_DIR) + "/tests/testdata/export";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

fs::path TempDir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() /
                 ("claimgraph_export_test_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

Node MakeNode(const std::string& id, const std::string& type, Properties props) {
  return Node{id, type, std::move(props)};
}

Edge MakeEdge(const std::string& src, const std::string& type, const std::string& dst,
              Properties props = {}, const std::string& key = "") {
  return Edge{src, type, dst, key, std::move(props)};
}

// A Claim node as the extractor writes it. begin, end and doc come from the
// id ("claim:DOC:BEGIN-END"), so they cannot disagree with it.
struct ClaimSpec {
  std::string id, text, kind, cue, date, speaker, mention;
};

Node MakeClaim(const ClaimSpec& c) {
  const size_t doc_at = c.id.find(':') + 1, range_at = c.id.rfind(':') + 1;
  const std::string range = c.id.substr(range_at);
  return MakeNode(c.id, "Claim",
                  {{"text", c.text},
                   {"kind", c.kind},
                   {"cue", c.cue},
                   {"begin", range.substr(0, range.find('-'))},
                   {"end", range.substr(range.find('-') + 1)},
                   {"date", c.date},
                   {"doc", c.id.substr(doc_at, range_at - 1 - doc_at)},
                   {"speaker", c.speaker},
                   {"mention", c.mention}});
}

// Two articles, three speakers (two people, one country), five claims: one
// with an addressee, one relayed, topics with stances (Ada changes her mind
// on the ceasefire). Names and quotes carry characters every format must
// escape.
std::unique_ptr<Store> SmallGraph() {
  std::unique_ptr<Store> store = NewMemoryStore();
  const Node ada = MakeNode("person:ada-lovelace", "Person",
                            {{"name", "Ada Lovelace"},
                             {"aliases", "Ada Lovelace\nLovelace"},
                             {"roles", "Foreign Minister"},
                             {"affiliation", "Ruritania"}});
  const Node bob = MakeNode("person:bob-o-brien", "Person",
                            {{"name", "Bob \"The Builder\" O'Brien \\N"},
                             {"aliases", "Bob \"The Builder\" O'Brien \\N\nO'Brien"},
                             {"roles", "Chief <Negotiator> & Envoy"},
                             {"affiliation", "Example Org"}});
  const Node ruritania = MakeNode("country:ruritania", "Country", {{"name", "Ruritania"}});
  const Node example_org =
      MakeNode("organization:example-org", "Organization", {{"name", "Example Org"}});
  const Node wire = MakeNode("organization:example-wire", "Organization", {{"name", "Example Wire"}});
  const Node agency =
      MakeNode("organization:global-news-agency", "Organization", {{"name", "Global News Agency"}});
  const Node ceasefire = MakeNode("topic:ceasefire", "Topic",
                                  {{"name", "ceasefire"}, {"label", "a ceasefire"}});
  const Node talks = MakeNode("topic:talks", "Topic", {{"name", "talks"}, {"label", "the talks"}});

  ArticleGraph a1;
  a1.article_id = "article:a1.txt";
  a1.content_hash = "hash-a1";
  a1.nodes = {
      MakeNode("article:a1.txt", "Article",
               {{"title", "Talks in Geneva"},
                {"date", "2024-03-01"},
                {"url", "https://news.example/a1?x=1&y=2"},
                {"publisher", "Example Wire"},
                {"doc", "a1.txt"}}),
      MakeClaim({.id = "claim:a1.txt:10-55",
                 .text = "We will not accept a ceasefire & talks < now.",
                 .kind = "direct", .cue = "said", .date = "2024-03-01",
                 .speaker = "Ada Lovelace", .mention = "Lovelace"}),
      MakeClaim({.id = "claim:a1.txt:80-105", .text = "the talks should continue",
                 .kind = "indirect", .cue = "said", .date = "2024-03-01",
                 .speaker = "Bob \"The Builder\" O'Brien \\N", .mention = "O'Brien"}),
      ada, bob, ruritania, example_org, wire, agency, ceasefire, talks,
  };
  a1.edges = {
      MakeEdge("article:a1.txt", "PUBLISHED_BY", "organization:example-wire"),
      MakeEdge("person:ada-lovelace", "SAID", "claim:a1.txt:10-55"),
      MakeEdge("claim:a1.txt:10-55", "REPORTED_IN", "article:a1.txt"),
      MakeEdge("claim:a1.txt:10-55", "ADDRESSED_TO", "person:bob-o-brien"),
      MakeEdge("claim:a1.txt:10-55", "ABOUT", "topic:ceasefire"),
      MakeEdge("person:ada-lovelace", "STANCE", "topic:ceasefire",
               {{"polarity", "oppose"}, {"date", "2024-03-01"}, {"claim", "claim:a1.txt:10-55"}},
               "claim:a1.txt:10-55"),
      MakeEdge("person:ada-lovelace", "AFFILIATED_WITH", "country:ruritania",
               {{"role", "Foreign Minister"}, {"date", "2024-03-01"}}, "2024-03-01"),
      MakeEdge("person:bob-o-brien", "AFFILIATED_WITH", "organization:example-org",
               {{"role", "Chief <Negotiator> & Envoy"}, {"date", "2024-03-01"}}, "2024-03-01"),
      MakeEdge("person:bob-o-brien", "SAID", "claim:a1.txt:80-105"),
      MakeEdge("claim:a1.txt:80-105", "REPORTED_IN", "article:a1.txt"),
      MakeEdge("claim:a1.txt:80-105", "RELAYED_BY", "organization:global-news-agency"),
      MakeEdge("claim:a1.txt:80-105", "ABOUT", "topic:talks"),
      MakeEdge("person:bob-o-brien", "STANCE", "topic:talks",
               {{"polarity", "support"}, {"date", "2024-03-01"}, {"claim", "claim:a1.txt:80-105"}},
               "claim:a1.txt:80-105"),
  };

  // Article 2 carries its text, so JSON-LD can give code-point positions:
  // "Ministerin Ada Lovelace: \"A ceasefire is now possible.\"" with an é.
  const std::string a2_text =
      "Geneva (caf\xC3\xA9) \xE2\x80\x94 Ada Lovelace: \"A ceasefire is now possible.\"\n"
      "Ruritania wants peace \xE5\x92\x8C\xE5\xB9\xB3 \xE2\x9C\x93.\n"
      "Bob said it was a \"mistake\"\nthat\x07 will cost\ttime.\n";
  auto span = [&](const std::string& text) {
    size_t b = a2_text.find(text);
    return std::to_string(b) + "-" + std::to_string(b + text.size());
  };
  const std::string c3 = "claim:a2.txt:" + span("A ceasefire is now possible.");
  const std::string c4 = "claim:a2.txt:" + span("Ruritania wants peace");
  const std::string c5 = "claim:a2.txt:" + span("a \"mistake\"\nthat\x07 will cost");
  ArticleGraph a2;
  a2.article_id = "article:a2.txt";
  a2.content_hash = "hash-a2";
  a2.nodes = {
      MakeNode("article:a2.txt", "Article",
               {{"title", "Follow-up <talks> & more"},
                {"date", "2024-03-05"},
                {"url", "not a url"},
                {"publisher", "Example Wire"},
                {"doc", "a2.txt"},
                {"text", a2_text}}),
      MakeClaim({.id = c3, .text = "A ceasefire is now possible.",
                 .kind = "direct", .cue = "said", .date = "2024-03-05",
                 .speaker = "Ada Lovelace", .mention = "Ada Lovelace"}),
      MakeClaim({.id = c4, .text = "Ruritania wants peace \xE5\x92\x8C\xE5\xB9\xB3 \xE2\x9C\x93",
                 .kind = "according_to", .cue = "according to", .date = "2024-03-05",
                 .speaker = "Ruritania", .mention = "Ruritania"}),
      MakeClaim({.id = c5, .text = "a \"mistake\"\nthat\x07 will cost",
                 .kind = "partial", .cue = "said", .date = "March 5th",  // not a calendar date
                 .speaker = "Bob \"The Builder\" O'Brien \\N", .mention = "Bob"}),
      ada, bob, ruritania, wire, ceasefire, talks,
  };
  a2.edges = {
      MakeEdge("article:a2.txt", "PUBLISHED_BY", "organization:example-wire"),
      MakeEdge("person:ada-lovelace", "SAID", c3),
      MakeEdge(c3, "REPORTED_IN", "article:a2.txt"),
      MakeEdge(c3, "ABOUT", "topic:ceasefire"),
      MakeEdge("person:ada-lovelace", "STANCE", "topic:ceasefire",
               {{"polarity", "support"}, {"date", "2024-03-05"}, {"claim", c3}}, c3),
      MakeEdge("country:ruritania", "SAID", c4),
      MakeEdge(c4, "REPORTED_IN", "article:a2.txt"),
      MakeEdge(c4, "ABOUT", "topic:talks"),
      MakeEdge("country:ruritania", "STANCE", "topic:talks",
               {{"polarity", "neutral"}, {"date", "2024-03-05"}, {"claim", c4}}, c4),
      MakeEdge("person:bob-o-brien", "SAID", c5),
      MakeEdge(c5, "REPORTED_IN", "article:a2.txt"),
  };
  bool added = false;
  REQUIRE(store->WriteArticle(a1, &added).ok());
  REQUIRE(added);
  REQUIRE(store->WriteArticle(a2, &added).ok());
  REQUIRE(added);
  return store;
}

std::string Export(Store* store, const ExportOptions& options) {
  std::ostringstream out;
  Status s = ExportGraph(store, options, &out);
  INFO(s.ToString());
  REQUIRE(s.ok());
  return out.str();
}

std::string Export(Store* store, const std::string& format, ExportFilter filter = {}) {
  ExportOptions options;
  options.format = format;
  options.filter = filter;
  return Export(store, options);
}

// The diagram thinned to its `top` strongest edges.
std::string ExportDotTop(Store* store, int top) {
  ExportOptions options;
  options.format = "dot";
  options.top = top;
  return Export(store, options);
}

size_t Count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// ------------------------------------------------------------------ escaping

TEST_CASE("CleanText repairs UTF-8 and drops characters XML forbids", "[export]") {
  CHECK(CleanText("plain") == "plain");
  CHECK(CleanText("bell\x07 nul") == "bell nul");
  CHECK(CleanText(std::string("a\0b", 3)) == "ab");
  CHECK(CleanText("tab\tlf\ncr\r") == "tab\tlf\ncr\r");
  CHECK(CleanText("tab\tlf\n", false) == "tab lf ");
  const std::string fffd = "\xEF\xBF\xBD";
  CHECK(CleanText("x\xFFy") == "x" + fffd + "y");                   // never valid
  CHECK(CleanText("x\x80y") == "x" + fffd + "y");                   // lone continuation
  CHECK(CleanText("x\xC3") == "x" + fffd);                          // truncated sequence
  CHECK(CleanText("\xC0\xAF") == fffd + fffd);                      // overlong '/'
  CHECK(CleanText("s\xED\xA0\x80t") == "s" + fffd + fffd + fffd + "t");  // encoded surrogate
  CHECK(CleanText("\xEF\xBF\xBE\xEF\xBF\xBF!") == "!");             // U+FFFE, U+FFFF
  CHECK(CleanText("caf\xC3\xA9 \xE5\x92\x8C \xF0\x9F\x98\x80") ==
        "caf\xC3\xA9 \xE5\x92\x8C \xF0\x9F\x98\x80");               // é, 和, emoji kept
}

TEST_CASE("XML escaping for text and attributes", "[export]") {
  CHECK(XmlEscapeText("a & b < c > d \"e\" 'f'") == "a &amp; b &lt; c &gt; d \"e\" 'f'");
  CHECK(XmlEscapeText("]]>") == "]]&gt;");
  CHECK(XmlEscapeText("line\r\nnext\x01") == "line&#13;\nnext");
  CHECK(XmlEscapeText("&amp;") == "&amp;amp;");
  CHECK(XmlEscapeAttribute("say \"hi\"\n\t&") == "say &quot;hi&quot;&#10;&#9;&amp;");
  // Text keeps TAB, LF and '"' as they are; both escape < > and CR.
  CHECK(XmlEscapeText("a\tb\n\"c\"") == "a\tb\n\"c\"");
  CHECK(XmlEscapeAttribute("<a>\r'") == "&lt;a&gt;&#13;'");
  CHECK(XmlEscapeText("bad\xFF") == "bad\xEF\xBF\xBD");
}

TEST_CASE("Truncation and code points respect UTF-8 boundaries", "[export]") {
  CHECK(TruncateUtf8("short", 10) == "short");
  CHECK(TruncateUtf8("abcdefghij", 6) == "abc\xE2\x80\xA6");
  // "ééé" is 6 bytes: a cut at 5 keeps one é plus the 3-byte ellipsis.
  CHECK(TruncateUtf8("\xC3\xA9\xC3\xA9\xC3\xA9", 5) == "\xC3\xA9\xE2\x80\xA6");
  CHECK(TruncateUtf8("abc", 2).empty());
  CHECK(CodePointCount("caf\xC3\xA9") == 4);
  CHECK(CodePointCount("\xF0\x9F\x98\x80") == 1);
  CHECK(CodePointOffset("\xC3\xA9x", 2) == 1);
  CHECK(CodePointOffset("ab", 99) == 2);
}

TEST_CASE("Node IRIs: type/rest, colons kept, the rest percent-encoded", "[export]") {
  const std::string base = "https://claimgraph.dev/id/";
  CHECK(NodeIri(base, "person:antony-blinken") == base + "person/antony-blinken");
  CHECK(NodeIri(base, "claim:001_x.txt:120-231") == base + "claim/001_x.txt:120-231");
  CHECK(NodeIri(base, "odd id/#?") == base + "odd%20id%2F%23%3F");
  CHECK(ValidDate("2024-02-29") == "2024-02-29");
  CHECK(ValidDate("2023-02-29").empty());
  CHECK(ValidDate("2024-03-05T10:00:00Z") == "2024-03-05");
  CHECK(ValidDate("March 5th").empty());
}

TEST_CASE("DOT labels survive a cgraph round trip", "[export]") {
  std::unique_ptr<Store> store = NewMemoryStore();
  const std::string tricky = "C:\\Names\\Tom \"Q\" {x} -> node;\nline2\x07 \\";
  ArticleGraph g;
  g.article_id = "article:t";
  g.content_hash = "t";
  g.nodes = {MakeNode("person:node", "Person", {{"name", tricky}}),
             MakeNode("claim:t:0-1", "Claim", {{"text", "x"}, {"kind", "direct"}}),
             MakeNode("topic:edge", "Topic", {{"name", "graph"}})};
  g.edges = {MakeEdge("person:node", "SAID", "claim:t:0-1"),
             MakeEdge("person:node", "STANCE", "topic:edge", {{"polarity", "support"}})};
  bool added;
  REQUIRE(store->WriteArticle(g, &added).ok());
  std::string dot = Export(store.get(), "dot");
  std::map<std::string, std::string> labels;
  Status s = ReadDotNodeLabels(dot, &labels);
  INFO(dot);
  REQUIRE(s.ok());
  REQUIRE(labels.count("person:node"));
  // Backslashes doubled (so \N is not Graphviz's node-name escape), the
  // newline as \n, the control character gone, quotes intact.
  CHECK(labels["person:node"] ==
        "C:\\\\Names\\\\Tom \"Q\" {x} -> node;\\nline2 \\\\\\n1 claim");
  CHECK(labels.count("topic:edge"));
  CHECK(ReadDotNodeLabels("digraph { a -> }", &labels).code() == Status::Code::kInvalidInput);
}

TEST_CASE("Embedded JSON-LD context equals schemas/context.jsonld", "[export]") {
  std::string file = ReadFile(std::string(CLAIMGRAPH_SOURCE_DIR) + "/schemas/context.jsonld");
  REQUIRE(!file.empty());
  CHECK(std::string(JsonldContextFile()) == file);
}

// ------------------------------------------------------------------ golden

TEST_CASE("Golden GraphML, DOT and JSON-LD for a small graph", "[export]") {
  std::unique_ptr<Store> store = SmallGraph();
  const bool update = std::getenv("CLAIMGRAPH_UPDATE_GOLDEN") != nullptr;
  for (const char* format : {"graphml", "dot", "jsonld"}) {
    std::string text = Export(store.get(), format);
    std::string path = kGoldenDir + "/small." + format;
    if (update) {
      fs::create_directories(kGoldenDir);
      WriteFile(path, text);
      WARN("rewrote " << path);
      continue;
    }
    std::string golden = ReadFile(path);
    INFO(path << " differs; rerun with CLAIMGRAPH_UPDATE_GOLDEN=1 after checking the change");
    CHECK(text == golden);
    // Determinism: a second export gives the same bytes.
    CHECK(Export(store.get(), format) == text);
  }
}

TEST_CASE("GraphML content follows the consumer rules", "[export]") {
  std::unique_ptr<Store> store = SmallGraph();
  std::string xml = Export(store.get(), "graphml");
  CHECK(xml.find("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">") != std::string::npos);
  CHECK(xml.find("for=\"all\"") == std::string::npos);
  CHECK(xml.find("attr.name=\"id\"") == std::string::npos);
  CHECK(xml.find("<data key=\"labels\">:Person</data>") != std::string::npos);
  CHECK(xml.find("<key id=\"n_begin\" for=\"node\" attr.name=\"begin\" attr.type=\"long\"/>") !=
        std::string::npos);
  // Lists are JSON arrays; the topic's own "label" is renamed.
  CHECK(xml.find("<data key=\"n_aliases\">[\"Ada Lovelace\",\"Lovelace\"]</data>") !=
        std::string::npos);
  CHECK(xml.find("attr.name=\"prop_label\"") != std::string::npos);
  CHECK(xml.find("<data key=\"n_uri\">https://claimgraph.dev/id/person/ada-lovelace</data>") !=
        std::string::npos);
  CHECK(xml.find('\x07') == std::string::npos);
  CHECK(xml.find("Chief &lt;Negotiator&gt; &amp; Envoy") != std::string::npos);
  CHECK(xml.find("></data>") == std::string::npos);
  // Every edge starts with its label.
  CHECK(Count(xml, "<edge ") == Count(xml, "\">\n      <data key=\"label\">"));
  CHECK(Count(xml, "<edge ") == 24);
  CHECK(xml.find("parse.nodes=\"15\" parse.edges=\"24\"") != std::string::npos);
}

TEST_CASE("JSON-LD types claims, dates and annotations", "[export]") {
  std::unique_ptr<Store> store = SmallGraph();
  std::string ld = Export(store.get(), "jsonld");
  CHECK(ld.rfind("{\n  \"@context\": {", 0) == 0);
  CHECK(Count(ld, "\"@type\":[\"Quotation\",\"Claim\"]") == 3);  // direct + partial
  CHECK(Count(ld, "\"@type\":\"Claim\"") == 2);                  // indirect + according_to
  CHECK(ld.find("\"dateCreated\":\"2024-03-05T00:00:00Z\"") != std::string::npos);
  CHECK(ld.find("March 5th") == std::string::npos);  // invalid date left out
  CHECK(ld.find("not a url") == std::string::npos);
  CHECK(ld.find("\"url\":\"https://news.example/a1?x=1&y=2\"") != std::string::npos);
  // a2 carries its text: positions in code points differ from the bytes.
  CHECK(ld.find("\"@type\":\"TextPositionSelector\"") != std::string::npos);
  CHECK(Count(ld, "\"@type\":\"DataPositionSelector\"") == 5);
  CHECK(ld.find("\"stance\":\"oppose\"") != std::string::npos);
}

// ------------------------------------------------------------------ filters

TEST_CASE("Filters keep the passing claims and what hangs on them", "[export]") {
  std::unique_ptr<Store> store = SmallGraph();
  auto graphml_claims = [&](const ExportFilter& f) {
    return Count(Export(store.get(), "graphml", f), "<data key=\"labels\">:Claim</data>");
  };
  ExportFilter f;
  CHECK(graphml_claims(f) == 5);
  f.speaker = "LOVELACE";
  CHECK(graphml_claims(f) == 2);
  std::string xml = Export(store.get(), "graphml", f);
  CHECK(xml.find("person:ada-lovelace") != std::string::npos);
  CHECK(xml.find("country:ruritania") != std::string::npos);   // Ada's affiliation
  CHECK(xml.find("topic:talks") == std::string::npos);         // only Bob and Ruritania
  CHECK(xml.find("person:bob-o-brien") != std::string::npos);  // Ada's addressee
  f = {};
  f.speaker = "o'brien";  // an alias
  CHECK(graphml_claims(f) == 2);
  f = {};
  f.topic = "Ceasefire";
  CHECK(graphml_claims(f) == 2);
  f = {};
  f.since = "2024-03-02";
  CHECK(graphml_claims(f) == 2);  // c5's date is invalid: no date, no match
  f.since.clear();
  f.until = "2024-03-01";
  CHECK(graphml_claims(f) == 2);
  f = {};
  f.kind = "direct";
  CHECK(graphml_claims(f) == 2);
  f = {};
  f.min_claims = 2;
  CHECK(graphml_claims(f) == 4);  // Ruritania has one claim
  f.speaker = "nobody";
  std::string empty = Export(store.get(), "graphml", f);
  CHECK(empty.find("parse.nodes=\"0\" parse.edges=\"0\"") != std::string::npos);
  // STANCE edges follow their claims.
  f = {};
  f.since = "2024-03-05";
  std::string dot = Export(store.get(), "dot", f);
  CHECK(dot.find("#c62828") == std::string::npos);  // red: oppose
  CHECK(dot.find("#2e7d32") != std::string::npos);  // green: support
}

// ------------------------------------------------------------------ DOT

TEST_CASE("DOT diagram: speakers, clusters, stance colours, counts", "[export]") {
  std::unique_ptr<Store> store = SmallGraph();
  std::string dot = Export(store.get(), "dot");
  CHECK(dot.rfind("digraph claimgraph {", 0) == 0);
  CHECK(dot.find("charset=\"UTF-8\"") != std::string::npos);
  CHECK(Count(dot, "subgraph cluster_") == 2);  // Ruritania, Example Org
  CHECK(dot.find("#2e7d32") != std::string::npos);
  CHECK(dot.find("#c62828") != std::string::npos);
  CHECK(dot.find("Ada Lovelace\\n2 claims") != std::string::npos);
  CHECK(dot.find("dashed") != std::string::npos);  // the addressee edge
  CHECK(dot.find('\x07') == std::string::npos);

  // --top keeps the N strongest edges.
  CHECK(Count(ExportDotTop(store.get(), 1), "->") == 1);
}

TEST_CASE("DOT falls back to articles when there are no topics", "[export]") {
  std::unique_ptr<Store> store = NewMemoryStore();
  ArticleGraph g;
  g.article_id = "article:n";
  g.content_hash = "n";
  g.nodes = {MakeNode("person:p", "Person", {{"name", "P"}}),
             MakeNode("article:n", "Article", {{"title", std::string(300, 'T')}}),
             MakeNode("claim:n:0-1", "Claim", {{"text", "x"}, {"kind", "direct"}})};
  g.edges = {MakeEdge("person:p", "SAID", "claim:n:0-1"),
             MakeEdge("claim:n:0-1", "REPORTED_IN", "article:n")};
  bool added;
  REQUIRE(store->WriteArticle(g, &added).ok());
  std::string dot = Export(store.get(), "dot");
  CHECK(Count(dot, "->") == 1);
  CHECK(dot.find(std::string(57, 'T') + "\xE2\x80\xA6") != std::string::npos);  // cut label
  CHECK(dot.find(std::string(300, 'T')) != std::string::npos);                 // full tooltip
}

// Speaker a: topic t1 in two claims, t2..t5 in one each; speaker b: t5.
// With STANCE edges (one per claim and topic) or, in an older store, ABOUT
// edges only, a keeps its 4 strongest topics: t1 (2 claims), t5 (2
// speakers), then t2 and t3 by id; t4 is not drawn.
std::unique_ptr<Store> TopicRankingGraph(bool stance) {
  std::unique_ptr<Store> store = NewMemoryStore();
  ArticleGraph g;
  g.article_id = "article:r";
  g.content_hash = "r";
  g.nodes = {MakeNode("person:a", "Person", {{"name", "A"}}),
             MakeNode("person:b", "Person", {{"name", "B"}}),
             MakeNode("article:r", "Article", {{"title", "R"}})};
  const std::vector<std::pair<std::string, std::vector<std::string>>> claims = {
      {"a", {"t1", "t2"}}, {"a", {"t1"}}, {"a", {"t3", "t4", "t5"}}, {"b", {"t5"}}};
  for (int t = 1; t <= 5; ++t) {
    std::string id = "topic:t" + std::to_string(t);
    g.nodes.push_back(MakeNode(id, "Topic", {{"name", "Topic " + std::to_string(t)}}));
  }
  for (size_t i = 0; i < claims.size(); ++i) {
    std::string claim = "claim:r:" + std::to_string(i);
    std::string speaker = "person:" + claims[i].first;
    g.nodes.push_back(MakeNode(claim, "Claim", {{"text", "x"}, {"kind", "direct"}}));
    g.edges.push_back(MakeEdge(speaker, "SAID", claim));
    g.edges.push_back(MakeEdge(claim, "REPORTED_IN", "article:r"));
    for (const std::string& t : claims[i].second) {
      g.edges.push_back(MakeEdge(claim, "ABOUT", "topic:" + t));
      if (stance) {
        g.edges.push_back(MakeEdge(speaker, "STANCE", "topic:" + t,
                                   {{"polarity", "support"}, {"claim", claim}}, claim));
      }
    }
  }
  bool added;
  REQUIRE(store->WriteArticle(g, &added).ok());
  return store;
}

TEST_CASE("DOT keeps each speaker's strongest topics, from STANCE or ABOUT edges", "[export]") {
  for (bool stance : {true, false}) {
    INFO("stance edges: " << stance);
    std::unique_ptr<Store> store = TopicRankingGraph(stance);
    std::string dot = Export(store.get(), "dot");
    INFO(dot);
    CHECK(Count(dot, "->") == 5);  // a: t1 t5 t2 t3; b: t5
    for (const char* shown : {"topic:t1", "topic:t2", "topic:t3", "topic:t5"}) {
      CHECK(dot.find(shown) != std::string::npos);
    }
    CHECK(dot.find("topic:t4") == std::string::npos);
    CHECK(dot.find("4 of 5 topics shown") != std::string::npos);
    CHECK(dot.find("article:r") == std::string::npos);  // topics, so no article edges
    CHECK(dot.find("A\\n3 claims") != std::string::npos);

    // --top 2: the two heaviest edges, both a's (t1: 2 claims; t5 beats b's
    // t5 edge, as a has more claims).
    const std::string top2 = ExportDotTop(store.get(), 2);
    CHECK(Count(top2, "->") == 2);
    CHECK(top2.find("topic:t1") != std::string::npos);
    CHECK(top2.find("topic:t5") != std::string::npos);
    CHECK(top2.find("person:b") == std::string::npos);
    CHECK(top2.find("2 of 5 topics shown") != std::string::npos);
  }
}

TEST_CASE("RenderDiagram writes SVG and PNG; refuses huge diagrams without --top",
          "[export]") {
  std::unique_ptr<Store> store = SmallGraph();
  fs::path dir = TempDir("render");
  for (const char* format : {"svg", "png"}) {
    ExportOptions options;
    options.format = format;
    std::string path = (dir / (std::string("small.") + format)).string();
    Status s = RenderDiagram(store.get(), options, path);
    INFO(s.ToString());
    REQUIRE(s.ok());
    CHECK(fs::file_size(path) > 1000);
  }
  CHECK(ReadFile((dir / "small.svg").string()).find("<svg") != std::string::npos);
  // ExportGraph renders into a stream too (gvRenderData), and refuses csv.
  CHECK(Export(store.get(), "svg").find("Ada Lovelace") != std::string::npos);
  ExportOptions csv;
  csv.format = "csv";
  std::ostringstream sink;
  CHECK(ExportGraph(store.get(), csv, &sink).code() == Status::Code::kUsage);
  csv.format = "gml";
  CHECK(ExportGraph(store.get(), csv, &sink).code() == Status::Code::kUsage);
  ExportOptions bad;
  bad.format = "svg";
  bad.layout = "nonsense";
  CHECK(RenderDiagram(store.get(), bad, (dir / "x.svg").string()).code() == Status::Code::kUsage);

  std::unique_ptr<Store> big = NewMemoryStore();
  ArticleGraph g;
  g.article_id = "article:big";
  g.content_hash = "big";
  for (int i = 0; i < 450; ++i) {
    std::string p = "person:p" + std::to_string(i), c = "claim:big:" + std::to_string(i);
    g.nodes.push_back(MakeNode(p, "Person", {{"name", "P" + std::to_string(i)}}));
    g.nodes.push_back(MakeNode(c, "Claim", {{"text", "x"}, {"kind", "direct"}}));
    g.edges.push_back(MakeEdge(p, "SAID", c));
  }
  bool added;
  REQUIRE(big->WriteArticle(g, &added).ok());
  ExportOptions options;
  options.format = "svg";
  Status s = RenderDiagram(big.get(), options, (dir / "big.svg").string());
  CHECK(s.code() == Status::Code::kUsage);
  CHECK(s.message().find("--top") != std::string::npos);
  fs::remove_all(dir);
}

// ------------------------------------------------------------------ CSV

TEST_CASE("CSV: neo4j-admin headers, RFC 4180 quoting, Kuzu script", "[export]") {
  std::unique_ptr<Store> store = SmallGraph();
  fs::path dir = TempDir("csv");
  ExportOptions options;
  options.format = "csv";
  Status s = ExportCsv(store.get(), options, dir.string());
  INFO(s.ToString());
  REQUIRE(s.ok());
  std::string persons = ReadFile((dir / "nodes_Person.csv").string());
  CHECK(persons.rfind("id:ID,affiliation,aliases:string[],name,roles:string[],:LABEL\n", 0) == 0);
  CHECK(persons.find("\"Bob \"\"The Builder\"\" O'Brien \\N;O'Brien\"") != std::string::npos);
  std::string claims = ReadFile((dir / "nodes_Claim.csv").string());
  CHECK(claims.rfind("id:ID,begin:long,cue,date,doc,end:long,kind,mention,speaker,text,:LABEL\n",
                     0) == 0);
  CHECK(claims.find("\"a \"\"mistake\"\"\nthat will cost\"") != std::string::npos);
  // SAID links two pairs of types (Person, Country -> Claim): one file each.
  CHECK(fs::exists(dir / "rels_SAID_Person_Claim.csv"));
  CHECK(fs::exists(dir / "rels_SAID_Country_Claim.csv"));
  std::string stance = ReadFile((dir / "rels_STANCE_Person_Topic.csv").string());
  CHECK(stance.rfind(":START_ID,:END_ID,:TYPE,claim,date,polarity\n", 0) == 0);
  CHECK(fs::exists(dir / "rels_PUBLISHED_BY.csv"));
  std::string kuzu = ReadFile((dir / "kuzu_load.cypher").string());
  CHECK(kuzu.find("CREATE NODE TABLE `Person`(`id` STRING, `affiliation` STRING, `aliases` "
                  "STRING, `name` STRING, `roles` STRING, `label` STRING, PRIMARY KEY(`id`));") !=
        std::string::npos);
  CHECK(kuzu.find("CREATE REL TABLE `SAID`(FROM `Country` TO `Claim`, FROM `Person` TO `Claim`, "
                  "`type` STRING);") != std::string::npos);
  CHECK(kuzu.find("COPY `SAID` FROM 'rels_SAID_Person_Claim.csv' (HEADER=true, PARALLEL=false, "
                  "from='Person', to='Claim');") != std::string::npos);
  CHECK(kuzu.find("COPY `Claim` FROM 'nodes_Claim.csv'") < kuzu.find("COPY `SAID`"));
  fs::remove_all(dir);
}

// ------------------------------------------------------------------ consumers

TEST_CASE("check-exports accepts the golden files", "[export][consumers]") {
  const std::string tool = std::string(CLAIMGRAPH_SHARED_DIR) + "/tools/check-exports";
  if (!fs::exists("/usr/bin/python3") || !fs::exists(tool)) {
    WARN("skipped: /usr/bin/python3 or " << tool << " missing");
    return;
  }
  fs::path dir = TempDir("consumers");
  for (const char* format : {"graphml", "dot", "jsonld"}) {
    fs::copy_file(kGoldenDir + "/small." + format, dir / (std::string("out.") + format));
  }
  std::string log = (dir / "check.log").string();
  std::string cmd = "'" + tool + "' '" + dir.string() + "' > '" + log + "' 2>&1";
  int rc = std::system(cmd.c_str());
  INFO(ReadFile(log));
  CHECK(rc == 0);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace claimgraph
