// The direct JSONL decoder (extract/jsonl_fast.h) must agree with a full
// JSON parser on every line it accepts, and give up on the shapes it leaves
// to the reader's full parser.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "extract/jsonl_fast.h"

namespace claimgraph {
namespace {

// What the full parser reads from `line`, in the decoder's terms.
FastArticleFields Reference(const std::string& line) {
  FastArticleFields f;
  const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  REQUIRE(!j.is_discarded());
  const auto get = [&](const char* key, std::string* out, bool* has) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    REQUIRE(it->is_string());
    *out = it->get<std::string>();
    *has = true;
  };
  get("text", &f.text, &f.has_text);
  get("id", &f.id, &f.has_id);
  get("title", &f.title, &f.has_title);
  get("url", &f.url, &f.has_url);
  get("publisher", &f.publisher, &f.has_publisher);
  get("date", &f.date, &f.has_date);
  return f;
}

TEST_CASE("JsonlFast decodes simple article lines as a JSON parser does", "[reader]") {
  const std::string lines[] = {
      R"({"id": "a1", "text": "He said \"no\".\nThen\tleft \\ \/ \u00e9\u20ac."})",
      R"(  {"text":"plain","title":null,"date":"2024-03-01","url":"http://x/y","publisher":"P"}  )",
      R"({"other": "x", "flag": true, "none": null, "neg": false, "text": "t", "id": null})",
      "{\"text\": \"caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D\", \"title\": \"\"}\r",
      R"({"text": "\b\f\r", "id": "\u0041BC"})",
      R"({})",
  };
  for (const std::string& line : lines) {
    INFO(line);
    FastArticleFields fast;
    REQUIRE(DecodeArticleLine(line, &fast));
    const FastArticleFields ref = Reference(line);
    CHECK(fast.text == ref.text);
    CHECK(fast.has_text == ref.has_text);
    CHECK(fast.id == ref.id);
    CHECK(fast.has_id == ref.has_id);
    CHECK(fast.title == ref.title);
    CHECK(fast.has_title == ref.has_title);
    CHECK(fast.url == ref.url);
    CHECK(fast.publisher == ref.publisher);
    CHECK(fast.date == ref.date);
    CHECK(fast.has_date == ref.has_date);
  }
}

TEST_CASE("JsonlFast leaves other shapes and every error to the full parser", "[reader]") {
  const std::string lines[] = {
      R"({"id": 7, "text": "numbers are not decoded here"})",
      R"({"text": "t", "tags": ["a", "b"]})",
      R"({"text": "t", "meta": {"k": "v"}})",
      R"({"text": "a", "text": "b"})",
      R"({"text": "\ud83d\ude00 surrogates"})",
      R"({"text": "\u0000"})",
      R"({"te\u0078t": "escaped key"})",
      R"({"text": 5})",
      R"({"text": "t"} trailing)",
      R"({"text": "t",})",
      R"({"text": "unterminated)",
      "{\"text\": \"raw\tcontrol\"}",
      R"({"text": "bad escape \q"})",
      R"({"text": "short \u12"})",
      R"(["text"])",
      R"({"text" "missing colon"})",
      R"({"text": nul})",
      "",
  };
  for (const std::string& line : lines) {
    INFO(line);
    FastArticleFields fast;
    CHECK_FALSE(DecodeArticleLine(line, &fast));
  }
}

}  // namespace
}  // namespace claimgraph
