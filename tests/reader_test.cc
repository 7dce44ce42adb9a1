// Tests of the reader (extract/reader.h) and body marking (extract/body.h) on
// the invented fixtures in tests/testdata/reader/, plus a check on the real
// seed articles when ../shared is present.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "extract/lexicon.h"
#include "extract/reader.h"

namespace claimgraph {
namespace {

namespace fs = std::filesystem;

std::string Fixture(const std::string& name) {
  return std::string(CLAIMGRAPH_SOURCE_DIR) + "/tests/testdata/reader/" + name;
}

bool IsBlankByte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Every paragraph lies inside the text, in order, non-empty and trimmed.
void CheckParagraphs(const Document& doc) {
  size_t last_end = 0;
  for (const TextRange& r : doc.paragraphs) {
    INFO(doc.id << " [" << r.begin << "," << r.end << ")");
    REQUIRE(r.begin < r.end);
    REQUIRE(r.end <= doc.text.size());
    REQUIRE(r.begin >= last_end);
    CHECK_FALSE(IsBlankByte(doc.text[r.begin]));
    CHECK_FALSE(IsBlankByte(doc.text[r.end - 1]));
    last_end = r.end;
  }
}

struct ReadResult {
  std::vector<Document> docs;
  std::vector<Status> errors;
  Status status;
};

ReadResult Read(const std::vector<std::string>& paths, ReaderOptions options = {}) {
  ReadResult result;
  result.status = ReadInputs(
      paths, options,
      [&](Document&& doc) {
        CheckParagraphs(doc);
        result.docs.push_back(std::move(doc));
        return true;
      },
      [&](const Status& error) { result.errors.push_back(error); });
  return result;
}

Document ReadOne(const std::string& fixture, ReaderOptions options = {}) {
  ReadResult r = Read({Fixture(fixture)}, options);
  for (const Status& e : r.errors) FAIL(e.ToString());
  REQUIRE(r.docs.size() == 1);
  return std::move(r.docs[0]);
}

std::vector<std::string> Paragraphs(const Document& doc) {
  std::vector<std::string> out;
  for (const TextRange& r : doc.paragraphs) out.emplace_back(doc.Slice(r));
  return out;
}

bool StartsWith(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

}  // namespace

TEST_CASE("IsValidUtf8 accepts UTF-8 and reports the first bad sequence", "[reader]") {
  size_t bad = 999;
  CHECK(IsValidUtf8("", &bad));
  CHECK(IsValidUtf8("plain ASCII text that is longer than eight bytes", &bad));
  CHECK(IsValidUtf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9D\x84\x9E \xEF\xBF\xBF \xF4\x8F\xBF\xBF", &bad));

  struct Case {
    std::string bytes;
    size_t offset;
  };
  const std::vector<Case> cases = {
      {"abc\x80", 3},                         // stray continuation byte
      {"ab\xC0\xAF", 2},                      // overlong '/'
      {"\xC1\xBF", 0},                        // overlong
      {"x\xE0\x80\xAF", 1},                   // overlong three-byte
      {"xy\xED\xA0\x80", 2},                  // UTF-16 surrogate U+D800
      {"\xF0\x80\x80\xAF", 0},                // overlong four-byte
      {"z\xF4\x90\x80\x80", 1},               // above U+10FFFF
      {"\xF5\x80\x80\x80", 0},                // never valid lead byte
      {"ok \xE2\x82", 3},                     // truncated at the end
      {"ok \xE2\x28\xA1", 3},                 // bad continuation
      {"0123456789abcdef0\xFF", 17},          // after the eight-byte fast path
      {std::string(64, 'a') + "\xC3", 64},    // truncated after a long ASCII run
  };
  for (const Case& c : cases) {
    INFO("offset " << c.offset);
    bad = 999;
    CHECK_FALSE(IsValidUtf8(c.bytes, &bad));
    CHECK(bad == c.offset);
  }
}

TEST_CASE("NormalizeDate reads the date shapes news pages use", "[reader]") {
  CHECK(NormalizeDate("March 23, 2024") == "2024-03-23");
  CHECK(NormalizeDate("Mar. 23, 2024") == "2024-03-23");
  CHECK(NormalizeDate("Sept. 3, 2024") == "2024-09-03");
  CHECK(NormalizeDate("23 March 2024") == "2024-03-23");
  CHECK(NormalizeDate("Saturday, March 23, 2024") == "2024-03-23");
  CHECK(NormalizeDate("2024/03/23") == "2024-03-23");
  CHECK(NormalizeDate("2024-03-23") == "2024-03-23");
  CHECK(NormalizeDate(" 2024/03/23 06:30 ") == "2024-03-23");
  CHECK(NormalizeDate("2024-03-23T06:30:00Z") == "2024-03-23");
  CHECK(NormalizeDate("2024-2-9") == "2024-02-09");
  CHECK(NormalizeDate("February 29, 2024") == "2024-02-29");
  CHECK(NormalizeDate("February 29, 2023").empty());
  CHECK(NormalizeDate("2024-13-01").empty());
  CHECK(NormalizeDate("2024-04-31").empty());
  CHECK(NormalizeDate("yesterday").empty());
  CHECK(NormalizeDate("").empty());
  CHECK(NormalizeDate("20240323").empty());
  CHECK(NormalizeDate("March 2024").empty());
}

TEST_CASE("page_chrome lexicon entries all have a known kind", "[reader]") {
  Lexicon lexicon;
  REQUIRE(Lexicon::Load("page_chrome", "", &lexicon).ok());
  const std::vector<std::string> kinds = {"tail", "tail_heading", "drop", "meta", "byline", "signature"};
  const std::vector<std::string> fields = {"date", "date_fallback", "url", "category", "ignore"};
  for (const LexiconEntry& entry : lexicon.entries()) {
    INFO(entry.key);
    REQUIRE_FALSE(entry.fields.empty());
    CHECK(std::find(kinds.begin(), kinds.end(), entry.fields[0]) != kinds.end());
    if (entry.fields[0] == "meta") {
      REQUIRE(entry.fields.size() == 2);
      CHECK(std::find(fields.begin(), fields.end(), entry.fields[1]) != fields.end());
    }
  }
  CHECK(lexicon.entries().size() >= 10);
}

TEST_CASE("A web clipping keeps its body and turns record lines into fields", "[reader]") {
  Document doc = ReadOne("clipping.txt");
  CHECK(doc.id == "clipping.txt");
  CHECK(doc.line == 0);
  CHECK(doc.date == "2022-04-02");  // "Date:" wins over "Created:"
  CHECK(doc.url == "https://news.example.org/northport/dredging");
  CHECK(doc.category == "coast");
  std::vector<std::string> paras = Paragraphs(doc);
  // Five body lines, one a verbatim repeat; the tail is all chrome.
  REQUIRE(paras.size() == 4);
  CHECK(StartsWith(paras[0], "Harbor officials"));
  CHECK(StartsWith(paras[1], "Reyes met contractors"));
  CHECK(StartsWith(paras[2], "The contractor"));
  CHECK(StartsWith(paras[3], "Council member"));
  for (const std::string& p : paras) {
    CHECK(p.find("Similar Readings") == std::string::npos);
    CHECK(p.find("must open by spring") == std::string::npos);
    CHECK(p.find("criticised delays") == std::string::npos);
    CHECK(p.find("Words1") == std::string::npos);
  }
}

TEST_CASE("A default date only fills in where the article has none", "[reader]") {
  ReaderOptions options;
  options.default_date = "2030-01-01";
  CHECK(ReadOne("clipping.txt", options).date == "2022-04-02");
  CHECK(ReadOne("repost.txt", options).date == "2030-01-01");
  options.default_date = "May 5, 2030";
  CHECK(ReadOne("repost.txt", options).date == "2030-05-05");

  options.default_date = "someday";
  ReadResult r = Read({Fixture("repost.txt")}, options);
  CHECK(r.docs.empty());
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].code() == Status::Code::kUsage);
  CHECK(r.status.code() == Status::Code::kUsage);
}

TEST_CASE("A repost's byline names publisher and author; notices are not body", "[reader]") {
  Document doc = ReadOne("repost.txt");
  CHECK(doc.publisher == "Harbor Daily");
  CHECK(doc.author == "Lin Mei");
  std::vector<std::string> paras = Paragraphs(doc);
  REQUIRE(paras.size() == 2);
  CHECK(StartsWith(paras[0], "On local time May 3"));
  CHECK(StartsWith(paras[1], "\"The limits protect"));
}

TEST_CASE("A leading 'date' token is metadata, the rest of its line body", "[reader]") {
  Document doc = ReadOne("leading_date.txt");
  CHECK(doc.date == "2021-05-04");
  std::vector<std::string> paras = Paragraphs(doc);
  REQUIRE(paras.size() == 2);
  CHECK(StartsWith(paras[0], "The council voted"));
  CHECK(doc.paragraphs[0].begin == std::string(" date 2021-05-04 ").size());
}

TEST_CASE("CRLF line ends and a UTF-8 BOM stay in the text, outside paragraphs", "[reader]") {
  Document crlf = ReadOne("crlf.txt");
  REQUIRE(crlf.paragraphs.size() == 2);
  CHECK(Paragraphs(crlf)[0] == "The river rose two metres overnight, the water board said.");
  CHECK(Paragraphs(crlf)[1] == "Residents near the dyke were told to move their cars.");

  Document bom = ReadOne("bom.txt");
  CHECK(StartsWith(bom.text, "\xEF\xBB\xBF"));
  REQUIRE(bom.paragraphs.size() == 1);
  CHECK(bom.paragraphs[0].begin == 3);
  CHECK(StartsWith(Paragraphs(bom)[0], "A ferry service"));
}

TEST_CASE("Bad text files are reported with the file and byte offset", "[reader]") {
  ReadResult r = Read({Fixture("utf16.txt"), Fixture("nul.txt"), Fixture("bad_utf8.txt"), Fixture("bom.txt")});
  REQUIRE(r.errors.size() == 3);
  CHECK(r.status.ok());  // not strict: reported and skipped
  REQUIRE(r.docs.size() == 1);
  CHECK(r.docs[0].id == "bom.txt");
  for (const Status& e : r.errors) CHECK(e.code() == Status::Code::kInvalidInput);
  CHECK(r.errors[0].message() == Fixture("utf16.txt") +
                                     ": UTF-16 text (byte order mark FF FE); convert it to UTF-8 first, e.g. "
                                     "iconv -f UTF-16 -t UTF-8");
  CHECK(r.errors[1].message() == Fixture("nul.txt") + ": byte 21: NUL byte: a binary file, not text");
  CHECK(r.errors[2].message() == Fixture("bad_utf8.txt") + ": byte 20: invalid UTF-8");
}

TEST_CASE("Strict mode stops at the first bad article and returns it", "[reader]") {
  ReaderOptions options;
  options.strict = true;
  ReadResult r = Read({Fixture("bom.txt"), Fixture("nul.txt"), Fixture("crlf.txt")}, options);
  CHECK(r.docs.size() == 1);
  CHECK(r.errors.size() == 1);
  CHECK(r.status.code() == Status::Code::kInvalidInput);
  CHECK(r.status.message().find("nul.txt: byte 21") != std::string::npos);
}

TEST_CASE("Empty and blank text files yield no article and no error", "[reader]") {
  ReadResult r = Read({Fixture("empty.txt"), Fixture("blank.txt")});
  CHECK(r.docs.empty());
  CHECK(r.errors.empty());
}

TEST_CASE("Hard-wrapped wire copy is joined into indented paragraphs", "[reader]") {
  Document doc = ReadOne("wrapped.txt");
  std::vector<std::string> paras = Paragraphs(doc);
  REQUIRE(paras.size() == 4);
  CHECK(paras[0] ==
        "Northport Shipping Co said its first quarter profit rose\n"
        "sharply on higher freight rates and lower fuel costs, and it\n"
        "expects the second quarter to be as strong.");
  CHECK(StartsWith(paras[1], "The company said net income"));
  CHECK(paras[1].size() > 100);
  CHECK(StartsWith(paras[2], "Chief executive John Marlow"));
  CHECK(paras[3] == "A spokesman said the board would consider a higher dividend\nat its June meeting.");
}

TEST_CASE("The sign-off after the last sentence is trimmed", "[reader]") {
  Document doc;
  REQUIRE(ReadTextArticle("x", "x.txt",
                          "Output rose five pct in March from February, the ministry said.\n"
                          "    The ministry gave no figures for April, it said.        REUTER\n",
                          {}, &doc)
              .ok());
  REQUIRE(doc.paragraphs.size() == 2);
  CHECK(Paragraphs(doc)[1] == "The ministry gave no figures for April, it said.");
}

TEST_CASE("Paragraph-per-line text is not joined", "[reader]") {
  Document doc;
  std::string text =
      "First paragraph line that is fairly long and ends here.\n"
      "Second paragraph line, not indented, of similar length.\n";
  REQUIRE(ReadTextArticle("x", "x.txt", text, {}, &doc).ok());
  CHECK(doc.paragraphs.size() == 2);
}

TEST_CASE("A 'Summary' heading at the top of an article is not page chrome", "[reader]") {
  Document doc = ReadOne("early_summary.txt");
  std::vector<std::string> paras = Paragraphs(doc);
  REQUIRE(paras.size() == 4);
  CHECK(paras[0] == "Summary");
  CHECK(StartsWith(paras[3], "Farmers' groups"));
}

TEST_CASE("Short lines may repeat; long repeats are dropped", "[reader]") {
  Document doc = ReadOne("short_repeats.txt");
  std::vector<std::string> paras = Paragraphs(doc);
  REQUIRE(paras.size() == 4);
  CHECK(paras[0] == "Reuters");
  CHECK(paras[2] == "Reuters");
}

TEST_CASE("JSONL: one article a line, bad lines reported by file:line", "[reader]") {
  const std::string path = Fixture("articles.jsonl");
  ReaderOptions options;
  options.default_date = "2001-01-01";
  ReadResult r = Read({path}, options);
  CHECK(r.status.ok());

  REQUIRE(r.docs.size() == 4);
  const Document& a1 = r.docs[0];
  CHECK(a1.id == "a1");
  CHECK(a1.source == path);
  CHECK(a1.line == 1);
  CHECK(a1.title == "Bridge closes");
  CHECK(a1.date == "2020-03-05");
  CHECK(a1.url == "https://example.org/a1");
  CHECK(a1.publisher == "Example Times");
  CHECK(Paragraphs(a1) ==
        std::vector<std::string>{"The bridge will close for repairs, the city said.", "Drivers should use the ring road."});

  CHECK(r.docs[1].id == "a2");
  CHECK(r.docs[1].line == 3);
  CHECK(r.docs[1].date == "2019-06-01");  // from its "Date:" line, over the default
  CHECK(Paragraphs(r.docs[1]) == std::vector<std::string>{"The port said traffic fell. Officials blamed the weather."});

  CHECK(r.docs[2].id == "articles.jsonl:7");
  CHECK(r.docs[2].date == "2001-01-01");
  CHECK(r.docs[3].id == "a9");
  CHECK(r.docs[3].date == "1987-02-26");  // the JSONL field wins over the text

  std::vector<std::string> messages;
  for (const Status& e : r.errors) {
    CHECK(e.code() == Status::Code::kInvalidInput);
    messages.push_back(e.message());
  }
  CHECK(messages == std::vector<std::string>{
                        path + ":4: not a JSON object",
                        path + ":5: missing \"text\"",
                        path + ":6: \"text\" is not a string",
                        path + ":8: duplicate id \"a1\" (first at " + path + ":1); skipped",
                        path + ":9: not valid JSON",
                        path + ":12: truncated last line (not complete JSON)",
                    });
}

TEST_CASE("ReadJsonlArticle checks one line", "[reader]") {
  Document doc;
  CHECK(ReadJsonlArticle(R"({"id": 7, "text": "Seven."})", "n.jsonl", 3, {}, &doc).ok());
  CHECK(doc.id == "7");
  CHECK(doc.line == 3);
  Status s = ReadJsonlArticle(R"({"id": "x", "text": "ok", "date": "soon"})", "n.jsonl", 4, {}, &doc);
  CHECK(s.message() == "n.jsonl:4: \"date\" is not a date: \"soon\"");
  s = ReadJsonlArticle(R"({"id": "x", "text": "ok", "title": 5})", "n.jsonl", 5, {}, &doc);
  CHECK(s.code() == Status::Code::kInvalidInput);
  s = ReadJsonlArticle("{\"id\": \"x\", \"text\": \"bad \xC3\x28\"}", "n.jsonl", 6, {}, &doc);
  CHECK(s.message() == "n.jsonl:6: invalid UTF-8 at byte 25 of the line");
  s = ReadJsonlArticle(R"({"id": "x", "text": "lone \ud800"})", "n.jsonl", 7, {}, &doc);
  CHECK(s.message() == "n.jsonl:7: not valid JSON");
}

TEST_CASE("A directory is read recursively in path order, .txt and .jsonl only", "[reader]") {
  ReadResult r = Read({Fixture("tree")});
  // A JSONL file of annotations beside the articles is one error, not one a line.
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].message() ==
        Fixture("tree") + "/sub/deeper/gold.jsonl:1: missing \"text\": not an article file, skipped");
  std::vector<std::string> ids;
  for (const Document& d : r.docs) ids.push_back(d.id);
  CHECK(ids == std::vector<std::string>{"a_first.txt", "b_root.txt", "tree-j1", "c.txt", "z.txt"});
  CHECK(r.docs[3].source == Fixture("tree") + "/sub/c.txt");
}

