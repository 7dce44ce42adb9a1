// Topics and stance: the normaliser, the topics catalog, every rule of
// extract/lexicons/stance.txt on its own test sentence, negation scope and
// pointers back to an earlier noun phrase.
#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "extract/stance.h"
#include "extract/topics.h"
#include "extract/vocabulary.h"
#include "tests/stance_fixture.h"

namespace claimgraph {
namespace {

Claim Tag(const std::string& sentence, const std::string& speaker = "Test Speaker",
          const std::string& affiliation = "") {
  return TagIn(TestStanceTagger(), sentence, sentence, speaker, affiliation);
}

// The polarity toward the first topic holding every word of `query`, or "none".
std::string PolarityToward(const Claim& claim, const std::string& query) {
  for (const Topic& t : claim.topics) {
    if (TopicNameMatches(query, t.name)) return t.polarity;
  }
  return "none";
}

std::string TopicNames(const Claim& claim) {
  std::string out;
  for (const Topic& t : claim.topics) out += "[" + t.name + ":" + t.polarity + "] ";
  return out;
}

TEST_CASE("Topic names fold case, plurals, inflection and country adjectives", "[topics]") {
  CHECK(NormalizeTopic("Recognizing Palestine") == "recognize palestine");
  CHECK(NormalizeTopic("recognize Palestine") == "recognize palestine");
  CHECK(NormalizeTopic("recognized Palestine") == "recognize palestine");
  CHECK(NormalizeTopic("the sanctions") == NormalizeTopic("a sanction"));
  CHECK(NormalizeTopic("an independent Palestinian state") == "independent palestine state");
  CHECK(NormalizeTopic("the two-state solution") == "two-state solution");
  CHECK(NormalizeTopic("Hamas") == "hamas");
  CHECK(NormalizeTopic("U.S. policies") == "us policy");
  CHECK(NormalizeTopic("the establishment of it") == "establishment it");
  CHECK(NormalizeTopicWord("endorsed") == NormalizeTopicWord("endorses"));
  CHECK(NormalizeTopicWord("stopped") == "stop");
  CHECK(NormalizeTopic("of the") == "");
}

TEST_CASE("Topic queries match topic names and nearby words of a text", "[topics]") {
  CHECK(TopicNameMatches("Palestinian state", "independent palestine state"));
  CHECK(TopicNameMatches("sanctions", "sanction"));
  CHECK_FALSE(TopicNameMatches("Palestinian state", "palestine authority"));
  CHECK_FALSE(TopicNameMatches("", "anything"));
  CHECK(TextMentionsTopic("Palestinian state", "steps towards recognizing Palestine as a state"));
  CHECK(TextMentionsTopic("recognize Palestine", "France might recognize Palestine at the meeting"));
  CHECK_FALSE(TextMentionsTopic("Palestinian state", "Palestine said many things about the weather and then much later the state"));
}

TEST_CASE("A topics file groups phrasings under one name", "[topics]") {
  TopicCatalog catalog;
  REQUIRE(TopicCatalog::Parse("topics.txt",
                              "# comment\nPalestinian state|two-state solution|independent Palestinian state\n"
                              "harbour|port expansion\n",
                              &catalog)
              .ok());
  REQUIRE(catalog.topics().size() == 2);
  CHECK(catalog.topics()[0].key == "palestine state");
  std::vector<std::pair<size_t, size_t>> hits;
  catalog.Find({"support", "two-state", "solution"}, &hits);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0] == std::make_pair<size_t, size_t>(0, 1));

  Status bad = TopicCatalog::Parse("my-topics.txt", "ok|fine\nname||alias\n", &catalog);
  CHECK(bad.code() == Status::Code::kInvalidInput);
  CHECK(bad.ToString().find("my-topics.txt:2") != std::string::npos);
  bad = TopicCatalog::Parse("my-topics.txt", "the|of\n", &catalog);
  CHECK(bad.ToString().find("my-topics.txt:1") != std::string::npos);
  CHECK(TopicCatalog::Load("/nonexistent/topics.txt", &catalog).code() == Status::Code::kInvalidInput);
}

