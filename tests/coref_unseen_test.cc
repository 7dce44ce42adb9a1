// Coreference faults that news articles written for claimgraph (unseen
// Canadian and US news, speakers judged by full canonical name) brought to
// light: short names and "the company" for organisations, role words, "of"
// post-modifiers, possessive owners, documents and quantifiers standing for
// an antecedent. One case each, on sentences written for these tests.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extract/claim.h"
#include "tests/extract_fixture.h"

namespace claimgraph {
namespace {

TEST_CASE("an organisation named anywhere answers to its short name and to \"the company\"", "[speaker][coref]") {
  // First named inside a possessive, not as a speaker.
  auto claims = ExtractText(
      "Regulators moved on Monday to stop Harrowgate Mills Ltd.'s purchase of rival baker Crustworks Inc.\n"
      "Harrowgate, which runs 40 bakeries in Manitoba, said it would fight the order in court.\n"
      "The company said it had offered to close six plants.\n"
      "The deal can still be completed by spring, Harrowgate said Tuesday.");
  CHECK(SpeakerOf(claims, "it would fight the order") == "Harrowgate Mills Ltd.");
  CHECK(SpeakerOf(claims, "it had offered to close") == "Harrowgate Mills Ltd.");
  CHECK(SpeakerOf(claims, "The deal can still") == "Harrowgate Mills Ltd.");
  // An appositive after the full name; a short name later.
  claims = ExtractText(
      "The contract is with Bluefin Radar Inc., a Denver-based firm whose sensors line most highways. "
      "Bluefin said in a statement that it keeps no driver data.");
  CHECK(SpeakerOf(claims, "it keeps no driver data") == "Bluefin Radar Inc.");
  // A person whose surname opens no organisation keeps it; a person named
  // before keeps the surname even when an organisation opens with it.
  claims = ExtractText(
      "Dana Harrow founded Harrow Shipping Co. in 1990. Harrow said the firm would be sold.");
  CHECK(SpeakerOf(claims, "the firm would be sold") == "Dana Harrow");
  // "the agency" is no company named before it.
  claims = ExtractText(
      "Talbot Freight Corp. filed the complaint in March. The agency said it would review the complaint.");
  CHECK(SpeakerOf(claims, "it would review") != "Talbot Freight Corp.");
}

TEST_CASE("a role word stands for the most named person of that role", "[speaker][coref]") {
  auto claims = ExtractText(
      "Finance Minister Ruth Calder said Monday the budget would balance by 2028.\n"
      "\u201cWe kept our promise,\u201d Calder told reporters.\n"
      "Transport Minister Owen Pratt announced a new ferry contract would be signed in May.\n"
      "The minister acknowledged the surplus was smaller than she had hoped.\n"
      "\u201cIt is a careful plan,\u201d she said.");
  CHECK(SpeakerOf(claims, "a new ferry contract") == "Owen Pratt");
  CHECK(SpeakerOf(claims, "the surplus was smaller") == "Ruth Calder");
  CHECK(SpeakerOf(claims, "It is a careful plan") == "Ruth Calder");
}

TEST_CASE("a title owned by a place stands for the person of that role", "[speaker][coref]") {
  auto claims = ExtractText(
      "Attorney General Mara Quint said her office would appeal the ruling.\n"
      "Judge Tom Ellery wrote that the law was void.\n"
      "The state's attorney general noted that the judge had ruled against the state twice this year. "
      "She said the appeal would be filed within a week.");
  CHECK(SpeakerOf(claims, "the judge had ruled") == "Mara Quint");
  CHECK(SpeakerOf(claims, "the appeal would be filed") == "Mara Quint");
}

TEST_CASE("a person named with \"of\" an organisation is the antecedent of what follows", "[speaker][coref]") {
  // No cue in her sentence: she is its subject, named in full, and the
  // surname later is hers.
  auto claims = ExtractText(
      "Peter Vance, an analyst at Hillcrest Capital, wrote that the bid was weak.\n"
      "Marta Quill of Dunmore Partners was less sure. \u201cThe wind has turned,\u201d she said.\n"
      "Quill estimated that the deal would fail by June.");
  CHECK(SpeakerOf(claims, "The wind has turned") == "Marta Quill");
  CHECK(SpeakerOf(claims, "the deal would fail") == "Marta Quill");
}

TEST_CASE("\"her office\" speaks for whom the pronoun stands for; \"it\" for the organisation that just spoke",
          "[speaker][coref]") {
  auto claims = ExtractText(
      "Regulators moved on Monday to stop Harrowgate Mills Ltd.'s purchase of Crustworks Inc.\n"
      "Industry Minister Alma Ruiz told MPs last week that the bureau would get new powers. "
      "Her office said Monday the minister would not comment on the case.\n"
      "The board is expected to rule in May. The purchase can still close this year, Harrowgate said Tuesday, "
      "although it acknowledged the timing now rests with the board.");
  CHECK(SpeakerOf(claims, "the minister would not comment") == "Alma Ruiz's office");
  CHECK(SpeakerOf(claims, "The purchase can still close") == "Harrowgate Mills Ltd.");
  CHECK(SpeakerOf(claims, "the timing now rests") == "Harrowgate Mills Ltd.");
}

TEST_CASE("a document named again by its noun, and a share of a group that just spoke", "[speaker][coref]") {
  auto claims = ExtractText(
      "A study published in May by the Harbour Health Institute found that clinic waits had doubled since 2019. "
      "The study also found that nurses were leaving for jobs in Alberta.");
  CHECK(SpeakerOf(claims, "clinic waits had doubled") == SpeakerOf(claims, "nurses were leaving"));
  CHECK(SpeakerOf(claims, "nurses were leaving").find("Harbour Health Institute") != std::string::npos);
  claims = ExtractText(
      "Parents who spoke at the hearing said they feared the cameras would track their children. "
      "Several said the east end was being singled out.");
  CHECK(SpeakerOf(claims, "the east end was") == "Several of the Parents");
  // A share of a share is no antecedent: the quantifier stays as written.
  claims = ExtractText("About 4 in 10 voters said the tax was unfair. Most said the roads were worse.");
  CHECK(SpeakerOf(claims, "the roads were worse") == "Most");
}

TEST_CASE("she after a man speaks goes to the woman named before him", "[speaker][coref]") {
  auto claims = ExtractText(
      "Finance Minister Colleen Dray said Monday the budget would balance by 2028.\n"
      "Transport Minister Trevor Pratt announced a new ferry contract would be signed in May.\n"
      "\u201cIt is a careful plan,\u201d she said.");
  CHECK(SpeakerOf(claims, "a new ferry contract") == "Trevor Pratt");
  CHECK(SpeakerOf(claims, "It is a careful plan") == "Colleen Dray");
}

TEST_CASE("Inc without its period and plural business nouns make organisations", "[speaker][coref]") {
  auto claims = ExtractText(
      "Brightwater Pharmaceuticals Inc agreed on Monday to pay $5 million to settle the case, the regulator said.\n"
      "Brightwater, based in Ohio, did not admit wrongdoing. The company said in a statement that the deal was fair.");
  CHECK(SpeakerOf(claims, "the deal was fair") == "Brightwater Pharmaceuticals Inc");
  claims = ExtractText(
      "Maple Ridge Care Centres, which runs nine homes in the province, had argued the suit should be dismissed.\n"
      "In a statement, Maple Ridge said it was reviewing the decision.");
  CHECK(SpeakerOf(claims, "it was reviewing") == "Maple Ridge Care Centres");
}

TEST_CASE("an organisation's name runs back over \"and\"", "[speaker][coref]") {
  auto claims = ExtractText(
      "Investors complained to the Securities and Exchange Commission in March about the fund. "
      "The agency said it would review the complaints by June.");
  CHECK(SpeakerOf(claims, "it would review") == "Securities and Exchange Commission");
}

TEST_CASE("she in a sentence where one person already spoke is that person", "[speaker][coref]") {
  auto claims = ExtractText(
      "Health Minister Dana Okoro said the talks would resume on Monday.\n"
      "Clinic managers believe the agreement will ease hiring, according to a memo obtained by reporters.\n"
      "Okoro said she expected the deal to be ratified. \u201cI am confident the nurses will accept it,\u201d she said.");
  CHECK(SpeakerOf(claims, "I am confident the nurses") == "Dana Okoro");
  CHECK(SpeakerOf(claims, "the deal to be ratified") == "?");  // no second claim for "she expected"
}

}  // namespace
}  // namespace claimgraph
