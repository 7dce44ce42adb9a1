#include "extract/stance.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "extract/lexicon.h"

namespace claimgraph {

namespace {

constexpr size_t kMaxPhraseWords = 6;    // longer runs are cut: topics stay short
constexpr size_t kContextBytes = 1500;   // how far back a pointer ("it") may look
constexpr size_t kContextSentences = 4;  // ... and over how many sentences

// Words after a comma that open a new clause; words that open one anywhere.
const std::unordered_set<std::string_view> kCommaClauseStarts = {
    "which", "who", "whom", "where", "while", "but", "although", "though", "whereas", "however",
    "unless", "because", "so", "saying", "rather", "thus", "including", "adding", "when", "if"};
const std::unordered_set<std::string_view> kClauseStarts = {
    "but", "however", "although", "though", "whereas", "unless", "while", "because", "rather"};
// Words that, right after a word, show that word is a verb taking an object.
const std::unordered_set<std::string_view> kObjectStarts = {
    "a", "an", "the", "this", "these", "those", "its", "their", "his", "her", "our", "any", "all",
    "some", "every", "my", "your", "them", "him", "it", "us", "me"};
const std::unordered_set<std::string_view> kPointers = {"it", "this", "that", "these", "those"};
const std::unordered_set<std::string_view> kDefinite = {"the", "this", "that", "these", "those"};
const std::unordered_set<std::string_view> kFirstPerson = {"we", "i", "our", "my", "us"};

// Words compare without a final 'e', so stems that lost it meet the
// dictionary form ("welcom(ed)" ~ "welcome", "criticis(ed)" ~ "criticise").
std::string MatchKey(const std::string& norm) {
  return norm.size() > 3 && norm.back() == 'e' ? norm.substr(0, norm.size() - 1) : norm;
}

bool IsUpperInitial(const std::string& text) { return !text.empty() && text[0] >= 'A' && text[0] <= 'Z'; }

bool ParseKind(const std::string& s, StanceKind* kind) {
  static const std::pair<const char*, StanceKind> kKinds[] = {
      {"support", StanceKind::kSupport}, {"oppose", StanceKind::kOppose},
      {"negator", StanceKind::kNegator}, {"reverse", StanceKind::kReverse},
      {"intent", StanceKind::kIntent}};
  for (const auto& [name, k] : kKinds) {
    if (s == name) {
      *kind = k;
      return true;
    }
  }
  return false;
}

void SplitNorm(const std::string& norm, std::vector<std::string>* out) {
  size_t start = 0;
  while (start < norm.size()) {
    size_t space = norm.find(' ', start);
    if (space == std::string::npos) space = norm.size();
    if (space > start) out->push_back(norm.substr(start, space - start));
    start = space + 1;
  }
}

struct Match {
  size_t begin = 0, end = 0;  // token indices [begin, end)
  StanceKind kind = StanceKind::kSupport;
};

struct Chunk {
  size_t begin = 0, end = 0;  // token indices [begin, end)
  size_t clause = 0;
  std::vector<std::string> norms;
  std::string label;
  bool pointer = false;  // "it", "the measure": takes an earlier phrase's topic
  bool actor = false;    // a name or a group of people ("the US", "Israeli leaders")
};

// A text read for stance: tokens, clauses, stance words, noun phrases.
struct Reading {
  std::vector<TopicToken> tokens;
  std::vector<size_t> clause;         // clause index of each token
  std::vector<size_t> sentence;       // sentence index of each token
  std::vector<int> match_of;          // index into matches, or -1
  std::vector<bool> verbish;          // a verb taking an object, or a cue
  std::vector<Match> matches;
  std::vector<Chunk> chunks;
};

}  // namespace

const char* PolarityName(int sign) { return sign > 0 ? "support" : sign < 0 ? "oppose" : "neutral"; }

struct StanceTagger::Rep {
  const Vocabulary* vocab = nullptr;
  std::vector<StanceRule> rules;
  std::unordered_map<std::string, std::vector<size_t>> by_first;  // longest first
  std::unordered_set<std::string> stopwords;
  std::unordered_set<std::string> shells;
  TopicCatalog catalog;

