// Claim lines: names of kinds and entity types, JSON string escaping and the
// layout of one claim line.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>

#include "extract/claim.h"
#include "extract/claim_json.h"

namespace claimgraph {
namespace {

std::string Quote(std::string_view s) {
  std::string out;
  AppendJsonString(s, &out);
  return out;
}

const std::string kFFFD = "\xEF\xBF\xBD";

TEST_CASE("claim kind names round-trip", "[claim]") {
  for (ClaimKind k : {ClaimKind::kDirect, ClaimKind::kIndirect, ClaimKind::kPartial,
                      ClaimKind::kAccordingTo}) {
    ClaimKind parsed = ClaimKind::kDirect;
    REQUIRE(ParseClaimKind(ClaimKindName(k), &parsed));
    CHECK(parsed == k);
  }
  CHECK(std::string(ClaimKindName(ClaimKind::kAccordingTo)) == "according_to");
  ClaimKind unused;
  CHECK_FALSE(ParseClaimKind("Direct", &unused));
  CHECK_FALSE(ParseClaimKind("", &unused));
}

TEST_CASE("entity type names round-trip", "[claim]") {
  for (EntityType t : {EntityType::kPerson, EntityType::kOrganization, EntityType::kCountry,
                       EntityType::kGroup, EntityType::kUnknown}) {
    EntityType parsed = EntityType::kUnknown;
    REQUIRE(ParseEntityType(EntityTypeName(t), &parsed));
    CHECK(parsed == t);
  }
  CHECK(std::string(EntityTypeName(EntityType::kOrganization)) == "Organization");
  EntityType unused;
  CHECK_FALSE(ParseEntityType("person", &unused));
}

TEST_CASE("AppendJsonString escapes quotes, backslashes and control characters", "[claim_json]") {
  CHECK(Quote("") == "\"\"");
  CHECK(Quote("plain text") == "\"plain text\"");
  CHECK(Quote("say \"no\"") == "\"say \\\"no\\\"\"");
  CHECK(Quote("a\\b") == "\"a\\\\b\"");
  CHECK(Quote("l1\nl2\r\t") == "\"l1\\nl2\\r\\t\"");
  CHECK(Quote(std::string("\x01\x1f\b\f", 4)) == "\"\\u0001\\u001f\\b\\f\"");
  CHECK(Quote(std::string("nul\0end", 7)) == "\"nul\\u0000end\"");
  CHECK(Quote("/ and \x7f stay") == "\"/ and \x7f stay\"");
  // Appends, does not replace.
  std::string out = "x";
  AppendJsonString("y", &out);
  CHECK(out == "x\"y\"");
}

TEST_CASE("AppendJsonString finds every special byte wherever it sits", "[claim_json]") {
  // Strings of 1..24 bytes with one or two special bytes at every pair of
  // positions, around neighbours that a word-at-a-time scan could mistake
  // for special ('#' is '"' + 1, ']' is '\\' + 1, ' ' is 0x1f + 1).
  const auto reference = [](std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
      if (c == '"') out += "\\\"";
      else if (c == '\\') out += "\\\\";
      else if (c == '\n') out += "\\n";
      else if (c == '\x01') out += "\\u0001";
      else out += c;
    }
    return out + "\"";
  };
  const std::string specials = "\"\\\n\x01";
  for (size_t n = 1; n <= 24; ++n) {
    for (size_t p = 0; p < n; ++p) {
      for (size_t q = p; q < n; ++q) {
        for (size_t shift = 0; shift < 4; ++shift) {
          for (char a : specials) {
            std::string s(n, '#');
            for (size_t k = 0; k < n; ++k) s[k] = "#] x"[(k + shift) % 4];
            s[p] = a;
            s[q] = specials[(q * 7 + p + shift) % specials.size()];
            INFO("n=" << n << " p=" << p << " q=" << q << " shift=" << shift);
            REQUIRE(Quote(s) == reference(s));
          }
        }
      }
    }
  }
  // The scan restarts after an escaped quote, which must not mark the '#'
  // after it, and after a multi-byte character.
  CHECK(Quote("abcdefghij\"#") == "\"abcdefghij\\\"#\"");
  CHECK(Quote("\xE2\x80\x99\"#abcdefgh\"#") == "\"\xE2\x80\x99\\\"#abcdefgh\\\"#\"");
}

TEST_CASE("AppendJsonString keeps valid UTF-8 as it is", "[claim_json]") {
  const std::string text = "\xE2\x80\x9CWe will not\xE2\x80\x9D, \xC3\xA9t\xC3\xA9 \xE3\x80\x8C\xE5\xA5\xBD\xE3\x80\x8D \xF0\x9F\x98\x80";
  CHECK(Quote(text) == "\"" + text + "\"");
  CHECK(nlohmann::json::parse(Quote(text)).get<std::string>() == text);
}

TEST_CASE("AppendJsonString replaces invalid UTF-8 with U+FFFD", "[claim_json]") {
  CHECK(Quote("a\xFF" "b") == "\"a" + kFFFD + "b\"");
  CHECK(Quote("\x80") == "\"" + kFFFD + "\"");            // lone continuation byte
  CHECK(Quote("\xC0\x80") == "\"" + kFFFD + kFFFD + "\"");  // overlong NUL
  CHECK(Quote("\xE2\x82") == "\"" + kFFFD + "\"");           // truncated at the end
  CHECK(Quote("\xE2\x82x") == "\"" + kFFFD + "x\"");         // truncated before ASCII
  // A UTF-16 surrogate encoded in UTF-8 is ill-formed: ED, A0, 80 each.
  CHECK(Quote("\xED\xA0\x80") == "\"" + kFFFD + kFFFD + kFFFD + "\"");
  CHECK(Quote("\xF4\x90\x80\x80") == "\"" + kFFFD + kFFFD + kFFFD + kFFFD + "\"");
  // Whatever the input, the output parses as JSON.
  std::string junk;
  for (int b = 0; b < 256; ++b) junk.push_back(static_cast<char>(b));
  CHECK_NOTHROW(nlohmann::json::parse(Quote(junk)));
}

Claim SampleClaim() {
  Claim c;
  c.id = "claim:a.txt:10-42";
  c.doc = "a.txt";
  c.kind = ClaimKind::kDirect;
  c.text = "We will \"never\" agree";
  c.span = {10, 42};
  c.cue = "said";
  c.speaker.name = "Ana Lopes";
  c.speaker.mention = "She";
  c.speaker.type = EntityType::kPerson;
  return c;
}

TEST_CASE("ClaimToJson writes the required fields in a fixed order", "[claim_json]") {
  const std::string line = ClaimToJson(SampleClaim());
  CHECK(line ==
        "{\"id\":\"claim:a.txt:10-42\",\"doc\":\"a.txt\",\"kind\":\"direct\","
        "\"text\":\"We will \\\"never\\\" agree\",\"span\":[10,42],\"cue\":\"said\","
        "\"speaker\":{\"name\":\"Ana Lopes\",\"mention\":\"She\",\"type\":\"Person\"}}");
  CHECK(line.find('\n') == std::string::npos);
}

TEST_CASE("ClaimToJson adds optional fields only when known", "[claim_json]") {
  Claim c = SampleClaim();
  c.kind = ClaimKind::kAccordingTo;
  c.speaker.role = "Foreign Minister";
  c.speaker.affiliation = "Portugal";
  c.addressee = "European Commission";
  c.relayed_by = "Reuters";
  c.date = "2024-05-02";
  c.topics.push_back({"tariffs", "new tariffs", "oppose"});
  c.topics.push_back({"trade deal", "the trade deal", "support"});
  const auto j = nlohmann::json::parse(ClaimToJson(c));
  CHECK(j["kind"] == "according_to");
  CHECK(j["span"] == nlohmann::json::array({10, 42}));
  CHECK(j["speaker"]["role"] == "Foreign Minister");
  CHECK(j["speaker"]["affiliation"] == "Portugal");
  CHECK(j["addressee"] == "European Commission");
  CHECK(j["relayed_by"] == "Reuters");
  CHECK(j["date"] == "2024-05-02");
  REQUIRE(j["topics"].size() == 2);
  CHECK(j["topics"][1]["name"] == "trade deal");
  CHECK(j["topics"][1]["label"] == "the trade deal");
  CHECK(j["topics"][0]["polarity"] == "oppose");

  const auto bare = nlohmann::json::parse(ClaimToJson(SampleClaim()));
  for (const char* key : {"addressee", "relayed_by", "date", "topics"}) {
    CHECK_FALSE(bare.contains(key));
  }
  CHECK_FALSE(bare["speaker"].contains("role"));
}

TEST_CASE("AppendClaimJson appends the bytes of ClaimToJson", "[claim_json]") {
  Claim c = SampleClaim();
  c.topics.push_back(Topic{"trade deal", "the \"trade\" deal", "support"});
  c.addressee = "European Commission";
  std::string out = "prefix\n";
  AppendClaimJson(c, &out);
  AppendClaimJson(SampleClaim(), &out);
  CHECK(out == "prefix\n" + ClaimToJson(c) + ClaimToJson(SampleClaim()));
}

}  // namespace
}  // namespace claimgraph
