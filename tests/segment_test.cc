#include <catch2/catch.hpp>

#include <string>
#include <unordered_set>
#include <vector>

#include "extract/segment.h"

namespace claimgraph {
namespace {

Paragraph Segment(const std::string& text) {
  static const std::unordered_set<std::string> kAbbrev = {"mr", "sen", "sept"};
  Paragraph p;
  SegmentParagraph(text, TextRange{0, text.size()}, &kAbbrev, &p);
  return p;
}

std::string Inner(const std::string& text, const QuoteSpan& q) {
  return text.substr(q.inner.begin, q.inner.end - q.inner.begin);
}

TEST_CASE("tokens keep byte offsets, possessives and initialisms", "[segment]") {
  const std::string text = "The U.S. envoy's plan, Mr. Lee said.";
  Paragraph p = Segment(text);
  std::vector<std::string> lower;
  for (const Token& t : p.tokens) lower.push_back(t.lower);
  CHECK(lower == std::vector<std::string>{"the", "u.s.", "envoy", "'s", "plan", ",", "mr.", "lee", "said", "."});
  for (const Token& t : p.tokens) CHECK(t.end <= text.size());
  CHECK(text.substr(p.tokens[1].begin, p.tokens[1].end - p.tokens[1].begin) == "U.S.");
  CHECK(p.tokens[7].capitalized);
  CHECK(p.sentences.size() == 1);  // "Mr." does not end the sentence
}

TEST_CASE("words of any length and case are lower-cased, non-ASCII too", "[segment]") {
  const std::string text =
      "A BIG Bird WASHINGTON Representatives INTERNATIONALISATION McDonald's \xC3\x89MILE "
      "Caf\xC3\xA9S ABCDEFGH ABCDEFGHI";
  Paragraph p = Segment(text);
  std::vector<std::string> lower;
  for (const Token& t : p.tokens) lower.push_back(t.lower);
  CHECK(lower == std::vector<std::string>{"a", "big", "bird", "washington", "representatives",
                                          "internationalisation", "mcdonald", "'s", "\xC3\xA9mile",
                                          "caf\xC3\xA9s", "abcdefgh", "abcdefghi"});
}

TEST_CASE("straight, curly, guillemet and corner quotes pair up", "[segment]") {
  for (const std::string& text : {std::string("He said \"we will go\" today."),
                                  std::string("He said \xE2\x80\x9C" "we will go\xE2\x80\x9D today."),
                                  std::string("He said \xC2\xAB" "we will go\xC2\xBB today."),
                                  std::string("He said \xE3\x80\x8C" "we will go\xE3\x80\x8D today."),
                                  std::string("He said ''we will go'' today.")}) {
    Paragraph p = Segment(text);
    REQUIRE(p.quotes.size() == 1);
    CHECK(Inner(text, p.quotes[0]) == "we will go");
  }
}

TEST_CASE("an apostrophe is not a quote, a single curly quote at a word start is", "[segment]") {
  const std::string text = "It\xE2\x80\x99s the \xE2\x80\x98" "final offer\xE2\x80\x99, officials' aides said.";
  Paragraph p = Segment(text);
  REQUIRE(p.quotes.size() == 1);
  CHECK(Inner(text, p.quotes[0]) == "final offer");
}

TEST_CASE("sentences never split inside a quote", "[segment]") {
  const std::string text = "\"We tried. It failed,\" she said. Then she left.";
  Paragraph p = Segment(text);
  REQUIRE(p.sentences.size() == 2);
  CHECK(p.tokens[p.sentences[1].begin].lower == "then");
}

TEST_CASE("an unclosed quote runs to the paragraph end and is flagged", "[segment]") {
  const std::string text = "\"This goes on into the next paragraph.";
  Paragraph p = Segment(text);
  REQUIRE(p.quotes.size() == 1);
  CHECK(p.quotes[0].close == -1);
  CHECK(p.open_quote_at_end);
  CHECK(Inner(text, p.quotes[0]) == "This goes on into the next paragraph.");
}

TEST_CASE("many unbalanced quote marks stay linear and bounded", "[segment]") {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "a \" ";
  Paragraph p = Segment(text);
  CHECK(p.quotes.size() == 50000);
  for (const QuoteSpan& q : p.quotes) CHECK(q.inner.end <= text.size());
}

}  // namespace
}  // namespace claimgraph
