// The fast paths of the extractor's hot loops give the same results as the
// plain code they replaced: claim lines written into a caller's buffer.
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "extract/body.h"
#include "extract/claim.h"
#include "extract/claim_json.h"
#include "extract/stance.h"
#include "extract/vocabulary.h"
#include "tests/stance_fixture.h"

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

TEST_CASE("Paragraphs are trimmed of ASCII, no-break and ideographic spaces at both ends", "[speed][reader]") {
  const std::string nbsp = "\xC2\xA0", ideographic = "\xE3\x80\x80";
  Document doc;
  doc.text = nbsp + ideographic + " \tThe council met on Monday." + nbsp + " " + ideographic + "\n\n" +
             ideographic + "It voted" + nbsp + "twice." + ideographic + nbsp + "\n\n" +
             nbsp + ideographic + "\n\n" +
             "A lone lead byte stays:\xC2";
  MarkBody(&doc);
  std::vector<std::string> paragraphs;
  for (const TextRange& p : doc.paragraphs) paragraphs.push_back(doc.text.substr(p.begin, p.size()));
  CHECK(paragraphs == std::vector<std::string>{"The council met on Monday.", "It voted" + nbsp + "twice.",
                                               "A lone lead byte stays:\xC2"});
}

// The topic names of claim `content` in a document `text`, tagged.
std::vector<std::string> TopicNamesIn(const std::string& text, const std::string& content) {
  const Claim claim = TagIn(TestStanceTagger(), text, content);
  std::vector<std::string> names;
  for (const Topic& t : claim.topics) names.push_back(t.name + "/" + t.polarity);
  return names;
}

TEST_CASE("A pointer's antecedent is found alike in the small first context and the longer ones",
          "[speed][stance]") {
  const std::string sponsor = "Two members sponsored a resolution on river dredging on Friday";
  const std::string tail = ". The northern envoy described it as a hypocritical gesture.";
  const std::string content = "it as a hypocritical gesture";
  const std::vector<std::string> base = TopicNamesIn(sponsor + tail, content);
  REQUIRE(base.size() == 2);
  CHECK(base[0].rfind("resolution", 0) == 0);

  // Short sentences before: the answer lies whole in the small context.
  std::string before;
  while (before.size() < 2000) before += "Rain fell. ";
  CHECK(TopicNamesIn(before + sponsor + tail, content) == base);
  // Verbless sentences between, longer than the small context: the answer
  // lies in the partial sentence there, and is read from the longer ones.
  std::string filler = ". Rain and wind over the hills";
  while (filler.size() < 200) filler += " and the sea";
  CHECK(TopicNamesIn(before + sponsor + filler + filler + tail, content) == base);
  CHECK(TopicNamesIn(sponsor + filler + filler + tail, content) == base);
  // The antecedent's sentence starts before the small context and ends in it.
  std::string long_sentence = sponsor;
  while (long_sentence.size() < 400) long_sentence += ", with farmers and boatmen and clerks";
  CHECK(TopicNamesIn(before + long_sentence + tail, content) == base);
  // Five verbless sentences between: past the sentences searched, so none.
  std::string five = sponsor;
  for (int i = 0; i < 5; ++i) five += ". Rain and wind over the hills";
  const std::vector<std::string> none = TopicNamesIn(five + tail, content);
  CHECK(none.size() == 1);
  CHECK(TopicNamesIn(before + five + tail, content) == none);
}

}  // namespace
}  // namespace claimgraph
