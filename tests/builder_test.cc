// GraphBuilder on hand-made documents and claims: ids, properties, edges,
// and entity resolution within and across articles.
#include "graph/builder.h"

#include <algorithm>
#include <catch2/catch.hpp>

namespace claimgraph {
namespace {

Document MakeDoc(std::string id, std::string text, std::string date) {
  Document d;
  d.id = std::move(id);
  d.text = std::move(text);
  d.date = std::move(date);
  return d;
}

Claim MakeClaim(const Document& doc, const std::string& content, std::string name,
                std::string mention, EntityType type) {
  Claim c;
  c.doc = doc.id;
  c.text = content;
  c.span.begin = doc.text.find(content);
  c.span.end = c.span.begin + content.size();
  c.cue = "said";
  c.speaker.name = std::move(name);
  c.speaker.mention = std::move(mention);
  c.speaker.type = type;
  c.date = doc.date;
  return c;
}

const Node* FindNode(const ArticleGraph& g, const std::string& id) {
  for (const Node& n : g.nodes) {
    if (n.id == id) return &n;
  }
  return nullptr;
}

const Edge* FindEdge(const ArticleGraph& g, const std::string& src, const std::string& type,
                     const std::string& dst) {
  for (const Edge& e : g.edges) {
    if (e.src == src && e.type == type && e.dst == dst) return &e;
  }
  return nullptr;
}

// "Antony Blinken told Israeli leaders ..." with a relay, a role, a topic
// and a pronoun follow-up.
struct Fixture {
  Document doc;
  std::vector<Claim> claims;
};

Fixture BlinkenArticle() {
  Fixture f;
  f.doc = MakeDoc("001_test.txt",
                  "US Secretary of State Antony Blinken told Israeli leaders that a Palestinian "
                  "state was essential, Reuters reported. \"We will keep pushing,\" he said.",
                  "2024-03-23");
  f.doc.title = "Blinken in Israel";
  f.doc.publisher = "Reuters";
  f.doc.url = "https://example.org/a";

  Claim first = MakeClaim(f.doc, "a Palestinian state was essential", "Antony Blinken",
                          "Antony Blinken", EntityType::kPerson);
  first.cue = "told";
  first.kind = ClaimKind::kIndirect;
  first.addressee = "Israeli leaders";
  first.relayed_by = "Reuters";
  first.speaker.role = "US Secretary of State";
  first.speaker.affiliation = "United States";
  first.topics.push_back(Topic{"palestinian state", "a Palestinian state", "support"});

  Claim second =
      MakeClaim(f.doc, "We will keep pushing,", "Antony Blinken", "he", EntityType::kPerson);
  second.kind = ClaimKind::kDirect;
  f.claims = {first, second};
  return f;
}

TEST_CASE("GraphBuilder makes article, claim, entity and topic nodes with their edges",
          "[builder]") {
  Fixture f = BlinkenArticle();
  GraphBuilder builder(nullptr);
  ArticleGraph g;
  REQUIRE(builder.Build(f.doc, f.claims, &g).ok());

  CHECK(g.article_id == "article:001_test.txt");
  CHECK(g.content_hash == ContentHash(f.doc));
  CHECK(g.content_hash.size() == 16);

  const Node* article = FindNode(g, "article:001_test.txt");
  REQUIRE(article != nullptr);
  CHECK(article->type == "Article");
  CHECK(article->props.at("title") == "Blinken in Israel");
  CHECK(article->props.at("date") == "2024-03-23");
  CHECK(article->props.at("url") == "https://example.org/a");
  CHECK(article->props.at("publisher") == "Reuters");
  CHECK(article->props.at("doc") == "001_test.txt");

  const Claim& c0 = f.claims[0];
  const std::string claim_id =
      "claim:001_test.txt:" + std::to_string(c0.span.begin) + "-" + std::to_string(c0.span.end);
  const Node* claim = FindNode(g, claim_id);
  REQUIRE(claim != nullptr);
  CHECK(claim->type == "Claim");
  CHECK(claim->props.at("text") == "a Palestinian state was essential");
  CHECK(claim->props.at("kind") == "indirect");
  CHECK(claim->props.at("cue") == "told");
  CHECK(claim->props.at("begin") == std::to_string(c0.span.begin));
  CHECK(claim->props.at("date") == "2024-03-23");
  CHECK(claim->props.at("speaker") == "Antony Blinken");
  CHECK(claim->props.at("mention") == "Antony Blinken");

  const Node* blinken = FindNode(g, "person:antony-blinken");
  REQUIRE(blinken != nullptr);
  CHECK(blinken->type == "Person");
  CHECK(blinken->props.at("name") == "Antony Blinken");
  CHECK(blinken->props.at("aliases") == "Antony Blinken");  // "he" is no alias
  CHECK(blinken->props.at("roles") == "US Secretary of State");
  CHECK(blinken->props.at("affiliation") == "United States");

  REQUIRE(FindNode(g, "group:israeli-leaders") != nullptr);
  CHECK(FindNode(g, "group:israeli-leaders")->type == "Group");
  REQUIRE(FindNode(g, "organization:reuters") != nullptr);
  REQUIRE(FindNode(g, "country:united-states") != nullptr);
  CHECK(FindNode(g, "country:united-states")->type == "Country");
  const Node* topic = FindNode(g, "topic:palestinian-state");
  REQUIRE(topic != nullptr);
  CHECK(topic->props.at("label") == "a Palestinian state");

  CHECK(FindEdge(g, "person:antony-blinken", "SAID", claim_id) != nullptr);
  CHECK(FindEdge(g, claim_id, "REPORTED_IN", "article:001_test.txt") != nullptr);
  CHECK(FindEdge(g, claim_id, "ADDRESSED_TO", "group:israeli-leaders") != nullptr);
  CHECK(FindEdge(g, claim_id, "RELAYED_BY", "organization:reuters") != nullptr);
  CHECK(FindEdge(g, "article:001_test.txt", "PUBLISHED_BY", "organization:reuters") != nullptr);
  CHECK(FindEdge(g, claim_id, "ABOUT", "topic:palestinian-state") != nullptr);
  const Edge* aff =
      FindEdge(g, "person:antony-blinken", "AFFILIATED_WITH", "country:united-states");
  REQUIRE(aff != nullptr);
  CHECK(aff->key == "2024-03-23");
  CHECK(aff->props.at("role") == "US Secretary of State");
  const Edge* stance = FindEdge(g, "person:antony-blinken", "STANCE", "topic:palestinian-state");
  REQUIRE(stance != nullptr);
  CHECK(stance->key == claim_id);
  CHECK(stance->props.at("polarity") == "support");
  CHECK(stance->props.at("claim") == claim_id);

  // Two claims, one SAID edge each; nodes and edges come sorted.
  CHECK(std::count_if(g.edges.begin(), g.edges.end(),
                      [](const Edge& e) { return e.type == "SAID"; }) == 2);
  CHECK(std::is_sorted(g.nodes.begin(), g.nodes.end(),
                       [](const Node& a, const Node& b) { return a.id < b.id; }));
}

TEST_CASE("GraphBuilder keeps odd document ids valid and guesses addressee types", "[builder]") {
  Document doc = MakeDoc("my article (1).txt", "Ann Lee told Joe Smith that x. Bo said y.", "");
  Claim a = MakeClaim(doc, "x", "Ann Lee", "Ann Lee", EntityType::kPerson);
  a.addressee = "Joe Smith";
  Claim b = MakeClaim(doc, "y", "Bo", "Bo", EntityType::kUnknown);
  b.addressee = "the committee";
  b.relayed_by = "Ann Lee";  // a relay that is a speaker of the article stays that person
  ArticleGraph g;
  REQUIRE(GraphBuilder(nullptr).Build(doc, {b, a}, &g).ok());
  const std::string claim_b = "claim:my-article-1-txt:" + std::to_string(b.span.begin) + "-" +
                              std::to_string(b.span.end);
  CHECK(FindEdge(g, claim_b, "RELAYED_BY", "person:ann-lee") != nullptr);
  CHECK(FindNode(g, "organization:ann-lee") == nullptr);
  CHECK(g.article_id == "article:my-article-1-txt");
  CHECK(FindNode(g, "person:joe-smith") != nullptr);
  CHECK(FindNode(g, "entity:bo") != nullptr);
  CHECK(FindNode(g, "entity:bo")->type == "Entity");
  CHECK(FindNode(g, "group:the-committee") != nullptr);
}

TEST_CASE("GraphBuilder is deterministic", "[builder]") {
  Fixture f = BlinkenArticle();
  ArticleGraph g1, g2;
  REQUIRE(GraphBuilder(nullptr).Build(f.doc, f.claims, &g1).ok());
  REQUIRE(GraphBuilder(nullptr).Build(f.doc, f.claims, &g2).ok());
  CHECK(g1.article_id == g2.article_id);
  CHECK(g1.content_hash == g2.content_hash);
  REQUIRE(g1.nodes.size() == g2.nodes.size());
  for (size_t i = 0; i < g1.nodes.size(); ++i) {
    CHECK(g1.nodes[i].id == g2.nodes[i].id);
    CHECK(g1.nodes[i].props == g2.nodes[i].props);
  }
  REQUIRE(g1.edges.size() == g2.edges.size());
  for (size_t i = 0; i < g1.edges.size(); ++i) {
    CHECK(g1.edges[i].src + g1.edges[i].type + g1.edges[i].dst + g1.edges[i].key ==
          g2.edges[i].src + g2.edges[i].type + g2.edges[i].dst + g2.edges[i].key);
    CHECK(g1.edges[i].props == g2.edges[i].props);
  }

  // With a store that holds the first build, a rebuild still gives the same
  // graph, and writing it again is skipped.
  std::unique_ptr<Store> store = NewMemoryStore();
  GraphBuilder builder(store.get());
  ArticleGraph first, second;
  REQUIRE(builder.Build(f.doc, f.claims, &first).ok());
  bool added = false;
  REQUIRE(store->WriteArticle(first, &added).ok());
  CHECK(added);
  REQUIRE(builder.Build(f.doc, f.claims, &second).ok());
  REQUIRE(first.nodes.size() == second.nodes.size());
  for (size_t i = 0; i < first.nodes.size(); ++i) {
    CHECK(first.nodes[i].id == second.nodes[i].id);
    CHECK(first.nodes[i].props == second.nodes[i].props);
  }
  CHECK(first.edges.size() == second.edges.size());
  REQUIRE(store->WriteArticle(second, &added).ok());
  CHECK_FALSE(added);
}

TEST_CASE("GraphBuilder resolves surnames within and across articles", "[builder]") {
  std::unique_ptr<Store> store = NewMemoryStore();
  GraphBuilder builder(store.get());
  bool added = false;

  Fixture f = BlinkenArticle();
  ArticleGraph g1;
  REQUIRE(builder.Build(f.doc, f.claims, &g1).ok());
  REQUIRE(store->WriteArticle(g1, &added).ok());

  // A later article only says "Blinken"; within it, "Biden" is shared by two
  // people and stays apart from both.
  Document doc2 = MakeDoc("002_test.txt", "Blinken said a. Joe Biden said b. Hunter Biden said c.",
                          "2024-04-02");
  std::vector<Claim> claims2 = {
      MakeClaim(doc2, "a", "Blinken", "Blinken", EntityType::kPerson),
      MakeClaim(doc2, "b", "Joe Biden", "Joe Biden", EntityType::kPerson),
  };
  ArticleGraph g2;
  REQUIRE(builder.Build(doc2, claims2, &g2).ok());
  const Node* blinken = FindNode(g2, "person:antony-blinken");
  REQUIRE(blinken != nullptr);
  CHECK(blinken->props.at("name") == "Antony Blinken");
  CHECK(FindNode(g2, "person:blinken") == nullptr);
  REQUIRE(store->WriteArticle(g2, &added).ok());
  Node stored;
  REQUIRE(store->GetNode("person:antony-blinken", &stored).ok());
  CHECK(stored.props.at("aliases") == "Antony Blinken\nBlinken");

  // "Hunter Biden" does not join "Joe Biden".
  Document doc3 = MakeDoc("003_test.txt", "Hunter Biden said c. Biden said d.", "2024-04-03");
  std::vector<Claim> claims3 = {
      MakeClaim(doc3, "c", "Hunter Biden", "Hunter Biden", EntityType::kPerson),
  };
  ArticleGraph g3;
  REQUIRE(builder.Build(doc3, claims3, &g3).ok());
  CHECK(FindNode(g3, "person:hunter-biden") != nullptr);
  CHECK(FindNode(g3, "person:joe-biden") == nullptr);
  REQUIRE(store->WriteArticle(g3, &added).ok());

  // Now two stored people are called Biden: a bare "Biden" joins neither.
  Document doc4 = MakeDoc("004_test.txt", "Biden said d.", "2024-04-04");
  ArticleGraph g4;
  REQUIRE(
      builder.Build(doc4, {MakeClaim(doc4, "d", "Biden", "Biden", EntityType::kPerson)}, &g4).ok());
  CHECK(FindNode(g4, "person:biden") != nullptr);
  CHECK(FindNode(g4, "person:joe-biden") == nullptr);
  CHECK(FindNode(g4, "person:hunter-biden") == nullptr);

  // Within one article a bare surname joins the article's full name.
  Document doc5 = MakeDoc("005_test.txt", "Ann Lee said e. Lee said f.", "");
  ArticleGraph g5;
  REQUIRE(builder
              .Build(doc5,
                     {MakeClaim(doc5, "e", "Ann Lee", "Ann Lee", EntityType::kPerson),
                      MakeClaim(doc5, "f", "Lee", "Lee", EntityType::kPerson)},
                     &g5)
              .ok());
  CHECK(FindNode(g5, "person:lee") == nullptr);
  REQUIRE(FindNode(g5, "person:ann-lee") != nullptr);
  CHECK(FindNode(g5, "person:ann-lee")->props.at("aliases") == "Ann Lee\nLee");
}

TEST_CASE("ContentHash covers id, text, date and title", "[builder]") {
  Document a = MakeDoc("a.txt", "text", "2024-01-01");
  Document b = a;
  CHECK(ContentHash(a) == ContentHash(b));
  b.title = "t";
  CHECK(ContentHash(a) != ContentHash(b));
  b = a;
  b.date = "2024-01-02";
  CHECK(ContentHash(a) != ContentHash(b));
  b = a;
  b.id = "b.txt";
  CHECK(ContentHash(a) != ContentHash(b));
  b = a;
  b.url = "https://example.org";  // metadata outside the hash
  CHECK(ContentHash(a) == ContentHash(b));
}

}  // namespace
}  // namespace claimgraph
