// One test per sieve pattern, each with the sentence that needs it. Every
// sentence here was written for these tests.
#include <catch2/catch.hpp>

#include "extract/claim.h"
#include "tests/extract_fixture.h"

namespace claimgraph {
namespace {

const Claim* Find(const std::vector<Claim>& claims, const std::string& text_start) {
  for (const Claim& c : claims) {
    if (c.text.rfind(text_start, 0) == 0) return &c;
  }
  return nullptr;
}

TEST_CASE("quote first, speaker after: \"Q,\" X said", "[attribute]") {
  auto claims = ExtractText("\"We will not back down,\" Mayor Ana Lopes said.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].kind == ClaimKind::kDirect);
  CHECK(claims[0].text == "We will not back down");
  CHECK(claims[0].speaker.name == "Ana Lopes");
  CHECK(claims[0].speaker.role == "Mayor");
  CHECK(claims[0].speaker.type == EntityType::kPerson);
  CHECK(claims[0].cue == "said");
}

TEST_CASE("quote first, inverted: \"Q,\" said X", "[attribute]") {
  auto claims = ExtractText("\"The deal is dead,\" said Foreign Minister Karl Berg.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker.name == "Karl Berg");
  CHECK(claims[0].speaker.role == "Foreign Minister");
}

TEST_CASE("a quote interrupted by its attribution is one claim", "[attribute]") {
  auto claims = ExtractText("\"We will build it,\" Lopes said, \"and we will pay for it.\"");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].text == "We will build it and we will pay for it.");
}

TEST_CASE("speaker first: X said, \"Q\" and X stated that \"Q\"", "[attribute]") {
  auto a = ExtractText("Lopes said, \"The budget is balanced.\"");
  REQUIRE(a.size() == 1);
  CHECK(a[0].kind == ClaimKind::kDirect);
  CHECK(a[0].text == "The budget is balanced.");
  auto b = ExtractText("Karl Berg stated on Monday that \"the border will stay open.\"");
  REQUIRE(b.size() == 1);
  CHECK(b[0].kind == ClaimKind::kDirect);
  CHECK(b[0].speaker.name == "Karl Berg");
}

TEST_CASE("colon: X: \"Q\"", "[attribute]") {
  auto claims = ExtractText("Ana Lopes: \"We are ready for the vote.\"");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker.name == "Ana Lopes");
  CHECK(claims[0].cue == ":");
}

TEST_CASE("indirect speech with and without that, spans point into the text", "[attribute]") {
  const std::string text = "Finance Minister Karl Berg said the deficit would shrink next year.";
  std::vector<Claim> claims;
  TestExtractor().Extract(MakeDocument(text), &claims);
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].kind == ClaimKind::kIndirect);
  CHECK(claims[0].text == "the deficit would shrink next year");
  CHECK(text.substr(claims[0].span.begin, claims[0].span.end - claims[0].span.begin) == claims[0].text);
}

