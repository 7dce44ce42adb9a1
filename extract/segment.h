// Segmenter: tokens, quote spans and sentences of one paragraph.
//
// Tokens keep byte offsets into Document::text and a lower-cased form for
// lexicon lookups (ASCII folded; curly apostrophes become '). A possessive
// "'s" is a token of its own; "U.S." and "Mr." stay one token.
//
// Quote marks: straight and curly double quotes, guillemets, CJK corner
// marks, low-9 quotes, and curly single quotes where they open at a word
// start. A quote that is not closed by the end of the paragraph runs to the
// paragraph's end (the newspaper convention for quotes that go on into the
// next paragraph); nothing is ever scanned past one paragraph, so time stays
// linear however unbalanced the marks are.
//
// Sentences never split inside a quote: "A. B," he said is one sentence.
//
// Thread safety: ParagraphSegmenter holds scratch buffers; use one per thread.
#ifndef CLAIMGRAPH_EXTRACT_SEGMENT_H_
#define CLAIMGRAPH_EXTRACT_SEGMENT_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "extract/document.h"
#include "extract/words.h"

namespace claimgraph {

enum class TokenKind : uint8_t {
  kWord,
  kNumber,
  kPunct,       // , . ; : ! ? ( ) - and the like; `lower` holds it
  kQuoteOpen,
  kQuoteClose,
};

struct Token {
  uint32_t begin = 0;  // byte offsets in Document::text
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  bool capitalized = false;  // a word starting with an upper-case letter
  bool in_quote = false;     // inside a quote span (marks excluded)
  // Vocabulary::ClassOf(lower), a WordClass bit set. SegmentParagraph leaves
  // it 0; the attribution sieve fills it once per token (ClassWords).
  uint16_t word_class = 0;
  std::string lower;         // folded form; for punctuation the mark itself
  bool IsWord() const { return kind == TokenKind::kWord; }
  // Sizes first, then bytes: with a literal `s` this compiles to a few
  // inline compares instead of a call to memcmp.
  bool Is(std::string_view s) const {
    return lower.size() == s.size() && std::memcmp(lower.data(), s.data(), s.size()) == 0;
  }
  bool HasClass(uint16_t classes) const { return (word_class & classes) != 0; }
};

// "quickly", "reportedly": a lower-case word ending in "ly".
inline bool IsLy(const Token& t) { return !t.capitalized && t.lower.size() > 4 && EndsWith(t.lower, "ly"); }

// "4", "Nine", "ten": a count ("one in five", "Nine in 10 voters").
inline bool IsCount(const Token& t) {
  if (t.kind == TokenKind::kNumber) return true;
  static constexpr std::string_view kWords[] = {"one", "two", "three", "four", "five",
                                                "six", "seven", "eight", "nine", "ten"};
  for (std::string_view w : kWords) {
    if (t.lower == w) return true;
  }
  return false;
}

// A quote: token indexes of its marks, and the byte range between them.
struct QuoteSpan {
  int open = 0;        // index of the opening mark token
  int close = -1;      // index of the closing mark token; -1: runs to paragraph end
  TextRange inner;     // bytes between the marks, trimmed of white space
};

// A sentence: token index range [begin, end).
struct Sentence {
  int begin = 0;
  int end = 0;
};

struct Paragraph {
  TextRange range;
  std::vector<Token> tokens;
  std::vector<QuoteSpan> quotes;
  std::vector<Sentence> sentences;
  // True when the paragraph opens with a quote mark that is never closed in it.
  bool open_quote_at_end = false;
};

// Fills *out with the tokens, quotes and sentences of `range` of `text`.
// *out's buffers are reused. `abbreviations` (lower case, without the
// period: "mr", "sen", "sept") keep their period inside the word so that it
// does not end a sentence; may be null.
void SegmentParagraph(std::string_view text, TextRange range,
                      const std::unordered_set<std::string>* abbreviations, Paragraph* out);

// True for a token that ends a sentence when followed by a capital: "." "?" "!"
bool IsSentenceEnd(const Token& token);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_SEGMENT_H_
