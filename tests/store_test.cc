// One contract for every Store implementation: the memory store and the
// RocksDB store must answer the same way.
#include "graph/article_merge.h"
#include "graph/property_codec.h"
#include "graph/store.h"

#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <tuple>

namespace claimgraph {
namespace {

Node MakeNode(std::string id, std::string type, Properties props) {
  return Node{std::move(id), std::move(type), std::move(props)};
}

Edge MakeEdge(std::string src, std::string type, std::string dst, std::string key = "",
              Properties props = {}) {
  return Edge{std::move(src), std::move(type), std::move(dst), std::move(key), std::move(props)};
}

// Article one: Blinken said something reported by Reuters.
ArticleGraph FirstArticle() {
  ArticleGraph g;
  g.article_id = "article:a1";
  g.content_hash = "00000000000000a1";
  g.nodes = {
      MakeNode("person:antony-blinken", "Person",
               {{"name", "Antony Blinken"}, {"aliases", "Antony Blinken\nBlinken"}}),
      MakeNode("article:a1", "Article", {{"title", "One"}, {"date", "2024-03-23"}}),
      MakeNode("claim:a1:10-20", "Claim", {{"text", "we will"}, {"begin", "10"}, {"end", "20"}}),
      MakeNode("organization:reuters", "Organization", {{"name", "Reuters"}}),
      MakeNode("person:joe-biden", "Person", {{"name", "Joe Biden"}}),
  };
  g.edges = {
      MakeEdge("person:antony-blinken", "SAID", "claim:a1:10-20"),
      MakeEdge("claim:a1:10-20", "REPORTED_IN", "article:a1"),
      MakeEdge("article:a1", "PUBLISHED_BY", "organization:reuters"),
      MakeEdge("person:antony-blinken", "AFFILIATED_WITH", "country:united-states", "2024-03-23",
               {{"role", "Secretary of State"}}),
  };
  return g;
}

// Article two: Blinken again (new role, new alias), and Hunter Biden.
ArticleGraph SecondArticle() {
  ArticleGraph g;
  g.article_id = "article:a2";
  g.content_hash = "00000000000000a2";
  g.nodes = {
      MakeNode("person:antony-blinken", "Person",
               {{"name", "Blinken"}, {"aliases", "Tony Blinken"}, {"roles", "diplomat"}}),
      MakeNode("article:a2", "Article", {{"title", "Two"}}),
      MakeNode("claim:a2:1-5", "Claim", {{"text", "no"}}),
      MakeNode("country:united-states", "Country",
               {{"name", "United States"}, {"aliases", "U.S."}}),
      MakeNode("person:hunter-biden", "Person", {{"name", "Hunter Biden"}}),
  };
  g.edges = {
      MakeEdge("person:antony-blinken", "SAID", "claim:a2:1-5"),
      MakeEdge("claim:a2:1-5", "REPORTED_IN", "article:a2"),
      MakeEdge("person:antony-blinken", "AFFILIATED_WITH", "country:united-states", "2024-03-23",
               {{"role", "ignored: the first value stays"}, {"date", "2024-03-23"}}),
      MakeEdge("person:antony-blinken", "AFFILIATED_WITH", "country:united-states", "2024-05-01"),
  };
  return g;
}

std::vector<std::string> NodeIds(Store* store, const std::string& type = "") {
  std::vector<std::string> ids;
  auto it = store->NewNodeIterator(type);
  for (; it->Valid(); it->Next()) ids.push_back(it->node().id);
  INFO(it->status().ToString());
  REQUIRE(it->status().ok());
  return ids;
}

std::vector<std::string> EdgeStrings(std::unique_ptr<EdgeIterator> it) {
  std::vector<std::string> out;
  for (; it->Valid(); it->Next()) {
    const Edge& e = it->edge();
    out.push_back(e.src + " " + e.type + " " + e.dst + (e.key.empty() ? "" : " " + e.key));
  }
  REQUIRE(it->status().ok());
  return out;
}

// The contract. `store` is empty on entry.
void CheckStoreContract(Store* store) {
  bool added = false;
  REQUIRE(store->WriteArticle(FirstArticle(), &added).ok());
  CHECK(added);

  Node node;
  REQUIRE(store->GetNode("person:antony-blinken", &node).ok());
  CHECK(node.type == "Person");
  CHECK(node.props.at("name") == "Antony Blinken");
  CHECK(store->GetNode("person:nobody", &node).code() == Status::Code::kNotFound);

  // Same content hash: skipped, even though the graph differs.
  ArticleGraph again = FirstArticle();
  again.nodes.push_back(MakeNode("topic:extra", "Topic", {{"name", "extra"}}));
  REQUIRE(store->WriteArticle(again, &added).ok());
  CHECK_FALSE(added);
  CHECK(store->GetNode("topic:extra", &node).code() == Status::Code::kNotFound);

  REQUIRE(store->WriteArticle(SecondArticle(), &added).ok());
  CHECK(added);

  // Merge: first scalar wins, lists union.
  REQUIRE(store->GetNode("person:antony-blinken", &node).ok());
  CHECK(node.props.at("name") == "Antony Blinken");
  CHECK(node.props.at("aliases") == "Antony Blinken\nBlinken\nTony Blinken");
  CHECK(node.props.at("roles") == "diplomat");

  // Iteration order and the type filter.
  CHECK(NodeIds(store) == std::vector<std::string>{"article:a1", "article:a2", "claim:a1:10-20",
                                                   "claim:a2:1-5", "country:united-states",
                                                   "organization:reuters", "person:antony-blinken",
                                                   "person:hunter-biden", "person:joe-biden"});
  CHECK(NodeIds(store, "Person") == std::vector<std::string>{"person:antony-blinken",
                                                             "person:hunter-biden",
                                                             "person:joe-biden"});
  CHECK(NodeIds(store, "Topic").empty());
  {
    auto it = store->NewNodeIterator("Claim");
    REQUIRE(it->Valid());
    CHECK(it->node().type == "Claim");
    CHECK(it->node().props.at("begin") == "10");
  }

  CHECK(EdgeStrings(store->NewEdgeIterator()) ==
        std::vector<std::string>{
            "article:a1 PUBLISHED_BY organization:reuters",
            "claim:a1:10-20 REPORTED_IN article:a1",
            "claim:a2:1-5 REPORTED_IN article:a2",
            "person:antony-blinken AFFILIATED_WITH country:united-states 2024-03-23",
            "person:antony-blinken AFFILIATED_WITH country:united-states 2024-05-01",
            "person:antony-blinken SAID claim:a1:10-20",
            "person:antony-blinken SAID claim:a2:1-5",
        });
  {
    auto it = store->NewOutEdgeIterator("person:antony-blinken");
    REQUIRE(it->Valid());
    CHECK(it->edge().props.at("role") == "Secretary of State");  // edge props merged
    CHECK(it->edge().props.at("date") == "2024-03-23");
  }
  CHECK(EdgeStrings(store->NewOutEdgeIterator("person:antony-blinken")).size() == 4);
  CHECK(EdgeStrings(store->NewOutEdgeIterator("person:antony")).empty());  // no prefix leak
  CHECK(EdgeStrings(store->NewInEdgeIterator("country:united-states")) ==
        std::vector<std::string>{
            "person:antony-blinken AFFILIATED_WITH country:united-states 2024-03-23",
            "person:antony-blinken AFFILIATED_WITH country:united-states 2024-05-01",
        });
  CHECK(EdgeStrings(store->NewInEdgeIterator("article:a1")) ==
        std::vector<std::string>{"claim:a1:10-20 REPORTED_IN article:a1"});
  CHECK(EdgeStrings(store->NewInEdgeIterator("nothing")).empty());
  {  // The in-edge index: every edge, in (dst, type, src, key) order, no properties.
    std::vector<Edge> expected, scanned;
    for (auto it = store->NewEdgeIterator(); it->Valid(); it->Next()) expected.push_back(it->edge());
    std::sort(expected.begin(), expected.end(), [](const Edge& a, const Edge& b) {
      return std::tie(a.dst, a.type, a.src, a.key) < std::tie(b.dst, b.type, b.src, b.key);
    });
    auto it = store->NewInEdgeKeyScan();
    for (; it->Valid(); it->Next()) scanned.push_back(it->edge());
    REQUIRE(it->status().ok());
    REQUIRE(scanned.size() == expected.size());
    for (size_t i = 0; i < scanned.size(); ++i) {
      CHECK(std::tie(scanned[i].dst, scanned[i].type, scanned[i].src, scanned[i].key) ==
            std::tie(expected[i].dst, expected[i].type, expected[i].src, expected[i].key));
      CHECK(scanned[i].props.empty());
    }
  }

  std::map<std::string, uint64_t> nodes, edges;
  REQUIRE(store->CountByType(&nodes, &edges).ok());
  CHECK(nodes ==
        std::map<std::string, uint64_t>{
            {"Article", 2}, {"Claim", 2}, {"Country", 1}, {"Organization", 1}, {"Person", 3}});
  CHECK(edges == std::map<std::string, uint64_t>{
                     {"AFFILIATED_WITH", 2}, {"PUBLISHED_BY", 1}, {"REPORTED_IN", 2}, {"SAID", 2}});

  // Name index: names, aliases, surnames; ambiguous surnames are NotFound.
  std::string id;
  REQUIRE(store->LookupName("antony blinken", &id).ok());
  CHECK(id == "person:antony-blinken");
  REQUIRE(store->LookupName("blinken", &id).ok());
  CHECK(id == "person:antony-blinken");
  REQUIRE(store->LookupName("tony blinken", &id).ok());
  CHECK(id == "person:antony-blinken");
  REQUIRE(store->LookupName("us", &id).ok());
  CHECK(id == "country:united-states");
  REQUIRE(store->LookupName("joe biden", &id).ok());
  CHECK(id == "person:joe-biden");
  CHECK(store->LookupName("biden", &id).code() == Status::Code::kNotFound);  // two Bidens
  CHECK(store->LookupName("one", &id).code() == Status::Code::kNotFound);    // not an entity
}

TEST_CASE("memory store meets the store contract", "[store]") {
  std::unique_ptr<Store> store = NewMemoryStore();
  CheckStoreContract(store.get());
}

}  // namespace
}  // namespace claimgraph

