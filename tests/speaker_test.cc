// Speakers by their full canonical name: one case per way a name went wrong
// (scripts/speaker_report.py groups them). Every sentence here was written
// for these tests.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extract/claim.h"
#include "tests/extract_fixture.h"

namespace claimgraph {
namespace {

TEST_CASE("a middle initial stays inside the name", "[speaker]") {
  auto claims = ExtractText("Walter J. Pembry, a tax lawyer in Denver, said the rule was vague.");
  CHECK(SpeakerOf(claims, "the rule was vague") == "Walter J. Pembry");
  claims = ExtractText("Nadia K. Orloff said the ferry would run again in June.");
  CHECK(SpeakerOf(claims, "the ferry would run") == "Nadia K. Orloff");
  claims = ExtractText("Peter A. Lund, a harbour engineer who studies tides, said the wall was too low.");
  CHECK(SpeakerOf(claims, "the wall was") == "Peter A. Lund");
}

TEST_CASE("\"of\" inside an organisation name", "[speaker]") {
  auto claims = ExtractText("The Association of Harbour Pilots said the new cranes were unsafe.");
  CHECK(SpeakerOf(claims, "the new cranes") == "Association of Harbour Pilots");
  claims = ExtractText("The Bureau of Land Records said the maps would be updated.");
  CHECK(SpeakerOf(claims, "the maps would") == "Bureau of Land Records");
}

TEST_CASE("a party adjective before a title modifies the title", "[speaker]") {
  auto claims = ExtractText("Green mayoral candidate Irene Vasquez said the tram plan would fail.");
  CHECK(SpeakerOf(claims, "the tram plan") == "Irene Vasquez");
  claims = ExtractText("Republican gubernatorial nominee Dale Hutchins said taxes would fall.");
  CHECK(SpeakerOf(claims, "taxes would fall") == "Dale Hutchins");
}

TEST_CASE("a party marker in parentheses is no speaker", "[speaker]") {
  auto claims = ExtractText(
      "State Senator Paula Grebe (D), the chair's rival in the coming race, called for an audit, saying "
      "that the accounts were a mess.");
  CHECK(SpeakerOf(claims, "an audit") == "Paula Grebe");
}

TEST_CASE("an abbreviated month is no name", "[speaker]") {
  auto claims = ExtractText(
      "A survey of bakeries that opened since Jan. 1, 2019, shows rye outselling wheat in the north.");
  for (const Claim& c : claims) CHECK(c.speaker.name != "Jan.");
}

TEST_CASE("coordinated speakers speak together", "[speaker]") {
  auto claims = ExtractText(
      "Councillor Anita Brosch met the builders on Monday. Councillor Ivo Kral joined her later. "
      "Ms. Brosch and Mr. Kral said the permit would be revoked.");
  CHECK(SpeakerOf(claims, "the permit would") == "Anita Brosch and Ivo Kral");
  claims = ExtractText("Tom Ruiz, Ella Marsh and Omar Said said the vote was rigged.");
  CHECK(SpeakerOf(claims, "the vote was rigged") == "Tom Ruiz, Ella Marsh and Omar Said");
  claims = ExtractText("The mayor thanked Tom Ruiz and Ella Marsh said the vote was fair.");
  CHECK(SpeakerOf(claims, "the vote was fair") != "Tom Ruiz and Ella Marsh");
}

TEST_CASE("people speaking for a named owner", "[speaker]") {
  auto claims = ExtractText(
      "Senator Lena Voss toured the plant on Friday. Voss's campaign said the tour was a success.");
  CHECK(SpeakerOf(claims, "the tour was") == "Lena Voss's campaign");
}

TEST_CASE("he and she agree in gender with their antecedent", "[speaker]") {
  auto claims = ExtractText(
      "Ms. Carla Dunne, the council's treasurer, met Mr. Piet Olsen on Monday. She said the budget was short. "
      "Mr. Olsen disagreed at the meeting. He said the budget was fine. The spokeswoman thanked him. "
      "He said the talks would go on.");
  CHECK(SpeakerOf(claims, "the budget was short") == "Carla Dunne");
  CHECK(SpeakerOf(claims, "the budget was fine") == "Piet Olsen");
  CHECK(SpeakerOf(claims, "the talks would") == "Piet Olsen");
}

TEST_CASE("a demonym opening an organisation's name stays in it", "[speaker]") {
  auto claims = ExtractText("The Canadian Ferry Operators Association said the fares would rise.");
  CHECK(SpeakerOf(claims, "the fares would") == "Canadian Ferry Operators Association");
}

TEST_CASE("a country's name can be a given name", "[speaker]") {
  auto claims = ExtractText(
      "\"We are not done,\" said Georgia Pike, head of the tenants' league. Pike said rents had doubled.");
  CHECK(SpeakerOf(claims, "We are not done") == "Georgia Pike");
  CHECK(SpeakerOf(claims, "rents had doubled") == "Georgia Pike");
}

TEST_CASE("the person in a subject's appositive is the antecedent", "[speaker]") {
  auto claims = ExtractText(
      "Manitoba's health minister, Irene Vasquez, was more hopeful. She said the clinics would open in May.");
  CHECK(SpeakerOf(claims, "the clinics would") == "Irene Vasquez");
}

TEST_CASE("a middle initial at the end of a verb-first frame stays inside the name", "[speaker]") {
  auto claims = ExtractText("\"The ferry will run in June,\" said Harriet Q. Lindqvist, a harbour pilot.");
  CHECK(SpeakerOf(claims, "The ferry will run") == "Harriet Q. Lindqvist");
}

TEST_CASE("a group that names no one keeps its quantifier and post-modifier", "[speaker]") {
  auto claims = ExtractText("Advisers to the premier said the harbour plan would pass.");
  CHECK(SpeakerOf(claims, "the harbour plan") == "Advisers to the premier");
  claims = ExtractText("A union representing ferry crews said the strike would continue.");
  CHECK(SpeakerOf(claims, "the strike would") == "union representing ferry crews");
  claims = ExtractText("Several senators said the tram bill was dead.");
  CHECK(SpeakerOf(claims, "the tram bill") == "Several senators");
  claims = ExtractText("Two Liberal strategists said the campaign was adrift.");
  CHECK(SpeakerOf(claims, "the campaign was") == "Two Liberal strategists");
  claims = ExtractText("Attorneys for the family said they would appeal the ruling.");
  CHECK(SpeakerOf(claims, "they would appeal") == "Attorneys for the family");
}

TEST_CASE("a post-modifier holding a time or a verb is left out", "[speaker]") {
  auto claims = ExtractText("Officials on Tuesday said the bridge would reopen.");
  CHECK(SpeakerOf(claims, "the bridge would") == "Officials");
}

TEST_CASE("a person's office or campaign speaks under the person's full name", "[speaker]") {
  auto claims = ExtractText("Lena Voss is running for mayor. Voss's office said the claim was false.");
  CHECK(SpeakerOf(claims, "the claim was") == "Lena Voss's office");
  claims = ExtractText("Lena Voss is running for mayor. The Voss campaign said the poll was wrong.");
  CHECK(SpeakerOf(claims, "the poll was") == "Lena Voss campaign");
}

TEST_CASE("a word that opens a sentence is no one-word name", "[speaker]") {
  auto claims = ExtractText("Speaking on Tuesday said the mayor was wrong about the tram.");
  for (const Claim& c : claims) CHECK(c.speaker.name != "Speaking");
  claims = ExtractText("Despite the rain said the organisers was a good omen.");
  for (const Claim& c : claims) CHECK(c.speaker.name != "Despite");
}

TEST_CASE("\"it\" after a sentence about a person is the organisation that spoke", "[speaker]") {
  auto claims = ExtractText(
      "The Harbour Authority said the fees would rise in May. Lena Voss visited the docks on Monday. It said "
      "the cranes were unsafe.");
  CHECK(SpeakerOf(claims, "the cranes were") == "Harbour Authority");
}

TEST_CASE("a possessive before a noun cue is resolved as its pronoun", "[speaker]") {
  auto claims = ExtractText("Tom Reyes spoke in Halifax on Monday. His claims that the tram was late drew jeers.");
  CHECK(SpeakerOf(claims, "the tram was late") == "Tom Reyes");
}

TEST_CASE("a share of a group keeps its count", "[speaker]") {
  auto claims = ExtractText("16 percent of registered voters in Halifax said the tram was a waste.");
  CHECK(SpeakerOf(claims, "the tram was") == "16 percent of registered voters in Halifax");
  claims = ExtractText("Nine in 10 registered voters said the tram was a waste.");
  CHECK(SpeakerOf(claims, "the tram was") == "Nine in 10 registered voters");
  claims = ExtractText("Only three senators said the tram was a waste.");
  CHECK(SpeakerOf(claims, "the tram was") == "Only three senators");
  claims = ExtractText("None of the major candidates said the tram was a waste.");
  CHECK(SpeakerOf(claims, "the tram was") == "None of the major candidates");
  claims = ExtractText("One of his senior aides said the mayor would not resign.");
  CHECK(SpeakerOf(claims, "the mayor would") == "One of his senior aides");
}

TEST_CASE("an organisation's name runs through for and on", "[speaker]") {
  auto claims = ExtractText("The Center for Coastal Studies said the dunes were shrinking.");
  CHECK(SpeakerOf(claims, "the dunes were") == "Center for Coastal Studies");
}

TEST_CASE("a document keeps a participle post-modifier with its agent", "[speaker]") {
  auto claims = ExtractText("A survey conducted by the Harbour Institute found that most residents backed the tram.");
  CHECK(SpeakerOf(claims, "most residents backed") == "survey conducted by the Harbour Institute");
}

TEST_CASE("a group after \"and\" speaks with the conjunct that opens the clause", "[speaker]") {
  auto claims = ExtractText("Harbour unions and civic groups say the tram fare is unfair.");
  CHECK(SpeakerOf(claims, "the tram fare") == "Harbour unions and civic groups");
  claims = ExtractText("Lena Voss chairs the council. Ms. Voss and her allies said the vote was rigged.");
  CHECK(SpeakerOf(claims, "the vote was") == "Lena Voss and her allies");
  claims = ExtractText("The mayor met Voss and council members said the tram was late.");
  CHECK(SpeakerOf(claims, "the tram was") == "council members");
}

TEST_CASE("an example of a group is not its speaker", "[speaker]") {
  auto claims = ExtractText("Several candidates, including Lena Voss, said the tram was a waste.");
  CHECK(SpeakerOf(claims, "the tram was") == "Several candidates");
}

}  // namespace
}  // namespace claimgraph
