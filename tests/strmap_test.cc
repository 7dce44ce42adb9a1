// StringMap / StringSet (extract/strmap.h): lookups by string_view, insertion
// order, growth, and the filter that turns absent keys away.
#include <catch2/catch.hpp>
#include <string>
#include <string_view>

#include "extract/strmap.h"

namespace claimgraph {
namespace {

TEST_CASE("SameBytes tells every differing byte, at every size and position", "[strmap]") {
  for (size_t n = 0; n <= 40; ++n) {
    std::string a;
    for (size_t i = 0; i < n; ++i) a.push_back(static_cast<char>('a' + i % 26));
    CHECK(SameBytes(a, std::string(a)));
    CHECK_FALSE(SameBytes(a, a + "x"));
    for (size_t i = 0; i < n; ++i) {
      std::string b = a;
      b[i] = static_cast<char>(b[i] ^ 0x80);
      INFO("size " << n << ", byte " << i);
      CHECK_FALSE(SameBytes(a, b));
      CHECK_FALSE(SameBytes(b, a));
    }
  }
}

TEST_CASE("StringMap finds what was inserted and nothing else", "[strmap]") {
  StringMap<int> map;
  CHECK(map.find("absent") == map.end());
  CHECK(map.count("") == 0);
  for (int i = 0; i < 5000; ++i) map["word" + std::to_string(i)] = i;
  CHECK(map.size() == 5000);
  for (int i = 0; i < 5000; ++i) {
    const std::string key = "word" + std::to_string(i);
    auto it = map.find(std::string_view(key));
    REQUIRE(it != map.end());
    CHECK(it->first == key);
    CHECK(it->second == i);
  }
  for (int i = 5000; i < 6000; ++i) CHECK(map.count("word" + std::to_string(i)) == 0);
  CHECK(map.count("word") == 0);
  map["word7"] += 10;  // an existing key is not added again
  CHECK(map.size() == 5000);
  CHECK(map.find("word7")->second == 17);
  CHECK_FALSE(map.emplace("word7", 0));
  CHECK(map.emplace("", -1));
  CHECK(map.find("")->second == -1);
  int expected = 0;  // iteration follows insertion order
  for (const auto& [key, value] : map) {
    if (expected < 5000) CHECK(key == "word" + std::to_string(expected));
    ++expected;
  }
  CHECK(expected == 5001);
}

TEST_CASE("StringSet holds multi-byte keys", "[strmap]") {
  StringSet set;
  CHECK(set.insert("caf\xC3\xA9"));
  CHECK(set.insert("u.s."));
  CHECK_FALSE(set.insert("u.s."));
  CHECK(set.count("caf\xC3\xA9") == 1);
  CHECK(set.count("cafe") == 0);
  CHECK(set.count("u.s") == 0);
  CHECK(set.size() == 2);
}

}  // namespace
}  // namespace claimgraph

namespace claimgraph {
namespace {

TEST_CASE("StringMap has the lookups of a std::unordered_map that callers use", "[strmap]") {
  StringMap<std::string> map;
  map["us"] = "United States";
  CHECK(map.contains("us"));
  CHECK_FALSE(map.contains("uk"));
  CHECK(map.at("us") == "United States");
  StringSet set;
  set.insert("union");
  CHECK(set.contains("union"));
  CHECK_FALSE(set.contains("unions"));
}

TEST_CASE("StringHash reads every byte of a key's tail", "[strmap]") {
  // Keys of 1..23 bytes that differ in one byte only, at each position: the
  // tail after the last whole 8 bytes is read with overlapping loads.
  const StringHash hash;
  for (size_t n = 1; n <= 23; ++n) {
    const std::string base(n, 'a');
    for (size_t i = 0; i < n; ++i) {
      std::string other = base;
      other[i] = 'b';
      CHECK(hash(other) != hash(base));
      CHECK(hash(std::string_view(other)) == hash(other));
    }
    CHECK(hash(base) != hash(std::string(n + 1, 'a')));
  }
  // The same bytes hash alike wherever they sit in memory.
  const std::string text = "xxwordxx";
  CHECK(hash(std::string_view(text).substr(2, 4)) == hash("word"));
}

}  // namespace
}  // namespace claimgraph
