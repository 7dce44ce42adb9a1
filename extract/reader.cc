// Reader: input paths to Documents (see reader.h).
//
// Why it works the way it does:
// - The text is never rewritten: every offset we or the extractor report must
//   point into the bytes the user gave us, so a UTF-8 BOM or CRLF line ends
//   stay in Document::text and body marking (body.cc) just steps around them.
// - Bad input is named precisely and early. UTF-16 (common for text saved on
//   Windows) and binary files are recognised before UTF-8 validation, so the
//   user reads "UTF-16, convert it" rather than "invalid UTF-8 at byte 1".
// - JSONL files are streamed line by line with a reusable buffer: news dumps
//   run to gigabytes. A .txt is one article and is read whole.
// - Directories are read in byte order of their paths, so runs are
//   deterministic, and only .txt/.jsonl files count (a README.md or a .DS_Store
//   beside the articles is not an article). Hidden entries (".git") are
//   skipped. Symbolic links are followed; the canonical path of every
//   directory on the current descent is kept, so a link back to an ancestor is
//   reported once as a loop instead of recursing forever, and a directory
//   reached twice through different links is read once.
// - Ids must be unique in a run (they become graph node ids), so a repeated
//   id is reported with both places and the second article skipped.
// - nlohmann::json is used here only, in its non-throwing form; no exception
//   leaves this file.
#include "extract/reader.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include <nlohmann/json.hpp>

#include "extract/body.h"
#include "extract/jsonl_fast.h"

namespace claimgraph {

namespace fs = std::filesystem;

// ---------------------------------------------------------------- UTF-8

bool IsValidUtf8(std::string_view bytes, size_t* bad_offset) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  size_t i = 0;
  while (i < n) {
    // ASCII fast path: eight bytes at a time while none has the high bit.
    while (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, p + i, 8);
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;  // overlong
      if (c == 0xED) hi = 0x9F;  // UTF-16 surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;  // overlong
      if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
    } else {
      if (bad_offset) *bad_offset = i;  // continuation byte, C0/C1 overlong, F5..FF
      return false;
    }
    if (i + len > n || p[i + 1] < lo || p[i + 1] > hi) {
      if (bad_offset) *bad_offset = i;
      return false;
    }
    for (size_t k = 2; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) {
        if (bad_offset) *bad_offset = i;
        return false;
      }
    }
    i += len;
  }
  return true;
}

// ---------------------------------------------------------------- dates

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

std::string FormatDate(int year, int month, int day) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return "";
  int days = kDays[month - 1] + (month == 2 && IsLeapYear(year) ? 1 : 0);
  if (day > days) return "";
  // YYYY-MM-DD by hand: snprintf cost ~1,900 instructions an article.
  const char buf[10] = {static_cast<char>('0' + year / 1000),     static_cast<char>('0' + year / 100 % 10),
                        static_cast<char>('0' + year / 10 % 10),  static_cast<char>('0' + year % 10),
                        '-',
                        static_cast<char>('0' + month / 10),      static_cast<char>('0' + month % 10),
                        '-',
                        static_cast<char>('0' + day / 10),        static_cast<char>('0' + day % 10)};
  return std::string(buf, sizeof(buf));
}

// 1-12 for an English month name or its abbreviation ("Mar", "Sept"), else 0.
int MonthNumber(std::string_view word) {
  static const char* const kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                        "july",    "august",   "september", "october", "november", "december"};
  if (word.size() < 3) return 0;
  std::string lower(word);
  for (char& c : lower) c = static_cast<char>(c | 0x20);
  for (int m = 0; m < 12; ++m) {
    std::string_view name = kMonths[m];
    if (lower == name || lower == name.substr(0, 3) || (m == 8 && lower == "sept")) return m + 1;
  }
  return 0;
}

