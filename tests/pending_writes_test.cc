// The RocksDB store's in-memory write side: the written-values cache keeps
// what it is given within its byte budget, and forgets everything (never
// answers wrongly) past it.
#include "graph/pending_writes.h"

#include <catch2/catch.hpp>
#include <map>
#include <string>

namespace claimgraph {
namespace {

std::string Value(const WrittenCache& cache, size_t family, const std::string& key) {
  std::string_view v;
  return cache.Find(family, key, &v) ? std::string(v) : std::string("<none>");
}

TEST_CASE("WrittenCache finds what was put, per family", "[pending_writes]") {
  WrittenCache cache(3, 1 << 20);
  cache.Put(1, "person:a", "alpha");
  cache.Put(2, "person:a", "other family");
  cache.Put(1, "", "empty key");
  cache.Put(1, "topic:b", "");
  CHECK(Value(cache, 1, "person:a") == "alpha");
  CHECK(Value(cache, 2, "person:a") == "other family");
  CHECK(Value(cache, 0, "person:a") == "<none>");
  CHECK(Value(cache, 1, "") == "empty key");
  CHECK(Value(cache, 1, "topic:b").empty());
  CHECK(Value(cache, 1, "topic:c") == "<none>");
}

TEST_CASE("WrittenCache replaces values, shorter in place and longer anew", "[pending_writes]") {
  WrittenCache cache(1, 1 << 20);
  cache.Put(0, "k", "a fairly long value");
  const size_t bytes = cache.bytes();
  cache.Put(0, "k", "short");
  CHECK(Value(cache, 0, "k") == "short");
  CHECK(cache.bytes() == bytes);  // rewritten in its record
  cache.Put(0, "k", std::string(300, 'x'));
  CHECK(Value(cache, 0, "k") == std::string(300, 'x'));
  cache.Put(0, "k", std::string("with\0nul", 8));
  CHECK(Value(cache, 0, "k") == std::string("with\0nul", 8));
}

TEST_CASE("WrittenCache matches a model across index growth and budget clears", "[pending_writes]") {
  // A budget of a few blocks: the cache clears itself several times over.
  const size_t budget = 3u << 20;
  WrittenCache cache(2, budget);
  std::map<std::pair<size_t, std::string>, std::string> model;
  for (int i = 0; i < 200000; ++i) {
    const size_t family = i % 2;
    const std::string key = "key:" + std::to_string(i % 70000);
    const std::string value = std::string(i % 37, 'v') + std::to_string(i);
    cache.Put(family, key, value);
    model[{family, key}] = value;
    CHECK(cache.bytes() <= budget);
  }
  size_t found = 0;
  for (const auto& [fk, value] : model) {
    std::string_view v;
    if (cache.Find(fk.first, fk.second, &v)) {
      ++found;
      REQUIRE(std::string(v) == value);  // never stale
    }
  }
  CHECK(found > 0);
  cache.Clear();
  CHECK(Value(cache, 0, "key:1") == "<none>");
}

TEST_CASE("WrittenCache keeps a record larger than a block, within the budget", "[pending_writes]") {
  WrittenCache cache(1, 8u << 20);
  const std::string big(3u << 20, 'b');
  cache.Put(0, "big", big);
  cache.Put(0, "small", "s");
  CHECK(Value(cache, 0, "big") == big);
  CHECK(Value(cache, 0, "small") == "s");
  WrittenCache tiny(1, 1u << 20);
  tiny.Put(0, "big", big);  // larger than the whole budget: not kept
  CHECK(Value(tiny, 0, "big") == "<none>");
  CHECK(tiny.bytes() <= (1u << 20));
}

}  // namespace
}  // namespace claimgraph
