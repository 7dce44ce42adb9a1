// Body marking (see body.h).
//
// Why the heuristics are what they are:
// - Articles reach us as saved web pages, reposts and wire copy, not as clean
//   body text. What is not body announces itself by line shape, not by
//   vocabulary: "Key: value" record fields, a bracketed "[Source/X by Y]"
//   byline, a fixed disclaimer opening, a headline block under "Similar
//   Readings (N items)". So we classify whole lines against a short table of
//   line openings (lexicons/page_chrome.txt) and never look inside sentences.
// - Everything after a page-chrome heading ("Similar Readings", "Summary",
//   "Statistics") is the page, not the article: its headlines and generated
//   summary quote the same people and would yield false claims. Record fields
//   after it are still read as metadata. A bare "Summary" line only counts as
//   chrome late in an article (after some body, with less text after it than
//   before), so an article whose own first section is titled "Summary" keeps
//   its body.
// - Web clippers repeat blocks (seed 001 repeats five paragraphs); claims in a
//   repeat would be counted twice, so a paragraph of 40 bytes or more that is
//   byte-identical to an earlier one is dropped. Short lines ("Reuters",
//   "___.") legitimately repeat, hence the floor.
// - Hard-wrapped wire copy (Reuters-21578: ~70 columns, paragraphs open with
//   an indent, no blank lines) would otherwise split sentences across
//   "paragraphs", and the segmenter never joins across paragraphs. We detect
//   it per article (most lines 40-85 bytes, almost none longer than 100) and
//   then join lines until an indent, a blank line, a metadata line or a short
//   line that ends a sentence. Articles with one paragraph per long line (the
//   seeds, BBC, PolNeAR) never meet the test.
// - Speed: one memchr per line and a first-byte filter before any prefix
//   comparison; no regular expressions.
#include "extract/body.h"

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "extract/lexicon.h"
#include "extract/reader.h"

namespace claimgraph {
namespace {

enum class ChromeKind { kTail, kTailHeading, kDrop, kMeta, kByline, kSignature };
enum class MetaField { kNone, kDate, kDateFallback, kUrl, kCategory, kIgnore };

struct ChromeEntry {
  std::string key;
  ChromeKind kind;
  MetaField field = MetaField::kNone;
};

struct ChromeTable {
  std::vector<ChromeEntry> entries;
  // Indexes into `entries`, in their order, by the lower-cased first byte
  // of the key: a line can only match the entries of its own first byte.
  std::vector<uint16_t> by_first_byte[256];
  std::vector<std::string> signatures;
};

// Metadata and byline lines are short; a longer line is prose that happens to
// start like one.
constexpr size_t kMaxMetaLine = 300;
// Paragraphs shorter than this may repeat legitimately.
constexpr size_t kMinRepeatBytes = 40;

char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (LowerAscii(s[i]) != LowerAscii(prefix[i])) return false;
  }
  return true;
}

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Trims ASCII blanks, U+00A0 and U+3000 (both occur as padding in pasted
// news text) from both ends of text[*b, *e).
// Byte tests rather than string compares: this runs at both ends of every
// line, and a compare called memcmp.
void TrimRange(std::string_view text, size_t* b, size_t* e) {
  const auto nbsp_at = [&](size_t i) { return text[i] == '\xC2' && text[i + 1] == '\xA0'; };
  const auto ideographic_space_at = [&](size_t i) {
    return text[i] == '\xE3' && text[i + 1] == '\x80' && text[i + 2] == '\x80';
  };
  for (;;) {
    if (*b < *e && IsAsciiSpace(text[*b])) {
      ++*b;
    } else if (*b + 2 <= *e && nbsp_at(*b)) {
      *b += 2;
    } else if (*b + 3 <= *e && ideographic_space_at(*b)) {
      *b += 3;
    } else {
      break;
    }
  }
  for (;;) {
    if (*e > *b && IsAsciiSpace(text[*e - 1])) {
      --*e;
    } else if (*e >= *b + 2 && nbsp_at(*e - 2)) {
      *e -= 2;
    } else if (*e >= *b + 3 && ideographic_space_at(*e - 3)) {
      *e -= 3;
    } else {
      break;
    }
  }
}

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  TrimRange(s, &b, &e);
  return s.substr(b, e - b);
}