TEST_CASE("Catalog topics join a claim with the polarity of the phrase that names them", "[stance]") {
  const std::string path = std::string(CLAIMGRAPH_SOURCE_DIR) + "/tests/testdata/stance/topics.txt";
  std::unique_ptr<StanceTagger> tagger;
  REQUIRE(StanceTagger::Create(TestVocabulary(), "", path, &tagger).ok());
  const std::string text = "The minister said the government opposes the two-state solution.";
  Claim c = TagIn(*tagger, text, "the government opposes the two-state solution");
  CHECK(PolarityToward(c, "Palestinian state") == "oppose");
  bool labelled = false;
  for (const Topic& t : c.topics) labelled = labelled || t.label == "Palestinian state";
  CHECK(labelled);

  std::unique_ptr<StanceTagger> missing;
  CHECK(StanceTagger::Create(TestVocabulary(), "", "/nonexistent/topics.txt", &missing).code() ==
        Status::Code::kInvalidInput);
}

TEST_CASE("Every stance rule gives its test sentence the expected polarity", "[stance]") {
  REQUIRE(TestStanceTagger().rules().size() > 50);
  for (const StanceRule& rule : TestStanceTagger().rules()) {
    INFO("rule \"" << rule.phrase << "\": " << rule.example);
    REQUIRE_FALSE(rule.example.empty());
    REQUIRE_FALSE(rule.topic.empty());
    Claim c = Tag(rule.example);
    INFO("topics: " << TopicNames(c));
    CHECK(PolarityToward(c, rule.topic) == rule.expected);
  }
}

TEST_CASE("Negation reaches back to the previous stance word only", "[stance]") {
  Claim c = Tag("The council does not oppose the tram line and supports the new depot.");
  CHECK(PolarityToward(c, "tram line") == "support");
  CHECK(PolarityToward(c, "new depot") == "support");

  c = Tag("The board said it will not back the merger but welcomes the audit.");
  CHECK(PolarityToward(c, "merger") == "oppose");
  CHECK(PolarityToward(c, "audit") == "support");

  // Two negators cancel: "no peace without justice".
  c = Tag("There can be no ceasefire without a hostage deal.");
  CHECK(PolarityToward(c, "hostage deal") == "support");

  // A negator in an earlier clause does not reach a later one.
  c = Tag("The mayor did not comment; she supports the stadium.");
  CHECK(PolarityToward(c, "stadium") == "support");
}

TEST_CASE("Subjects that act are not topics of their verb; other subjects are", "[stance]") {
  Claim c = Tag("America does not support a ground offensive on the port.");
  CHECK(PolarityToward(c, "ground offensive") == "oppose");
  CHECK(PolarityToward(c, "america") != "oppose");

  c = Tag("These tariffs do not contribute to regional growth.");
  CHECK(PolarityToward(c, "tariffs") == "oppose");
  c = Tag("Sanctions would be counterproductive.");
  CHECK(PolarityToward(c, "sanctions") == "oppose");
}

TEST_CASE("Intent counts only for the speaker's own side", "[stance]") {
  Claim own = Tag("Norway might join the fishing pact.", "Jonas Berg", "Norway");
  CHECK(PolarityToward(own, "fishing pact") == "support");
  Claim other = Tag("Norway might join the fishing pact.", "Anna Holm", "Sweden");
  CHECK(PolarityToward(other, "fishing pact") == "neutral");
}

TEST_CASE("The cue gives clauses without stance words their polarity", "[stance]") {
  Document doc;
  doc.id = "t.txt";
  doc.text = "The envoy urged a three-day pause in the shelling.";
  std::vector<Claim> claims(1);
  claims[0].text = "a three-day pause in the shelling";
  claims[0].span = TextRange{doc.text.find(claims[0].text), doc.text.size() - 1};
  claims[0].cue = "urged";
  TestStanceTagger().Tag(doc, &claims);
  CHECK(PolarityToward(claims[0], "pause") == "support");
}

TEST_CASE("Pointers take the topic of the phrase they point back to", "[stance]") {
  const std::string text =
      "Two members sponsored a resolution on river dredging on Friday. "
      "However, the delegates from the north vetoed the measure. "
      "The northern envoy described it as a hypocritical gesture.";
  Claim c = TagIn(TestStanceTagger(), text, "it as a hypocritical gesture");
  INFO(TopicNames(c));
  CHECK(PolarityToward(c, "resolution") == "oppose");

  const std::string text2 =
      "Although the council has backed the construction of a second bridge for years, "
      "the new mayor said there is no space for this.";
  Claim c2 = TagIn(TestStanceTagger(), text2, "there is no space for this");
  INFO(TopicNames(c2));
  CHECK(PolarityToward(c2, "second bridge") == "oppose");
}

}  // namespace
}  // namespace claimgraph

