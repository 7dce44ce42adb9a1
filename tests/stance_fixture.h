// Helpers for stance and topic tests: the built-in vocabulary, a stance
// tagger over it, and one claim of a document written in the test, tagged.
#ifndef CLAIMGRAPH_TESTS_STANCE_FIXTURE_H_
#define CLAIMGRAPH_TESTS_STANCE_FIXTURE_H_

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "extract/claim.h"
#include "extract/document.h"
#include "extract/stance.h"
#include "extract/vocabulary.h"

namespace claimgraph {

inline const Vocabulary& TestVocabulary() {
  static const Vocabulary vocab = [] {
    Vocabulary v;
    Status s = Vocabulary::Load("", &v);
    if (!s.ok()) FAIL(s.ToString());
    return v;
  }();
  return vocab;
}

inline const StanceTagger& TestStanceTagger() {
  static const std::unique_ptr<StanceTagger> tagger = [] {
    std::unique_ptr<StanceTagger> t;
    Status s = StanceTagger::Create(TestVocabulary(), "", "", &t);
    if (!s.ok()) FAIL(s.ToString());
    return t;
  }();
  return *tagger;
}

// The claim `content` of a document `text` (content must occur in it), tagged.
inline Claim TagIn(const StanceTagger& tagger, const std::string& text, const std::string& content,
                   const std::string& speaker = "Test Speaker", const std::string& affiliation = "") {
  Document doc;
  doc.id = "t.txt";
  doc.text = text;
  std::vector<Claim> claims(1);
  Claim& c = claims[0];
  c.doc = doc.id;
  c.text = content;
  const size_t at = text.find(content);
  REQUIRE(at != std::string::npos);
  c.span = TextRange{at, at + content.size()};
  c.cue = "said";
  c.speaker.name = speaker;
  c.speaker.affiliation = affiliation;
  tagger.Tag(doc, &claims);
  return claims[0];
}

}  // namespace claimgraph

#endif  // CLAIMGRAPH_TESTS_STANCE_FIXTURE_H_