bool IsWeekday(std::string_view word) {
  static const char* const kDays[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  std::string lower(word);
  for (char& c : lower) c = static_cast<char>(c | 0x20);
  for (const char* day : kDays) {
    std::string_view name = day;
    if (lower == name || lower == name.substr(0, 3)) return true;
  }
  return false;
}

// Reads up to `max` digits at *pos; returns -1 when there is none.
int ReadNumber(std::string_view s, size_t* pos, size_t max) {
  int value = 0;
  size_t start = *pos;
  while (*pos < s.size() && IsDigit(s[*pos]) && *pos - start < max) value = value * 10 + (s[(*pos)++] - '0');
  return *pos == start ? -1 : value;
}

// "2024-03-23", "2024/03/23", "2024.03.23", optionally followed by a time
// (" 06:30", "T06:30:00Z").
std::string NumericDate(std::string_view s) {
  size_t pos = 0;
  int year = ReadNumber(s, &pos, 4);
  if (pos != 4 || pos >= s.size()) return "";
  char sep = s[pos];
  if (sep != '-' && sep != '/' && sep != '.') return "";
  ++pos;
  int month = ReadNumber(s, &pos, 2);
  if (month < 0 || pos >= s.size() || s[pos] != sep) return "";
  ++pos;
  int day = ReadNumber(s, &pos, 2);
  if (day < 0) return "";
  if (pos < s.size() && s[pos] != ' ' && s[pos] != 'T' && s[pos] != '\t') return "";
  return FormatDate(year, month, day);
}

// "March 23, 2024", "Mar. 23, 2024", "23 March 2024", "Saturday, March 23,
// 2024": words and numbers, punctuation ignored, anything after the year too.
std::string WrittenDate(std::string_view s) {
  std::vector<std::string_view> tokens;
  size_t pos = 0;
  while (pos < s.size() && tokens.size() < 4) {
    size_t start = pos;
    if (IsDigit(s[pos])) {
      while (pos < s.size() && IsDigit(s[pos])) ++pos;
    } else if (IsAlpha(s[pos])) {
      while (pos < s.size() && IsAlpha(s[pos])) ++pos;
    } else if (s[pos] == ' ' || s[pos] == ',' || s[pos] == '.' || s[pos] == '\t') {
      ++pos;
      continue;
    } else {
      break;
    }
    tokens.push_back(s.substr(start, pos - start));
  }
  if (!tokens.empty() && IsAlpha(tokens[0][0]) && IsWeekday(tokens[0])) tokens.erase(tokens.begin());
  if (tokens.size() < 3) return "";
  auto number = [](std::string_view t) {
    if (t.empty() || t.size() > 4 || !IsDigit(t[0])) return -1;
    int v = 0;
    for (char c : t) v = v * 10 + (c - '0');
    return v;
  };
  int month = MonthNumber(tokens[0]);
  if (month > 0 && tokens[1].size() <= 2 && tokens[2].size() == 4) {
    return FormatDate(number(tokens[2]), month, number(tokens[1]));
  }
  month = MonthNumber(tokens[1]);
  if (month > 0 && tokens[0].size() <= 2 && tokens[2].size() == 4) {
    return FormatDate(number(tokens[2]), month, number(tokens[0]));
  }
  return "";
}

}  // namespace

std::string NormalizeDate(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  if (text.empty()) return "";
  bool numeric = text.size() >= 8 && IsDigit(text[0]) && IsDigit(text[3]) && !IsDigit(text[4]);
  return numeric ? NumericDate(text) : WrittenDate(text);
}

// ---------------------------------------------------------------- articles

namespace {

bool IsBlankAscii(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != '\v') return false;
  }
  return true;
}

// True when the text holds no body at all (empty, blank, or only a BOM).
bool IsBlankText(std::string_view text) {
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.remove_prefix(3);
  return IsBlankAscii(text);
}

// "name: " + message for a UTF-16 byte order mark, or "" when there is none.
std::string Utf16Problem(std::string_view bytes) {
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    return std::string("UTF-16 text (byte order mark ") + (bytes[0] == '\xFF' ? "FF FE" : "FE FF") +
           "); convert it to UTF-8 first, e.g. iconv -f UTF-16 -t UTF-8";
  }
  return "";
}