namespace claimgraph {
namespace {

TEST_CASE("Topic tokenizer moves past a closing single quote after a plural", "[topics]") {
  // Once looped forever: "’" after "candidates" was neither punctuation nor a word.
  const auto tokens = TokenizeForTopics("the candidates\xE2\x80\x99 respective plans");
  REQUIRE(tokens.size() == 5);
  CHECK(tokens[1].lower == "candidates");
  CHECK(tokens[2].text == "\xE2\x80\x99");
  CHECK(tokens[3].lower == "respective");
}

}  // namespace
}  // namespace claimgraph

namespace claimgraph {
namespace {

TEST_CASE("A pointer finds the same antecedent however much text comes before", "[stance]") {
  const std::string sponsor = "Two members sponsored a resolution on river dredging on Friday";
  const std::string tail = ". The northern envoy described it as a hypocritical gesture.";
  const std::string content = "it as a hypocritical gesture";
  const Claim base = TagIn(TestStanceTagger(), sponsor + tail, content);
  REQUIRE(PolarityToward(base, "resolution") != "none");

  // Many short sentences before: the antecedent lies in the last ones.
  std::string before;
  while (before.size() < 2000) before += "Rain fell. ";
  const Claim after_many = TagIn(TestStanceTagger(), before + sponsor + tail, content);
  CHECK(TopicNames(after_many) == TopicNames(base));
  CHECK(PolarityToward(after_many, "resolution") == PolarityToward(base, "resolution"));

  // One sentence of more than 700 bytes: the antecedent is far back in it.
  std::string long_sentence = sponsor;
  while (long_sentence.size() < 1100) long_sentence += ", with farmers and boatmen and clerks";
  const Claim far = TagIn(TestStanceTagger(), long_sentence + tail, content);
  CHECK(PolarityToward(far, "resolution") == PolarityToward(base, "resolution"));
}

}  // namespace
}  // namespace claimgraph

namespace claimgraph {
namespace {

TEST_CASE("ScanTopicSpans gives the tokens and lower forms of TokenizeForTopics", "[topics]") {
  // Capitals, curly and straight apostrophes, contractions, initialisms,
  // hyphens, digits, non-ASCII letters and punctuation.
  const std::string text =
      "The U.S. envoy WON\xE2\x80\x99T back Germany\xE2\x80\x99s plan; we can't, "
      "she won't and Sha'n't-style shan't \xC2\xAB" "1,500\xC2\xBB co-op \xC3\x89lys\xC3\xA9" "e "
      "\xE2\x80\x9CQuoted\xE2\x80\x9D MIXEDcaseWORDSlongerThanSixteen the candidates\xE2\x80\x99 end.";
  const std::vector<TopicToken> expected = TokenizeForTopics(text);
  std::vector<TopicTokenSpan> spans;
  std::string lowers = "kept";  // appended to, never cleared
  ScanTopicSpans(text, &spans, &lowers);
  REQUIRE(spans.size() == expected.size());
  for (size_t i = 0; i < spans.size(); ++i) {
    INFO("token " << i << " " << expected[i].text);
    CHECK(spans[i].begin == expected[i].begin);
    CHECK(spans[i].end == expected[i].end);
    CHECK(spans[i].word == expected[i].word);
    CHECK(std::string(spans[i].lower) == expected[i].lower);
  }
  CHECK(lowers.compare(0, 4, "kept") == 0);
  // Spot checks of the forms themselves.
  CHECK(expected[0].lower == "the");
  CHECK(expected[1].lower == "u.s.");
  CHECK(expected[3].lower == "will");
  CHECK(expected[4].lower == "n't");
}

TEST_CASE("Vocabulary::ClassOf agrees with the word class table for every length", "[topics]") {
  const Vocabulary& vocab = TestVocabulary();
  REQUIRE(!vocab.word_classes.empty());
  for (const auto& [word, cls] : vocab.word_classes) {
    INFO(word);
    CHECK(vocab.ClassOf(word) == cls);
    // The same word one byte shorter, longer or changed has the table's class, if any.
    for (const std::string& other : {word.substr(0, word.size() - 1), word + "s", "x" + word.substr(1)}) {
      const auto it = vocab.word_classes.find(other);
      CHECK(vocab.ClassOf(other) == (it == vocab.word_classes.end() ? 0 : it->second));
    }
  }
  for (const char* word : {"", "a", "zz", "Parliament", "the", "The", "sixteen-letters!", "seventeen-letters"}) {
    const auto it = vocab.word_classes.find(word);
    CHECK(vocab.ClassOf(word) == (it == vocab.word_classes.end() ? 0 : it->second));
  }
}

}  // namespace
}  // namespace claimgraph