TEST_CASE("Missing paths and symlink loops are usage errors", "[reader]") {
  fs::path dir = fs::temp_directory_path() / ("claimgraph_reader_test_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "a" / "b");
  std::ofstream(dir / "a" / "one.txt") << "One article in a.\n";
  std::ofstream(dir / "a" / "b" / "two.txt") << "Two articles in b.\n";
  fs::create_directory_symlink(dir / "a", dir / "a" / "b" / "loop");  // b/loop -> a
  fs::create_directory_symlink(dir / "a" / "b", dir / "again");       // b read once only

  ReadResult r = Read({dir.string(), (dir / "missing.txt").string()});
  fs::remove_all(dir);
  std::vector<std::string> ids;
  for (const Document& d : r.docs) ids.push_back(d.id);
  CHECK(ids == std::vector<std::string>{"two.txt", "one.txt"});  // "a/b" sorts before "a/one.txt"
  REQUIRE(r.errors.size() == 2);
  CHECK(r.errors[0].code() == Status::Code::kUsage);
  CHECK(r.errors[0].message().find("a/b/loop: symbolic link loop") != std::string::npos);
  CHECK(r.errors[1].code() == Status::Code::kUsage);
  CHECK(StartsWith(r.errors[1].message(), (dir / "missing.txt").string() + ": "));
}

TEST_CASE("A JSONL file named by the user gets an error per bad line", "[reader]") {
  ReadResult r = Read({Fixture("tree/sub/deeper/gold.jsonl")});
  CHECK(r.docs.empty());
  CHECK(r.errors.size() == 2);
}

TEST_CASE("The document sink can stop reading", "[reader]") {
  int seen = 0;
  Status s = ReadInputs({Fixture("tree")}, {}, [&](Document&&) { return ++seen < 2; }, nullptr);
  CHECK(s.ok());
  CHECK(seen == 2);
}

TEST_CASE("Seed articles: chrome, repeats and metadata", "[reader][seeds]") {
  const std::string dir = std::string(CLAIMGRAPH_SHARED_DIR) + "/corpus/seeds";
  if (!fs::exists(dir + "/001_8233f60ec0590c8d.txt")) {
    WARN("skipped: no seed articles in " << dir);
    return;
  }
  ReadResult r = Read({dir + "/000_2de1e038747228c0.txt", dir + "/001_8233f60ec0590c8d.txt",
                       dir + "/002_ca102d973f5b139f.txt"});
  REQUIRE(r.errors.empty());
  REQUIRE(r.docs.size() == 3);

  const Document& s0 = r.docs[0];
  CHECK(s0.publisher == "Observer Network");
  CHECK(s0.date.empty());
  for (const std::string& p : Paragraphs(s0)) {
    CHECK_FALSE(StartsWith(p, "Disclaimer"));
    CHECK_FALSE(StartsWith(p, "This article is an exclusive"));
    CHECK_FALSE(StartsWith(p, "Original source"));
    CHECK_FALSE(StartsWith(p, "[Source"));
  }

  const Document& s1 = r.docs[1];
  CHECK(s1.paragraphs.size() == 6);
  CHECK(s1.date == "2024-03-23");
  CHECK_FALSE(s1.url.empty());
  for (const std::string& p : Paragraphs(s1)) {
    CHECK(p.find("Similar Readings") == std::string::npos);
    CHECK(p.find("Blinken meets Netanyahu") == std::string::npos);
  }

  const Document& s2 = r.docs[2];
  CHECK(s2.date == "2023-11-09");
  REQUIRE_FALSE(s2.paragraphs.empty());
  CHECK(StartsWith(Paragraphs(s2)[0], "In a significant"));
}

}  // namespace claimgraph
