// The learned frame pass (extract/attribute_model.h): the model file parser,
// what the shipped weights accept and reject, and the training script on a
// fixture corpus. Every sentence here was written for these tests.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "extract/attribute.h"
#include "extract/attribute_model.h"
#include "extract/claim.h"
#include "extract/vocabulary.h"
#include "tests/extract_fixture.h"

namespace claimgraph {
namespace {

TEST_CASE("frame model: parses threshold, cues and weights", "[attribute_model]") {
  FrameModel m;
  REQUIRE(FrameModel::Parse("m.txt", "# comment\nthreshold 0.5\nbias -1\ncue hopes\nc=hopes 2.25\nnc=that 0.5\n",
                            &m)
              .ok());
  CHECK(m.threshold() == Approx(0.5));
  CHECK(m.cue_count() == 1);
  CHECK(m.IsCue("hopes"));
  CHECK_FALSE(m.IsCue("hope"));
  CHECK(m.Score({"c=hopes", "nc=that", "unknown=1"}) == Approx(1.75));
  CHECK(m.Score({}) == Approx(-1));
}

TEST_CASE("frame model: a feature's key is its prefix and values hashed, never its name", "[attribute_model]") {
  FrameModel m;
  REQUIRE(FrameModel::Parse("m.txt", "threshold 0\ncn=said|that 1.5\np=| 0.25\np=said 2\n", &m).ok());
  const uint64_t cn = FrameModel::PartHash("cn=");
  CHECK(m.KeyWeight(FrameModel::Mix(FrameModel::Mix(cn, FrameModel::PartHash("said")), FrameModel::PartHash("that"))) ==
        Approx(1.5));
  // Another split of the same characters is another feature.
  CHECK(m.KeyWeight(FrameModel::Mix(cn, FrameModel::PartHash("said|that"))) == 0);
  // A one-value prefix keeps a '|' in its value.
  CHECK(m.Weight("p=|") == Approx(0.25));
  CHECK(m.KeyWeight(FrameModel::Mix(FrameModel::PartHash("p="), FrameModel::PartHash("|"))) == Approx(0.25));
  CHECK(m.Weight("p=says") == 0);
  CHECK(m.PrefixBound("p=") == Approx(2));
  CHECK(m.PrefixBound("q=") == 0);
  // A conjunction's prefix and first value bound the features with them.
  CHECK(m.Bound(FrameModel::Mix(cn, FrameModel::PartHash("said"))) == Approx(1.5));
  CHECK(m.Bound(FrameModel::Mix(cn, FrameModel::PartHash("says"))) == 0);
  CHECK(m.PrefixBound("cn=") == Approx(1.5));
}

TEST_CASE("frame model: a malformed line gives a Status naming the line", "[attribute_model]") {
  FrameModel m;
  Status s = FrameModel::Parse("m.txt", "threshold 0\ncue hopes\nc=hopes\n", &m);
  CHECK(s.code() == Status::Code::kInvalidInput);
  CHECK(s.message().find("m.txt:3") != std::string::npos);
  s = FrameModel::Parse("m.txt", "threshold 0\n\nc=hopes two\n", &m);
  CHECK(s.message().find("m.txt:3") != std::string::npos);
  CHECK(s.message().find("'two' is not a number") != std::string::npos);
  s = FrameModel::Parse("m.txt", "threshold 0 1\n", &m);
  CHECK(s.message().find("m.txt:1") != std::string::npos);
  s = FrameModel::Parse("m.txt", "cue hopes\n", &m);
  CHECK(s.message().find("no 'threshold'") != std::string::npos);
}

TEST_CASE("frame model: the shipped model parses and has cues", "[attribute_model]") {
  const FrameModel& m = FrameModel::Builtin();
  CHECK(m.cue_count() > 50);
  CHECK(m.IsCue("learned"));
}

TEST_CASE("frame model: a strong cue with a that-clause is accepted", "[attribute_model]") {
  // "learned" is in no rule's cue list: only the learned pass reads it.
  const std::string text = "Senator Maria Okafor learned that the budget office had overstated the deficit.";
  Vocabulary vocab;
  REQUIRE(Vocabulary::Load("", &vocab).ok());
  FrameModel none;
  REQUIRE(FrameModel::Parse("none.txt", "threshold 0\n", &none).ok());
  std::vector<Claim> rules_only;
  AttributionSieve(vocab, &none).Run(MakeDocument(text), &rules_only);
  CHECK(rules_only.empty());

  auto claims = ExtractText(text);
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].kind == ClaimKind::kIndirect);
  CHECK(claims[0].text == "the budget office had overstated the deficit");
  CHECK(claims[0].cue == "learned");
  CHECK(claims[0].speaker.name == "Maria Okafor");
}

