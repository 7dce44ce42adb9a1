// Segmentation works on code points, not bytes, because news text carries
// curly quotes, dashes and non-breaking spaces. Each paragraph is scanned
// once for tokens and once over the tokens for quotes and sentences.
#include "extract/segment.h"

#include <algorithm>
#include <cstring>

#include "extract/utf8.h"

namespace claimgraph {
namespace {

enum class CharClass { kSpace, kLetter, kDigit, kApostrophe, kHyphen, kPeriod, kDoubleQuote, kOpenQuote,
                       kCloseQuote, kOpenSingle, kCloseSingle, kPunct };

CharClass Classify(uint32_t cp) {
  if (cp < 0x80) {
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v') return CharClass::kSpace;
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return CharClass::kLetter;
    if (cp >= '0' && cp <= '9') return CharClass::kDigit;
    if (cp == '\'') return CharClass::kApostrophe;
    if (cp == '-') return CharClass::kHyphen;
    if (cp == '.') return CharClass::kPeriod;
    if (cp == '"') return CharClass::kDoubleQuote;
    if (cp < 0x20) return CharClass::kSpace;
    return CharClass::kPunct;
  }
  switch (cp) {
    case 0x00A0: case 0x2000: case 0x2001: case 0x2002: case 0x2003: case 0x2004: case 0x2005:
    case 0x2006: case 0x2007: case 0x2008: case 0x2009: case 0x200A: case 0x200B: case 0x202F:
    case 0x205F: case 0x3000: case 0xFEFF: case 0x2028: case 0x2029: case 0x0085:
      return CharClass::kSpace;
    case 0x201C: case 0x201E: case 0x201F: case 0x00AB: case 0x300C: case 0x300E: case 0xFF62:
      return CharClass::kOpenQuote;
    case 0x201D: case 0x00BB: case 0x300D: case 0x300F: case 0xFF63:
      return CharClass::kCloseQuote;
    case 0xFF02:
      return CharClass::kDoubleQuote;
    case 0x2018: case 0x201B:
      return CharClass::kOpenSingle;
    case 0x2019:
      return CharClass::kCloseSingle;
    case 0x2010: case 0x2011:
      return CharClass::kHyphen;
    case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2026: case 0x00B7: case 0x2022:
    case 0x3001: case 0x3002: case 0xFF0C: case 0xFF1A: case 0xFF1B: case 0xFF01: case 0xFF1F:
    case 0x00BF: case 0x00A1: case 0x2032: case 0x2033: case 0x00A7: case 0x00B6: case 0x2122:
    case 0x00AE: case 0x00A9: case 0x00B0: case 0x20AC: case 0x00A3: case 0x00A5:
      return CharClass::kPunct;
    default:
      return CharClass::kLetter;  // accented letters, CJK, and whatever else is text
  }
}

bool IsUpperStart(std::string_view text, size_t i) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  if (c >= 'A' && c <= 'Z') return true;
  if (c < 0x80) return false;
  int len;
  const uint32_t cp = DecodeUtf8(text, i, &len);
  return (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x410 && cp <= 0x42F);
}

constexpr uint64_t kOnes8 = 0x0101010101010101ull;

// The bytes of `v` with 'A'..'Z' made lower case; every byte must be below
// 0x80 (then no addition carries into the next byte).
inline uint64_t LowerAscii8(uint64_t v) {
  const uint64_t at_least_a = v + kOnes8 * (0x80 - 'A');  // high bit: byte >= 'A'
  const uint64_t above_z = v + kOnes8 * (0x80 - 'Z' - 1);  // high bit: byte > 'Z'
  return v | (((at_least_a & ~above_z) & (kOnes8 * 0x80)) >> 2);
}

constexpr uint64_t kHigh8 = kOnes8 * 0x80;

// The high bit of each byte of `v` that is an ASCII letter, and of each that
// is an ASCII digit. A letter is a byte b < 0x80 with (b | 0x20) in 'a'..'z',
// as ScanWord's byte loop tests it.
struct AlnumBytes {
  uint64_t letters;
  uint64_t digits;
};
inline AlnumBytes ClassifyAlnum8(uint64_t v) {
  const uint64_t ascii = ~v & kHigh8;
  const uint64_t low7 = v & ~kHigh8;  // no addition below carries into the next byte
  const uint64_t folded = low7 | (kOnes8 * 0x20);
  const uint64_t letters = (folded + kOnes8 * (0x80 - 'a')) & ~(folded + kOnes8 * (0x80 - 'z' - 1));
  const uint64_t digits = (low7 + kOnes8 * (0x80 - '0')) & ~(low7 + kOnes8 * (0x80 - '9' - 1));
  return AlnumBytes{letters & ascii, digits & ascii};
}

// Folds n >= 4 ASCII bytes from src to dst with whole-word loads and stores
// (the last load overlaps the one before it). Returns false, having written
// nothing useful, when a byte is not ASCII.
inline bool LowerAsciiWords(const char* src, size_t n, char* dst) {
  if (n >= 8) {
    size_t k = 0;
    for (;; k += 8) {
      if (k + 8 > n) k = n - 8;
      uint64_t v;
      std::memcpy(&v, src + k, 8);
      if ((v & (kOnes8 * 0x80)) != 0) return false;
      v = LowerAscii8(v);
      std::memcpy(dst + k, &v, 8);
      if (k + 8 == n) return true;
    }
  }
  uint32_t lo, hi;
  std::memcpy(&lo, src, 4);
  std::memcpy(&hi, src + n - 4, 4);
  if (((lo | hi) & 0x80808080u) != 0) return false;
  lo = static_cast<uint32_t>(LowerAscii8(lo));
  hi = static_cast<uint32_t>(LowerAscii8(hi));
  std::memcpy(dst + n - 4, &hi, 4);
  std::memcpy(dst, &lo, 4);
  return true;
}

// AppendLower past the first non-ASCII byte, text[i]: out holds the
// folded bytes before it.
__attribute__((noinline)) void AppendLowerRest(std::string_view text, size_t i, size_t e, std::string* out) {
  while (i < e) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : static_cast<char>(c));
      ++i;
      continue;
    }
    int len;
    const uint32_t cp = DecodeUtf8(text, i, &len);
    if (cp == 0x2019 || cp == 0x2018) {
      out->push_back('\'');
    } else if (cp == 0x2010 || cp == 0x2011) {
      out->push_back('-');
    } else if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) {
      const uint32_t lower = cp + 32;  // Latin-1 upper -> lower, two bytes either way
      out->push_back(static_cast<char>(0xC0 | (lower >> 6)));
      out->push_back(static_cast<char>(0x80 | (lower & 0x3F)));
    } else {
      out->append(text.substr(i, len));
    }
    i += len;
  }
}

