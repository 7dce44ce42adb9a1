// Internal to the attribution sieve: the per-article state it carries from
// sentence to sentence, and the token tests shared by the sieve's files
// (attribute*.cc).
#ifndef CLAIMGRAPH_EXTRACT_ATTRIBUTE_STATE_H_
#define CLAIMGRAPH_EXTRACT_ATTRIBUTE_STATE_H_

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "extract/attribute.h"
#include "extract/segment.h"
#include "extract/words.h"

namespace claimgraph {

// The quote that opens at token `open`, or null. Paragraph::quotes are in
// token order, so this is a binary search: a one-line article may hold
// hundreds of thousands of quotes, and a scan per sentence is quadratic.
inline const QuoteSpan* QuoteOpeningAt(const Paragraph& para, int open) {
  auto it = std::lower_bound(para.quotes.begin(), para.quotes.end(), open,
                             [](const QuoteSpan& q, int o) { return q.open < o; });
  return it != para.quotes.end() && it->open == open ? &*it : nullptr;
}

// Whether the token's lower-case form is one of `words` (an array or list of
// string_views).
template <typename Words>
bool OneOf(const Token& t, const Words& words) {
  for (std::string_view w : words) {
    if (t.lower == w) return true;
  }
  return false;
}
inline bool OneOf(const Token& t, std::initializer_list<std::string_view> words) {
  return OneOf<std::initializer_list<std::string_view>>(t, words);
}

// "saying", "emphasizing": a word ending in "-ing" past a short stem.
inline bool EndsWithIng(std::string_view w) { return w.size() > 4 && EndsWith(w, "ing"); }

// t[i] is the period of a middle initial ("Walter J. Pembry"), which a
// walk back over a name crosses.
inline bool InitialPeriod(const std::vector<Token>& t, int sb, int i) {
  return i - 1 > sb && i + 1 < static_cast<int>(t.size()) && t[i].Is(".") && t[i - 1].capitalized &&
         t[i - 1].lower.size() == 1 && t[i - 1].end == t[i].begin && t[i + 1].capitalized &&
         t[i - 2].capitalized && t[i - 2].IsWord();
}

// The role word a role reference is resolved by, lower case: the last word
// of its role, else of its name ("the city auditor" -> "auditor").
inline std::string RoleWord(const Mention& m) {
  std::string word = AsciiLower(m.role.empty() ? m.name : m.role);
  const size_t space = word.rfind(' ');
  if (space != std::string::npos) word.erase(0, space + 1);
  return word;
}

struct AttributionSieve::Cue {
  int begin = 0;
  int end = 0;
  CueClass cls = CueClass::kSpeech;
  std::string text;
};

struct AttributionSieve::State {
  const Document* doc = nullptr;
  std::string_view text;
  std::vector<Claim>* claims = nullptr;
  Paragraph para;
  int paragraph_index = 0;
  int sentence_index = 0;
  std::vector<char> consumed;  // per token; bytes, not bits: every rule reads it in its loops
  ArticleEntities entities;
  // The last claim's speaker, for quotes that stand alone.
  bool has_last = false;
  Mention last_speaker;
  Cue last_cue;
  int last_paragraph = -1;
  // The index of the direct claim whose quote the last paragraph left open
  // (it goes on in the next paragraph, which opens with a quote mark), or -1.
  int open_quote_claim = -1;
  // Content tokens of the last indirect claim, whose speaker relays what is
  // attributed inside it.
  int outer_begin = -1;
  int outer_end = -1;
  std::string outer_speaker;
  // Set while reading the frame of a quote, where the attribution is certain.
  bool quote_frame = false;
  // Nesting of "X, who ..., said" reads: hostile text may chain thousands.
  int relative_depth = 0;
  // Claims whose speaker is a role no one named so far had ("according to
  // a report by the city auditor. City auditor Fiona Strachan said"): the
  // claim's index and span and the role, resolved again at the article's end.
  struct UnresolvedRole {
    size_t index;
    TextRange span;
    Mention role;
  };
  std::vector<UnresolvedRole> unresolved_roles;
  // The learned pass's training dump (attribute_model.h), or null.
  std::vector<FrameCandidate>* candidates = nullptr;
  const std::vector<Token>& t() const { return para.tokens; }
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_ATTRIBUTE_STATE_H_
