// claimgraph_floor: the screening floor that bench/run.sh measures
// claimgraph against (issue #6).
//
// It does the least a claim extractor could do: read each JSON Lines article
// (or a .txt file whole), decode its "text" field, and run one RE2::Set of
// about thirty quote-mark and speech-verb patterns over every line of the
// text, counting the lines that would be worth a closer look. No
// segmentation, no mentions, no attribution, no output but one summary line:
//
//   claimgraph_floor FILE...   ->   "articles N bytes B lines L candidates C"
//
// Thread safety: a single-threaded program.
#include <re2/re2.h>
#include <re2/set.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace {

// Quote marks (straight, curly, guillemets, CJK corners, doubled
// apostrophes) and the most frequent speech cues of extract/lexicons/cues.txt.
const char* const kPatterns[] = {
    "\"",
    "\xE2\x80\x9C",  // left double quotation mark
    "\xE2\x80\x9D",  // right double quotation mark
    "\xC2\xAB",      // «
    "\xC2\xBB",      // »
    "\xE3\x80\x8C",  // 「
    "''",
    "``",
    "\\b(?i:said)\\b",
    "\\b(?i:says?)\\b",
    "\\b(?i:saying)\\b",
    "\\b(?i:told|tells?)\\b",
    "\\b(?i:added|adds|adding)\\b",
    "\\b(?i:stated|states)\\b",
    "\\b(?i:claimed|claims)\\b",
    "\\b(?i:noted|notes|noting)\\b",
    "\\b(?i:explained|explains)\\b",
    "\\b(?i:argued|argues)\\b",
    "\\b(?i:insisted|insists)\\b",
    "\\b(?i:announced|announces)\\b",
    "\\b(?i:warned|warns)\\b",
    "\\b(?i:urged|urges)\\b",
    "\\b(?i:denied|denies)\\b",
    "\\b(?i:confirmed|confirms)\\b",
    "\\b(?i:believes?|believed)\\b",
    "\\b(?i:wrote|writes)\\b",
    "\\b(?i:asked|asks)\\b",
    "\\b(?i:replied|replies)\\b",
    "\\b(?i:according to)\\b",
    "\\b(?i:quoted as saying)\\b",
    "\\b(?i:spokes(?:man|woman|person))\\b",
};

// Appends the JSON string starting after the opening quote at `p` to *out,
// decoding escapes (\uXXXX as UTF-8, surrogate pairs joined). Returns the
// position after the closing quote, or npos when the string is unterminated.
size_t DecodeJsonString(std::string_view line, size_t p, std::string* out) {
  while (p < line.size()) {
    const char c = line[p];
    if (c == '"') return p + 1;
    if (c != '\\') {
      const size_t next = line.find_first_of("\"\\", p);
      const size_t end = next == std::string_view::npos ? line.size() : next;
      out->append(line.substr(p, end - p));
      p = end;
      continue;
    }
    if (p + 1 >= line.size()) return std::string_view::npos;
    const char e = line[p + 1];
    p += 2;
    switch (e) {
      case 'n': out->push_back('\n'); break;
      case 't': out->push_back('\t'); break;
      case 'r': out->push_back('\r'); break;
      case 'b': out->push_back('\b'); break;
      case 'f': out->push_back('\f'); break;
      case 'u': {
        if (p + 4 > line.size()) return std::string_view::npos;
        unsigned cp = std::stoul(std::string(line.substr(p, 4)), nullptr, 16);
        p += 4;
        if (cp >= 0xD800 && cp < 0xDC00 && p + 6 <= line.size() && line[p] == '\\' &&
            line[p + 1] == 'u') {
          const unsigned lo = std::stoul(std::string(line.substr(p + 2, 4)), nullptr, 16);
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          p += 6;
        }
        if (cp < 0x80) {
          out->push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
          out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
          out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
          out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
          out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
          out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
          out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
          out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
          out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
          out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
        break;
      }
      default: out->push_back(e); break;  // \" \\ \/
    }
  }
  return std::string_view::npos;
}

// The decoded "text" member of a JSONL article, or false when it has none.
bool ArticleText(std::string_view line, std::string* text) {
  text->clear();
  const size_t key = line.find("\"text\"");
  if (key == std::string_view::npos) return false;
  const size_t open = line.find('"', line.find(':', key + 6));
  if (open == std::string_view::npos) return false;
  return DecodeJsonString(line, open + 1, text) != std::string_view::npos;
}

struct Counts {
  size_t articles = 0, bytes = 0, lines = 0, candidates = 0;
};

void ScanText(const re2::RE2::Set& set, std::string_view text, std::vector<int>* hits,
              Counts* counts) {
  counts->articles++;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    const std::string_view line = text.substr(0, nl);
    counts->lines++;
    hits->clear();
    if (set.Match(line, hits)) counts->candidates++;
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
}

bool EndsWith(const std::string& s, const char* suffix) {
  const size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: claimgraph_floor FILE.jsonl|FILE.txt...\n");
    return 1;
  }
  re2::RE2::Options options;
  options.set_log_errors(false);
  re2::RE2::Set set(options, re2::RE2::UNANCHORED);
  for (const char* pattern : kPatterns) {
    std::string error;
    if (set.Add(pattern, &error) < 0) {
      std::fprintf(stderr, "claimgraph_floor: pattern %s: %s\n", pattern, error.c_str());
      return 2;
    }
  }
  if (!set.Compile()) {
    std::fprintf(stderr, "claimgraph_floor: cannot compile the pattern set\n");
    return 2;
  }

  Counts counts;
  std::vector<int> hits;
  std::string text;
  char* line = nullptr;
  size_t capacity = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string path = argv[i];
    FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) {
      std::fprintf(stderr, "claimgraph_floor: cannot open %s\n", path.c_str());
      return 1;
    }
    if (EndsWith(path, ".jsonl")) {
      ssize_t n;
      while ((n = getline(&line, &capacity, f)) > 0) {
        counts.bytes += static_cast<size_t>(n);
        if (ArticleText(std::string_view(line, static_cast<size_t>(n)), &text)) {
          ScanText(set, text, &hits, &counts);
        }
      }
    } else {
      text.clear();
      char buffer[1 << 16];
      size_t n;
      while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) text.append(buffer, n);
      counts.bytes += text.size();
      ScanText(set, text, &hits, &counts);
    }
    std::fclose(f);
  }
  std::free(line);
  std::printf("articles %zu bytes %zu lines %zu candidates %zu\n", counts.articles, counts.bytes,
              counts.lines, counts.candidates);
  return 0;
}