// Sets *out (empty) to text[b, e) lower-cased: ASCII letters folded, curly
// apostrophes made straight, Unicode hyphens made '-', Latin-1 capitals
// folded. Inline for the ASCII words that are nearly all of them.
inline void AppendLower(std::string_view text, size_t b, size_t e, std::string* out) {
  out->resize(e - b);
  char* dst = out->data();
  // ASCII words of four or more bytes: a few whole-word folds.
  if (e - b >= 4 && LowerAsciiWords(text.data() + b, e - b, dst)) return;
  // Else ASCII bytes in place, byte by byte.
  size_t i = b;
  for (; i < e; ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) break;
    dst[i - b] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : static_cast<char>(c);
  }
  if (i == e) return;
  out->resize(i - b);
  AppendLowerRest(text, i, e, out);
}

// Classify() of each ASCII character.
struct AsciiClasses {
  CharClass of[128];
  AsciiClasses() {
    for (uint32_t c = 0; c < 128; ++c) of[c] = Classify(c);
  }
};
const AsciiClasses kAscii;

struct Cursor {
  std::string_view text;
  size_t end;
  CharClass ClassAt(size_t i, int* len) const {
    if (i >= end) {
      *len = 0;
      return CharClass::kSpace;
    }
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      *len = 1;
      return kAscii.of[c];
    }
    return Classify(DecodeUtf8(text, i, len));
  }
};

bool IsAlnum(CharClass c) { return c == CharClass::kLetter || c == CharClass::kDigit; }