void FillDefaults(const ReaderOptions& options, Document* doc) {
  MarkBody(doc);
  if (doc->date.empty()) doc->date = options.default_date;
}

// Reads an optional string field: absent or null leaves *out alone. Returns
// false when the field has another type.
bool OptionalString(const nlohmann::json& object, const char* key, std::string* out) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return true;
  if (!it->is_string()) return false;
  *out = it->get_ref<const std::string&>();
  return true;
}

std::string BaseName(const std::string& path) {
  if (path == "-") return "stdin";
  return fs::path(path).filename().string();
}

// ReadJsonlArticle with knowledge of whether the line lacked its final '\n'
// (the last line of a file cut short) and of the name used for missing ids.
// Sets *no_text when the line is an object without "text".
Status ParseJsonlArticle(std::string_view line, const std::string& source, const std::string& display, size_t line_no,
                         bool unterminated, const ReaderOptions& options, Document* doc, bool* no_text = nullptr) {
  std::string where = display + ":" + std::to_string(line_no) + ": ";
  size_t bad = 0;
  if (!IsValidUtf8(line, &bad)) {
    return Status::InvalidInput(where + "invalid UTF-8 at byte " + std::to_string(bad) + " of the line");
  }
  // The common shape is decoded directly; anything else (and every error)
  // goes through the full parser below.
  FastArticleFields fast;
  if (DecodeArticleLine(line, &fast) && fast.has_text && (!fast.has_id || !fast.id.empty())) {
    std::string date;
    if (fast.has_date) date = fast.date;
    std::string normalized;
    if (date.empty() || !(normalized = NormalizeDate(date)).empty()) {
      *doc = Document();
      doc->id = fast.has_id ? std::move(fast.id) : BaseName(display) + ":" + std::to_string(line_no);
      if (fast.has_title) doc->title = std::move(fast.title);
      if (fast.has_url) doc->url = std::move(fast.url);
      if (fast.has_publisher) doc->publisher = std::move(fast.publisher);
      if (!date.empty()) doc->date = std::move(normalized);
      doc->source = source;
      doc->line = line_no;
      doc->text = std::move(fast.text);
      FillDefaults(options, doc);
      return Status::OK();
    }
  }
  nlohmann::json object = nlohmann::json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (object.is_discarded()) {
    return Status::InvalidInput(where + (unterminated ? "truncated last line (not complete JSON)" : "not valid JSON"));
  }
  if (!object.is_object()) return Status::InvalidInput(where + "not a JSON object");
  auto text = object.find("text");
  if (text == object.end()) {
    if (no_text) *no_text = true;
    return Status::InvalidInput(where + "missing \"text\"");
  }
  if (!text->is_string()) return Status::InvalidInput(where + "\"text\" is not a string");

  *doc = Document();
  auto id = object.find("id");
  if (id == object.end() || id->is_null()) {
    doc->id = BaseName(display) + ":" + std::to_string(line_no);
  } else if (id->is_string() && !id->get_ref<const std::string&>().empty()) {
    doc->id = id->get_ref<const std::string&>();
  } else if (id->is_number_integer()) {
    doc->id = id->dump();
  } else {
    return Status::InvalidInput(where + "\"id\" is not a non-empty string");
  }
  std::string date;
  if (!OptionalString(object, "title", &doc->title) || !OptionalString(object, "url", &doc->url) ||
      !OptionalString(object, "publisher", &doc->publisher) || !OptionalString(object, "date", &date)) {
    return Status::InvalidInput(where + "\"title\", \"url\", \"publisher\" and \"date\" must be strings");
  }
  if (!date.empty()) {
    doc->date = NormalizeDate(date);
    if (doc->date.empty()) return Status::InvalidInput(where + "\"date\" is not a date: \"" + date + "\"");
  }
  doc->source = source;
  doc->line = line_no;
  doc->text = std::move(text->get_ref<std::string&>());
  FillDefaults(options, doc);
  return Status::OK();
}

}  // namespace

