// The reading half of the stance tagger: tokens and their lexicon facts,
// stance matches, clauses and noun-phrase chunks (see stance_read.h).
#include "extract/stance_read.h"

#include <algorithm>

#include "extract/lexicon.h"
#include "extract/topics.h"
#include "extract/words.h"

namespace claimgraph {
namespace stance_internal {

namespace {

constexpr size_t kMaxPhraseWords = 6;  // longer runs are cut: topics stay short

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

template <typename String>
void SplitNorm(std::string_view norm, std::vector<String>* out) {
  size_t start = 0;
  while (start < norm.size()) {
    size_t space = norm.find(' ', start);
    if (space == std::string_view::npos) space = norm.size();
    if (space > start) out->emplace_back(norm.substr(start, space - start));
    start = space + 1;
  }
}

}  // namespace

Status StanceReader::Load(const Vocabulary& vocab, const std::string& lexicon_dir) {
  vocab_ = &vocab;
  rules_.clear();
  by_first_ = StringMap<std::vector<size_t>>();
  stopwords_.clear();
  shells_.clear();
  Lexicon lex;
  Status s = Lexicon::Load("stance", lexicon_dir, &lex);
  if (!s.ok()) return s;
  for (const LexiconEntry& e : lex.entries()) {
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
    rules_.push_back(std::move(rule));
  }
  for (size_t i = 0; i < rules_.size(); ++i) by_first_[rules_[i].words[0]].push_back(i);
  for (auto& [first, list] : by_first_) {
    std::stable_sort(list.begin(), list.end(), [&](size_t a, size_t b) {
      return rules_[a].words.size() > rules_[b].words.size();
    });
  }
  s = Lexicon::Load("topic_stopwords", lexicon_dir, &lex);
  if (!s.ok()) return s;
  for (const LexiconEntry& e : lex.entries()) {
    if (!e.fields.empty() && e.fields[0] == "shell") {
      shells_.insert(e.key);
    } else {
      stopwords_.insert(e.key);
    }
  }
  // Every word some lexicon above knows; LookUpFacts of any other word is
  // empty.
  facts_ = StringMap<Facts>();
  const auto note = [this](std::string_view word) {
    if (facts_.find(word) != facts_.end()) return;
    const Facts facts = LookUpFacts(word);
    if (facts.flags != 0 || facts.word_class != 0) facts_.emplace(std::string(word), facts);
  };
  for (std::string_view w : TopicGlueWords()) note(w);
  for (const std::string& w : stopwords_) note(w);
  for (const std::string& w : shells_) note(w);
  for (const auto* set : {&kObjectStarts, &kPointers, &kDefinite, &kFirstPerson, &kCommaClauseStarts, &kClauseStarts}) {
    for (std::string_view w : *set) note(w);
  }
  for (const auto& entry : vocab.cues) note(entry.first);
  for (const auto& entry : vocab.source_nouns) note(entry.first);
  for (const auto& entry : vocab.countries) note(entry.first);
  for (const auto& entry : vocab.organizations) note(entry.first);
  for (const auto& entry : vocab.word_classes) note(entry.first);
  for (std::string_view w : {"to", "be", "of", ".", "!", "?", ";", ":", "(", ")", ","}) note(w);
  return Status::OK();
}

StanceReader::Facts StanceReader::LookUpFacts(std::string_view l) const {
  uint32_t f = 0;
  if (IsTopicGlueWord(l)) f |= kGlueWord;
  if (stopwords_.count(std::string(l))) f |= kStopWord;
  if (shells_.count(std::string(l))) f |= kShellWord;
  if (kObjectStarts.count(l)) f |= kObjectStartWord;
  if (kPointers.count(l)) f |= kPointerWord;
  if (kDefinite.count(l)) f |= kDefiniteWord;
  if (kFirstPerson.count(l)) f |= kFirstPersonWord;
  if (kCommaClauseStarts.count(l)) f |= kCommaClauseWord;
  if (kClauseStarts.count(l)) f |= kClauseStartWord;
  auto cue = vocab_->cues.find(l);
  if (cue != vocab_->cues.end()) {
    for (const CueForm& form : cue->second) {
      if (!form.noun && form.words.size() == 1) f |= kCueVerbWord;
    }
  }
  auto source = vocab_->source_nouns.find(l);
  if (source != vocab_->source_nouns.end() && source->second) f |= kPeopleWord;
  if (vocab_->countries.count(l) || vocab_->organizations.count(l)) f |= kCountryOrOrg;
  if (l == "to") f |= kTo;
  if (l == "be") f |= kBe;
  if (l == "of") f |= kOf;
  if (l == "." || l == "!" || l == "?") f |= kSentenceEnd;
  if (l == ";" || l == ":" || l == "(" || l == ")") f |= kClauseBreak;
  if (l == ",") f |= kComma;
  return Facts{f, vocab_->ClassOf(l)};
}

const WordInfo* StanceReader::Info(ReadScratch* s, bool word, std::string_view lower) const {
  uint64_t hash;
  if (const WordInfo* known = s->words.Find(lower, word, &hash)) return known;
  WordInfo& w = *s->words.Add(lower, word, hash);
  if (word) {
    w.norm = NormalizeTopicWord(lower);
    w.key = MatchKey(w.norm);
    std::vector<std::string_view>& words = s->norm_words;
    words.clear();
    SplitNorm(std::string_view(w.norm), &words);
    w.norm_count = static_cast<uint32_t>(words.size());
    if (words.size() <= 3) {
      std::copy(words.begin(), words.end(), w.norm_inline);
    } else {
      w.norm_more = words;
    }
    auto rules_it = by_first_.find(w.key);
    if (rules_it != by_first_.end()) w.rules = &rules_it->second;
  }
  const std::string& l = w.lower;
  const auto facts_it = facts_.find(l);
  const Facts facts = facts_it == facts_.end() ? Facts() : facts_it->second;
  uint32_t f = facts.flags;
  const bool glue = (f & kGlueWord) != 0;
  const bool stop = (f & kStopWord) != 0;
  const uint16_t cls = facts.word_class;
  if (l.size() > 5 && EndsWith(l, "ing")) f |= kIngTail;
  if (l.size() > 4 && (EndsWith(l, "ing") || EndsWith(l, "ed"))) f |= kVerbTail;
  if (l.size() > 4 && EndsWith(l, "ed")) f |= kEdTail;
  const bool digits =
      std::all_of(l.begin(), l.end(), [](char c) { return (c >= '0' && c <= '9') || c == ',' || c == '.'; });
  if (!w.norm.empty() && !glue && !stop && !(cls & (kDet | kPron | kPrep | kConj | kRel | kNeg | kAdv | kTime)) &&
      !digits) {
    f |= kContentWord;
  }
  if (glue || stop || (cls & (kDet | kPron | kPrep | kConj | kRel | kNeg | kAdv)) != 0) f |= kFunctionWord;
  if (w.rules != nullptr) f |= kHasRules;
  w.flags = f;
  return &w;
}

void StanceReader::Tokenize(ReadScratch* s, std::string_view text, std::vector<Tok>* tokens) const {
  // Most of the time of a lookup is waiting for memory (the word table is
  // larger than the caches), so the lookups are done in passes over all the
  // tokens, each starting the loads the next one needs: scan and hash,
  // find the candidate slots, then check the candidates.
  s->spans.clear();
  s->lowers.clear();
  ScanTopicSpans(text, &s->spans, &s->lowers);
  const size_t n = s->spans.size();
  s->hashes.resize(n);
  s->candidates.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const TopicTokenSpan& p = s->spans[i];
    const uint64_t h = WordTable::Hash(p.lower, p.word);
    s->hashes[i] = h;
    s->words.PrefetchSlot(h);
  }
  for (size_t i = 0; i < n; ++i) {
    const WordInfo* candidate = s->words.Candidate(s->hashes[i]);
    s->candidates[i] = candidate;
    if (candidate != nullptr) {
      __builtin_prefetch(candidate);
      __builtin_prefetch(reinterpret_cast<const char*>(candidate) + 64);
    }
  }
  tokens->resize(n);
  Tok* out = tokens->data();
  for (size_t i = 0; i < n; ++i) {
    const TopicTokenSpan& p = s->spans[i];
    const std::string_view lower = p.lower;
    const WordInfo* w = s->candidates[i];
    if (w == nullptr || w->word != p.word || !SameBytes(w->lower, lower)) w = Info(s, p.word, lower);
    out[i] = Tok{p.begin, p.end, p.word, w->flags, w};
  }
}

void StanceReader::Read(ReadScratch* s, std::string_view text, Reading* r, bool matches_only) const {
  r->text = text;
  r->matches.clear();
  r->chunks.clear();
  r->norm_pool.clear();
  Tokenize(s, text, &r->tokens);
  FindMatches(r);
  if (matches_only) return;
  SplitClauses(r);
  FindChunks(r);
}

void StanceReader::FindMatches(Reading* r) const {
  const auto& t = r->tokens;
  r->match_of.assign(t.size(), -1);
  for (size_t i = 0; i < t.size(); ++i) {
    if (!t[i].word || !t[i].Has(kHasRules)) continue;
    for (size_t rule_index : *t[i].w->rules) {
      const std::vector<std::string>& words = rules_[rule_index].words;
      size_t k = 0;
      while (k < words.size() && i + k < t.size() && t[i + k].word && t[i + k].w->key == words[k]) ++k;
      if (k < words.size()) continue;
      // "a proposed zone": a participle after a determiner describes, it
      // takes no stance.
      if (words.size() == 1 && i > 0 && t[i - 1].word && t[i - 1].Has(kObjectStartWord) && t[i].Has(kEdTail)) {
        break;
      }
      Match m{i, i + words.size(), rules_[rule_index].kind};
      for (size_t j = m.begin; j < m.end; ++j) r->match_of[j] = static_cast<int>(r->matches.size());
      r->matches.push_back(m);
      i = m.end - 1;
      break;
    }
  }
}

void StanceReader::SplitClauses(Reading* r) const {
  const auto& t = r->tokens;
  r->clause.resize(t.size());
  r->sentence.resize(t.size());
  size_t clause = 0, sentence = 0;
  bool open = false;  // the current clause holds a word
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].word && open && t[i].Has(kClauseStartWord)) ++clause, open = false;
    r->clause[i] = clause;
    r->sentence[i] = sentence;
    if (t[i].word) {
      open = true;
      continue;
    }
    if (t[i].Has(kSentenceEnd)) {
      ++sentence;
      if (open) ++clause;
      open = false;
    } else if (t[i].Has(kClauseBreak)) {
      if (open) ++clause;
      open = false;
    } else if (t[i].Has(kComma) && i + 1 < t.size() && t[i + 1].word &&
               t[i + 1].Has(kCommaClauseWord | kIngTail)) {
      if (open) ++clause;
      open = false;
    }
  }
}

