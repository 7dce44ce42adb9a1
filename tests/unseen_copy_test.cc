// Faults that articles written for claimgraph and scored before any fix
// (tests/testdata/unseen) brought to light, one case each, with sentences of
// the same shape written for these tests.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extract/claim.h"
#include "tests/extract_fixture.h"

namespace claimgraph {
namespace {

TEST_CASE("\"of\" and \"for\" inside the name of an organisation or a body of people", "[speaker][unseen]") {
  auto claims = ExtractText("The United Harbour Workers of Nova Scotia said the strike would go ahead.");
  CHECK(SpeakerOf(claims, "the strike would") == "United Harbour Workers of Nova Scotia");
  claims = ExtractText("According to the Institute for Coastal Research, the bay had lost half its eelgrass.");
  CHECK(SpeakerOf(claims, "the bay had lost") == "Institute for Coastal Research");
  // A person's name takes no "of": the place is no part of it.
  claims = ExtractText("Senator Walter Briggs of Maine said the strike would end soon.");
  CHECK(SpeakerOf(claims, "the strike would") == "Walter Briggs");
}

TEST_CASE("lower-case words leading into a title stay in the sentence's subject", "[speaker][unseen]") {
  // The subject of the first sentence is the antecedent of "he" in the second.
  auto claims = ExtractText(
      "Opposition energy critic Samuel Achebe called the pipeline a mistake. The company, he said, had ignored the farmers along its route for years.");
  CHECK(SpeakerOf(claims, "The company had ignored") == "Samuel Achebe");
}

TEST_CASE("a dateline with the agency's name in parentheses is no speaker", "[speaker][unseen]") {
  auto claims = ExtractText(
      "HALIFAX, N.S. (CP) \u2014 Fisheries Minister Joan Pike on Monday closed the cod fishery for the summer, "
      "calling it \u201cthe hardest decision of my career.\u201d");
  CHECK(SpeakerOf(claims, "it the hardest decision") == "Joan Pike");
}

TEST_CASE("a relative \"that\" inside the reported clause is no complementizer", "[attribute][unseen]") {
  auto claims = ExtractText(
      "Ruth Okafor said the board had ignored safety rules that \"any engineer would call basic.\"");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].kind == ClaimKind::kPartial);
  CHECK(claims[0].text.rfind("the board had ignored safety rules that any engineer", 0) == 0);
  // A complementizer after the cue still opens the report.
  claims = ExtractText("Ruth Okafor said on Monday that the board had ignored the rules.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].text == "the board had ignored the rules");
}

TEST_CASE("an unnamed source with participle appositives speaks", "[speaker][unseen]") {
  auto claims = ExtractText(
      "A senior port official, speaking on condition of anonymity because the talks were private, said the "
      "terminal would close in March.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].text == "the terminal would close in March");
  CHECK(claims[0].speaker.name == "senior port official");
  // An unnamed source before ", who ...,": the antecedent speaks.
  claims = ExtractText(
      "A spokeswoman for the ferry operator, who asked not to be named because the talks are private, said the "
      "crews were ready to sail.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].text == "the crews were ready to sail");
  CHECK(claims[0].speaker.name.find("spokeswoman for the ferry operator") != std::string::npos);
}

TEST_CASE("a plural noun whose complement is a list of names speaks", "[speaker][unseen]") {
  auto claims = ExtractText(
      "The mayors of Halifax, Moncton and Saint John wrote to the minister on Friday. In the letter, they said "
      "the ferry cuts would hurt tourism.");
  CHECK(SpeakerOf(claims, "to the minister") == "mayors of Halifax, Moncton and Saint John");
  CHECK(SpeakerOf(claims, "the ferry cuts") == "mayors of Halifax, Moncton and Saint John");
}

TEST_CASE("a frame inside a claim's content that repeats its source is no claim of its own", "[attribute][unseen]") {
  auto claims = ExtractText(
      "The Harbour Pilots Guild said in a statement that it welcomed the decision and would hire more pilots.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].text == "it welcomed the decision and would hire more pilots");
  // Another source inside the content is a claim of its own.
  claims = ExtractText("Nadia Brooks said several senators had told her that they opposed the ferry plan.");
  CHECK(SpeakerOf(claims, "several senators had told") == "Nadia Brooks");
}

TEST_CASE("organisations: a title word naming a field, and \"the service\" for the name before", "[speaker][unseen]") {
  auto claims = ExtractText("The Justice Department argued that the ferry law would interfere with federal rules.");
  CHECK(SpeakerOf(claims, "the ferry law") == "Justice Department");
  claims = ExtractText(
      "The Coastal Ferry Service said its crews were stretched thin by the storms.\n"
      "In a statement on Friday, the service said it would add two boats in the spring.");
  CHECK(SpeakerOf(claims, "its crews were") == "Coastal Ferry Service");
  CHECK(SpeakerOf(claims, "it would add two boats") == "Coastal Ferry Service");
}

TEST_CASE("a cue inside a restrictive relative clause before the main cue is no frame", "[attribute][unseen]") {
  auto claims = ExtractText("Councillors who wrote the bylaw said they expected the courts to uphold it.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].cue == "said");
  CHECK(claims[0].speaker.name == "Councillors");
}

TEST_CASE("a reversed frame leaves the clause after its trailing phrase to other frames", "[attribute][unseen]") {
  auto claims = ExtractText(
      "The port will close for a month, harbour master Ana Reyes announced Thursday, after complaints from "
      "residents who said the dredging was overdue.");
  CHECK(SpeakerOf(claims, "The port will close") == "Ana Reyes");
  CHECK(SpeakerOf(claims, "the dredging was overdue") == "residents");
}

TEST_CASE("a poll reports the share of people polled who believe or say something", "[attribute][unseen]") {
  auto claims = ExtractText(
      "According to a Harbourview Research survey released on Friday, 44 per cent of Halifax residents believe "
      "the ferry fares are too high.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].kind == ClaimKind::kAccordingTo);
  CHECK(claims[0].text == "44 per cent of Halifax residents believe the ferry fares are too high");
  CHECK(claims[0].speaker.name.find("Harbourview Research") != std::string::npos);
  // A named person inside the clause is a source the report relays.
  claims = ExtractText("According to the report, Mayor Ana Lopes said the ferry fares would rise in March.");
  CHECK(SpeakerOf(claims, "the ferry fares would") == "Ana Lopes");
}

TEST_CASE("a quote split by a frame with a trailing phrase, and a quote after \"on X.\"", "[attribute][unseen]") {
  auto claims = ExtractText(
      "\"The ferries are running late,\" Mara Quinn, head of the Ferry Riders Association, told a town hall "
      "Monday, \"and nobody will tell us why.\"");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].kind == ClaimKind::kDirect);
  CHECK(claims[0].text.find("nobody will tell us why") != std::string::npos);
  CHECK(claims[0].speaker.name == "Mara Quinn");
  // "X." is the platform, not an initial: the second quote is a claim of its own.
  claims = ExtractText(
      "Mayor Ana Lopes wanted a deal. \"The ferries are part of who we are,\" she wrote on X. \"I want them "
      "sailing by May.\"");
  CHECK(SpeakerOf(claims, "I want them sailing") == "Ana Lopes");
}

TEST_CASE("a quote that runs on into the next paragraph is one claim", "[attribute][unseen]") {
  auto claims = ExtractText(
      "\"We lost two boats this winter,\" harbour master Ana Reyes said. \"We cannot lose a third.\n\n"
      "\"The province has to pay for the breakwater.\"\n\nThe province did not comment.");
  REQUIRE(claims.size() == 2);
  CHECK(claims[1].text == "We cannot lose a third. The province has to pay for the breakwater.");
  CHECK(claims[1].speaker.name == "Ana Reyes");
  // A paragraph whose quotes are closed leaves the next paragraph's quote a claim of its own.
  claims = ExtractText(
      "\"We lost two boats this winter,\" harbour master Ana Reyes said.\n\n\"The province has to pay for the "
      "breakwater.\"");
  REQUIRE(claims.size() == 2);
  CHECK(claims[1].text == "The province has to pay for the breakwater.");
}

TEST_CASE("a commitment read inside the content of a reversed frame leaves the content to that frame", "[attribute][unseen]") {
  auto claims = ExtractText(
      "Coastal Ferries Ltd agreed on Friday to refund the fares of every cancelled sailing since March, "
      "transport minister Ana Reyes said.");
  CHECK(SpeakerOf(claims, "Coastal Ferries Ltd agreed on Friday to refund") == "Ana Reyes");
  // A statement read before the comma keeps the sentence: no reversed frame over it.
  claims = ExtractText(
      "The premier said the ferries would run on time all summer long this year, Ana Reyes said.");
  CHECK(SpeakerOf(claims, "the ferries would run") != "Ana Reyes");
}

TEST_CASE("a belief with a noun phrase after \"and\" stays in the reported clause", "[attribute][unseen]") {
  auto claims = ExtractText(
      "A port official said the operator had been planning the closure for months and expected little "
      "disruption to shipping.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].text ==
        "the operator had been planning the closure for months and expected little disruption to shipping");
  // A second speech cue after "and" is a second frame of the same speaker.
  claims = ExtractText(
      "Ana Reyes said the operator had been planning the closure for months and warned that shipping "
      "would suffer.");
  CHECK(SpeakerOf(claims, "shipping would suffer") == "Ana Reyes");
  CHECK(SpeakerOf(claims, "the operator had been planning the closure for months") == "Ana Reyes");
}

TEST_CASE("a dateline whose state abbreviation ended a sentence, and council and police titles", "[speaker][unseen]") {
  auto claims = ExtractText(
      "ST. CLOUD, Minn. (Reuters) - Granite Mills Inc agreed on Friday to pay $4 million to settle a lawsuit over "
      "its wastewater, the state's pollution agency said.");
  CHECK(SpeakerOf(claims, "Granite Mills Inc agreed") == "state's pollution agency");
  claims = ExtractText("Coun. Irene Vasquez said late Monday she would vote against the budget.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker.name == "Irene Vasquez");
  CHECK(claims[0].text == "she would vote against the budget");
}

TEST_CASE("\"said about 300 ...\" opens a report, and \"Ald.\" is a title", "[attribute][unseen]") {
  auto claims = ExtractText(
      "Lawyer Ines Duarte, whose office represents the tenants, said about 120 families had joined the suit.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].text == "about 120 families had joined the suit");
  CHECK(claims[0].speaker.name == "Ines Duarte");
  claims = ExtractText("\"The buses are late every single day,\" said Ald. Marcus Hill, who chairs the committee.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker.name == "Marcus Hill");
}

TEST_CASE("an addressee ends where a second determiner opens the reported clause", "[attribute][unseen]") {
  auto claims = ExtractText("The harbour master told the board the dredging plan would cost twice the estimate.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].text == "the dredging plan would cost twice the estimate");
  CHECK(claims[0].addressee.find("board") != std::string::npos);
}

TEST_CASE("a report or a study by a named author speaks for that author", "[speaker][unseen]") {
  auto claims = ExtractText(
      "A 2021 study by the Marine Institute of Newfoundland found that cod stocks had grown for three years.");
  CHECK(SpeakerOf(claims, "cod stocks had grown").find("Marine Institute of Newfoundland") != std::string::npos);
  claims = ExtractText("A 2020 report by Coastal Analytics found that the ferry contract was overpriced.");
  CHECK(SpeakerOf(claims, "the ferry contract").find("Coastal Analytics") != std::string::npos);
  // Who saw a document did not write it.
  claims = ExtractText("A memo seen by The Harbour Times found that the ferry contract was overpriced.");
  CHECK(SpeakerOf(claims, "the ferry contract") != "Harbour Times");
}

TEST_CASE("a plain verb after \"and\" past a perfect \"had\" goes on the reported clause", "[attribute][unseen]") {
  auto claims = ExtractText(
      "A ferry spokesperson said the company had offered a new schedule and remained open to talks with the union.");
  CHECK(SpeakerOf(claims, "the company had offered a new schedule and remained open to talks with the union") ==
        "ferry spokesperson");
}

TEST_CASE("a comma closing a partial quote still ends the content before \", noting that\"", "[attribute][unseen]") {
  auto claims = ExtractText(
      "Rosa Lind, an analyst at Harbour Securities, wrote in a note that the port faced \"a long winter,\" noting "
      "that freight volumes had fallen for six months.");
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].text == "the port faced a long winter");
  CHECK(claims[1].text == "freight volumes had fallen for six months");
  CHECK(claims[1].speaker.name == "Rosa Lind");
}

TEST_CASE("a passive participle with nothing reported after it is no claim", "[attribute][unseen]") {
  auto claims = ExtractText(
      "According to harbour police figures, 140 boats were reported stolen in the county last year.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].kind == ClaimKind::kAccordingTo);
  CHECK(claims[0].speaker.name.find("harbour police") != std::string::npos);
  // A clause after the participle is still reported.
  claims = ExtractText("It was reported that the ferry would stop running in May.");
  CHECK(!claims.empty());
}

TEST_CASE("a long source after \"according to\" is cut before its relative clause", "[speaker][unseen]") {
  auto claims = ExtractText(
      "The ferry operator had offered to sell two ships, according to a person familiar with the talks who was not "
      "authorized to speak about them in public.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].text == "The ferry operator had offered to sell two ships");
  CHECK(claims[0].speaker.name.find("person familiar with the talks") != std::string::npos);
}

TEST_CASE("a reversed frame followed by a time and a subordinate clause", "[attribute][unseen]") {
  auto claims = ExtractText(
      "The harbour will need $80 million in repairs over five years, Transport Minister Ada Quinn said Monday as "
      "she released the province's port review.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].text == "The harbour will need $80 million in repairs over five years");
  CHECK(claims[0].speaker.name == "Ada Quinn");
}

TEST_CASE("\"X, an appositive, which said\": the antecedent with its appositive speaks", "[speaker][unseen]") {
  auto claims = ExtractText(
      "The suit was filed by the Harbour Tenants Alliance, a group of renters and legal clinics, which argued that "
      "the bylaw had been passed without notice.");
  CHECK(SpeakerOf(claims, "the bylaw had been passed") == "Harbour Tenants Alliance");
}

TEST_CASE("a named agent after \"by\" before an appositive is the speaker", "[speaker][unseen]") {
  auto claims = ExtractText(
      "A phone survey of 1,200 Nova Scotians by Abacus Research, released last week, showed that support for the "
      "ferry link had fallen.");
  CHECK(SpeakerOf(claims, "support for the ferry link") == "Abacus Research");
}

TEST_CASE("an unnamed source keeps a possessive inside its post-modifier", "[speaker][unseen]") {
  auto claims = ExtractText("Two people close to the ferry company's board said the sale had been delayed.");
  CHECK(SpeakerOf(claims, "the sale had been delayed").find("people close to the ferry company's board") !=
        std::string::npos);
  claims = ExtractText("A source familiar with the premier's plans said the sale had been delayed.");
  CHECK(SpeakerOf(claims, "the sale had been delayed") == "source familiar with the premier's plans");
}

TEST_CASE("a court's \"ruled that\" and \", ruling that\" report its finding", "[attribute][unseen]") {
  auto claims = ExtractText("The appeals court ruled that the harbour bylaw was unconstitutional.");
  CHECK(SpeakerOf(claims, "the harbour bylaw was unconstitutional") == "appeals court");
  claims = ExtractText("Judge Nora Falk blocked the bylaw, ruling that the council had skipped its own notice rules.");
  CHECK(SpeakerOf(claims, "the council had skipped its own notice rules") == "Nora Falk");
}

TEST_CASE("a time that owns a noun is no adverbial before the content", "[attribute][unseen]") {
  auto claims = ExtractText("The mayor praised Friday's vote as a win for the harbour.");
  for (const Claim& c : claims) CHECK(c.text.rfind("'s", 0) != 0);
  CHECK(SpeakerOf(claims, "Friday's vote") == "mayor");
}

TEST_CASE("a span of time between the cue and \"that\" is no part of the content", "[attribute][unseen]") {
  auto claims = ExtractText("Ferry riders have complained for months that the morning sailing leaves late.");
  CHECK(SpeakerOf(claims, "the morning sailing leaves late") == "Ferry riders");
  claims = ExtractText("The harbour master said for the first time that the dredging had failed.");
  CHECK(SpeakerOf(claims, "the dredging had failed").find("harbour master") != std::string::npos);
}

TEST_CASE("a headline is kept out; a first line that ends as a sentence is not one", "[attribute][unseen]") {
  auto claims = ExtractText(
      "Harbour chief promises to clear permit backlog as mayors voice doubts\n"
      "HALIFAX - Port director Ines Moreau said the backlog would be gone by June.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker.name == "Ines Moreau");
  claims = ExtractText(
      "Ines Moreau said the backlog would be gone by June.\n"
      "She said the mayors had been told.");
  CHECK(claims.size() == 2);
  // A one-paragraph text has no headline.
  claims = ExtractText("Port director Ines Moreau says the backlog will be gone by June");
  CHECK(claims.size() == 1);
}

TEST_CASE("an adverb between a restrictive relative clause and its cue", "[speaker][unseen]") {
  auto claims = ExtractText(
      "A port official who was not authorized to speak publicly said the terminal would close in March.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker.name.find("port official") != std::string::npos);
}

TEST_CASE("a relation of a named owner gives way to the person named beside it", "[speaker][unseen]") {
  auto claims = ExtractText(
      "Dunmore's son, Callum Dunmore-Reid, said his father had fished the bay for 40 years.");
  CHECK(SpeakerOf(claims, "his father had fished") == "Callum Dunmore-Reid");
}

TEST_CASE("after a possessive a one-word cue is a noun", "[attribute][unseen]") {
  auto claims = ExtractText("A report found that the ministry's claims system had failed 12 times.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].text == "the ministry's claims system had failed 12 times");
}

TEST_CASE("a reversed frame followed by a concession with a cue of its own", "[attribute][unseen]") {
  auto claims = ExtractText(
      "Most of the new ferries would be in service by May, Okonkwo said, though he acknowledged that training "
      "crews can take a year.");
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].text == "Most of the new ferries would be in service by May");
  CHECK(claims[1].text == "training crews can take a year");
}

TEST_CASE("the number of a union's local is part of its name", "[speaker][unseen]") {
  auto claims = ExtractText("Harbour Pilots Local 212 said the new schedule was unsafe.");
  CHECK(SpeakerOf(claims, "the new schedule") == "Harbour Pilots Local 212");
}

TEST_CASE("\"according to X\" between commas inside the sentence reports both sides", "[attribute][unseen]") {
  auto claims = ExtractText(
      "Over the next decade, according to the harbour authority, the cost of dredging will double.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].kind == ClaimKind::kAccordingTo);
  CHECK(claims[0].text == "Over the next decade the cost of dredging will double");
  CHECK(claims[0].speaker.name.find("harbour authority") != std::string::npos);
}

TEST_CASE("an ampersand inside an organisation's name, a numbered ward before a title", "[speaker][unseen]") {
  auto claims = ExtractText("Harbour & Western Ferries said the audit was flawed.");
  CHECK(SpeakerOf(claims, "the audit was flawed") == "Harbour & Western Ferries");
  claims = ExtractText("Ward 4 Coun. Elise Marchetti said the audit was flawed.");
  CHECK(SpeakerOf(claims, "the audit was flawed") == "Elise Marchetti");
}

TEST_CASE("round 9: a numbered ward in a sentence's subject, the antecedent of \"she\"", "[speaker][unseen]") {
  auto claims = ExtractText(
      "Ward 4 Coun. Elise Marchetti, who chairs the finance committee, called the audit \"a mess.\" "
      "\"The riders deserve better,\" she said.");
  CHECK(SpeakerOf(claims, "The riders deserve better") == "Elise Marchetti");
}

TEST_CASE("round 9: \"according to its chair, NAME\" names the source", "[speaker][unseen]") {
  auto claims = ExtractText("The group will file a petition next month, according to its chair, Ruth Okonkwo.");
  CHECK(SpeakerOf(claims, "The group will file") == "Ruth Okonkwo");
  claims = ExtractText("According to its chair, Ruth Okonkwo, the group will file a petition next month.");
  CHECK(SpeakerOf(claims, "the group will file") == "Ruth Okonkwo");
  // No appositive name: the role as written.
  claims = ExtractText("The group will file a petition next month, according to its chair.");
  CHECK(SpeakerOf(claims, "The group will file") != "Ruth Okonkwo");
}

TEST_CASE("round 9: a plural possessive inside an organisation's name", "[speaker][unseen]") {
  auto claims = ExtractText("The Harbour Transit Riders' Alliance said the audit showed the agency needed an advocate.");
  CHECK(SpeakerOf(claims, "the audit showed") == "Harbour Transit Riders' Alliance");
  // A place's possessive before a title stays a possessive.
  claims = ExtractText("Ontario's health minister said the plan would work.");
  CHECK(SpeakerOf(claims, "the plan would work") != "Ontario's health minister's");
}

TEST_CASE("round 9: a survey's author after a participle, and the poll that stands for it later",
          "[speaker][unseen]") {
  auto claims = ExtractText(
      "A survey of 600 adults, conducted for the city by Juniper Research Group, found that 62% feel unsafe "
      "after dark. The same poll shows that half of them have seen a near-miss.");
  CHECK(SpeakerOf(claims, "62% feel unsafe") == "Juniper Research Group");
  CHECK(SpeakerOf(claims, "half of them have seen") == "Juniper Research Group");
}

TEST_CASE("round 9: a document's author named by role, and the person named with that role later",
          "[speaker][unseen]") {
  auto claims = ExtractText(
      "The ferry line lost money for six years, according to a report by the city auditor released Tuesday. "
      "City auditor Fiona Delgado said the line was poorly run. The report found that managers ignored warnings.");
  // (Only a person named with a common given name: a place misread as a
  // person with a role is no antecedent.)
  CHECK(SpeakerOf(claims, "The ferry line lost money") == "Fiona Delgado");
  CHECK(SpeakerOf(claims, "managers ignored warnings") == "Fiona Delgado");
  // An indefinite role names no one: "a judge" is an unnamed source.
  claims = ExtractText(
      "The order was unlawful, a judge said Tuesday. Judge Harold Baptiste of the district court was not involved.");
  CHECK(SpeakerOf(claims, "The order was unlawful") != "Harold Baptiste");
}

TEST_CASE("round 9: \"in which, according to X, C\" reports the clause after the frame", "[attribute][unseen]") {
  auto claims = ExtractText(
      "He pointed to a 2022 collision in which, according to federal investigators, the crew had been awake for 19 "
      "hours.");
  CHECK(SpeakerOf(claims, "the crew had been awake for 19 hours") == "federal investigators");
}

}  // namespace
}  // namespace claimgraph
