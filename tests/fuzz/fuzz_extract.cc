// libFuzzer target over the reader and the extractor: one input is either a
// text article or JSON Lines (the first byte picks), read as the CLI reads it,
// extracted, turned into claim lines and into an article graph.
//
// Beyond "no crash, no sanitizer report", it checks what callers rely on:
// paragraphs and claim spans lie inside the text, paragraphs are in order, a
// claim line is valid JSON, and a read error is an InvalidInput that names
// its source. Any violation aborts (a libFuzzer crash).
//
// Build and run: scripts/fuzz.sh (clang, -fsanitize=fuzzer,address,undefined).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/claim_json.h"
#include "extract/extractor.h"
#include "extract/reader.h"
#include "graph/builder.h"

namespace {

using namespace claimgraph;

[[noreturn]] void Fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "fuzz invariant violated: %s: %s\n", what, detail.c_str());
  std::abort();
}

const Extractor& TheExtractor() {
  static const Extractor* extractor = [] {
    std::unique_ptr<Extractor> e;
    Status s = Extractor::Create(ExtractorOptions{}, &e);
    if (!s.ok()) Fail("Extractor::Create", s.ToString());
    return e.release();
  }();
  return *extractor;
}

void CheckDocument(const Document& doc) {
  size_t prev_end = 0;
  for (const TextRange& p : doc.paragraphs) {
    if (p.begin > p.end || p.end > doc.text.size() || p.begin < prev_end) {
      Fail("paragraph range", std::to_string(p.begin) + "-" + std::to_string(p.end) + " of " +
                                  std::to_string(doc.text.size()));
    }
    prev_end = p.end;
  }
  std::vector<Claim> claims;
  TheExtractor().Extract(doc, &claims);
  for (const Claim& c : claims) {
    if (c.span.begin > c.span.end || c.span.end > doc.text.size()) {
      Fail("claim span", c.id);
    }
    std::string line = ClaimToJson(c);
    if (!nlohmann::json::accept(line)) Fail("claim line is not JSON", line);
  }
  GraphBuilder builder(nullptr);
  ArticleGraph graph;
  Status s = builder.Build(doc, claims, &graph);
  (void)s;  // A builder error is a Status, not a crash; both are fine here.
}

void CheckError(const Status& s, const std::string& source) {
  if (s.ok()) return;
  if (s.ToString().find(source) == std::string::npos) Fail("error names no source", s.ToString());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  ReaderOptions options;
  if (data[0] & 0x80) options.default_date = "2024-01-02";
  std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  if ((data[0] & 1) == 0) {
    Document doc;
    Status s = ReadTextArticle("fuzz.txt", "fuzz.txt", bytes, options, &doc);
    CheckError(s, "fuzz.txt");
    if (s.ok()) CheckDocument(doc);
    return 0;
  }
  size_t line_no = 0;
  size_t pos = 0;
  while (pos <= bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    if (nl == std::string::npos) nl = bytes.size();
    std::string_view line(bytes.data() + pos, nl - pos);
    ++line_no;
    if (!line.empty()) {
      Document doc;
      Status s = ReadJsonlArticle(line, "fuzz.jsonl", line_no, options, &doc);
      CheckError(s, "fuzz.jsonl");
      if (s.ok()) CheckDocument(doc);
    }
    pos = nl + 1;
  }
  return 0;
}
