// One graph across articles: entity merging and non-merging, roles over
// time, and the stance timeline, on articles written for these tests
// (tests/testdata/stance/*-harbour.txt), stored in the memory store.
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "graph/builder.h"
#include "graph/entity_resolver.h"
#include "graph/query.h"
#include "graph/store.h"
#include "tests/extract_fixture.h"

namespace claimgraph {
namespace {

std::string ReadTestData(const std::string& name) {
  std::ifstream in(std::string(CLAIMGRAPH_SOURCE_DIR) + "/tests/testdata/stance/" + name, std::ios::binary);
  REQUIRE(in);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Extracts, builds and stores one article; returns whether it was added.
bool Ingest(const Extractor& extractor, Store* store, const std::string& name, const std::string& date) {
  Document doc = MakeDocument(ReadTestData(name), name);
  doc.date = date;
  std::vector<Claim> claims;
  extractor.Extract(doc, &claims);
  for (Claim& c : claims) {
    c.doc = doc.id;
    if (c.date.empty()) c.date = date;
  }
  GraphBuilder builder(store);
  ArticleGraph graph;
  REQUIRE(builder.Build(doc, claims, &graph).ok());
  bool added = false;
  REQUIRE(store->WriteArticle(graph, &added).ok());
  return added;
}

std::unique_ptr<Extractor> NewExtractor() {
  std::unique_ptr<Extractor> extractor;
  REQUIRE(Extractor::Create(ExtractorOptions{}, &extractor).ok());
  return extractor;
}

std::map<std::string, SpeakerRecord> SpeakersById(Store* store) {
  std::vector<SpeakerRecord> speakers;
  REQUIRE(ListSpeakers(store, &speakers).ok());
  std::map<std::string, SpeakerRecord> by_id;
  for (SpeakerRecord& s : speakers) by_id[s.id] = std::move(s);
  return by_id;
}

struct Corpus {
  std::unique_ptr<Store> store = NewMemoryStore();
  std::unique_ptr<Extractor> extractor = NewExtractor();
  Corpus() {
    Ingest(*extractor, store.get(), "2023-harbour.txt", "2023-05-02");
    Ingest(*extractor, store.get(), "2024-harbour.txt", "2024-05-02");
    Ingest(*extractor, store.get(), "2025-harbour.txt", "2025-05-02");
  }
};

TEST_CASE("A surname in later articles joins the full name; aliases are kept", "[query]") {
  Corpus corpus;
  auto speakers = SpeakersById(corpus.store.get());
  REQUIRE(speakers.count("person:antony-blinken") == 1);
  const SpeakerRecord& blinken = speakers["person:antony-blinken"];
  CHECK(blinken.name == "Antony Blinken");
  CHECK(blinken.claims == 4);  // two in 2023, one in 2024, one ("Blinken") in 2025
  CHECK(blinken.first_date == "2023-05-02");
  CHECK(blinken.last_date == "2025-05-02");
  CHECK(std::find(blinken.aliases.begin(), blinken.aliases.end(), "Blinken") != blinken.aliases.end());
  CHECK(speakers.count("person:blinken") == 0);

  REQUIRE(speakers.count("person:marco-rubio") == 1);
  CHECK(speakers["person:marco-rubio"].claims == 3);
}

TEST_CASE("People who share a surname stay apart", "[query]") {
  Corpus corpus;
  auto speakers = SpeakersById(corpus.store.get());
  CHECK(speakers.count("person:joe-biden") == 1);
  CHECK(speakers.count("person:hunter-biden") == 1);
  CHECK(speakers["person:joe-biden"].claims == 1);
  CHECK(speakers["person:hunter-biden"].claims == 1);
}

TEST_CASE("Country names for one government resolve to one node", "[query]") {
  auto store = NewMemoryStore();
  EntityResolver resolver(store.get(), {});
  for (const char* name : {"US", "U.S.", "United States", "America", "Washington"}) {
    ResolvedEntity e;
    REQUIRE(resolver.Resolve(name, EntityType::kCountry, &e));
    CHECK(e.id == "country:united-states");
    CHECK(e.name == "United States");
  }
}

TEST_CASE("Roles held at different dates are all kept, each at its date", "[query]") {
  Corpus corpus;
  auto speakers = SpeakersById(corpus.store.get());
  const SpeakerRecord& rubio = speakers["person:marco-rubio"];
  REQUIRE(rubio.history.size() == 2);
  CHECK(rubio.history[0].date == "2023-05-02");
  CHECK(rubio.history[0].role == "US Senator");
  CHECK(rubio.history[0].affiliation == "United States");
  CHECK(rubio.history[1].date == "2025-05-02");
  CHECK(rubio.history[1].role == "US Secretary of State");
  CHECK(rubio.affiliation == "United States");

  // Each claim carries the role of its own date.
  std::vector<ClaimRecord> claims;
  REQUIRE(ListClaims(corpus.store.get(), ClaimFilter{"rubio", "", "", ""}, &claims).ok());
  REQUIRE(claims.size() == 3);
  CHECK(claims[0].role == "US Senator");
  CHECK(claims[2].role == "US Secretary of State");
}

TEST_CASE("Ingesting again changes nothing and keeps the ids", "[query]") {
  Corpus corpus;
  std::map<std::string, uint64_t> nodes_before, edges_before, nodes_after, edges_after;
  REQUIRE(corpus.store->CountByType(&nodes_before, &edges_before).ok());
  CHECK_FALSE(Ingest(*corpus.extractor, corpus.store.get(), "2024-harbour.txt", "2024-05-02"));
  REQUIRE(corpus.store->CountByType(&nodes_after, &edges_after).ok());
  CHECK(nodes_before == nodes_after);
  CHECK(edges_before == edges_after);

  // Articles in another order give the same entity ids.
  auto other = NewMemoryStore();
  Ingest(*corpus.extractor, other.get(), "2025-harbour.txt", "2025-05-02");
  Ingest(*corpus.extractor, other.get(), "2023-harbour.txt", "2023-05-02");
  auto speakers = SpeakersById(other.get());
  CHECK(speakers.count("person:marco-rubio") == 1);
  CHECK(speakers.count("person:antony-blinken") == 1);
}

TEST_CASE("The stance timeline marks each change of polarity", "[query]") {
  Corpus corpus;
  StanceQuery query;
  query.filter.topic = "harbour expansion";
  std::vector<StanceRow> rows;
  REQUIRE(StanceTimeline(corpus.store.get(), query, &rows).ok());
  std::vector<std::string> blinken;
  for (const StanceRow& r : rows) {
    if (r.claim.speaker_name != "Antony Blinken") continue;
    blinken.push_back(r.claim.date + " " + r.polarity + (r.changed_from.empty() ? "" : " <- " + r.changed_from));
  }
  CHECK(blinken == std::vector<std::string>{"2023-05-02 support", "2023-05-02 support",
                                            "2024-05-02 oppose <- support", "2025-05-02 support <- oppose"});

  // Grouped by affiliation, Rubio (2025) continues the United States line.
  query.group = StanceGroup::kAffiliation;
  query.filter.since = "2025-01-01";
  REQUIRE(StanceTimeline(corpus.store.get(), query, &rows).ok());
  bool rubio = false;
  for (const StanceRow& r : rows) {
    if (r.claim.speaker_name == "Marco Rubio") {
      rubio = true;
      CHECK(r.group == "United States");
      CHECK(r.polarity == "oppose");
    }
    CHECK(r.claim.date >= "2025-01-01");
  }
  CHECK(rubio);

  query.filter.topic = "the";
  CHECK(StanceTimeline(corpus.store.get(), query, &rows).code() == Status::Code::kUsage);
}

TEST_CASE("Claims filter by speaker, topic and dates", "[query]") {
  Corpus corpus;
  std::vector<ClaimRecord> claims;
  REQUIRE(ListClaims(corpus.store.get(), ClaimFilter{"", "fisheries agreement", "", "2023-12-31"}, &claims).ok());
  REQUIRE(claims.size() == 2);  // Rubio and Joe Biden in 2023; Hunter Biden's is 2024
  for (const ClaimRecord& c : claims) CHECK(c.date == "2023-05-02");
  REQUIRE(ListClaims(corpus.store.get(), ClaimFilter{"hunter", "", "", ""}, &claims).ok());
  REQUIRE(claims.size() == 1);
  REQUIRE_FALSE(claims[0].topics.empty());
  CHECK(claims[0].topics[0].polarity == "oppose");  // "does not support"
}

}  // namespace
}  // namespace claimgraph