// Scans a word starting at `i` (a letter or digit) and returns its end.
// Keeps internal apostrophes and hyphens ("don't", "pro-Palestinian"),
// initialisms with periods ("U.S.", "U.N."), and number punctuation
// ("1,500", "3.5"). A possessive "'s" is left for the next token.
size_t ScanWord(const Cursor& cur, size_t i, bool* is_number) {
  int len;
  CharClass first = cur.ClassAt(i, &len);
  *is_number = first == CharClass::kDigit;
  size_t j = i + len;
  bool single_letters = first == CharClass::kLetter && len == 1;  // candidate initialism "U.S."
  size_t letters_in_part = 1;
  for (;;) {
    // A run of ASCII letters and digits, the bulk of any word: eight bytes
    // at a time while eight remain, then byte by byte.
    const size_t run_begin = j;
    bool run_ended = false;
    while (j + 8 <= cur.end) {
      uint64_t v;
      std::memcpy(&v, cur.text.data() + j, 8);
      const AlnumBytes m = ClassifyAlnum8(v);
      const uint64_t stop = ~(m.letters | m.digits) & kHigh8;
      if (stop == 0) {
        if (m.letters != 0) *is_number = false;
        j += 8;
        continue;
      }
      const int run = __builtin_ctzll(stop) >> 3;  // bytes before the first other byte
      if ((m.letters & ((uint64_t{1} << (8 * run)) - 1)) != 0) *is_number = false;
      j += run;
      run_ended = true;
      break;
    }
    while (!run_ended && j < cur.end) {
      const unsigned char b = static_cast<unsigned char>(cur.text[j]);
      if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') {
        *is_number = false;
      } else if (b < '0' || b > '9') {
        break;
      }
      ++j;
    }
    if (j > run_begin) {
      letters_in_part += j - run_begin;
      if (letters_in_part > 1) single_letters = false;
    }
    CharClass c = cur.ClassAt(j, &len);
    if (IsAlnum(c)) {
      if (c == CharClass::kLetter) *is_number = false;
      ++letters_in_part;
      if (letters_in_part > 1) single_letters = false;
      j += len;
      continue;
    }
    // Most words end at a space: nothing below reads past one.
    if (c == CharClass::kSpace) break;
    int len2;
    CharClass next = cur.ClassAt(j + len, &len2);
    if ((c == CharClass::kApostrophe || c == CharClass::kCloseSingle) && next == CharClass::kLetter) {
      // "'s" followed by a non-letter is a possessive: stop before it.
      int len3;
      const bool s_alone = (cur.text[j + len] == 's' || cur.text[j + len] == 'S') &&
                           !IsAlnum(cur.ClassAt(j + len + 1, &len3));
      if (s_alone) break;
      j += len;
      continue;
    }
    if (c == CharClass::kHyphen && IsAlnum(next)) {
      j += len;
      letters_in_part = 0;
      continue;
    }
    if (c == CharClass::kPeriod) {
      if (*is_number && next == CharClass::kDigit) {
        j += len;
        continue;
      }
      if (single_letters && letters_in_part == 1) {
        // "U." followed by a letter and a period: an initialism.
        if (next == CharClass::kLetter && len2 == 1) {
          int len3;
          if (cur.ClassAt(j + len + len2, &len3) == CharClass::kPeriod) {
            j += len;
            letters_in_part = 0;
            continue;
          }
        }
        // The final period of "U.S." belongs to the word.
        if (j > i + 1 && cur.text[j - 2] == '.') return j + len;
      }
      break;
    }
    if (c == CharClass::kPunct && *is_number && cur.text[j] == ',' && next == CharClass::kDigit) {
      j += len;
      continue;
    }
    break;
  }
  return j;
}

}  // namespace

bool IsSentenceEnd(const Token& t) {
  return t.kind == TokenKind::kPunct && (t.Is(".") || t.Is("?") || t.Is("!"));
}