TEST_CASE("frame model: a learned cue before an adjective's clause is read", "[attribute_model]") {
  auto claims = ExtractText("Mayor Ana Lopes seemed confident that the council would reopen the pier.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].cue == "seemed");
  CHECK(claims[0].speaker.name == "Ana Lopes");
  CHECK(claims[0].text.find("the council would reopen the pier") != std::string::npos);
}

TEST_CASE("frame model: a refusal says nothing", "[attribute_model]") {
  CHECK(ExtractText("Senator Maria Okafor declined to comment on the harbour budget.").empty());
  CHECK(ExtractText("Senator Maria Okafor refused to say whether the harbour budget would pass.").empty());
  // A refusal to act is no claim either: refusals are no learned cues.
  CHECK(ExtractText("The harbour council refused to consider the new budget before the election, and the mayor "
                    "declined to sign it.")
            .empty());
  CHECK_FALSE(FrameModel::Builtin().IsCue("refused"));
  CHECK_FALSE(FrameModel::Builtin().IsCue("declined"));
}

TEST_CASE("frame model: non-attributive sentences yield nothing", "[attribute_model]") {
  CHECK(ExtractText("The river flows past the old mill and into the quiet valley below.").empty());
  CHECK(ExtractText("The committee approved the harbour budget on Tuesday after a short debate.").empty());
  CHECK(ExtractText("The report was printed on blue paper and sent to every member.").empty());
}

TEST_CASE("frame model: no claim from a cue inside a quote", "[attribute_model]") {
  auto claims = ExtractText("\"Senator Maria Okafor learned that the budget office had overstated the deficit.\"");
  for (const Claim& c : claims) CHECK(c.cue != "learned");
  claims = ExtractText(
      "Lopes said: \"Senator Maria Okafor learned that the budget office had overstated the deficit.\"");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].kind == ClaimKind::kDirect);
  CHECK(claims[0].cue == "said");
}

TEST_CASE("frame model: the training dump restores the sieve's state", "[attribute_model]") {
  // With candidates requested nothing is emitted by the learned pass, and the
  // rules' claims are those of a sieve without it.
  const std::string text =
      "Senator Maria Okafor learned that the budget office had overstated the deficit.\n"
      "Mayor Ana Lopes said the new pier would open in May.";
  Vocabulary vocab;
  REQUIRE(Vocabulary::Load("", &vocab).ok());
  std::vector<Claim> claims;
  std::vector<FrameCandidate> candidates;
  AttributionSieve(vocab).Run(MakeDocument(text), &claims, &candidates);
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].cue == "said");
  REQUIRE(candidates.size() == 1);
  CHECK(candidates[0].text == "the budget office had overstated the deficit");
  CHECK(candidates[0].features.front() == "c=learned");
  CHECK(candidates[0].score == Approx(FrameModel::Builtin().Score(candidates[0].features)));
}

#ifdef CLAIMGRAPH_FRAMES_BINARY
TEST_CASE("frame model: scripts/train_frames.py trains on a fixture corpus", "[attribute_model]") {
  const std::string out = std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") +
                          "/claimgraph_frame_model_test.txt";
  const std::string cmd = std::string("/usr/bin/python3 ") + CLAIMGRAPH_SOURCE_DIR +
                          "/scripts/train_frames.py --tool " + CLAIMGRAPH_FRAMES_BINARY + " --corpus " +
                          CLAIMGRAPH_SOURCE_DIR + "/tests/testdata/frames --out " + out +
                          " --min-cue 1 --min-count 1 --min-accepted 0 --folds 2 2>/dev/null";
  if (std::system("test -x /usr/bin/python3") != 0) {
    WARN("skipped: no /usr/bin/python3");
    return;
  }
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::ifstream in(out);
  std::stringstream text;
  text << in.rdbuf();
  std::remove(out.c_str());
  FrameModel m;
  REQUIRE(FrameModel::Parse(out, text.str(), &m).ok());
  CHECK(m.IsCue("remembered"));
  CHECK(m.IsCue("learned"));
  CHECK(m.Score({"c=remembered", "nc=that"}) > m.Score({"c=published", "nc=prep"}));
}
#endif

}  // namespace
}  // namespace claimgraph
