#include "extract/topics.h"

#include <algorithm>
#include <cassert>
#include <fstream>
#include <sstream>
#include <unordered_set>

#include "extract/lexicon.h"
#include "extract/strmap.h"
#include "extract/words.h"

namespace claimgraph {

namespace {

bool IsAsciiAlnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool IsWordByte(unsigned char c) { return IsAsciiAlnum(c) || c >= 0x80; }
// True when text[from, dot) is one letter after the word start or a dot.
bool IsInitial(std::string_view text, size_t word_start, size_t dot) {
  return dot >= word_start + 1 && (dot == word_start + 1 || text[dot - 2] == '.');
}
// Bytes 'a'..'z' and '0'..'9': the bulk of the words ScanTokens reads.
struct LowerAlnumBytes {
  bool of[256];
  constexpr LowerAlnumBytes() : of() {
    for (int c = 0; c < 256; ++c) of[c] = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }
};
constexpr LowerAlnumBytes kLowerAlnum;
bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// The curly right single quote (U+2019) read as an apostrophe.
constexpr std::string_view kRightQuote = "\xE2\x80\x99";

// Length of a non-ASCII punctuation character at s[i] (curly quotes, dashes,
// ellipsis: U+2000..U+206F; guillemets and no-break space), else 0.
size_t PunctuationLength(std::string_view s, size_t i) {
  if (i + 2 < s.size() && s[i] == '\xE2' && (s[i + 1] == '\x80' || s[i + 1] == '\x81')) return 3;
  if (i + 1 < s.size() && s[i] == '\xC2' && (s[i + 1] == '\xAB' || s[i + 1] == '\xBB' || s[i + 1] == '\xA0')) {
    return 2;
  }
  return 0;
}

// Appends `s` lower-cased (ASCII letters; the curly apostrophe made straight).
void LowerAppend(std::string_view s, std::string* out) {
  const size_t base = out->size();
  out->resize(base + s.size());
  char* dst = out->data() + base;
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\xE2' && s.substr(i, kRightQuote.size()) == kRightQuote) {
      dst[n++] = '\'';
      i += kRightQuote.size() - 1;
      continue;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    dst[n++] = c;
  }
  out->resize(base + n);
}

std::string Lower(std::string_view s) {
  std::string out;
  LowerAppend(s, &out);
  return out;
}

// Glue words: dropped from topic names and never part of a noun phrase.
constexpr std::string_view kGlueWords[] = {
      "a",    "an",    "the",   "of",    "to",   "in",    "on",   "for",   "as",   "at",
      "by",   "with",  "from",  "into",  "onto", "its",   "their", "his",  "her",  "our",
      "my",   "your",  "this",  "these", "those", "that", "any",   "some", "all",  "and",
      "or",   "'s",    "s",     "such",  "each", "every", "both",  "either", "towards",
      "toward", "about", "over", "under", "between", "against", "within", "without",
};

const std::unordered_set<std::string_view>& GlueWords() {
  static const std::unordered_set<std::string_view> words(std::begin(kGlueWords), std::end(kGlueWords));
  return words;
}

std::string Stem(std::string w);

// "israeli" -> "israel", from the built-in demonyms lexicon: one-word,
// alphabetic adjectives of more than three letters (so "us" stays "us").
const StringMap<std::string>& Demonyms() {
  static const StringMap<std::string> map = [] {
    StringMap<std::string> m;
    Lexicon lex;
    if (!Lexicon::Load("demonyms", "", &lex).ok()) return m;
    for (const LexiconEntry& e : lex.entries()) {
      if (e.fields.empty() || e.key.size() <= 3) continue;
      bool alpha = std::all_of(e.key.begin(), e.key.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      const std::string country = Lower(e.fields[0]);
      if (!alpha || country.compare(0, e.key.size(), e.key) == 0) continue;  // "saudi" -> "Saudi Arabia"
      std::string stemmed;
      size_t start = 0;
      while (start < country.size()) {
        size_t space = country.find(' ', start);
        if (space == std::string::npos) space = country.size();
        if (!stemmed.empty()) stemmed.push_back(' ');
        stemmed += Stem(country.substr(start, space - start));
        start = space + 1;
      }
      m.emplace(e.key, stemmed);
    }
    return m;
  }();
  return map;
}

// After an -ing or -ed is cut: "recogniz" -> "recognize", "stopp" -> "stop".
std::string RestoreStem(std::string stem) {
  const size_t n = stem.size();
  if (n >= 2 && stem[n - 1] == stem[n - 2] && !IsVowel(stem[n - 1]) && stem[n - 1] != 'l' &&
      stem[n - 1] != 's' && stem[n - 1] != 'z') {
    stem.pop_back();
    return stem;
  }
  // "endors(ed)", "collaps(ed)": a consonant before a final s lost an e.
  if (n >= 2 && stem[n - 1] == 's' && !IsVowel(stem[n - 2]) && stem[n - 2] != 's') return stem + "e";
  for (std::string_view tail : {"iz", "at", "bl", "v", "c", "g", "ur", "ir", "os", "us", "is"}) {
    if (EndsWith(stem, tail)) {
      if (tail == "us" || tail == "is") {
        // "focus(ed)", "analys(ed)": only after a consonant cluster is an e lost.
        if (stem.size() >= 3 && IsVowel(stem[stem.size() - 3])) return stem + "e";
        return stem;
      }
      return stem + "e";
    }
  }
  return stem;
}

// A light English stemmer: plurals and the -ing/-ed inflections.
std::string Stem(std::string w) {
  if (w.size() <= 3) return w;
  if (std::any_of(w.begin(), w.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
    return w;
  }
  if (EndsWith(w, "ies") && w.size() > 4) {
    w.replace(w.size() - 3, 3, "y");
  } else if (EndsWith(w, "sses")) {
    w.resize(w.size() - 2);
  } else if (EndsWith(w, "oes") && w.size() > 4) {
    w.resize(w.size() - 2);
  } else if (w.back() == 's' && !EndsWith(w, "ss") && !EndsWith(w, "us") && !EndsWith(w, "is") &&
             !EndsWith(w, "as")) {  // "Hamas", "Texas"
    w.pop_back();
  }
  const size_t hyphen = w.rfind('-');
  const size_t last_part = hyphen == std::string::npos ? w.size() : w.size() - hyphen - 1;
  if (last_part < 5 || EndsWith(w, "thing")) return w;  // "US-led", "nothing"
  if (EndsWith(w, "ing") && w.size() >= 6) {
    std::string stem = w.substr(0, w.size() - 3);
    if (std::any_of(stem.begin(), stem.end(), IsVowel)) return RestoreStem(stem);
  } else if (EndsWith(w, "ied") && w.size() >= 5) {
    return w.substr(0, w.size() - 3) + "y";
  } else if (EndsWith(w, "eed") && w.size() >= 6 && !EndsWith(w, "ceed")) {
    return w.substr(0, w.size() - 1);  // "agreed" -> "agree"; "need", "proceed" stay
  } else if (EndsWith(w, "ed") && w.size() >= 5 && !EndsWith(w, "eed")) {
    std::string stem = w.substr(0, w.size() - 2);
    if (std::any_of(stem.begin(), stem.end(), IsVowel)) return RestoreStem(stem);
  }
  return w;
}

void SplitWords(const std::string& s, std::vector<std::string>* out) {
  size_t start = 0;
  while (start < s.size()) {
    size_t space = s.find(' ', start);
    if (space == std::string::npos) space = s.size();
    if (space > start) out->push_back(s.substr(start, space - start));
    start = space + 1;
  }
}

// Normalised content words of `text`, split into single words.
std::vector<std::string> ContentNorms(std::string_view text) {
  std::vector<std::string> out;
  for (const TopicToken& t : TokenizeForTopics(text)) {
    if (!t.word || IsTopicGlueWord(t.lower) || t.norm.empty()) continue;
    SplitWords(t.norm, &out);
  }
  return out;
}

}  // namespace

bool IsTopicGlueWord(std::string_view lower) { return GlueWords().count(lower) > 0; }

std::vector<std::string_view> TopicGlueWords() { return {std::begin(kGlueWords), std::end(kGlueWords)}; }

std::string NormalizeTopicWord(std::string_view word) {
  std::string lower = Lower(word);
  lower.erase(std::remove(lower.begin(), lower.end(), '.'), lower.end());
  if (EndsWith(lower, "'s")) lower.resize(lower.size() - 2);
  if (!lower.empty() && lower.back() == '\'') lower.pop_back();
  auto it = Demonyms().find(lower);
  if (it != Demonyms().end()) return it->second;
  std::string stem = Stem(lower);
  // "Palestinians" -> "palestinian" -> "palestine".
  it = Demonyms().find(stem);
  if (it != Demonyms().end()) return it->second;
  return stem;
}

namespace {

// The scan behind ScanTopicTokens and ScanTopicSpans: calls emit(begin,
// end, word, lower) for each token. `lower` is a view into `text` when the
// token is its own lower-case form (most are), else into *lowers, where the
// forms that differ are appended; *lowers is reserved up front so that it
// never moves during the scan, and the views stay valid after it.
template <typename Emit>
void ScanTokens(std::string_view text, std::string* lowers, Emit&& emit) {
  // A word's lower-case form is at most its length plus 2 ("won't" ->
  // "willn't"), so three times the text always fits.
  lowers->reserve(lowers->size() + 3 * text.size() + 16);
  const char* const lowers_data = lowers->data();
  const auto add_raw = [&](size_t begin, size_t end, bool word) {
    emit(begin, end, word, text.substr(begin, end - begin));
  };
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    const size_t punct = c >= 0x80 ? PunctuationLength(text, i) : 0;
    if (punct > 0 && !(punct == 3 && text.substr(i, 3) == kRightQuote && i > 0 &&
                       IsAsciiAlnum(static_cast<unsigned char>(text[i - 1])) && i + 3 < text.size() &&
                       IsAsciiAlnum(static_cast<unsigned char>(text[i + 3])))) {
      add_raw(i, i + punct, false);
      i += punct;
      continue;
    }
    if (!IsWordByte(c)) {
      // One punctuation character (a whole UTF-8 sequence for non-ASCII is
      // impossible here: bytes >= 0x80 are word bytes).
      add_raw(i, i + 1, false);
      ++i;
      continue;
    }
    size_t j = i;
    bool folded = false;  // the word holds a byte that lower-casing changes
    while (j < text.size()) {
      // The bulk of a word: lower-case letters and digits.
      while (j < text.size() && kLowerAlnum.of[static_cast<unsigned char>(text[j])]) ++j;
      if (j >= text.size()) break;
      const unsigned char d = static_cast<unsigned char>(text[j]);
      folded = folded || (d >= 'A' && d <= 'Z') || d == 0xE2;
      if (d == 0xE2 && text.substr(j, kRightQuote.size()) == kRightQuote) {
        // An apostrophe inside a word; a closing quote otherwise.
        if (j + 3 < text.size() && IsAsciiAlnum(static_cast<unsigned char>(text[j + 3]))) {
          j += 3;
          continue;
        }
        break;
      }
      if (IsWordByte(d)) {
        ++j;
      } else if ((d == '-' || d == '\'') && j + 1 < text.size() &&
                 IsAsciiAlnum(static_cast<unsigned char>(text[j + 1]))) {
        ++j;  // inner hyphen or apostrophe
      } else if (d == '.' && j + 2 < text.size() && IsInitial(text, i, j) && text[j + 2] == '.' &&
                 IsAsciiAlnum(static_cast<unsigned char>(text[j + 1]))) {
        ++j;  // a dot inside an initialism: "U.S."
      } else {
        break;
      }
    }
    if (j == i) {
      // A closing quote that no rule above took ("candidates’ respective"):
      // one punctuation token, so the scan always moves on.
      j = i + (text.substr(i, kRightQuote.size()) == kRightQuote ? kRightQuote.size() : 1);
      add_raw(i, j, false);
      i = j;
      continue;
    }
    // A trailing dot of an initialism ("U.S.") belongs to it.
    if (j < text.size() && text[j] == '.' && j >= i + 3 && text[j - 2] == '.') ++j;
    std::string_view lower = text.substr(i, j - i);
    if (folded) {
      const size_t base = lowers->size();
      LowerAppend(lower, lowers);
      lower = std::string_view(*lowers).substr(base);
    }
    const size_t n = lower.size();
    if (n > 3 && lower[n - 1] == 't' && lower[n - 2] == '\'' && lower[n - 3] == 'n') {
      const size_t split = n - 3;
      std::string_view word_lower = lower.substr(0, split);
      if (word_lower == "wo" || word_lower == "ca" || word_lower == "sha") {
        word_lower = word_lower == "wo" ? "will" : word_lower == "ca" ? "can" : "shall";  // won't, can't, shan't
      }
      emit(i, i + split, true, word_lower);
      emit(i + split, j, true, std::string_view("n't"));
    } else {
      emit(i, j, true, lower);
    }
    i = j;
  }
  assert(lowers->data() == lowers_data);
  (void)lowers_data;
}

}  // namespace

void ScanTopicTokens(std::string_view text, std::string* scratch, TopicTokenSink* sink) {
  scratch->clear();
  ScanTokens(text, scratch, [sink](size_t begin, size_t end, bool word, std::string_view lower) {
    sink->Add(begin, end, word, lower);
  });
}

void ScanTopicSpans(std::string_view text, std::vector<TopicTokenSpan>* spans, std::string* lowers) {
  ScanTokens(text, lowers, [spans](size_t begin, size_t end, bool word, std::string_view lower) {
    spans->push_back(TopicTokenSpan{static_cast<uint32_t>(begin), static_cast<uint32_t>(end), lower, word});
  });
}

std::vector<TopicToken> TokenizeForTopics(std::string_view text) {
  struct Sink : TopicTokenSink {
    std::string_view text;
    std::vector<TopicToken> tokens;
    void Add(size_t begin, size_t end, bool word, std::string_view lower) override {
      TopicToken t;
      t.text = std::string(text.substr(begin, end - begin));
      t.lower = std::string(lower);
      if (word) t.norm = NormalizeTopicWord(lower);
      t.begin = begin;
      t.end = end;
      t.word = word;
      tokens.push_back(std::move(t));
    }
  } sink;
  sink.text = text;
  std::string scratch;
  ScanTopicTokens(text, &scratch, &sink);
  return std::move(sink.tokens);
}

std::string NormalizeTopic(std::string_view text) {
  std::string out;
  for (const std::string& w : ContentNorms(text)) {
    if (!out.empty()) out.push_back(' ');
    out += w;
  }
  return out;
}

bool TopicNameMatches(std::string_view query, std::string_view topic) {
  std::vector<std::string> q = ContentNorms(query);
  if (q.empty()) return false;
  std::vector<std::string> t;
  SplitWords(std::string(topic), &t);
  for (const std::string& w : q) {
    if (std::find(t.begin(), t.end(), w) == t.end()) return false;
  }
  return true;
}

bool TextMentionsTopic(std::string_view query, std::string_view text) {
  std::vector<std::string> q = ContentNorms(query);
  if (q.empty()) return false;
  std::vector<std::string> t = ContentNorms(text);
  const size_t window = q.size() + 2;
  for (size_t start = 0; start < t.size(); ++start) {
    if (t[start] != q[0] && std::find(q.begin(), q.end(), t[start]) == q.end()) continue;
    const size_t end = std::min(t.size(), start + window);
    bool all = true;
    for (const std::string& w : q) {
      if (std::find(t.begin() + start, t.begin() + end, w) == t.begin() + end) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

Status TopicCatalog::Parse(const std::string& path, std::string_view text, TopicCatalog* catalog) {
  catalog->topics_.clear();
  Lexicon lexicon;
  Status s = Lexicon::Parse(path, text, &lexicon);
  if (!s.ok()) return s;
  for (const LexiconEntry& entry : lexicon.entries()) {
    const std::string where = path + ":" + std::to_string(entry.line) + ": ";
    CatalogTopic topic;
    for (size_t i = 0; i <= entry.fields.size(); ++i) {
      const std::string& field = i == 0 ? entry.key : entry.fields[i - 1];
      if (field.empty()) return Status::InvalidInput(where + "empty topic name or alias");
      std::vector<std::string> words = ContentNorms(field);
      if (words.empty()) return Status::InvalidInput(where + "\"" + field + "\" has no content words");
      if (topic.name.empty()) {
        topic.name = field;
        topic.key = NormalizeTopic(field);
      }
      topic.forms.push_back(std::move(words));
    }
    catalog->topics_.push_back(std::move(topic));
  }
  return Status::OK();
}

Status TopicCatalog::Load(const std::string& path, TopicCatalog* catalog) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InvalidInput(path + ": cannot read the topics file");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return Parse(path, buffer.str(), catalog);
}

void TopicCatalog::Find(const std::vector<std::string>& norms,
                        std::vector<std::pair<size_t, size_t>>* hits) const {
  for (size_t t = 0; t < topics_.size(); ++t) {
    size_t best = norms.size();
    for (const std::vector<std::string>& form : topics_[t].forms) {
      if (form.empty() || form.size() > norms.size()) continue;
      for (size_t i = 0; i + form.size() <= norms.size() && i < best; ++i) {
        if (std::equal(form.begin(), form.end(), norms.begin() + i)) {
          best = i;
          break;
        }
      }
    }
    if (best < norms.size()) hits->emplace_back(t, best);
  }
}

}  // namespace claimgraph