void SegmentParagraph(std::string_view text, TextRange range,
                      const std::unordered_set<std::string>* abbreviations, Paragraph* out) {
  out->range = range;
  out->tokens.clear();
  out->quotes.clear();
  out->sentences.clear();
  out->open_quote_at_end = false;
  Cursor cur{text, range.end};
  auto& tokens = out->tokens;
  // News text averages a token every five or six bytes; growing the vector
  // once here saves most reallocations (and the moves of every token).
  const size_t expected = range.size() / 4 + 8;
  if (tokens.capacity() < expected) tokens.reserve(std::max(expected, 2 * tokens.capacity()));

  // Pass 1: tokens.
  bool quote_marks = false;  // a token is a quote mark: pass 2 has work
  for (size_t i = range.begin; i < range.end;) {
    int len;
    const CharClass c = cur.ClassAt(i, &len);
    if (c == CharClass::kSpace) {
      i += len;
      continue;
    }
    // Built in place; `prev` is the token before it, if any.
    Token& t = tokens.emplace_back();
    Token* const prev = tokens.size() >= 2 ? &tokens[tokens.size() - 2] : nullptr;
    t.begin = static_cast<uint32_t>(i);
    if (IsAlnum(c)) {
      bool is_number;
      size_t j = ScanWord(cur, i, &is_number);
      t.end = static_cast<uint32_t>(j);
      t.kind = is_number ? TokenKind::kNumber : TokenKind::kWord;
      t.capitalized = !is_number && IsUpperStart(text, i);
      AppendLower(text, i, j, &t.lower);
      if (abbreviations != nullptr && j < range.end && text[j] == '.' && abbreviations->count(t.lower)) {
        ++j;  // "Mr." "Sen." "Sept.": the period is part of the word
        t.end = static_cast<uint32_t>(j);
        t.lower.push_back('.');
      }
      i = j;
    } else if ((c == CharClass::kApostrophe && i + 1 < range.end && text[i + 1] == '\'') ||
               (text[i] == '`' && i + 1 < range.end && text[i + 1] == '`')) {
      // Two apostrophes or two backticks stand for a double quote in some
      // newspaper archives (''It is,'' he said).
      t.end = static_cast<uint32_t>(i + 2);
      t.kind = TokenKind::kQuoteOpen;
      quote_marks = true;
      t.lower = "\"";
      i = t.end;
    } else if ((c == CharClass::kApostrophe || c == CharClass::kCloseSingle) && prev != nullptr &&
               prev->end == i && (text[i + len] == 's' || text[i + len] == 'S')) {
      t.end = static_cast<uint32_t>(i + len + 1);
      t.kind = TokenKind::kWord;
      t.lower = "'s";
      i = t.end;
    } else if ((c == CharClass::kApostrophe || c == CharClass::kCloseSingle) && prev != nullptr &&
               prev->end == i && !prev->lower.empty() && prev->lower.back() == 's' && prev->IsWord()) {
      // "officials' statement": a plural possessive.
      t.end = static_cast<uint32_t>(i + len);
      t.kind = TokenKind::kWord;
      t.lower = "'s";
      i = t.end;
    } else {
      t.end = static_cast<uint32_t>(i + len);
      switch (c) {
        case CharClass::kDoubleQuote:
          t.kind = TokenKind::kQuoteOpen;  // decided in pass 2
          quote_marks = true;
          t.lower = "\"";
          break;
        case CharClass::kOpenQuote:
          t.kind = TokenKind::kQuoteOpen;
          quote_marks = true;
          t.lower = "\xE2\x80\x9C";
          break;
        case CharClass::kCloseQuote:
          t.kind = TokenKind::kQuoteClose;
          quote_marks = true;
          t.lower = "\xE2\x80\x9D";
          break;
        case CharClass::kOpenSingle:
          t.kind = TokenKind::kQuoteOpen;
          quote_marks = true;
          t.lower = "\xE2\x80\x98";
          break;
        case CharClass::kCloseSingle:
          t.kind = TokenKind::kQuoteClose;
          quote_marks = true;
          t.lower = "\xE2\x80\x99";
          break;
        case CharClass::kHyphen:
          t.kind = TokenKind::kPunct;
          t.lower = "-";
          break;
        default:
          t.kind = TokenKind::kPunct;
          AppendLower(text, i, i + len, &t.lower);
          if (t.Is("\xE2\x80\x94") || t.Is("\xE2\x80\x93")) t.lower = "--";
          break;
      }
      // "--" written with two hyphens is one dash.
      if (t.Is("-") && prev != nullptr && prev->lower == "-" && prev->end == i) {
        prev->end = t.end;
        prev->lower = "--";
        i = t.end;
        tokens.pop_back();  // t
        continue;
      }
      i = t.end;
    }
  }

  // Pass 2: quotes. Double quotes pair up; single curly quotes only count
  // where one opens at a word start and no double quote is open.
  int open = -1;
  bool open_is_single = false;
  const int n = static_cast<int>(tokens.size());
  auto close_quote = [&](int k) {
    QuoteSpan q;
    q.open = open;
    q.close = k;
    q.inner = TextRange{tokens[open].end, k >= 0 ? tokens[k].begin : range.end};
    if (k >= 0) tokens[k].kind = TokenKind::kQuoteClose;
    for (int m = open + 1; m < (k >= 0 ? k : n); ++m) tokens[m].in_quote = true;
    out->quotes.push_back(q);
    open = -1;
  };
  for (int k = 0; quote_marks && k < n; ++k) {
    Token& t = tokens[k];
    if (t.kind != TokenKind::kQuoteOpen && t.kind != TokenKind::kQuoteClose) continue;
    const bool single = t.Is("\xE2\x80\x98") || t.Is("\xE2\x80\x99");
    const bool straight = t.Is("\"");
    if (single) {
      if (open >= 0 && !open_is_single) {
        t.kind = TokenKind::kPunct;  // nested single quotes stay inside the double quote
        continue;
      }
      const bool at_word_start = k + 1 < n && tokens[k + 1].begin == t.end &&
                                 (k == 0 || tokens[k - 1].end < t.begin || tokens[k - 1].kind != TokenKind::kWord);
      if (t.kind == TokenKind::kQuoteOpen && open < 0 && at_word_start) {
        open = k;
        open_is_single = true;
      } else if (t.kind == TokenKind::kQuoteClose && open >= 0 && open_is_single) {
        close_quote(k);
      } else {
        t.kind = TokenKind::kPunct;  // an apostrophe or a stray mark
      }
      continue;
    }
    if (open >= 0 && open_is_single) {
      // A double quote inside a single-quoted stretch: the single quote was an apostrophe.
      tokens[open].kind = TokenKind::kPunct;
      open = -1;
    }
    if (straight) {
      if (open < 0) {
        t.kind = TokenKind::kQuoteOpen;
        open = k;
        open_is_single = false;
      } else {
        close_quote(k);
      }
    } else if (t.kind == TokenKind::kQuoteOpen) {
      if (open < 0) {
        open = k;
        open_is_single = false;
      } else if (k + 1 == n || tokens[k + 1].begin > t.end) {
        close_quote(k);  // a typo'd closing mark
      } else {
        t.kind = TokenKind::kPunct;
      }
    } else {  // closing mark
      if (open >= 0) {
        close_quote(k);
      } else {
        t.kind = TokenKind::kPunct;
      }
    }
  }
  if (open >= 0) {
    if (open_is_single) {
      tokens[open].kind = TokenKind::kPunct;
    } else {
      close_quote(-1);
      out->open_quote_at_end = true;
    }
  }
  for (auto& q : out->quotes) {
    while (q.inner.begin < q.inner.end && (text[q.inner.begin] == ' ' || text[q.inner.begin] == '\n')) ++q.inner.begin;
    while (q.inner.end > q.inner.begin && (text[q.inner.end - 1] == ' ' || text[q.inner.end - 1] == '\n' ||
                                           text[q.inner.end - 1] == '\r'))
      --q.inner.end;
  }

  // Pass 3: sentences, never inside a quote.
  int start = 0;
  for (int k = 0; k < n; ++k) {
    const Token& t = tokens[k];
    if (t.in_quote) continue;
    bool boundary = false;
    int last = k;  // last token of the sentence
    if (IsSentenceEnd(t)) {
      // Closing quotes and brackets right after the mark stay with it.
      while (last + 1 < n && (tokens[last + 1].kind == TokenKind::kQuoteClose || tokens[last + 1].Is(")")))
        ++last;
      if (last + 1 >= n) break;
      const Token& next = tokens[last + 1];
      // "Michael C. Cernech": a single capital before the period is an initial.
      if (t.Is(".") && k > 0 && tokens[k - 1].IsWord() && tokens[k - 1].capitalized &&
          tokens[k - 1].end - tokens[k - 1].begin == 1 && tokens[k - 1].end == t.begin) {
        continue;
      }
      boundary = next.capitalized || next.kind == TokenKind::kQuoteOpen || next.kind == TokenKind::kNumber ||
                 next.Is("(") || next.Is("--");
    } else if (t.kind == TokenKind::kQuoteClose && k > 0 && IsSentenceEnd(tokens[k - 1]) && k + 1 < n &&
               (tokens[k + 1].capitalized || tokens[k + 1].kind == TokenKind::kQuoteOpen)) {
      boundary = true;  // "... alone." He said
    }
    if (boundary) {
      out->sentences.push_back(Sentence{start, last + 1});
      start = last + 1;
      k = last;
    }
  }
  if (start < n) out->sentences.push_back(Sentence{start, n});
}

}  // namespace claimgraph