TEST_CASE("told keeps the addressee", "[attribute]") {
  auto claims = ExtractText("Karl Berg told reporters that the talks had stalled.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].addressee == "reporters");
  CHECK(claims[0].text == "the talks had stalled");
  CHECK(claims[0].cue == "told");
}

TEST_CASE("urged keeps the addressee inside the content; a role word resolves", "[attribute]") {
  auto claims = ExtractText(
      "Mayor Ana Lopes opened the meeting.\nThe mayor urged residents to conserve water during the drought.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].text == "residents to conserve water during the drought");
  CHECK(claims[0].addressee == "residents");
  CHECK(claims[0].speaker.name == "Ana Lopes");
}

TEST_CASE("called for and described as take a noun phrase", "[attribute]") {
  auto a = ExtractText("Lopes called for an independent review of the contract.");
  REQUIRE(a.size() == 1);
  CHECK(a[0].cue == "called for");
  CHECK(a[0].text == "an independent review of the contract");
  auto b = ExtractText("Berg described the plan as \"a reckless gamble.\"");
  REQUIRE(b.size() == 1);
  CHECK(b[0].kind == ClaimKind::kPartial);
  CHECK(b[0].text == "the plan as a reckless gamble.");
}

TEST_CASE("reversed indirect: C, X said", "[attribute]") {
  auto claims = ExtractText("The harvest will be late this year, officials said on Tuesday.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].text == "The harvest will be late this year");
  CHECK(claims[0].speaker.name == "officials");
  CHECK(claims[0].speaker.type == EntityType::kGroup);
}

TEST_CASE("according to X, at either end of the sentence", "[attribute]") {
  auto a = ExtractText("According to the Interior Ministry, 40 people were detained overnight.");
  REQUIRE(a.size() == 1);
  CHECK(a[0].kind == ClaimKind::kAccordingTo);
  CHECK(a[0].speaker.name == "Interior Ministry");
  CHECK(a[0].speaker.type == EntityType::kOrganization);
  auto b = ExtractText("Turnout reached 61 percent in the capital, according to Reuters.");
  REQUIRE(b.size() == 1);
  CHECK(b[0].speaker.name == "Reuters");
  CHECK(b[0].text == "Turnout reached 61 percent in the capital");
}

TEST_CASE("according to X around an attribution makes X the relay", "[attribute]") {
  auto claims = ExtractText("According to Reuters, the spokesperson Lena Park said the data was accurate.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker.name == "Lena Park");
  CHECK(claims[0].relayed_by == "Reuters");
}

TEST_CASE("X cited Y as saying: Y speaks, X relays", "[attribute]") {
  auto claims = ExtractText("Reuters cited two diplomats as saying that the vote would be delayed.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker.name == "two diplomats");
  CHECK(claims[0].relayed_by == "Reuters");
  CHECK(claims[0].text == "the vote would be delayed");
}

TEST_CASE("a participle takes the subject of its clause", "[attribute]") {
  auto claims = ExtractText("Protesters marched to the capitol, demanding a recount of the ballots.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker.name == "Protesters");
  CHECK(claims[0].text == "a recount of the ballots");
}

TEST_CASE("pronouns resolve to the subject of the sentence before", "[attribute]") {
  auto claims = ExtractText(
      "Karl Berg met the delegation of Prime Minister Eva Stone on Friday. He said the talks were productive.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker.name == "Karl Berg");
  CHECK(claims[0].speaker.mention == "He");
}

TEST_CASE("they resolves to a group subject", "[attribute]") {
  auto claims = ExtractText(
      "Striking nurses gathered outside the hospital. They said the new rota was unsafe for patients.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker.name == "Striking nurses");
}

TEST_CASE("a surname resolves to the full name and keeps the title", "[attribute]") {
  auto claims = ExtractText("Finance Minister Karl Berg arrived late. Berg said the figures were final.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker.name == "Karl Berg");
  CHECK(claims[0].speaker.mention == "Berg");
  CHECK(claims[0].speaker.role == "Finance Minister");
}

TEST_CASE("a quote that stands alone continues the last speaker", "[attribute]") {
  auto claims = ExtractText("\"We are ready,\" Lopes said. \"The city has waited long enough.\"");
  REQUIRE(claims.size() == 2);
  CHECK(claims[1].speaker.name == "Lopes");
  CHECK(claims[1].text == "The city has waited long enough.");
}

TEST_CASE("an attribution inside reported speech is relayed", "[attribute]") {
  auto claims = ExtractText("The Daily Ledger reported that Senator Maria Diaz told colleagues she would resign.");
  REQUIRE(claims.size() == 2);
  const Claim* inner = Find(claims, "she would resign");
  REQUIRE(inner != nullptr);
  CHECK(inner->speaker.name == "Maria Diaz");
  CHECK(inner->relayed_by == "Daily Ledger");
}

TEST_CASE("noun cue: X's statement that C", "[attribute]") {
  auto claims = ExtractText("Governor Tim Reyes's recent statement that taxes would fall surprised economists.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker.name == "Tim Reyes");
  CHECK(claims[0].cue == "statement");
}

TEST_CASE("demonyms and capitals give affiliations and countries", "[attribute]") {
  auto a = ExtractText("French officials said the summit would go ahead.");
  REQUIRE(a.size() == 1);
  CHECK(a[0].speaker.name == "French officials");
  CHECK(a[0].speaker.affiliation == "France");
  auto b = ExtractText("Washington warned that the sanctions would remain in place.");
  REQUIRE(b.size() == 1);
  CHECK(b[0].speaker.name == "United States");
  CHECK(b[0].speaker.type == EntityType::kCountry);
  auto c = ExtractText("Russian ambassador Ivan Sokolov said the text was unbalanced.");
  REQUIRE(c.size() == 1);
  CHECK(c[0].speaker.name == "Ivan Sokolov");
  CHECK(c[0].speaker.affiliation == "Russia");
  CHECK(c[0].speaker.role == "Russian ambassador");
}

TEST_CASE("appositives and who-clauses point at the named speaker", "[attribute]") {
  auto a = ExtractText("Lena Park, a spokeswoman for the agency, said the data was accurate.");
  REQUIRE(a.size() == 1);
  CHECK(a[0].speaker.name == "Lena Park");
  auto b = ExtractText("The study was criticised by Tom Reyes, who said the sample was too small.");
  REQUIRE(b.size() == 1);
  CHECK(b[0].speaker.name == "Tom Reyes");
}

TEST_CASE("no claim: negation, neither-nor, cues inside quotes, lone scare quotes", "[attribute]") {
  CHECK(ExtractText("Neither the ministry nor the embassy commented on the report.").empty());
  CHECK(ExtractText("Berg did not say whether the plan would change.").empty());
  CHECK(ExtractText("The board called the offer \"generous\" at first.").size() <= 1);
  CHECK(ExtractText("The so-called \"peace dividend\" never arrived.").empty());
  auto claims = ExtractText("\"I told him that we would wait,\" Berg said.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker.name == "Berg");
}

TEST_CASE("object cues take a short object; refusing to comment is no claim", "[attribute]") {
  auto a = ExtractText("The governor endorsed Reyes on Sunday.");
  REQUIRE(a.size() == 1);
  CHECK(a[0].cue == "endorsed");
  auto b = ExtractText("The union accused the company of breaking the agreement.");
  REQUIRE(b.size() == 1);
  CHECK(b[0].text == "the company of breaking the agreement");
  CHECK(ExtractText("The ministry declined to comment on the report.").empty());
}

TEST_CASE("a wire dateline is neither speaker nor content", "[attribute]") {
  auto claims = ExtractText("OSLO - The fishing quota will be cut next year, the ministry said.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].text == "The fishing quota will be cut next year");
}

TEST_CASE("'now that' is not the complementizer of the report", "[attribute]") {
  auto claims = ExtractText("Berg said the plan would be a mistake now that the budget has collapsed.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].text == "the plan would be a mistake now that the budget has collapsed");
}

TEST_CASE("a frame inside the content: C1, X said, C2", "[attribute]") {
  auto claims = ExtractText("For most farmers, the minister said, the new rules will bring higher costs.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].text == "For most farmers the new rules will bring higher costs");
  CHECK(claims[0].speaker.name == "minister");
}

TEST_CASE("name, age, place, region: the name speaks", "[attribute]") {
  auto claims = ExtractText("Maria Olsen, 41, of Tromso, Norway, says the ferry fares are too high.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker.name == "Maria Olsen");
  CHECK(claims[0].text == "the ferry fares are too high");
}

TEST_CASE("a share of people speaks: 74 percent said", "[attribute]") {
  auto claims = ExtractText("Among farmers, 64 percent said they would vote for the new levy in June.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker.name == "64 percent");
  CHECK(claims[0].text == "they would vote for the new levy in June");
}

TEST_CASE("object cues mined from PolNeAR train: denounced, voiced", "[attribute]") {
  auto a = ExtractText("Mayor Ana Lopes denounced the decision to close the northern ferry terminal.");
  REQUIRE(a.size() == 1);
  CHECK(a[0].speaker.name == "Ana Lopes");
  CHECK(a[0].cue == "denounced");
  auto b = ExtractText("Karl Berg voiced strong doubts about the harbour budget.");
  REQUIRE(b.size() == 1);
  CHECK(b[0].text == "strong doubts about the harbour budget");
}

TEST_CASE("a speaker described by a relative clause: X, who ..., said", "[attribute]") {
  auto claims = ExtractText(
      "Karl Berg, who spoke on the condition that his office not be named, said the harbour will reopen in May.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker.name == "Karl Berg");
  CHECK(claims[0].text == "the harbour will reopen in May");
}

TEST_CASE("a reported clause ends before the next frame: C1, while X said C2", "[attribute]") {
  auto claims = ExtractText(
      "Most farmers said the levy was fair, while 12 percent said they would refuse to pay it.");
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].text == "the levy was fair");
  CHECK(claims[1].text == "they would refuse to pay it");
  CHECK(claims[1].speaker.name == "12 percent");
}

TEST_CASE("a headline's colon without quotes: X: C", "[attribute]") {
  auto a = ExtractText("Ana Lopes: the ferry fares will rise again next year");
  REQUIRE(a.size() == 1);
  CHECK(a[0].speaker.name == "Ana Lopes");
  CHECK(a[0].cue == ":");
  CHECK(a[0].text == "the ferry fares will rise again next year");
  // A page label is no speaker.
  CHECK(ExtractText("The Latest: ferry fares will rise again next year").empty());
}

TEST_CASE("an object cue's phrase ends before a subordinate clause or the medium", "[attribute]") {
  auto a = ExtractText("Karl Berg praised the harbour plan in an interview published on Sunday.");
  REQUIRE(a.size() == 1);
  CHECK(a[0].text == "the harbour plan");
  auto b = ExtractText("Ana Lopes criticized the ferry levy after the council approved it on Monday.");
  REQUIRE(b.size() == 1);
  CHECK(b[0].text == "the ferry levy");
}

TEST_CASE("X criticized it, saying, \"Q\": the quote is the claim, X speaks", "[attribute]") {
  auto claims = ExtractText("An unnamed harbour official criticized it, saying, \"Nothing surprises me anymore.\"");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].kind == ClaimKind::kDirect);
  CHECK(claims[0].text == "Nothing surprises me anymore.");
  CHECK(claims[0].speaker.name == "unnamed harbour official");
}

TEST_CASE("a common noun speaks before a plain cue: The ferryman said, A spokeswoman for X told", "[attribute]") {
  auto a = ExtractText("The ferryman said the crossing would close for the winter.");
  REQUIRE(a.size() == 1);
  CHECK(a[0].speaker.name == "The ferryman");
  auto b = ExtractText("A spokeswoman for the ferry line said that the fees would rise in March.");
  REQUIRE(b.size() == 1);
  CHECK(b[0].speaker.name == "A spokeswoman for the ferry line");
  CHECK(b[0].text == "the fees would rise in March");
}

TEST_CASE("a coordinated cue after a comma: X did A, did B, and told Y C", "[attribute]") {
  auto claims = ExtractText(
      "Karl Berg toured the docks, visited the shipyard, and told reporters that the port would expand next year.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker.name == "Karl Berg");
  CHECK(claims[0].text == "the port would expand next year");
}

TEST_CASE("second batch of mined cues: ordered Y to, offered, sees", "[attribute]") {
  auto a = ExtractText("Mayor Ana Lopes ordered the harbour staff to reopen the northern gate.");
  REQUIRE(a.size() == 1);
  CHECK(a[0].cue == "ordered");
  CHECK(a[0].speaker.name == "Ana Lopes");
  auto b = ExtractText("Karl Berg sees the ferry levy as a tax on the islands.");
  REQUIRE(b.size() == 1);
  CHECK(b[0].cue == "sees");
}

TEST_CASE("a short prepositional opener is no reversed content: In P, X said C", "[attribute]") {
  auto claims = ExtractText("Among the farmers, most farmers said the levy was fair.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].text == "the levy was fair");
}

TEST_CASE("an object goes on past ', including'", "[attribute]") {
  auto claims = ExtractText("Karl Berg blamed several factors, including the storms of last winter.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].text == "several factors, including the storms of last winter");
}

TEST_CASE("a chain of relative clauses reads two levels deep, not recursively to the end", "[attribute]") {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "Karl Berg, who said, ";
  text += "said the port will close in June.";
  auto claims = ExtractText(text);  // would overflow the stack without the depth limit
  CHECK(claims.size() <= 20001);
}

TEST_CASE("the clause ends before a second verb phrase, not inside a short subject", "[attribute]") {
  auto cut = ExtractText("Ana Lopes said the mill pays its workers well and questioned why the town objects.");
  REQUIRE(!cut.empty());
  CHECK(cut[0].text == "the mill pays its workers well");
  auto whole = ExtractText("Ana Lopes said the heat and unsettled weather could last until Friday.");
  REQUIRE(whole.size() == 1);
  CHECK(whole[0].text == "the heat and unsettled weather could last until Friday");
  auto but = ExtractText("Ana Lopes said the talks take time but added that the town would wait.");
  REQUIRE(but.size() == 2);
  CHECK(but[0].text == "the talks take time");
  CHECK(but[1].text == "the town would wait");
}

TEST_CASE("a second verb after 'and' or ', but' is the clause subject's claim", "[attribute]") {
  auto quoted = ExtractText("Mayor Ana Lopes called it a \"crystal ball\" and said it was often more useful than the polls.");
  const Claim* c = Find(quoted, "it was often");
  REQUIRE(c != nullptr);
  CHECK(c->speaker.name == "Ana Lopes");
  auto but = ExtractText("Karl Berg cut the deficit in five years, but said he could not build the bridge.");
  REQUIRE(but.size() == 1);
  CHECK(but[0].text == "he could not build the bridge");
  CHECK(but[0].speaker.name == "Karl Berg");
}

TEST_CASE("'said if A, B' reports the conditional; 'said in' and 'said as' still read no clause", "[attribute]") {
  auto cond = ExtractText("Karl Berg said if the council refuses, the port will close in June.");
  REQUIRE(cond.size() == 1);
  CHECK(cond[0].text == "if the council refuses, the port will close in June");
  CHECK(ExtractText("The port will close, as Karl Berg said.").empty());
}

TEST_CASE("a long appositive between the name and the cue", "[attribute]") {
  auto claims = ExtractText(
      "Nora Quist, director of the Institute for Coastal Planning and Water Policy at the University of "
      "Eastbrook, said the council is poised to approve the levy.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker.name == "Nora Quist");
  CHECK(claims[0].text == "the council is poised to approve the levy");
}

TEST_CASE("a clause after the cue is the content, not the words before the comma", "[attribute]") {
  auto clause = ExtractText("As for the budget, Karl Berg said he is not worried about it.");
  REQUIRE(clause.size() == 1);
  CHECK(clause[0].text == "he is not worried about it");
  auto reversed = ExtractText("The port will close in June, Karl Berg said on Monday.");
  REQUIRE(reversed.size() == 1);
  CHECK(reversed[0].text == "The port will close in June");
}

TEST_CASE("a share of those polled speaks: 'one in five say', 'Nearly a third say'", "[attribute]") {
  auto claims = ExtractText("Nearly a third say they do not know, and one in five say the levy is not an improvement.");
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].speaker.name == "Nearly a third");
  CHECK(claims[0].text == "they do not know");
  CHECK(claims[1].speaker.name == "one in five");
  auto surveyed = ExtractText("By double digits, those surveyed say stricter rules would help.");
  REQUIRE(surveyed.size() == 1);
  CHECK(surveyed[0].speaker.name == "those surveyed");
}

TEST_CASE("an opening 'Yet' or 'But' is not part of the speaker", "[attribute]") {
  auto claims = ExtractText("Yet Democratic economists say taxing consumption encourages savings.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker.name == "Democratic economists");
}

TEST_CASE("\"Q,\" said a determiner phrase: the woman, a strategist who ..., the 46-year-old", "[attribute]") {
  auto who = ExtractText("\"The levy will pass,\" said a Democratic strategist who spoke on condition of anonymity.");
  REQUIRE(who.size() == 1);
  CHECK(who[0].kind == ClaimKind::kDirect);
  CHECK(who[0].speaker.name == "Democratic strategist");
  auto woman = ExtractText("\"We had to leave,\" said the woman, who asked not to be named.");
  REQUIRE(woman.size() == 1);  // and no claim "not to be named"
  CHECK(woman[0].text == "We had to leave");
  CHECK(woman[0].speaker.name == "the woman");
  auto age = ExtractText("\"He is a leader,\" said the 46-year-old.");
  REQUIRE(age.size() == 1);
  CHECK(age[0].speaker.name == "the 46-year-old");
}

TEST_CASE("a quote, then its speaker and any past-tense verb: tweeted, chanted, read, went on", "[attribute]") {
  auto tweeted = ExtractText("\"The bridge will be such fun,\" Mayor Karl Berg tweeted.");
  REQUIRE(tweeted.size() == 1);
  CHECK(tweeted[0].kind == ClaimKind::kDirect);
  CHECK(tweeted[0].cue == "tweeted");
  CHECK(tweeted[0].speaker.name == "Karl Berg");
  auto went = ExtractText("\"And it is a bit concerning to me,\" she went on.");
  REQUIRE(went.size() == 1);
  CHECK(went[0].text == "And it is a bit concerning to me");
  CHECK(ExtractText("\"Harbour Lights,\" released in 1977, was a hit.").empty());
  auto first = ExtractText("\"It is about time,\" exhorted Jamie Lee Curtis.");
  REQUIRE(first.size() == 1);
  CHECK(first[0].speaker.name == "Jamie Lee Curtis");
}

TEST_CASE("a quote ending in '?' or '!' is attributed by the short sentence after it", "[attribute]") {
  auto claims = ExtractText("\"Does he not understand we wrote the charter?\" Berg said. \"It is absurd.\"");
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].text == "Does he not understand we wrote the charter?");
  CHECK(claims[0].speaker.name == "Berg");
  CHECK(claims[1].speaker.name == "Berg");
}

TEST_CASE("'But, X added, C': the frame after an opening conjunction", "[attribute]") {
  auto claims = ExtractText("But, Karl Berg added, he did not support closing the port at random.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].text == "he did not support closing the port at random");
  CHECK(claims[0].speaker.name == "Karl Berg");
}

TEST_CASE("an object ends before the next speech cue; a parenthetical relative clause ends at its comma", "[attribute]") {
  auto but = ExtractText("Environmental groups welcomed the vote but said more work remained.");
  const Claim* object = Find(but, "the vote");
  REQUIRE(object != nullptr);
  CHECK(object->text == "the vote");
  CHECK(Find(but, "more work remained") != nullptr);
  auto rel = ExtractText("Mayor Ana Lopes, who has pressed the province for months to pay for a tram line, "
                         "called the plan a good start.");
  const Claim* pressed = Find(rel, "the province");
  REQUIRE(pressed != nullptr);
  CHECK(pressed->text == "the province for months to pay for a tram line");
}

TEST_CASE("a restrictive relative clause between speaker and cue: 'Senators who opposed the bill said'", "[attribute]") {
  auto claims = ExtractText("Senators who voted against the levy said its cost would fall on the towns.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker.name == "Senators");
  CHECK(claims[0].text == "its cost would fall on the towns");
  auto participle = ExtractText("Ana Lopes said its cost, estimated at $45 million, would fall on the towns.");
  REQUIRE(participle.size() == 1);
  CHECK(participle[0].text == "its cost, estimated at $45 million, would fall on the towns");
}

TEST_CASE("a time or an occasion between the cue and the reported clause is no part of it", "[attribute]") {
  auto day = ExtractText("Mayor Ana Lopes said on Tuesday the tram line would open in spring.");
  REQUIRE(day.size() == 1);
  CHECK(day[0].text == "the tram line would open in spring");
  auto week = ExtractText("Karl Berg said last week the port would stay open.");
  REQUIRE(week.size() == 1);
  CHECK(week[0].text == "the port would stay open");
  auto occasion = ExtractText("Karl Berg told reporters in an interview with The Harbour Times the port would stay open.");
  REQUIRE(occasion.size() == 1);
  CHECK(occasion[0].text == "the port would stay open");
  CHECK(occasion[0].addressee == "reporters");
  // The occasion alone is no claim.
  auto alone = ExtractText("\"We are ready,\" the tall, 51-year-old engineer said in a long interview with The Harbour Times.");
  CHECK(Find(alone, "in a long interview") == nullptr);
}

}  // namespace
}  // namespace claimgraph