bool ParseKind(std::string_view kind, std::string_view field, ChromeEntry* entry) {
  if (kind == "tail") {
    entry->kind = ChromeKind::kTail;
  } else if (kind == "tail_heading") {
    entry->kind = ChromeKind::kTailHeading;
  } else if (kind == "drop") {
    entry->kind = ChromeKind::kDrop;
  } else if (kind == "byline") {
    entry->kind = ChromeKind::kByline;
  } else if (kind == "signature") {
    entry->kind = ChromeKind::kSignature;
  } else if (kind == "meta") {
    entry->kind = ChromeKind::kMeta;
    if (field == "date") {
      entry->field = MetaField::kDate;
    } else if (field == "date_fallback") {
      entry->field = MetaField::kDateFallback;
    } else if (field == "url") {
      entry->field = MetaField::kUrl;
    } else if (field == "category") {
      entry->field = MetaField::kCategory;
    } else if (field == "ignore") {
      entry->field = MetaField::kIgnore;
    } else {
      return false;
    }
  } else {
    return false;
  }
  return true;
}

// Builds the table from the built-in page_chrome lexicon ("KEY|KIND[|FIELD]").
// The file is ours and compiled in, and reader_test checks that every entry
// has a known kind, so a bad entry is skipped here rather than reported.
ChromeTable BuildChromeTable() {
  ChromeTable table;
  Lexicon lexicon;
  if (!Lexicon::Load("page_chrome", "", &lexicon).ok()) return table;
  for (const LexiconEntry& lexicon_entry : lexicon.entries()) {
    const std::vector<std::string>& fields = lexicon_entry.fields;
    ChromeEntry entry;
    entry.key = lexicon_entry.key;
    if (fields.empty() || !ParseKind(fields[0], fields.size() > 1 ? fields[1] : "", &entry)) continue;
    if (entry.kind == ChromeKind::kSignature) {
      table.signatures.push_back(entry.key);
      continue;
    }
    const auto first = static_cast<unsigned char>(LowerAscii(entry.key[0]));
    table.by_first_byte[first].push_back(static_cast<uint16_t>(table.entries.size()));
    table.entries.push_back(std::move(entry));
  }
  return table;
}

const ChromeTable& Chrome() {
  static const ChromeTable table = BuildChromeTable();
  return table;
}

// Returns the chrome entry a trimmed line matches, or null for body text.
const ChromeEntry* MatchChrome(std::string_view line) {
  const ChromeTable& table = Chrome();
  if (line.empty()) return nullptr;
  for (const uint16_t index : table.by_first_byte[static_cast<unsigned char>(LowerAscii(line[0]))]) {
    const ChromeEntry& entry = table.entries[index];
    if (!StartsWithNoCase(line, entry.key)) continue;
    std::string_view after = line.substr(entry.key.size());
    switch (entry.kind) {
      case ChromeKind::kTail: {
        // "Similar Readings" or "Similar Readings (5 items)".
        std::string_view rest = Trim(after);
        if (rest.empty() || (rest.front() == '(' && rest.back() == ')' && rest.size() < 40)) return &entry;
        break;
      }
      case ChromeKind::kTailHeading:
        if (after.empty() || after == ":") return &entry;
        break;
      case ChromeKind::kDrop:
        return &entry;
      case ChromeKind::kMeta:
        if (line.size() <= kMaxMetaLine) return &entry;
        break;
      case ChromeKind::kByline:
        if (line.size() <= kMaxMetaLine && line.back() == ']') return &entry;
        break;
      case ChromeKind::kSignature:
        break;
    }
  }
  return nullptr;
}

struct Line {
  size_t begin;  // first byte of the line
  size_t tb;     // trimmed [tb, te)
  size_t te;
  bool blank() const { return te <= tb; }
  bool indented(std::string_view text) const { return text[begin] == ' ' || text[begin] == '\t'; }
  size_t width() const { return te - begin; }  // with its indent, without trailing blanks
};

// Hard-wrapped: at least 3 lines, at most 10% of them wider than 100 bytes,
// and either 60% of them 40-85 bytes wide, or 30% so when paragraphs are
// marked by indents (a short Reuters story of short sentences). Returns the
// wrap width (widest line up to 100) in *width.
bool LooksHardWrapped(std::string_view text, const std::vector<Line>& lines, size_t* width) {
  size_t nonblank = 0, mid = 0, wide = 0, max_width = 0, indented = 0;
  for (const Line& line : lines) {
    if (line.blank()) continue;
    ++nonblank;
    if (line.indented(text)) ++indented;
    size_t w = line.width();
    if (w >= 40 && w <= 85) ++mid;
    if (w > 100) {
      ++wide;
    } else if (w > max_width) {
      max_width = w;
    }
  }
  *width = max_width;
  if (nonblank < 3 || wide * 10 > nonblank) return false;
  return mid * 10 >= nonblank * 6 || (indented > 0 && indented < nonblank && mid * 10 >= nonblank * 3);
}