  Reading Read(std::string_view text) const;
  void FindMatches(Reading* r) const;
  void SplitClauses(Reading* r) const;
  void FindChunks(Reading* r) const;
  bool IsContent(const Reading& r, size_t i) const;
  int Polarity(const Reading& r, size_t clause, size_t pos, bool actor,
               const std::vector<std::string>& side) const;
  int ClausePolarity(const Reading& r, size_t clause, const std::vector<std::string>& side) const;
  int Negation(const Reading& r, size_t match) const;
  bool IntentCounts(const Reading& r, size_t match, const std::vector<std::string>& side) const;
  bool Antecedent(const Document& doc, size_t claim_begin, Chunk* out) const;
  void TagClaim(const Document& doc, Claim* claim) const;
};

Reading StanceTagger::Rep::Read(std::string_view text) const {
  Reading r;
  r.tokens = TokenizeForTopics(text);
  FindMatches(&r);
  SplitClauses(&r);
  FindChunks(&r);
  return r;
}

void StanceTagger::Rep::FindMatches(Reading* r) const {
  const auto& t = r->tokens;
  r->match_of.assign(t.size(), -1);
  for (size_t i = 0; i < t.size(); ++i) {
    if (!t[i].word) continue;
    auto it = by_first.find(MatchKey(t[i].norm));
    if (it == by_first.end()) continue;
    for (size_t rule_index : it->second) {
      const std::vector<std::string>& words = rules[rule_index].words;
      size_t k = 0;
      while (k < words.size() && i + k < t.size() && t[i + k].word && MatchKey(t[i + k].norm) == words[k]) ++k;
      if (k < words.size()) continue;
      // "a proposed zone": a participle after a determiner describes, it
      // takes no stance.
      const std::string& w = t[i].lower;
      if (words.size() == 1 && i > 0 && t[i - 1].word && kObjectStarts.count(t[i - 1].lower) && w.size() > 4 &&
          w.compare(w.size() - 2, 2, "ed") == 0) {
        break;
      }
      Match m{i, i + words.size(), rules[rule_index].kind};
      for (size_t j = m.begin; j < m.end; ++j) r->match_of[j] = static_cast<int>(r->matches.size());
      r->matches.push_back(m);
      i = m.end - 1;
      break;
    }
  }
}

void StanceTagger::Rep::SplitClauses(Reading* r) const {
  const auto& t = r->tokens;
  r->clause.assign(t.size(), 0);
  r->sentence.assign(t.size(), 0);
  size_t clause = 0, sentence = 0;
  bool open = false;  // the current clause holds a word
  for (size_t i = 0; i < t.size(); ++i) {
    const std::string& w = t[i].lower;
    if (t[i].word && open && kClauseStarts.count(w)) ++clause, open = false;
    r->clause[i] = clause;
    r->sentence[i] = sentence;
    if (t[i].word) {
      open = true;
      continue;
    }
    if (w == "." || w == "!" || w == "?") {
      ++sentence;
      if (open) ++clause;
      open = false;
    } else if (w == ";" || w == ":" || w == "(" || w == ")") {
      if (open) ++clause;
      open = false;
    } else if (w == "," && i + 1 < t.size() && t[i + 1].word &&
               (kCommaClauseStarts.count(t[i + 1].lower) ||
                (t[i + 1].lower.size() > 5 && t[i + 1].lower.compare(t[i + 1].lower.size() - 3, 3, "ing") == 0))) {
      if (open) ++clause;
      open = false;
    }
  }
}

bool StanceTagger::Rep::IsContent(const Reading& r, size_t i) const {
  const TopicToken& tok = r.tokens[i];
  if (!tok.word || tok.norm.empty() || r.match_of[i] >= 0 || r.verbish[i]) return false;
  if (IsTopicGlueWord(tok.lower) || stopwords.count(tok.lower)) return false;
  if (vocab->ClassOf(tok.lower) & (kDet | kPron | kPrep | kConj | kRel | kNeg | kAdv | kTime)) return false;
  if (std::all_of(tok.lower.begin(), tok.lower.end(), [](char c) { return (c >= '0' && c <= '9') || c == ',' || c == '.'; })) {
    return false;
  }
  return true;
}

void StanceTagger::Rep::FindChunks(Reading* r) const {
  const auto& t = r->tokens;
  // Verbs: a word right before an object ("sponsored a resolution", unless
  // itself after a determiner), and the reporting cues ("said", "told").
  r->verbish.assign(t.size(), false);
  for (size_t i = 0; i < t.size(); ++i) {
    if (!t[i].word) continue;
    const bool after_det = i > 0 && t[i - 1].word && kObjectStarts.count(t[i - 1].lower);
    const bool before_object = i + 1 < t.size() && t[i + 1].word && kObjectStarts.count(t[i + 1].lower);
    bool cue = false;
    auto it = vocab->cues.find(t[i].lower);
    if (it != vocab->cues.end()) {
      for (const CueForm& form : it->second) cue = cue || (!form.noun && form.words.size() == 1);
    }
    // "attempting to block": an inflected verb before "to".
    const bool before_to = i + 1 < t.size() && t[i + 1].lower == "to" && t[i].lower.size() > 4 &&
                           (t[i].lower.compare(t[i].lower.size() - 3, 3, "ing") == 0 ||
                            t[i].lower.compare(t[i].lower.size() - 2, 2, "ed") == 0);
    const bool function_word = IsTopicGlueWord(t[i].lower) || stopwords.count(t[i].lower) ||
                               (vocab->ClassOf(t[i].lower) & (kDet | kPron | kPrep | kConj | kRel | kNeg | kAdv)) != 0;
    r->verbish[i] = !after_det && !function_word && (before_object || cue || before_to) &&
                    !kPointers.count(t[i].lower);
  }
  const size_t first_word = [&] {
    for (size_t i = 0; i < t.size(); ++i) {
      if (t[i].word) return i;
    }
    return t.size();
  }();
  for (size_t i = 0; i < t.size();) {
    // Pointers: "it", "this", "the measure" at the start or right after a
    // stance word (determiners, negators and glue words may sit between).
    if (t[i].word && (kPointers.count(t[i].lower) || kDefinite.count(t[i].lower))) {
      size_t head = i;
      if (kDefinite.count(t[i].lower) && i + 1 < t.size() && t[i + 1].word && shells.count(t[i + 1].lower) &&
          !(i + 2 < t.size() && IsContent(*r, i + 2))) {
        head = i + 1;
      } else if (!kPointers.count(t[i].lower) || (i + 1 < t.size() && IsContent(*r, i + 1))) {
        head = t.size();  // "this week": a determiner, not a pointer
      }
      if (head < t.size()) {
        size_t k = i;
        while (k > 0 && t[k - 1].word && r->match_of[k - 1] < 0 && IsTopicGlueWord(t[k - 1].lower)) --k;
        const bool after_stance = k > 0 && r->match_of[k - 1] >= 0;
        if (i == first_word || after_stance) {
          Chunk c;
          c.begin = i;
          c.end = head + 1;
          c.clause = r->clause[i];
          c.pointer = true;
          // A shell noun stands for itself when nothing earlier fits.
          if (head > i) SplitNorm(t[head].norm, &c.norms);
          r->chunks.push_back(c);
          i = head + 1;
          continue;
        }
      }
    }
    if (!IsContent(*r, i)) {
      ++i;
      continue;
    }
    Chunk c;
    c.begin = i;
    c.clause = r->clause[i];
    size_t j = i;
    for (;;) {
      while (j < t.size() && r->clause[j] == c.clause && IsContent(*r, j) && c.norms.size() < kMaxPhraseWords) {
        SplitNorm(t[j].norm, &c.norms);
        ++j;
      }
      // "establishment of an independent Palestinian state": one phrase.
      size_t k = j;
      if (k < t.size() && t[k].word && t[k].lower == "of") {
        ++k;
        while (k < t.size() && t[k].word && kObjectStarts.count(t[k].lower)) ++k;
        if (k < t.size() && r->clause[k] == c.clause && IsContent(*r, k) && c.norms.size() < kMaxPhraseWords) {
          j = k;
          continue;
        }
      }
      break;
    }
    c.end = j;
    bool names = true, people = false, head = true;  // head: before any "of"
    for (size_t k = c.begin; k < c.end; ++k) {
      if (t[k].lower == "of") head = false;
      if (!t[k].word || IsTopicGlueWord(t[k].lower)) continue;
      names = names && IsUpperInitial(t[k].text);
      auto s = vocab->source_nouns.find(t[k].lower);
      people = people || (head && s != vocab->source_nouns.end() && s->second);
    }
    // A capital at the start of a sentence shows no name unless the word is
    // a known country or organisation ("Sanctions would be ...").
    size_t before = c.begin;
    while (before > 0 && !t[before - 1].word && t[before - 1].lower != "." && t[before - 1].lower != "!" &&
           t[before - 1].lower != "?" && t[before - 1].lower != ",") {
      --before;  // quotes and brackets
    }
    const bool sentence_start = before == 0 || c.begin == first_word ||
                                (t[before - 1].lower != "," && !t[before - 1].word);
    if (names && sentence_start && c.end - c.begin == 1 && !vocab->countries.count(t[c.begin].lower) &&
        !vocab->organizations.count(t[c.begin].lower)) {
      names = false;
    }
    c.actor = names || people;
    r->chunks.push_back(std::move(c));
    i = j;
  }
}

int StanceTagger::Rep::Negation(const Reading& r, size_t match) const {
  const Match& m = r.matches[match];
  size_t from = 0;
  for (size_t p = match; p-- > 0;) {
    const Match& prev = r.matches[p];
    if (r.clause[prev.begin] != r.clause[m.begin]) break;
    if (prev.kind != StanceKind::kNegator) {
      from = prev.end;
      break;
    }
  }
  int sign = 1;
  for (size_t p = 0; p < match; ++p) {
    const Match& prev = r.matches[p];
    if (prev.kind == StanceKind::kNegator && prev.begin >= from && r.clause[prev.begin] == r.clause[m.begin]) {
      sign = -sign;
    }
  }
  return sign;
}

bool StanceTagger::Rep::IntentCounts(const Reading& r, size_t match,
                                     const std::vector<std::string>& side) const {
  const Match& m = r.matches[match];
  for (size_t i = m.begin; i-- > 0 && r.clause[i] == r.clause[m.begin];) {
    const TopicToken& tok = r.tokens[i];
    if (!tok.word) continue;
    if (kFirstPerson.count(tok.lower)) return true;
    std::vector<std::string> words;
    SplitNorm(tok.norm, &words);
    for (const std::string& w : words) {
      if (std::find(side.begin(), side.end(), w) != side.end()) return true;
    }
  }
  return false;
}

int StanceTagger::Rep::Polarity(const Reading& r, size_t clause, size_t pos, bool actor,
                                const std::vector<std::string>& side) const {
  const auto stance_of = [&](size_t m) -> int {
    switch (r.matches[m].kind) {
      case StanceKind::kSupport:
        return 1;
      case StanceKind::kOppose:
        return -1;
      case StanceKind::kIntent:
        return IntentCounts(r, m, side) ? 1 : 0;
      default:
        return 0;
    }
  };
  // A verb between a stance word and the phrase ends the word's reach,
  // except the verb right after it ("must involve", "will do").
  const auto verb_between = [&](size_t from, size_t to) {
    if (from < r.tokens.size() && (r.tokens[from].lower == "to" || r.tokens[from].lower == "be")) ++from;
    if (from < to && from < r.verbish.size() && r.verbish[from]) ++from;
    for (size_t i = from; i < to && i < r.verbish.size(); ++i) {
      // "urged X to implement a pause": an infinitive carries the stance on.
      if (r.verbish[i] && r.match_of[i] < 0 && !(i > 0 && r.tokens[i - 1].lower == "to")) return true;
    }
    return false;
  };
  // The nearest stance word before the phrase.
  int sign = 0;
  size_t governing = r.matches.size();
  for (size_t m = 0; m < r.matches.size(); ++m) {
    const Match& match = r.matches[m];
    if (r.clause[match.begin] != clause || match.end > pos) continue;
    if (stance_of(m) != 0) governing = m;
  }
  if (governing < r.matches.size()) {
    if (verb_between(r.matches[governing].end, pos)) return 0;
    sign = stance_of(governing) * Negation(r, governing);
    for (size_t m = governing + 1; m < r.matches.size() && r.matches[m].end <= pos; ++m) {
      if (r.matches[m].kind == StanceKind::kReverse) sign = -sign;
    }
    return sign;
  }
  // A reverse word alone is against what follows it.
  for (size_t m = 0; m < r.matches.size(); ++m) {
    const Match& match = r.matches[m];
    if (r.clause[match.begin] == clause && match.end <= pos && match.kind == StanceKind::kReverse) {
      return -Negation(r, m);
    }
  }
  // Else the nearest after it, unless the phrase is the actor of that word.
  if (actor) return 0;
  for (size_t m = 0; m < r.matches.size(); ++m) {
    const Match& match = r.matches[m];
    if (r.clause[match.begin] != clause || match.begin < pos) continue;
    // A preposition ("without", "against") governs only what follows it.
    if (IsTopicGlueWord(r.tokens[match.begin].lower)) continue;
    const int s = stance_of(m);
    if (s != 0) return verb_between(pos, match.begin) ? 0 : s * Negation(r, m);
  }
  return 0;
}

int StanceTagger::Rep::ClausePolarity(const Reading& r, size_t clause,
                                      const std::vector<std::string>& side) const {
  size_t end = 0;
  for (size_t i = 0; i < r.tokens.size(); ++i) {
    if (r.clause[i] == clause) end = i + 1;
  }
  return Polarity(r, clause, end, false, side);
}

bool StanceTagger::Rep::Antecedent(const Document& doc, size_t claim_begin, Chunk* out) const {
  claim_begin = std::min(claim_begin, doc.text.size());
  size_t from = claim_begin > kContextBytes ? claim_begin - kContextBytes : 0;
  while (from > 0 && from < claim_begin && doc.text[from] != ' ' && doc.text[from] != '\n') ++from;
  const std::string_view context = std::string_view(doc.text).substr(from, claim_begin - from);
  Reading r = Read(context);
  if (r.tokens.empty()) return false;
  // Sentences from the nearest back; in each, the first phrase after its
  // first verb or stance word.
  const size_t last = r.sentence.back();
  for (size_t s = last + 1; s-- > 0 && last - s < kContextSentences;) {
    size_t verb = r.tokens.size();
    for (size_t i = 0; i < r.tokens.size(); ++i) {
      if (r.sentence[i] == s && (r.verbish[i] || r.match_of[i] >= 0)) {
        verb = i;
        break;
      }
    }
    if (verb == r.tokens.size()) continue;
    size_t next = verb + 1;
    while (next < r.tokens.size() && r.match_of[next] >= 0) ++next;
    if (next < r.tokens.size() && kPointers.count(r.tokens[next].lower) &&
        !(next + 1 < r.tokens.size() && IsContent(r, next + 1))) {
      continue;  // "described it as ...": look further back
    }
    for (const Chunk& c : r.chunks) {
      if (r.sentence[c.begin] != s || c.begin <= verb || c.actor) continue;
      const bool shell = c.norms.size() == 1 && c.begin > 0 && kDefinite.count(r.tokens[c.begin - 1].lower) &&
                         shells.count(r.tokens[c.begin].lower);
      if (c.pointer || shell) break;  // points further back
      *out = c;
      out->label = std::string(context.substr(r.tokens[c.begin].begin, r.tokens[c.end - 1].end - r.tokens[c.begin].begin));
      return true;
    }
  }
  return false;
}

void StanceTagger::Rep::TagClaim(const Document& doc, Claim* claim) const {
  // Only the first 16 KB of a claim are read: a quote never closed can make
  // a claim megabytes long, and tagging time grows faster than its length.
  constexpr size_t kMaxClaimBytes = 16 << 10;
  std::string_view text = claim->text;
  if (text.size() > kMaxClaimBytes) {
    const size_t cut = text.rfind(' ', kMaxClaimBytes);
    text = text.substr(0, cut == std::string_view::npos ? kMaxClaimBytes : cut);
  }
  const Reading r = Read(text);
  std::vector<std::string> side;
  for (const std::string* s : {&claim->speaker.name, &claim->speaker.affiliation}) {
    for (const TopicToken& t : TokenizeForTopics(*s)) {
      if (t.word) SplitNorm(t.norm, &side);
    }
  }
  // The polarity of a clause without stance words: the cue's ("urged",
  // "criticized"), else the claim's first clause with a stance.
  int fallback = 0;
  if (!claim->cue.empty()) {
    Reading cue = Read(claim->cue);
    for (const Match& m : cue.matches) {
      if (m.kind == StanceKind::kSupport) fallback = 1;
      if (m.kind == StanceKind::kOppose) fallback = -1;
      if (fallback != 0) break;
    }
  }
  for (size_t c = 0; r.tokens.size() > 0 && c <= r.clause.back() && fallback == 0; ++c) {
    fallback = ClausePolarity(r, c, side);
  }

  std::vector<Topic> topics;
  const auto add = [&](std::string name, std::string label, int sign) {
    if (name.empty()) return;
    for (Topic& t : topics) {
      if (t.name == name) {
        if (t.polarity == "neutral" && sign != 0) t.polarity = PolarityName(sign);
        return;
      }
    }
    topics.push_back(Topic{std::move(name), std::move(label), PolarityName(sign)});
  };
  const auto join = [](const std::vector<std::string>& words) {
    std::string s;
    for (const std::string& w : words) s += (s.empty() ? "" : " ") + w;
    return s;
  };
  std::vector<std::string> content;  // normalised content words, for the catalog
  std::vector<int> content_sign;     // the polarity of the phrase each comes from
  for (const Chunk& c : r.chunks) {
    int sign = Polarity(r, c.clause, c.begin, c.actor, side);
    if (sign == 0 && !c.actor) {
      // A clause without stance words takes the claim's.
      bool clause_has_stance = false;
      for (const Match& m : r.matches) {
        clause_has_stance = clause_has_stance || (r.clause[m.begin] == c.clause && m.kind != StanceKind::kNegator);
      }
      if (!clause_has_stance) sign = fallback;
    }
    std::vector<std::string> norms = c.norms;
    std::string label;
    if (c.pointer) {
      Chunk antecedent;
      if (Antecedent(doc, claim->span.begin, &antecedent)) {
        norms = antecedent.norms;
        label = antecedent.label;
      } else if (!c.norms.empty()) {
        label = claim->text.substr(r.tokens[c.end - 1].begin, r.tokens[c.end - 1].end - r.tokens[c.end - 1].begin);
      } else {
        continue;
      }
    } else {
      label = claim->text.substr(r.tokens[c.begin].begin, r.tokens[c.end - 1].end - r.tokens[c.begin].begin);
    }
    add(join(norms), label, sign);
    content.insert(content.end(), norms.begin(), norms.end());
    content_sign.insert(content_sign.end(), norms.size(), sign);
  }
  if (!catalog.empty()) {
    std::vector<std::pair<size_t, size_t>> hits;
    catalog.Find(content, &hits);
    for (const auto& [index, pos] : hits) {
      add(catalog.topics()[index].key, catalog.topics()[index].name, content_sign[pos]);
    }
  }
  claim->topics = std::move(topics);
}

StanceTagger::StanceTagger(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
StanceTagger::~StanceTagger() = default;

const std::vector<StanceRule>& StanceTagger::rules() const { return rep_->rules; }

Status StanceTagger::Create(const Vocabulary& vocab, const std::string& lexicon_dir,
                            const std::string& topics_file, std::unique_ptr<StanceTagger>* tagger) {
  auto rep = std::make_unique<Rep>();
  rep->vocab = &vocab;
  Lexicon lex;
  Status s = Lexicon::Load("stance", lexicon_dir, &lex);
  if (!s.ok()) return s;
  size_t line = 0;
  for (const LexiconEntry& e : lex.entries()) {
    ++line;
    StanceRule rule;
    rule.phrase = e.key;
    if (e.fields.empty() || !ParseKind(e.fields[0], &rule.kind)) {
      return Status::InvalidInput("stance.txt: entry \"" + e.key +
                                  "\" needs a kind: support, oppose, negator, reverse or intent");
    }
    if (e.fields.size() > 1) rule.example = e.fields[1];
    if (e.fields.size() > 2) rule.topic = e.fields[2];
    if (e.fields.size() > 3) rule.expected = e.fields[3];
    for (const TopicToken& t : TokenizeForTopics(e.key)) {
      if (t.word) rule.words.push_back(MatchKey(t.norm));
    }
    if (rule.words.empty()) return Status::InvalidInput("stance.txt: entry \"" + e.key + "\" has no words");
    rep->rules.push_back(std::move(rule));
  }
  for (size_t i = 0; i < rep->rules.size(); ++i) rep->by_first[rep->rules[i].words[0]].push_back(i);
  for (auto& [first, list] : rep->by_first) {
    std::stable_sort(list.begin(), list.end(), [&](size_t a, size_t b) {
      return rep->rules[a].words.size() > rep->rules[b].words.size();
    });
  }
  s = Lexicon::Load("topic_stopwords", lexicon_dir, &lex);
  if (!s.ok()) return s;
  for (const LexiconEntry& e : lex.entries()) {
    if (!e.fields.empty() && e.fields[0] == "shell") {
      rep->shells.insert(e.key);
    } else {
      rep->stopwords.insert(e.key);
    }
  }
  if (!topics_file.empty()) {
    s = TopicCatalog::Load(topics_file, &rep->catalog);
    if (!s.ok()) return s;
  }
  tagger->reset(new StanceTagger(std::move(rep)));
  return Status::OK();
}

void StanceTagger::Tag(const Document& doc, std::vector<Claim>* claims, size_t first) const {
  for (size_t i = first; i < claims->size(); ++i) rep_->TagClaim(doc, &(*claims)[i]);
}

}  // namespace claimgraph