Status ReadTextArticle(std::string id, std::string source, std::string bytes, const ReaderOptions& options,
                       Document* doc) {
  const std::string& name = source == "-" ? std::string("stdin") : source;
  std::string utf16 = Utf16Problem(bytes);
  if (!utf16.empty()) return Status::InvalidInput(name + ": " + utf16);
  if (const void* nul = std::memchr(bytes.data(), '\0', bytes.size())) {
    size_t at = static_cast<size_t>(static_cast<const char*>(nul) - bytes.data());
    return Status::InvalidInput(name + ": byte " + std::to_string(at) + ": NUL byte: a binary file, not text");
  }
  size_t bad = 0;
  if (!IsValidUtf8(bytes, &bad)) return Status::InvalidInput(name + ": byte " + std::to_string(bad) + ": invalid UTF-8");
  *doc = Document();
  doc->id = std::move(id);
  doc->source = std::move(source);
  doc->text = std::move(bytes);
  FillDefaults(options, doc);
  return Status::OK();
}

Status ReadJsonlArticle(std::string_view line, const std::string& source, size_t line_no,
                        const ReaderOptions& options, Document* doc) {
  return ParseJsonlArticle(line, source, source == "-" ? "stdin" : source, line_no, false, options, doc);
}

// ---------------------------------------------------------------- streams

namespace {

// Lines of a FILE*, read in chunks into one reusable buffer, so a JSONL file
// of any size needs memory for its longest line only.
class LineReader {
 public:
  explicit LineReader(std::FILE* file) : file_(file) {}

  // Sets *line to the next line without its '\n' (valid until the next
  // call) and *terminated to whether it had one. Returns false at the end.
  bool Next(std::string_view* line, bool* terminated) {
    size_t scanned = 0;  // bytes after pos_ known to hold no '\n'
    for (;;) {
      const char* from = buf_.data() + pos_ + scanned;
      const void* nl = std::memchr(from, '\n', buf_.size() - pos_ - scanned);
      if (nl) {
        size_t end = static_cast<size_t>(static_cast<const char*>(nl) - buf_.data());
        *line = std::string_view(buf_).substr(pos_, end - pos_);
        *terminated = true;
        pos_ = end + 1;
        return true;
      }
      scanned = buf_.size() - pos_;
      if (!Fill()) {
        if (pos_ >= buf_.size()) return false;
        *line = std::string_view(buf_).substr(pos_);
        *terminated = false;
        pos_ = buf_.size();
        return true;
      }
    }
  }

  // The first byte that is not ASCII white space, without consuming it;
  // -1 when the input holds none.
  int PeekNonBlank() {
    size_t i = pos_;
    for (;;) {
      for (; i < buf_.size(); ++i) {
        char c = buf_[i];
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return static_cast<unsigned char>(c);
      }
      size_t offset = i - pos_;
      if (!Fill()) return -1;
      i = pos_ + offset;
    }
  }

  // Everything not yet consumed.
  std::string ReadRest() {
    while (Fill()) {
    }
    std::string rest = buf_.substr(pos_);
    pos_ = buf_.size();
    return rest;
  }

  bool failed() const { return std::ferror(file_) != 0; }

 private:
  static constexpr size_t kChunk = 1 << 20;

  // Appends one chunk, first dropping consumed bytes. False at end of input.
  bool Fill() {
    if (eof_) return false;
    if (pos_ > 0) {
      buf_.erase(0, pos_);
      pos_ = 0;
    }
    size_t old = buf_.size();
    buf_.resize(old + kChunk);
    size_t got = std::fread(buf_.data() + old, 1, kChunk, file_);
    buf_.resize(old + got);
    if (got == 0) eof_ = true;
    return got > 0;
  }

  std::FILE* file_;
  std::string buf_;
  size_t pos_ = 0;
  bool eof_ = false;
};

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

bool HasExtension(const fs::path& path, const char* ext) { return path.extension() == ext; }

class InputReader {
 public:
  InputReader(const ReaderOptions& options, const DocumentSink& on_document, const ErrorSink& on_error)
      : options_(options), on_document_(on_document), on_error_(on_error) {}