void StanceReader::FindChunks(Reading* r) const {
  const auto& t = r->tokens;
  const size_t n = t.size();
  // Verbs: a word right before an object ("sponsored a resolution", unless
  // itself after a determiner), and the reporting cues ("said", "told").
  r->verbish.assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    if (!t[i].word) continue;
    const bool after_det = i > 0 && t[i - 1].word && t[i - 1].Has(kObjectStartWord);
    const bool before_object = i + 1 < n && t[i + 1].word && t[i + 1].Has(kObjectStartWord);
    const bool cue = t[i].Has(kCueVerbWord);
    // "attempting to block": an inflected verb before "to".
    const bool before_to = i + 1 < n && t[i + 1].Has(kTo) && t[i].Has(kVerbTail);
    const bool function_word = t[i].Has(kFunctionWord);
    r->verbish[i] = !after_det && !function_word && (before_object || cue || before_to) && !t[i].Has(kPointerWord);
  }
  size_t first_word = n;
  for (size_t i = 0; i < n; ++i) {
    if (t[i].word) {
      first_word = i;
      break;
    }
  }
  for (size_t i = 0; i < n;) {
    // Pointers: "it", "this", "the measure" at the start or right after a
    // stance word (determiners, negators and glue words may sit between).
    if (t[i].word && t[i].Has(kPointerWord | kDefiniteWord)) {
      size_t head = i;
      if (t[i].Has(kDefiniteWord) && i + 1 < n && t[i + 1].word && t[i + 1].Has(kShellWord) &&
          !(i + 2 < n && IsContent(*r, i + 2))) {
        head = i + 1;
      } else if (!t[i].Has(kPointerWord) || (i + 1 < n && IsContent(*r, i + 1))) {
        head = n;  // "this week": a determiner, not a pointer
      }
      if (head < n) {
        size_t k = i;
        while (k > 0 && t[k - 1].word && r->match_of[k - 1] < 0 && t[k - 1].Has(kGlueWord)) --k;
        const bool after_stance = k > 0 && r->match_of[k - 1] >= 0;
        if (i == first_word || after_stance) {
          Chunk& c = r->chunks.emplace_back();
          c.begin = i;
          c.end = head + 1;
          c.clause = r->clause[i];
          c.pointer = true;
          // A shell noun stands for itself when nothing earlier fits.
          c.norm_begin = static_cast<uint32_t>(r->norm_pool.size());
          if (head > i) r->norm_pool.insert(r->norm_pool.end(), t[head].w->norm_begin(), t[head].w->norm_end());
          c.norm_end = static_cast<uint32_t>(r->norm_pool.size());
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
    c.norm_begin = static_cast<uint32_t>(r->norm_pool.size());
    const auto phrase_words = [&] { return r->norm_pool.size() - c.norm_begin; };
    size_t j = i;
    for (;;) {
      while (j < n && r->clause[j] == c.clause && IsContent(*r, j) && phrase_words() < kMaxPhraseWords) {
        r->norm_pool.insert(r->norm_pool.end(), t[j].w->norm_begin(), t[j].w->norm_end());
        ++j;
      }
      // "establishment of an independent Palestinian state": one phrase.
      size_t k = j;
      if (k < n && t[k].word && t[k].Has(kOf)) {
        ++k;
        while (k < n && t[k].word && t[k].Has(kObjectStartWord)) ++k;
        if (k < n && r->clause[k] == c.clause && IsContent(*r, k) && phrase_words() < kMaxPhraseWords) {
          j = k;
          continue;
        }
      }
      break;
    }
    c.end = j;
    c.norm_end = static_cast<uint32_t>(r->norm_pool.size());
    bool names = true, people = false, head = true;  // head: before any "of"
    for (size_t k = c.begin; k < c.end; ++k) {
      if (t[k].Has(kOf)) head = false;
      if (!t[k].word || t[k].Has(kGlueWord)) continue;
      const char first = r->text[t[k].begin];
      names = names && first >= 'A' && first <= 'Z';
      people = people || (head && t[k].Has(kPeopleWord));
    }
    // A capital at the start of a sentence shows no name unless the word is
    // a known country or organisation ("Sanctions would be ...").
    size_t before = c.begin;
    while (before > 0 && !t[before - 1].word && !t[before - 1].Has(kSentenceEnd | kComma)) {
      --before;  // quotes and brackets
    }
    const bool sentence_start = before == 0 || c.begin == first_word ||
                                (!t[before - 1].Has(kComma) && !t[before - 1].word);
    if (names && sentence_start && c.end - c.begin == 1 && !t[c.begin].Has(kCountryOrOrg)) {
      names = false;
    }
    c.actor = names || people;
    r->chunks.push_back(std::move(c));
    i = j;
  }
}

}  // namespace stance_internal
}  // namespace claimgraph
