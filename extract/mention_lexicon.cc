// The noun-phrase analyzer's lookups (mentions.h): the text of a token
// range, titles and aliases at a token, countries and organisations by
// name, where a post-modifier ends, and capitalised words that are no name.
// Thread safety: as mentions.h (const, reentrant).
#include <algorithm>
#include <string>
#include <string_view>

#include "extract/mentions.h"
#include "extract/words.h"

namespace claimgraph {

std::string TokenText(std::string_view text, const Paragraph& p, int begin, int end) {
  // Most phrases are written with single spaces between their tokens: then
  // they are one piece of the text.
  bool as_written = true;
  for (int i = begin + 1; i < end && as_written; ++i) {
    const size_t gap_begin = p.tokens[i - 1].end, gap_end = p.tokens[i].begin;
    as_written = gap_end == gap_begin || (gap_end == gap_begin + 1 && text[gap_begin] == ' ');
  }
  if (begin >= end) return std::string();
  if (as_written) {
    return std::string(text.substr(p.tokens[begin].begin, p.tokens[end - 1].end - p.tokens[begin].begin));
  }
  std::string s;
  s.reserve(p.tokens[end - 1].end - p.tokens[begin].begin);  // at least the result's size
  for (int i = begin; i < end; ++i) {
    const Token& t = p.tokens[i];
    if (i > begin && p.tokens[i - 1].end < t.begin) s.push_back(' ');
    s.append(text.substr(t.begin, t.end - t.begin));
  }
  return s;
}

int NounPhraseAnalyzer::TitleLength(const Paragraph& p, int i, int end) const {
  auto it = vocab_.titles.find(p.tokens[i].lower);
  if (it == vocab_.titles.end()) return 0;
  for (const auto& words : it->second) {
    if (i + static_cast<int>(words.size()) > end) continue;
    bool match = true;
    for (size_t k = 1; k < words.size() && match; ++k) match = p.tokens[i + k].lower == words[k];
    if (!match) continue;
    // "Justice Department", "Treasury Department": a title word naming an
    // organisation's field is no title.
    const int after = i + static_cast<int>(words.size());
    if (after < end && p.tokens[after].capitalized && vocab_.org_words.count(p.tokens[after].lower)) return 0;
    return static_cast<int>(words.size());
  }
  return 0;
}

int NounPhraseAnalyzer::AliasLength(const Paragraph& p, int i, int end, std::string* canonical,
                                    bool* is_org) const {
  // Proper names only: "who" is not the WHO, "us" is not the US.
  if (!p.tokens[i].capitalized) return 0;
  auto starts = vocab_.alias_starts.find(p.tokens[i].lower);
  if (starts == vocab_.alias_starts.end()) return 0;
  const uint32_t lengths = starts->second;  // bit n-1: some alias starting here has n words
  const auto may_have = [lengths](int n) { return (lengths >> std::min(n - 1, 31)) & 1u; };
  const int max_len = std::min<int>(static_cast<int>(vocab_.longest_alias), end - i);
  int longest = 0;  // the longest length worth a lookup
  for (int n = max_len; n >= 1 && longest == 0; --n) {
    if (may_have(n)) longest = n;
  }
  if (longest == 0) return 0;
  // The tokens' lower-case forms joined by ' '; the key of n tokens is its
  // prefix of key_size bytes, shortened by one token and a space per step.
  std::string joined;
  for (int n = 1; n <= longest; ++n) {
    if (n > 1) joined.push_back(' ');
    joined += p.tokens[i + n - 1].lower;
  }
  size_t key_size = joined.size() + 1;
  for (int n = longest; n >= 1; --n) {
    if (n < longest) key_size -= p.tokens[i + n].lower.size() + 1;
    if (!may_have(n)) continue;
    if (n > 1 && !p.tokens[i + n - 1].IsWord()) continue;
    const std::string_view key = std::string_view(joined).substr(0, key_size - 1);
    if (auto it = vocab_.countries.find(key); it != vocab_.countries.end()) {
      *canonical = it->second;
      *is_org = false;
      return n;
    }
    if (auto it = vocab_.organizations.find(key); it != vocab_.organizations.end()) {
      *canonical = it->second;
      *is_org = true;
      return n;
    }
    if (auto it = vocab_.demonyms.find(key); it != vocab_.demonyms.end()) {
      *canonical = it->second;
      *is_org = false;
      return n;
    }
  }
  return 0;
}

std::string NounPhraseAnalyzer::CountryOf(const std::string& lower) const {
  auto it = vocab_.countries.find(lower);
  return it == vocab_.countries.end() ? std::string() : it->second;
}

std::string NounPhraseAnalyzer::OrganizationOf(const std::string& lower) const {
  auto it = vocab_.organizations.find(lower);
  return it == vocab_.organizations.end() ? std::string() : it->second;
}

int NounPhraseAnalyzer::PostModifierEnd(const Paragraph& p, int s, int e) const {
  const auto& t = p.tokens;
  if (s >= e || e - s > 10 || t[s].capitalized || t[s].in_quote) return s;
  // The words that open a post-modifier, and the preposition some need.
  static constexpr std::string_view kOpeners[] = {"of", "for", "to", "at", "with", "from", "in", "on", "by",
                                                  "representing", "close", "familiar", "involved"};
  bool opener = false;
  for (std::string_view w : kOpeners) opener = opener || t[s].lower == w;
  // "a memo released Friday by the watchdog", "records compiled by the
  // center": a past participle with its agent.
  const std::string& w0 = t[s].lower;
  const bool participle = !opener && w0.size() >= 5 && EndsWith(w0, "ed") &&
                          !t[s].word_class && !vocab_.cues.count(w0);
  if (participle) {
    bool agent = false;
    for (int k = s + 1; k < e && !agent; ++k) agent = t[k].Is("by");
    opener = agent;
  }
  if (!opener || s + 1 >= e) return s;
  if ((t[s].Is("close") && !t[s + 1].Is("to")) || (t[s].Is("familiar") && !t[s + 1].Is("with")) ||
      (t[s].Is("involved") && !t[s + 1].Is("in"))) {
    return s;
  }
  // It runs to the end of the range, through nothing that reads as a verb,
  // a clause, a time or a document ("officials on Tuesday", "aides in a
  // statement" keep only their head).
  for (int k = s + 1; k < e; ++k) {
    const Token& tok = t[k];
    if (tok.in_quote) return s;
    if (tok.kind == TokenKind::kNumber || tok.Is("'s") || tok.Is("&") || tok.Is("-")) continue;
    if (tok.Is(".") && tok.begin == t[k - 1].end) continue;  // "N.Y."
    if (!tok.IsWord()) return s;
    const uint16_t cls = tok.word_class;
    if (tok.Is("and") && t[k - 1].capitalized && k + 1 < e && t[k + 1].capitalized) continue;
    if ((cls & kTime) && participle && k + 1 < e) continue;  // "released Friday by"
    if (cls & (kNeg | kRel | kConj | kAdv | kTime | kPron)) return s;
    if (vocab_.cues.count(tok.lower)) return s;
    // It ends on a noun: "other Democrats on the stage refused to" does not.
    if (k == e - 1 && !tok.capitalized && (cls & (kPrep | kDet) || tok.Is("to") || tok.Is("of"))) return s;
    auto known = vocab_.source_nouns.find(tok.lower);
    if (known != vocab_.source_nouns.end() && !known->second && !tok.capitalized) return s;
  }
  return e;
}

bool NounPhraseAnalyzer::NotAName(const Paragraph& p, int i) const {
  static constexpr std::string_view kWords[] = {
      "one",  "there", "here",    "what",   "to",      "despite", "along",    "back",    "soon",  "last",
      "more", "another", "nobody", "everyone", "someone", "anyone", "asked", "democratic", "republican", "q", "nothing", "everybody", "somebody",
      "of",  "like",  "unlike",  "within", "inside",  "amid",    "alongside", "among",   "looks", "only", "former"};
  static const StringMap<bool>* const kSet = [] {  // built once, never freed
    auto* set = new StringMap<bool>;
    for (std::string_view w : kWords) (*set)[w] = true;
    return set;
  }();
  const Token& tok = p.tokens[i];
  if (kSet->count(tok.lower)) return true;
  // "Speaking", "Following", "Reached": a participle opening a sentence,
  // unless it is a given name or a surname ("Manning said" mid-sentence).
  const std::string& w = tok.lower;
  const bool opens = i == 0 || p.tokens[i - 1].kind != TokenKind::kWord;
  const bool ing = w.size() >= 6 && EndsWith(w, "ing");
  const bool ed = w.size() >= 6 && EndsWith(w, "ed");
  return opens && (ing || ed) && !vocab_.first_names.count(w);
}

}  // namespace claimgraph