// True when a wrapped line this short and ending a sentence must end its
// paragraph: wrapping fills lines, so only a paragraph's last line is short.
bool EndsParagraph(std::string_view text, const Line& line, size_t wrap_width) {
  if (line.blank() || line.width() * 10 >= wrap_width * 6) return false;
  char last = text[line.te - 1];
  if (last == '.' || last == '!' || last == '?' || last == '"' || last == ':') return true;
  return line.te - line.tb >= 3 && text.compare(line.te - 3, 3, "\xE2\x80\x9D") == 0;  // "”"
}

void SplitLines(std::string_view text, size_t start, std::vector<Line>* lines) {
  size_t pos = start;
  while (pos < text.size()) {
    const void* nl = std::memchr(text.data() + pos, '\n', text.size() - pos);
    size_t end = nl ? static_cast<size_t>(static_cast<const char*>(nl) - text.data()) : text.size();
    Line line{pos, pos, end};
    TrimRange(text, &line.tb, &line.te);
    lines->push_back(line);
    pos = end + 1;
  }
}

// A leading "date 2023-11-09 In a significant ..." (seed 002): the first
// line opens with the word "date" and a date token; the rest of that line is
// body. On a match, sets *date and moves line->tb past the token.
void TakeLeadingDate(std::string_view text, Line* line, std::string* date) {
  std::string_view s = text.substr(line->tb, line->te - line->tb);
  if (!StartsWithNoCase(s, "date")) return;
  size_t pos = 4;
  if (pos < s.size() && s[pos] == ':') ++pos;
  size_t token_begin = pos;
  while (token_begin < s.size() && IsAsciiSpace(s[token_begin])) ++token_begin;
  if (token_begin == pos && s.size() > pos) return;  // "dates", "datelines"
  size_t token_end = token_begin;
  while (token_end < s.size() && !IsAsciiSpace(s[token_end])) ++token_end;
  std::string iso = NormalizeDate(s.substr(token_begin, token_end - token_begin));
  if (iso.empty()) return;
  *date = iso;
  size_t b = line->tb + token_end, e = line->te;
  TrimRange(text, &b, &e);
  line->tb = b;
  line->te = e;
}

// "[Source/Observer Network by Ruan Jiaqi]" -> publisher, author.
void ReadByline(std::string_view line, const ChromeEntry& entry, Document* doc) {
  std::string_view inner = line.substr(entry.key.size(), line.size() - entry.key.size() - 1);
  std::string_view publisher = inner, author;
  size_t by = inner.rfind(" by ");
  if (by != std::string_view::npos) {
    publisher = inner.substr(0, by);
    author = inner.substr(by + 4);
  }
  publisher = Trim(publisher);
  author = Trim(author);
  if (doc->publisher.empty()) doc->publisher = std::string(publisher);
  if (doc->author.empty()) doc->author = std::string(author);
}

struct MetaSeen {
  std::string date;           // from "Date:" or a leading "date ..."
  std::string date_fallback;  // from "Created:"
  std::string url;
  std::string category;
};

void ReadMeta(std::string_view line, const ChromeEntry& entry, MetaSeen* seen) {
  std::string_view value = Trim(line.substr(entry.key.size()));
  switch (entry.field) {
    case MetaField::kDate:
      if (seen->date.empty()) seen->date = NormalizeDate(value);
      break;
    case MetaField::kDateFallback:
      if (seen->date_fallback.empty()) seen->date_fallback = NormalizeDate(value);
      break;
    case MetaField::kUrl:
      if (seen->url.empty()) seen->url = std::string(value);
      break;
    case MetaField::kCategory:
      if (seen->category.empty()) seen->category = std::string(value);
      break;
    case MetaField::kNone:
    case MetaField::kIgnore:
      break;
  }
}

// Builds paragraphs from lines; owns the repeat filter.
class ParagraphBuilder {
 public:
  explicit ParagraphBuilder(Document* doc) : doc_(doc) {}

  bool open() const { return open_; }
  size_t body_bytes() const { return body_bytes_; }

  void Start(size_t begin, size_t end, bool dropped) {
    Close();
    open_ = true;
    begin_ = begin;
    end_ = end;
    dropped_ = dropped;
  }
  void Extend(size_t end) { end_ = end; }

  void Close() {
    if (!open_) return;
    open_ = false;
    if (dropped_ || end_ <= begin_) return;
    std::string_view text(doc_->text);
    std::string_view para = text.substr(begin_, end_ - begin_);
    if (para.size() >= kMinRepeatBytes && !seen_.insert(para).second) return;
    doc_->paragraphs.push_back(TextRange{begin_, end_});
    body_bytes_ += para.size();
  }