  Status Run(const std::vector<std::string>& paths) {
    for (const std::string& path : paths) {
      if (!ReadPath(path)) break;
    }
    return options_.strict ? first_error_ : Status::OK();
  }

 private:
  // Each returns false when reading must stop: the document sink asked to,
  // or an error came while options_.strict is set.

  bool ReadPath(const std::string& path) {
    if (path == "-") return ReadStdin();
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      return Fail(Status::Usage(path + ": " + (ec ? ec.message() : "no such file or directory")));
    }
    if (fs::is_directory(st)) return ReadDirectory(path);
    return HasExtension(path, ".jsonl") ? ReadJsonlFile(path, /*found_in_dir=*/false) : ReadTextFile(path);
  }

  bool ReadDirectory(const std::string& dir) {
    std::error_code ec;
    std::string canonical = fs::canonical(dir, ec).string();
    if (ec) return Fail(Status::Usage(dir + ": " + ec.message()));
    if (std::find(dir_stack_.begin(), dir_stack_.end(), canonical) != dir_stack_.end()) {
      return Fail(Status::Usage(dir + ": symbolic link loop (leads back to " + canonical + ")"));
    }
    if (dirs_done_.count(canonical)) return true;  // read already through another link

    std::vector<std::pair<std::string, bool>> entries;  // path, is directory
    fs::directory_iterator it(dir, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      const fs::path& p = it->path();
      if (p.filename().string().front() == '.') continue;
      std::error_code entry_ec;
      fs::file_status st = it->status(entry_ec);  // follows symbolic links
      if (entry_ec || !fs::exists(st)) {
        if (!Fail(Status::Usage(p.string() + ": " + (entry_ec ? entry_ec.message() : "broken symbolic link")))) {
          return false;
        }
        continue;
      }
      if (fs::is_directory(st)) {
        entries.emplace_back(p.string(), true);
      } else if (HasExtension(p, ".txt") || HasExtension(p, ".jsonl")) {
        entries.emplace_back(p.string(), false);
      }
    }
    if (ec) return Fail(Status::Usage(dir + ": " + ec.message()));
    std::sort(entries.begin(), entries.end());

    dir_stack_.push_back(canonical);
    bool go_on = true;
    for (const auto& [path, is_dir] : entries) {
      go_on = is_dir ? ReadDirectory(path) : (HasExtension(path, ".jsonl") ? ReadJsonlFile(path, true) : ReadTextFile(path));
      if (!go_on) break;
    }
    dir_stack_.pop_back();
    dirs_done_.insert(canonical);
    return go_on;
  }

  bool ReadTextFile(const std::string& path) {
    FilePtr file(std::fopen(path.c_str(), "rb"));
    if (!file) return Fail(Status::Usage(path + ": cannot open: " + std::strerror(errno)));
    LineReader in(file.get());
    std::string bytes = in.ReadRest();
    if (in.failed()) return Fail(Status::Usage(path + ": read error"));
    return TextArticle(BaseName(path), path, std::move(bytes));
  }

  bool TextArticle(std::string id, const std::string& source, std::string bytes) {
    Document doc;
    Status s = ReadTextArticle(std::move(id), source, std::move(bytes), options_, &doc);
    if (!s.ok()) return Fail(s);
    if (IsBlankText(doc.text)) return true;
    std::string where = source == "-" ? "stdin" : source;
    return Emit(std::move(doc), where);
  }

  bool ReadJsonlFile(const std::string& path, bool found_in_dir) {
    FilePtr file(std::fopen(path.c_str(), "rb"));
    if (!file) return Fail(Status::Usage(path + ": cannot open: " + std::strerror(errno)));
    LineReader in(file.get());
    if (!JsonlLines(&in, path, path, found_in_dir)) return false;
    if (in.failed()) return Fail(Status::Usage(path + ": read error"));
    return true;
  }

