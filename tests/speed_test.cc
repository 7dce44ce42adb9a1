// The fast paths of the extractor's hot loops give the same results as the
// plain code they replaced: claim lines written into a caller's buffer.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extract/claim.h"
#include "extract/claim_json.h"

namespace claimgraph {
namespace {

// A claim whose every string is `s`, with `topics` topics.
Claim ClaimOf(const std::string& s, size_t topics) {
  Claim c;
  c.id = c.doc = c.text = c.cue = s;
  c.speaker.name = c.speaker.mention = c.speaker.role = c.speaker.affiliation = s;
  c.addressee = c.relayed_by = c.date = s;
  c.span = {4294967295u, 4294967295u};
  for (size_t i = 0; i < topics; ++i) c.topics.push_back(Topic{s, s, s});
  return c;
}

TEST_CASE("WriteClaimJson writes ClaimToJson's bytes within ClaimJsonBound", "[speed][claim_json]") {
  std::string controls, invalid, mixed;
  for (int b = 0; b < 0x20; ++b) controls.push_back(static_cast<char>(b));
  for (int b = 0x80; b < 0x100; ++b) invalid.push_back(static_cast<char>(b));
  for (int b = 0; b < 0x100; ++b) mixed.push_back(static_cast<char>(b));
  const std::vector<std::string> strings = {"", "a", "plain words of text", std::string(1000, '\x01'),
                                            controls, invalid, mixed, "\xE2\x80\x9Cquoted\xE2\x80\x9D \"x\""};
  for (const std::string& s : strings) {
    for (size_t topics : {0, 1, 7}) {
      const Claim c = ClaimOf(s, topics);
      const size_t bound = ClaimJsonBound(c);
      // A canary after the bound: nothing may be written there.
      std::vector<char> buffer(bound + 64, '\x5A');
      char* end = WriteClaimJson(c, buffer.data());
      REQUIRE(end >= buffer.data());
      REQUIRE(static_cast<size_t>(end - buffer.data()) <= bound);
      for (size_t i = bound; i < buffer.size(); ++i) REQUIRE(buffer[i] == '\x5A');
      CHECK(std::string(buffer.data(), end) == ClaimToJson(c));
      std::string appended = "prefix";
      AppendClaimJson(c, &appended);
      CHECK(appended == "prefix" + ClaimToJson(c));
    }
  }
  // The plain case, field by field.
  Claim c = ClaimOf("x", 0);
  c.speaker.role.clear();
  c.speaker.affiliation.clear();
  c.addressee.clear();
  c.relayed_by.clear();
  c.date.clear();
  c.span = {1, 22};
  CHECK(ClaimToJson(c) ==
        "{\"id\":\"x\",\"doc\":\"x\",\"kind\":\"indirect\",\"text\":\"x\",\"span\":[1,22],\"cue\":\"x\","
        "\"speaker\":{\"name\":\"x\",\"mention\":\"x\",\"type\":\"Unknown\"}}");
}

}  // namespace
}  // namespace claimgraph
