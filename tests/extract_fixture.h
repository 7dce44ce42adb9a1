// Helpers for extraction tests: a Document from text written in the test,
// one paragraph a line, and the claims the built-in lexicons find in it.
#ifndef CLAIMGRAPH_TESTS_EXTRACT_FIXTURE_H_
#define CLAIMGRAPH_TESTS_EXTRACT_FIXTURE_H_

#include <memory>
#include <string>
#include <vector>

#include "extract/claim.h"
#include "extract/document.h"
#include "extract/extractor.h"

namespace claimgraph {

inline Document MakeDocument(const std::string& text, const std::string& id = "test.txt") {
  Document doc;
  doc.id = id;
  doc.text = text;
  doc.date = "2024-05-01";
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    if (nl > start) doc.paragraphs.push_back(TextRange{start, nl});
    start = nl + 1;
  }
  return doc;
}

inline const Extractor& TestExtractor() {
  static std::unique_ptr<Extractor> extractor = [] {
    std::unique_ptr<Extractor> e;
    Status s = Extractor::Create(ExtractorOptions(), &e);
    if (!s.ok()) throw std::runtime_error(s.ToString());
    return e;
  }();
  return *extractor;
}

inline std::vector<Claim> ExtractText(const std::string& text) {
  std::vector<Claim> claims;
  TestExtractor().Extract(MakeDocument(text), &claims);
  return claims;
}

// The speaker of the first claim whose text starts with `text_start`, or "?".
inline std::string SpeakerOf(const std::vector<Claim>& claims, const std::string& text_start) {
  for (const Claim& c : claims) {
    if (c.text.rfind(text_start, 0) == 0) return c.speaker.name;
  }
  return "?";
}

}  // namespace claimgraph

#endif  // CLAIMGRAPH_TESTS_EXTRACT_FIXTURE_H_