namespace claimgraph {
namespace {

// A fresh directory under the system temp dir, removed at scope exit.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("claimgraph-store-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string path(const std::string& sub = "") const { return (path_ / sub).string(); }

 private:
  std::filesystem::path path_;
};

TEST_CASE("RocksDB store meets the store contract and persists", "[store][rocksdb]") {
  TempDir tmp;
  const std::string dir = tmp.path("db");
  {
    std::unique_ptr<Store> store;
    Status s = OpenRocksStore(dir, StoreOptions(), &store);
    REQUIRE(s.ok());
    CheckStoreContract(store.get());
  }
  // Reopen: everything is still there and the content hash still skips.
  std::unique_ptr<Store> store;
  REQUIRE(OpenRocksStore(dir, StoreOptions(), &store).ok());
  Node node;
  REQUIRE(store->GetNode("person:antony-blinken", &node).ok());
  CHECK(node.props.at("aliases") == "Antony Blinken\nBlinken\nTony Blinken");
  bool added = true;
  REQUIRE(store->WriteArticle(FirstArticle(), &added).ok());
  CHECK_FALSE(added);
  std::string id;
  REQUIRE(store->LookupName("blinken", &id).ok());
  CHECK(id == "person:antony-blinken");
}

TEST_CASE("RocksDB store with grouped commits meets the contract", "[store][rocksdb]") {
  // 2: the second article starts a commit on the committer thread and the
  // reads that follow see it in flight; 512: everything stays pending until
  // a scan commits it.
  for (size_t group : {size_t{2}, size_t{512}}) {
    INFO("group_articles " << group);
    TempDir tmp;
    const std::string dir = tmp.path("db");
    StoreOptions options;
    options.group_articles = group;
    {
      std::unique_ptr<Store> store;
      REQUIRE(OpenRocksStore(dir, options, &store).ok());
      CheckStoreContract(store.get());
      REQUIRE(store->Flush().ok());
    }
    // A later grouped session merges with what the first one stored (no
    // session filter, nothing cached yet) and its reads see its own pending
    // writes before they are committed.
    std::unique_ptr<Store> store;
    REQUIRE(OpenRocksStore(dir, options, &store).ok());
    ArticleGraph third;
    third.article_id = "article:a3";
    third.content_hash = "00000000000000a3";
    third.nodes = {MakeNode("person:antony-blinken", "Person", {{"aliases", "A. Blinken"}}),
                   MakeNode("article:a3", "Article", {{"title", "Three"}})};
    bool added = false;
    REQUIRE(store->WriteArticle(third, &added).ok());
    CHECK(added);
    Node node;
    REQUIRE(store->GetNode("person:antony-blinken", &node).ok());
    CHECK(node.props.at("name") == "Antony Blinken");
    CHECK(node.props.at("aliases") == "A. Blinken\nAntony Blinken\nBlinken\nTony Blinken");
    std::string id;
    REQUIRE(store->LookupName("a blinken", &id).ok());
    CHECK(id == "person:antony-blinken");
    REQUIRE(store->WriteArticle(SecondArticle(), &added).ok());
    CHECK_FALSE(added);
    REQUIRE(store->Flush().ok());

    StoreOptions ro;
    ro.read_only = true;
    std::unique_ptr<Store> reader;
    REQUIRE(OpenRocksStore(dir, ro, &reader).ok());
    REQUIRE(reader->GetNode("article:a3", &node).ok());
    REQUIRE(reader->GetNode("person:antony-blinken", &node).ok());
    CHECK(node.props.at("aliases") == "A. Blinken\nAntony Blinken\nBlinken\nTony Blinken");
  }
}

TEST_CASE("ArticleScope owns the article's claims and their edges, not the article node",
          "[store]") {
  ArticleScope scope("article:a1");
  CHECK(scope.OwnsNode("claim:a1:10-20"));
  CHECK_FALSE(scope.OwnsNode("article:a1"));
  CHECK_FALSE(scope.OwnsNode("claim:a10:1-2"));
  CHECK_FALSE(scope.OwnsNode("person:antony-blinken"));
  CHECK(scope.OwnsEdge(MakeEdge("person:x", "SAID", "claim:a1:10-20")));
  CHECK(scope.OwnsEdge(MakeEdge("article:a1", "PUBLISHED_BY", "organization:reuters")));
  CHECK(scope.OwnsEdge(MakeEdge("person:x", "STANCE", "topic:t", "claim:a1:10-20")));
  CHECK_FALSE(scope.OwnsEdge(MakeEdge("person:x", "AFFILIATED_WITH", "country:y", "2024-03-23")));
  CHECK_FALSE(ArticleScope("a1").OwnsNode("claim:a1:10-20"));
  CHECK_FALSE(ArticleScope().OwnsEdge(MakeEdge("claim:a1:1-2", "REPORTED_IN", "article:a1")));
}

TEST_CASE("RocksDB store merges a changed article into its stored claims and edges",
          "[store][rocksdb]") {
  // The changed article (same id, new content hash) owns keys the store
  // has: they are read (not through the session filter, which leaves them
  // out) and merged, in a store created here and in a reopened one.
  for (size_t group : {size_t{1}, size_t{512}}) {
    for (bool reopen : {false, true}) {
      INFO("group_articles " << group << ", reopen " << reopen);
      TempDir tmp;
      const std::string dir = tmp.path("db");
      StoreOptions options;
      options.group_articles = group;
      std::unique_ptr<Store> store;
      REQUIRE(OpenRocksStore(dir, options, &store).ok());
      bool added = false;
      REQUIRE(store->WriteArticle(FirstArticle(), &added).ok());
      if (reopen) {
        store.reset();
        REQUIRE(OpenRocksStore(dir, options, &store).ok());
      }
      Node node;
      REQUIRE(store->GetNode("claim:a1:10-20", &node).ok());
      CHECK(node.props.at("text") == "we will");

      ArticleGraph changed = FirstArticle();
      changed.content_hash = "00000000000000b1";
      for (Node& n : changed.nodes) {
        if (n.id == "claim:a1:10-20") n.props = {{"text", "ignored"}, {"cue", "said"}};
      }
      changed.edges.push_back(MakeEdge("claim:a1:10-20", "ABOUT", "topic:t", "", {{"polarity", "pro"}}));
      changed.edges[1].props = {{"note", "added"}};  // claim REPORTED_IN article
      REQUIRE(store->WriteArticle(changed, &added).ok());
      CHECK(added);
      REQUIRE(store->Flush().ok());
      REQUIRE(store->GetNode("claim:a1:10-20", &node).ok());
      CHECK(node.props.at("text") == "we will");
      CHECK(node.props.at("cue") == "said");
      CHECK(EdgeStrings(store->NewOutEdgeIterator("claim:a1:10-20")) ==
            std::vector<std::string>{"claim:a1:10-20 ABOUT topic:t",
                                     "claim:a1:10-20 REPORTED_IN article:a1"});
      auto it = store->NewOutEdgeIterator("claim:a1:10-20");
      REQUIRE(it->Valid());
      it->Next();
      REQUIRE(it->Valid());
      CHECK(it->edge().props.at("note") == "added");
    }
  }
}

TEST_CASE("RocksDB store: readers work beside one writer, a second writer is refused",
          "[store][rocksdb]") {
  TempDir tmp;
  const std::string dir = tmp.path("db");
  std::unique_ptr<Store> writer;
  REQUIRE(OpenRocksStore(dir, StoreOptions(), &writer).ok());
  bool added = false;
  REQUIRE(writer->WriteArticle(FirstArticle(), &added).ok());

  std::unique_ptr<Store> second;
  Status s = OpenRocksStore(dir, StoreOptions(), &second);
  CHECK(s.code() == Status::Code::kStorage);
  CHECK(s.message().find("in use by another writer") != std::string::npos);

  StoreOptions ro;
  ro.read_only = true;
  std::unique_ptr<Store> reader;
  s = OpenRocksStore(dir, ro, &reader);
  REQUIRE(s.ok());
  Node node;
  REQUIRE(reader->GetNode("person:antony-blinken", &node).ok());
  CHECK(NodeIds(reader.get(), "Person") ==
        std::vector<std::string>{"person:antony-blinken", "person:joe-biden"});
  CHECK(reader->WriteArticle(SecondArticle(), &added).code() == Status::Code::kUsage);

  // An iterator keeps reading its snapshot while the writer adds more.
  auto it = writer->NewNodeIterator("Person");
  REQUIRE(writer->WriteArticle(SecondArticle(), &added).ok());
  size_t seen = 0;
  for (; it->Valid(); it->Next()) ++seen;
  CHECK(seen == 2);
  CHECK(NodeIds(writer.get(), "Person").size() == 3);
}

TEST_CASE("RocksDB store refuses files and foreign directories", "[store][rocksdb]") {
  TempDir tmp;
  std::unique_ptr<Store> store;

  const std::string file = tmp.path("plain.txt");
  std::ofstream(file) << "not a store\n";
  Status s = OpenRocksStore(file, StoreOptions(), &store);
  CHECK(s.code() == Status::Code::kUsage);
  CHECK(s.message().find("is a file, not a store directory") != std::string::npos);

  const std::string foreign = tmp.path("foreign");
  std::filesystem::create_directories(foreign);
  std::ofstream(foreign + "/notes.txt") << "hello\n";
  s = OpenRocksStore(foreign, StoreOptions(), &store);
  CHECK(s.code() == Status::Code::kUsage);
  CHECK(s.message().find("not a claimgraph store") != std::string::npos);

  StoreOptions ro;
  ro.read_only = true;
  s = OpenRocksStore(tmp.path("missing"), ro, &store);
  CHECK(s.code() == Status::Code::kUsage);
  CHECK_FALSE(std::filesystem::exists(tmp.path("missing")));
}

}  // namespace
}  // namespace claimgraph

namespace claimgraph {
namespace {

TEST_CASE("property encoding round-trips and rejects truncated values", "[store]") {
  Node node{"person:x", "Person", {{"aliases", "A\nB"}, {"name", std::string(300, 'n')}, {"e", ""}}};
  std::string bytes = EncodeNodeValue(node);
  Node back;
  REQUIRE(DecodeNodeValue(bytes, &back));
  CHECK(back.type == "Person");
  CHECK(back.props == node.props);
  CHECK(EncodeNodeValue(back) == bytes);  // deterministic
  for (size_t cut = 0; cut < bytes.size(); ++cut) {
    CHECK_FALSE(DecodeNodeValue(bytes.substr(0, cut), &back));
  }
  CHECK_FALSE(DecodeNodeValue(bytes + "x", &back));

  std::string v;
  PutVarint(300, &v);
  CHECK(v == "\xac\x02");
  std::string_view in = v;
  uint64_t x = 0;
  REQUIRE(GetVarint(&in, &x));
  CHECK(x == 300);
  CHECK(in.empty());
}

}  // namespace
}  // namespace claimgraph