 private:
  Document* doc_;
  bool open_ = false;
  bool dropped_ = false;
  size_t begin_ = 0;
  size_t end_ = 0;
  size_t body_bytes_ = 0;
  std::unordered_set<std::string_view> seen_;
};

// Trims a wire sign-off ("... said.  REUTER") off the last paragraph when
// nothing but blanks follows it in the text.
void TrimSignature(Document* doc) {
  if (doc->paragraphs.empty()) return;
  std::string_view text(doc->text);
  TextRange& last = doc->paragraphs.back();
  for (size_t i = last.end; i < text.size(); ++i) {
    if (!IsAsciiSpace(text[i]) && text[i] != '\n') return;
  }
  for (const std::string& sig : Chrome().signatures) {
    if (last.size() < sig.size() || text.compare(last.end - sig.size(), sig.size(), sig) != 0) continue;
    size_t new_end = last.end - sig.size();
    if (new_end > last.begin && !IsAsciiSpace(text[new_end - 1]) && text[new_end - 1] != '\n') continue;
    size_t b = last.begin;
    TrimRange(text, &b, &new_end);
    while (new_end > b && text[new_end - 1] == '\n') {
      --new_end;
      TrimRange(text, &b, &new_end);
    }
    if (new_end <= b) {
      doc->paragraphs.pop_back();
    } else {
      last.end = new_end;
    }
    return;
  }
}

}  // namespace

void MarkBody(Document* doc) {
  doc->paragraphs.clear();
  std::string_view text(doc->text);
  size_t start = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;  // UTF-8 BOM

  // The line table keeps its memory per thread from document to document
  // (growing it anew for each took several allocations, the larger ones
  // making malloc consolidate its free lists), unless a huge text grew it.
  thread_local std::vector<Line> lines;
  constexpr size_t kMaxSpareLines = 1 << 16;
  if (lines.capacity() > kMaxSpareLines) lines = std::vector<Line>();
  lines.clear();
  SplitLines(text, start, &lines);
  size_t wrap_width = 0;
  bool wrapped = LooksHardWrapped(text, lines, &wrap_width);

  MetaSeen meta;
  for (Line& line : lines) {
    if (line.blank()) continue;
    std::string_view s = text.substr(line.tb, line.te - line.tb);
    if (!MatchChrome(s)) TakeLeadingDate(text, &line, &meta.date);
    break;
  }

  ParagraphBuilder builder(doc);
  bool in_tail = false;
  bool after_break = true;  // the previous line was blank, metadata or chrome
  const Line* prev = nullptr;
  for (const Line& line : lines) {
    if (line.blank()) {
      builder.Close();
      after_break = true;
      prev = nullptr;
      continue;
    }
    std::string_view s = text.substr(line.tb, line.te - line.tb);
    bool continues = wrapped && builder.open() && !after_break && !line.indented(text) &&
                     !(prev != nullptr && EndsParagraph(text, *prev, wrap_width));
    const ChromeEntry* chrome = MatchChrome(s);
    if (chrome && (chrome->kind == ChromeKind::kTail || chrome->kind == ChromeKind::kTailHeading)) {
      if (continues) {
        chrome = nullptr;  // a wrapped line that happens to read "details"
      } else if (chrome->kind == ChromeKind::kTailHeading && !in_tail) {
        builder.Close();  // this line starts a paragraph either way
        size_t after = text.size() - line.te;
        if (builder.body_bytes() == 0 || after >= builder.body_bytes()) chrome = nullptr;  // the article's own heading
      }
    }
    bool dropped = in_tail;
    if (chrome) {
      switch (chrome->kind) {
        case ChromeKind::kTail:
        case ChromeKind::kTailHeading:
          builder.Close();
          in_tail = true;
          after_break = true;
          prev = nullptr;
          continue;
        case ChromeKind::kMeta:
          builder.Close();
          ReadMeta(s, *chrome, &meta);
          after_break = true;
          prev = nullptr;
          continue;
        case ChromeKind::kByline:
          builder.Close();
          ReadByline(s, *chrome, doc);
          after_break = true;
          prev = nullptr;
          continue;
        case ChromeKind::kDrop:
          dropped = true;
          break;
        case ChromeKind::kSignature:
          break;
      }
    }
    bool starts = !continues || chrome != nullptr;
    if (starts) {
      builder.Start(line.tb, line.te, dropped);
    } else {
      builder.Extend(line.te);
    }
    after_break = false;
    prev = &line;
  }
  builder.Close();
  TrimSignature(doc);

  if (doc->date.empty()) doc->date = !meta.date.empty() ? meta.date : meta.date_fallback;
  if (doc->url.empty()) doc->url = meta.url;
  if (doc->category.empty()) doc->category = meta.category;
}

}  // namespace claimgraph