  bool ReadStdin() {
    LineReader in(stdin);
    bool go_on = in.PeekNonBlank() == '{' ? JsonlLines(&in, "-", "stdin", false) : TextArticle("stdin", "-", in.ReadRest());
    if (go_on && in.failed()) return Fail(Status::Usage("stdin: read error"));
    return go_on;
  }

  // `found_in_dir`: the file was met in a directory walk, not named by the
  // user; if its first record has no "text" it is some other JSONL (gold
  // annotations beside the articles) and is reported once, not line by line.
  bool JsonlLines(LineReader* in, const std::string& source, const std::string& display, bool found_in_dir) {
    bool first_record = true;
    std::string_view line;
    bool terminated = true;
    for (size_t line_no = 1; in->Next(&line, &terminated); ++line_no) {
      if (line_no == 1) {
        std::string utf16 = Utf16Problem(line);
        if (!utf16.empty()) return Fail(Status::InvalidInput(display + ": " + utf16));
        if (line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
      }
      if (IsBlankAscii(line)) continue;
      Document doc;
      bool no_text = false;
      Status s = ParseJsonlArticle(line, source, display, line_no, !terminated, options_, &doc, &no_text);
      if (!s.ok()) {
        if (first_record && found_in_dir && no_text) {
          return Fail(Status::InvalidInput(s.message() + ": not an article file, skipped"));
        }
        first_record = false;
        if (!Fail(s)) return false;
        continue;
      }
      first_record = false;
      if (IsBlankText(doc.text)) continue;
      if (!Emit(std::move(doc), display, line_no)) return false;
    }
    return true;
  }

  // Hands a good article on, unless its id was seen before in this run.
  // `line` 0: the whole source is the article. Each id's first place is kept
  // as (index into sources_, line): memory per article is the id and a few
  // words (a "path:line" string per id was ~100 bytes more on long ingests).
  bool Emit(Document&& doc, const std::string& source, size_t line = 0) {
    if (sources_.empty() || sources_.back() != source) sources_.push_back(source);
    const auto first = std::make_pair(static_cast<uint32_t>(sources_.size() - 1), line);
    auto [it, fresh] = ids_.emplace(doc.id, first);
    if (!fresh) {
      return Fail(Status::InvalidInput(Where(first) + ": duplicate id \"" + doc.id +
                                       "\" (first at " + Where(it->second) + "); skipped"));
    }
    return on_document_(std::move(doc));
  }

  std::string Where(const std::pair<uint32_t, size_t>& place) const {
    const std::string& source = sources_[place.first];
    return place.second == 0 ? source : source + ":" + std::to_string(place.second);
  }

  bool Fail(const Status& error) {
    if (on_error_) on_error_(error);
    if (first_error_.ok()) first_error_ = error;
    return !options_.strict;
  }

  const ReaderOptions& options_;
  const DocumentSink& on_document_;
  const ErrorSink& on_error_;
  Status first_error_;
  std::vector<std::string> sources_;  // paths articles came from, in order
  std::unordered_map<std::string, std::pair<uint32_t, size_t>> ids_;  // id -> (source, line)
  std::vector<std::string> dir_stack_;                // canonical dirs being read
  std::unordered_set<std::string> dirs_done_;         // canonical dirs read
};

}  // namespace

Status ReadInputs(const std::vector<std::string>& paths, const ReaderOptions& options,
                  const DocumentSink& on_document, const ErrorSink& on_error) {
  ReaderOptions normalized = options;
  if (!options.default_date.empty()) {
    normalized.default_date = NormalizeDate(options.default_date);
    if (normalized.default_date.empty()) {
      Status s = Status::Usage("--date: not a date: \"" + options.default_date + "\" (use YYYY-MM-DD)");
      if (on_error) on_error(s);
      return s;
    }
  }
  InputReader reader(normalized, on_document, on_error);
  return reader.Run(paths);
}

}  // namespace claimgraph
