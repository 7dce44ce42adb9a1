#include "graph/model.h"

#include <catch2/catch.hpp>

namespace claimgraph {
namespace {

bool IsNmtoken(const std::string& s) {
  if (s.empty()) return false;
  for (unsigned char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '-' || c == '_' || c == ':';
    if (!ok) return false;
  }
  return true;
}

TEST_CASE("Slug lower-cases ASCII and joins words with one dash", "[model]") {
  CHECK(Slug("Antony Blinken") == "antony-blinken");
  CHECK(Slug("  U.S. Secretary of State  ") == "u-s-secretary-of-state");
  CHECK(Slug("Reuters") == "reuters");
  CHECK(Slug("palestinian state") == "palestinian-state");
  CHECK(Slug("--a__b!!c--") == "a-b-c");
}

TEST_CASE("Slug keeps non-ASCII names distinct with a hash suffix", "[model]") {
  std::string a = Slug("Zelenskyy");
  std::string b = Slug("Zelens\xCA\xB9kyj");                     // modifier letter prime
  std::string c = Slug("\xE7\x8E\x8B\xE6\xAF\x85");              // Wang Yi in Chinese characters
  std::string d = Slug("\xE4\xB9\xA0\xE8\xBF\x91\xE5\xB9\xB3");  // Xi Jinping
  CHECK(a == "zelenskyy");
  CHECK(b.rfind("zelens-kyj-", 0) == 0);
  CHECK(b.size() == std::string("zelens-kyj-").size() + 8);
  CHECK(c.size() == 8);
  CHECK(c != d);
  CHECK(Slug("\xE7\x8E\x8B\xE6\xAF\x85") == c);  // stable
  for (const std::string& s : {a, b, c, d, Slug(""), Slug("!!!"), Slug("\xC3\xA9")}) {
    CHECK(IsNmtoken(s));
  }
  CHECK(Slug("") != Slug("!!!"));
}

TEST_CASE("KindOfProperty types the known property names", "[model]") {
  CHECK(KindOfProperty("begin") == PropertyKind::kInt);
  CHECK(KindOfProperty("end") == PropertyKind::kInt);
  CHECK(KindOfProperty("claims") == PropertyKind::kInt);
  CHECK(KindOfProperty("weight") == PropertyKind::kInt);
  CHECK(KindOfProperty("confidence") == PropertyKind::kDouble);
  CHECK(KindOfProperty("aliases") == PropertyKind::kList);
  CHECK(KindOfProperty("roles") == PropertyKind::kList);
  CHECK(KindOfProperty("name") == PropertyKind::kString);
  CHECK(KindOfProperty("") == PropertyKind::kString);
}

TEST_CASE("SplitList and JoinList sort, deduplicate and drop empties", "[model]") {
  CHECK(JoinList({"b", "a", "b", ""}) == "a\nb");
  CHECK(JoinList({}) == "");
  CHECK(SplitList("a\nb") == std::vector<std::string>{"a", "b"});
  CHECK(SplitList("") == std::vector<std::string>{});
  CHECK(SplitList("\na\n\n") == std::vector<std::string>{"a"});
}

TEST_CASE("MergeProperties unions lists and keeps existing scalars", "[model]") {
  Properties existing = {{"name", "Antony Blinken"}, {"aliases", "Blinken"}, {"role", ""}};
  Properties incoming = {{"name", "Blinken"},
                         {"aliases", "Antony Blinken\nBlinken"},
                         {"role", "Secretary of State"},
                         {"affiliation", "United States"}};
  MergeProperties(incoming, &existing);
  CHECK(existing["name"] == "Antony Blinken");
  CHECK(existing["aliases"] == "Antony Blinken\nBlinken");
  CHECK(existing["role"] == "Secretary of State");
  CHECK(existing["affiliation"] == "United States");

  Properties once = existing;
  MergeProperties(incoming, &existing);
  MergeProperties(incoming, &existing);
  CHECK(existing == once);  // idempotent

  Properties fresh;
  MergeProperties({{"roles", "b\na\nb"}}, &fresh);
  CHECK(fresh["roles"] == "a\nb");
}

TEST_CASE("NormalizeName folds case, punctuation and space", "[model]") {
  CHECK(NormalizeName("Antony  Blinken") == "antony blinken");
  CHECK(NormalizeName("U.S.") == "us");
  CHECK(NormalizeName(" O'Brien, Jr. ") == "obrien jr");
  CHECK(NormalizeName("O\xE2\x80\x99"
                      "Brien") == "obrien");
  CHECK(NormalizeName("Jean-Yves Le Drian") == "jean yves le drian");
  CHECK(NormalizeName("\xC3\x89mile") == "\xC3\x89mile");
}

}  // namespace
}  // namespace claimgraph
