#include "extract/stance.h"

#include <algorithm>
#include <atomic>
#include <deque>
#include <unordered_map>
#include <unordered_set>

#include "extract/lexicon.h"
#include "extract/strmap.h"

namespace claimgraph {

namespace {

constexpr size_t kMaxPhraseWords = 6;    // longer runs are cut: topics stay short
constexpr size_t kContextBytes = 1500;   // how far back a pointer ("it") may look
constexpr size_t kContextSentences = 4;  // ... and over how many sentences
constexpr size_t kShortContextBytes = 700;  // tried first (see Antecedent)

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

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// What the tagger needs to know of a word (or punctuation mark), found once
// per distinct lower-case form: the flags below, its normalised form and
// the stance rules that start with it.
enum WordFlag : uint32_t {
  kGlueWord = 1u << 0,        // IsTopicGlueWord
  kStopWord = 1u << 1,        // topic_stopwords.txt
  kShellWord = 1u << 2,       // topic_stopwords.txt, "shell"
  kObjectStartWord = 1u << 3, // kObjectStarts
  kPointerWord = 1u << 4,     // kPointers
  kDefiniteWord = 1u << 5,    // kDefinite
  kFirstPersonWord = 1u << 6, // kFirstPerson
  kCommaClauseWord = 1u << 7, // kCommaClauseStarts
  kClauseStartWord = 1u << 8, // kClauseStarts
  kCueVerbWord = 1u << 9,     // a one-word verb form of a cue
  kPeopleWord = 1u << 10,     // a source noun for people
  kCountryOrOrg = 1u << 11,   // a country or organisation alias
  kTo = 1u << 12,             // "to"
  kBe = 1u << 13,             // "be"
  kOf = 1u << 14,             // "of"
  kSentenceEnd = 1u << 15,    // "." "!" "?"
  kClauseBreak = 1u << 16,    // ";" ":" "(" ")"
  kComma = 1u << 17,          // ","
  kIngTail = 1u << 18,        // longer than 5, ends in "ing"
  kVerbTail = 1u << 19,       // longer than 4, ends in "ing" or "ed"
  kEdTail = 1u << 20,         // longer than 4, ends in "ed"
  kContentWord = 1u << 21,    // may be part of a noun phrase (see IsContent)
  kFunctionWord = 1u << 22,   // glue, stop word or a closed-class word
  kHasRules = 1u << 23,       // some stance rule starts with the word
};

// The fields a token reads (lower, flags, norm words) come first, in the
// two cache lines Tokenize prefetches.
struct alignas(64) WordInfo {
  std::string lower;
  uint32_t flags = 0;
  bool word = false;
  // The words of `norm` (views into it): the first three inline, all of
  // them in norm_more when there are more.
  uint32_t norm_count = 0;
  std::string_view norm_inline[3];
  const std::vector<size_t>* rules = nullptr;  // stance rules starting with `key`, longest first
  std::string norm;                          // NormalizeTopicWord(lower); empty for punctuation
  std::string key;                           // MatchKey(norm)
  std::vector<std::string_view> norm_more;
  const std::string_view* norm_begin() const { return norm_count <= 3 ? norm_inline : norm_more.data(); }
  const std::string_view* norm_end() const { return norm_begin() + norm_count; }
  bool Has(uint32_t f) const { return (flags & f) != 0; }
};

// Words and marks by (lower-case form, is a word): an open-addressing table
// of hashes and pointers into a deque, so a lookup touches one slot and the
// WordInfo it needs anyway, and pointers stay valid until Clear().
class WordTable {
 public:
  WordTable() : slots_(1 << 12) {}
  size_t size() const { return infos_.size(); }
  void Clear() {
    infos_.clear();
    slots_.assign(1 << 12, Slot());
  }
  static uint64_t Hash(std::string_view lower, bool word) {
    return StringHash()(lower) ^ (word ? 0x5bd1e995u : 0);
  }
  // Starts loading the slot where a key of hash `h` would sit.
  void PrefetchSlot(uint64_t h) const { __builtin_prefetch(&slots_[h & (slots_.size() - 1)]); }
  // The first entry whose hash is `h` (most likely the key's), or null.
  const WordInfo* Candidate(uint64_t h) const {
    const size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.info == nullptr || slot.hash == h) return slot.info;
    }
  }
  // The entry for (lower, word), or null; *hash receives the key's hash.
  WordInfo* Find(std::string_view lower, bool word, uint64_t* hash) const {
    const uint64_t h = Hash(lower, word);
    *hash = h;
    const size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.info == nullptr) return nullptr;
      if (slot.hash == h && slot.info->word == word && slot.info->lower == lower) return slot.info;
    }
  }
  // Adds an entry (that Find did not find) and returns it.
  WordInfo* Add(std::string_view lower, bool word, uint64_t hash) {
    if ((infos_.size() + 1) * 2 > slots_.size()) Grow();
    WordInfo& w = infos_.emplace_back();
    w.lower = std::string(lower);
    w.word = word;
    Place(Slot{hash, &w});
    return &w;
  }

 private:
  struct Slot {
    uint64_t hash = 0;
    WordInfo* info = nullptr;
  };
  void Place(Slot s) {
    const size_t mask = slots_.size() - 1;
    size_t i = s.hash & mask;
    while (slots_[i].info != nullptr) i = (i + 1) & mask;
    slots_[i] = s;
  }
  void Grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& s : old) {
      if (s.info != nullptr) Place(s);
    }
  }
  std::vector<Slot> slots_;
  std::deque<WordInfo> infos_;
};

struct Tok {
  size_t begin = 0, end = 0;  // byte offsets in the text read
  bool word = false;
  uint32_t flags = 0;  // w->flags
  const WordInfo* w = nullptr;
  bool Has(uint32_t f) const { return (flags & f) != 0; }
};

struct Match {
  size_t begin = 0, end = 0;  // token indices [begin, end)
  StanceKind kind = StanceKind::kSupport;
};

struct Chunk {
  size_t begin = 0, end = 0;  // token indices [begin, end)
  size_t clause = 0;
  uint32_t norm_begin = 0, norm_end = 0;  // its normalised words, in Reading::norm_pool
  size_t norm_size() const { return norm_end - norm_begin; }
  std::string label;
  bool pointer = false;  // "it", "the measure": takes an earlier phrase's topic
  bool actor = false;    // a name or a group of people ("the US", "Israeli leaders")
};

// A text read for stance: tokens, clauses, stance words, noun phrases.
struct Reading {
  std::string_view text;
  std::vector<Tok> tokens;
  std::vector<size_t> clause;    // clause index of each token
  std::vector<size_t> sentence;  // sentence index of each token
  std::vector<int> match_of;     // index into matches, or -1
  std::vector<char> verbish;     // a verb taking an object, or a cue
  std::vector<Match> matches;
  std::vector<Chunk> chunks;
  std::vector<std::string_view> norm_pool;  // the chunks' words (views into WordInfo::norm)
};

// Per-thread memory of the words seen (bounded), and reading buffers that
// keep their capacity from claim to claim.
// A token scanned but not yet looked up (see Rep::Tokenize).
struct PendingToken {
  size_t begin, end;
  bool word;
  uint32_t lower_begin, lower_size;  // in Scratch::lowers
  uint64_t hash;
  const WordInfo* candidate;
};

struct Scratch {
  uint64_t owner = 0;  // StanceTagger::Rep::id the words were looked up for
  WordTable words;
  std::string lower;
  std::string lowers;  // the lower-case forms of pending tokens, end to end
  std::vector<PendingToken> pending;
  Reading claim, context, small;
  // Claims in a row mostly share their speaker and their cue: the speaker's
  // words and the cue's polarity of the claim before, valid within one
  // StanceTagger::Tag call (the word table may be cleared between them).
  bool side_valid = false;
  std::string side_name, side_affiliation;
  std::vector<std::string_view> side;  // views into WordInfo::norm
  bool cue_valid = false;
  std::string cue;
  int cue_polarity = 0;
};

constexpr size_t kMaxCachedWords = 1 << 15;
std::atomic<uint64_t> next_tagger_id{1};

}  // namespace

const char* PolarityName(int sign) { return sign > 0 ? "support" : sign < 0 ? "oppose" : "neutral"; }

struct StanceTagger::Rep {
  uint64_t id = 0;
  const Vocabulary* vocab = nullptr;
  std::vector<StanceRule> rules;
  std::unordered_map<std::string, std::vector<size_t>> by_first;  // longest first
  std::unordered_set<std::string> stopwords;
  std::unordered_set<std::string> shells;
  TopicCatalog catalog;

  const WordInfo* Info(Scratch* s, bool word, std::string_view lower) const;
  void Tokenize(Scratch* s, std::string_view text, std::vector<Tok>* tokens) const;
  void Read(Scratch* s, std::string_view text, Reading* r, bool matches_only = false) const;
  void FindMatches(Reading* r) const;
  void SplitClauses(Reading* r) const;
  void FindChunks(Reading* r) const;
  bool IsContent(const Reading& r, size_t i) const;
  int Polarity(const Reading& r, size_t clause, size_t pos, bool actor,
               const std::vector<std::string_view>& side) const;
  int ClausePolarity(const Reading& r, size_t clause, const std::vector<std::string_view>& side) const;
  int Negation(const Reading& r, size_t match) const;
  bool IntentCounts(const Reading& r, size_t match, const std::vector<std::string_view>& side) const;
  // The words and label of the phrase a pointer at claim_begin refers to.
  bool Antecedent(Scratch* s, const Document& doc, size_t claim_begin, std::vector<std::string_view>* norms,
                  std::string* label) const;
  void TagClaim(Scratch* s, const Document& doc, Claim* claim) const;
};

const WordInfo* StanceTagger::Rep::Info(Scratch* s, bool word, std::string_view lower) const {
  uint64_t hash;
  if (const WordInfo* known = s->words.Find(lower, word, &hash)) return known;
  WordInfo& w = *s->words.Add(lower, word, hash);
  if (word) {
    w.norm = NormalizeTopicWord(lower);
    w.key = MatchKey(w.norm);
    std::vector<std::string_view> words;
    SplitNorm(std::string_view(w.norm), &words);
    w.norm_count = static_cast<uint32_t>(words.size());
    if (words.size() <= 3) {
      std::copy(words.begin(), words.end(), w.norm_inline);
    } else {
      w.norm_more = std::move(words);
    }
    auto rules_it = by_first.find(w.key);
    if (rules_it != by_first.end()) w.rules = &rules_it->second;
  }
  const std::string& l = w.lower;
  uint32_t f = 0;
  const bool glue = IsTopicGlueWord(l);
  const bool stop = stopwords.count(l) > 0;
  const uint16_t cls = vocab->ClassOf(l);
  if (glue) f |= kGlueWord;
  if (stop) f |= kStopWord;
  if (shells.count(l)) f |= kShellWord;
  if (kObjectStarts.count(l)) f |= kObjectStartWord;
  if (kPointers.count(l)) f |= kPointerWord;
  if (kDefinite.count(l)) f |= kDefiniteWord;
  if (kFirstPerson.count(l)) f |= kFirstPersonWord;
  if (kCommaClauseStarts.count(l)) f |= kCommaClauseWord;
  if (kClauseStarts.count(l)) f |= kClauseStartWord;
  auto cue = vocab->cues.find(l);
  if (cue != vocab->cues.end()) {
    for (const CueForm& form : cue->second) {
      if (!form.noun && form.words.size() == 1) f |= kCueVerbWord;
    }
  }
  auto source = vocab->source_nouns.find(l);
  if (source != vocab->source_nouns.end() && source->second) f |= kPeopleWord;
  if (vocab->countries.count(l) || vocab->organizations.count(l)) f |= kCountryOrOrg;
  if (l == "to") f |= kTo;
  if (l == "be") f |= kBe;
  if (l == "of") f |= kOf;
  if (l == "." || l == "!" || l == "?") f |= kSentenceEnd;
  if (l == ";" || l == ":" || l == "(" || l == ")") f |= kClauseBreak;
  if (l == ",") f |= kComma;
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

void StanceTagger::Rep::Tokenize(Scratch* s, std::string_view text, std::vector<Tok>* tokens) const {
  // Most of the time of a lookup is waiting for memory (the word table is
  // larger than the caches), so the lookups are done in passes over all the
  // tokens, each starting the loads the next one needs: scan and hash,
  // find the candidate slots, then check the candidates.
  struct Sink : TopicTokenSink {
    Scratch* s;
    void Add(size_t begin, size_t end, bool word, std::string_view lower) override {
      const uint64_t h = WordTable::Hash(lower, word);
      s->words.PrefetchSlot(h);
      s->pending.push_back(PendingToken{begin, end, word, static_cast<uint32_t>(s->lowers.size()),
                                        static_cast<uint32_t>(lower.size()), h, nullptr});
      s->lowers.append(lower);
    }
  } sink;
  sink.s = s;
  s->pending.clear();
  s->lowers.clear();
  ScanTopicTokens(text, &s->lower, &sink);
  for (PendingToken& p : s->pending) {
    p.candidate = s->words.Candidate(p.hash);
    if (p.candidate != nullptr) {
      __builtin_prefetch(p.candidate);
      __builtin_prefetch(reinterpret_cast<const char*>(p.candidate) + 64);
    }
  }
  tokens->clear();
  tokens->reserve(s->pending.size());
  for (const PendingToken& p : s->pending) {
    const std::string_view lower = std::string_view(s->lowers).substr(p.lower_begin, p.lower_size);
    const WordInfo* w = p.candidate;
    if (w == nullptr || w->word != p.word || w->lower != lower) w = Info(s, p.word, lower);
    tokens->push_back(Tok{p.begin, p.end, p.word, w->flags, w});
  }
}

void StanceTagger::Rep::Read(Scratch* s, std::string_view text, Reading* r, bool matches_only) const {
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

void StanceTagger::Rep::FindMatches(Reading* r) const {
  const auto& t = r->tokens;
  r->match_of.assign(t.size(), -1);
  for (size_t i = 0; i < t.size(); ++i) {
    if (!t[i].word || !t[i].Has(kHasRules)) continue;
    for (size_t rule_index : *t[i].w->rules) {
      const std::vector<std::string>& words = rules[rule_index].words;
      size_t k = 0;
      while (k < words.size() && i + k < t.size() && t[i + k].word && t[i + k].w->key == words[k]) ++k;
      if (k < words.size()) continue;
      // "a proposed zone": a participle after a determiner describes, it
      // takes no stance.
      if (words.size() == 1 && i > 0 && t[i - 1].word && t[i - 1].Has(kObjectStartWord) && t[i].Has(kEdTail)) {
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

bool StanceTagger::Rep::IsContent(const Reading& r, size_t i) const {
  const Tok& tok = r.tokens[i];
  return tok.word && tok.Has(kContentWord) && r.match_of[i] < 0 && !r.verbish[i];
}

void StanceTagger::Rep::FindChunks(Reading* r) const {
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
                                     const std::vector<std::string_view>& side) const {
  const Match& m = r.matches[match];
  for (size_t i = m.begin; i-- > 0 && r.clause[i] == r.clause[m.begin];) {
    const Tok& tok = r.tokens[i];
    if (!tok.word) continue;
    if (tok.Has(kFirstPersonWord)) return true;
    for (const std::string_view* w = tok.w->norm_begin(); w != tok.w->norm_end(); ++w) {
      if (std::find(side.begin(), side.end(), *w) != side.end()) return true;
    }
  }
  return false;
}

int StanceTagger::Rep::Polarity(const Reading& r, size_t clause, size_t pos, bool actor,
                                const std::vector<std::string_view>& side) const {
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
    if (from < r.tokens.size() && r.tokens[from].Has(kTo | kBe)) ++from;
    if (from < to && from < r.verbish.size() && r.verbish[from]) ++from;
    for (size_t i = from; i < to && i < r.verbish.size(); ++i) {
      // "urged X to implement a pause": an infinitive carries the stance on.
      if (r.verbish[i] && r.match_of[i] < 0 && !(i > 0 && r.tokens[i - 1].Has(kTo))) return true;
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
    if (r.tokens[match.begin].Has(kGlueWord)) continue;
    const int s = stance_of(m);
    if (s != 0) return verb_between(pos, match.begin) ? 0 : s * Negation(r, m);
  }
  return 0;
}

int StanceTagger::Rep::ClausePolarity(const Reading& r, size_t clause,
                                      const std::vector<std::string_view>& side) const {
  size_t end = 0;
  for (size_t i = 0; i < r.tokens.size(); ++i) {
    if (r.clause[i] == clause) end = i + 1;
  }
  return Polarity(r, clause, end, false, side);
}

bool StanceTagger::Rep::Antecedent(Scratch* s, const Document& doc, size_t claim_begin,
                                   std::vector<std::string_view>* norms, std::string* label) const {
  claim_begin = std::min(claim_begin, doc.text.size());
  size_t from = claim_begin > kContextBytes ? claim_begin - kContextBytes : 0;
  while (from > 0 && from < claim_begin && doc.text[from] != ' ' && doc.text[from] != '\n') ++from;
  const std::string_view text(doc.text);
  std::string_view context = text.substr(from, claim_begin - from);
  Reading& r = s->context;
  // Only the last kContextSentences sentences are searched, so a shorter
  // context that starts at white space (where the tokens of the long one
  // start too) and holds more sentence ends than that gives the same
  // answer: the sentences searched lie whole inside it, and its partial
  // first sentence (whose first word and chunks may read differently) is
  // not among them. Else the whole context is read.
  bool read = false;
  if (claim_begin > from + kShortContextBytes) {
    size_t start = claim_begin - kShortContextBytes;
    while (start < claim_begin && text[start] != ' ' && text[start] != '\n') ++start;
    if (start < claim_begin) {
      const std::string_view shorter = text.substr(start, claim_begin - start);
      Read(s, shorter, &r);
      if (!r.tokens.empty() && r.sentence.back() >= kContextSentences) {
        context = shorter;
        read = true;
      }
    }
  }
  if (!read) Read(s, context, &r);
  if (r.tokens.empty()) return false;
  // Sentences from the nearest back; in each, the first phrase after its
  // first verb or stance word.
  const size_t last = r.sentence.back();
  for (size_t sen = last + 1; sen-- > 0 && last - sen < kContextSentences;) {
    size_t verb = r.tokens.size();
    for (size_t i = 0; i < r.tokens.size(); ++i) {
      if (r.sentence[i] == sen && (r.verbish[i] || r.match_of[i] >= 0)) {
        verb = i;
        break;
      }
    }
    if (verb == r.tokens.size()) continue;
    size_t next = verb + 1;
    while (next < r.tokens.size() && r.match_of[next] >= 0) ++next;
    if (next < r.tokens.size() && r.tokens[next].Has(kPointerWord) &&
        !(next + 1 < r.tokens.size() && IsContent(r, next + 1))) {
      continue;  // "described it as ...": look further back
    }
    for (const Chunk& c : r.chunks) {
      if (r.sentence[c.begin] != sen || c.begin <= verb || c.actor) continue;
      const bool shell = c.norm_size() == 1 && c.begin > 0 && r.tokens[c.begin - 1].Has(kDefiniteWord) &&
                         r.tokens[c.begin].Has(kShellWord);
      if (c.pointer || shell) break;  // points further back
      norms->assign(r.norm_pool.begin() + c.norm_begin, r.norm_pool.begin() + c.norm_end);
      *label = std::string(context.substr(r.tokens[c.begin].begin, r.tokens[c.end - 1].end - r.tokens[c.begin].begin));
      return true;
    }
  }
  return false;
}

void StanceTagger::Rep::TagClaim(Scratch* s, const Document& doc, Claim* claim) const {
  // Only the first 16 KB of a claim are read: a quote never closed can make
  // a claim megabytes long, and tagging time grows faster than its length.
  constexpr size_t kMaxClaimBytes = 16 << 10;
  std::string_view text = claim->text;
  if (text.size() > kMaxClaimBytes) {
    const size_t cut = text.rfind(' ', kMaxClaimBytes);
    text = text.substr(0, cut == std::string_view::npos ? kMaxClaimBytes : cut);
  }
  Reading& r = s->claim;
  Read(s, text, &r);
  if (!s->side_valid || s->side_name != claim->speaker.name || s->side_affiliation != claim->speaker.affiliation) {
    s->side.clear();
    for (const std::string* name : {&claim->speaker.name, &claim->speaker.affiliation}) {
      Tokenize(s, *name, &s->small.tokens);
      for (const Tok& t : s->small.tokens) {
        if (t.word) s->side.insert(s->side.end(), t.w->norm_begin(), t.w->norm_end());
      }
    }
    s->side_name = claim->speaker.name;
    s->side_affiliation = claim->speaker.affiliation;
    s->side_valid = true;
  }
  const std::vector<std::string_view>& side = s->side;
  // The polarity of a clause without stance words: the cue's ("urged",
  // "criticized"), else the claim's first clause with a stance.
  if (!s->cue_valid || s->cue != claim->cue) {
    int polarity = 0;
    if (!claim->cue.empty()) {
      Read(s, claim->cue, &s->small, /*matches_only=*/true);
      for (const Match& m : s->small.matches) {
        if (m.kind == StanceKind::kSupport) polarity = 1;
        if (m.kind == StanceKind::kOppose) polarity = -1;
        if (polarity != 0) break;
      }
    }
    s->cue = claim->cue;
    s->cue_polarity = polarity;
    s->cue_valid = true;
  }
  int fallback = s->cue_polarity;
  for (size_t c = 0; r.tokens.size() > 0 && c <= r.clause.back() && fallback == 0; ++c) {
    fallback = ClausePolarity(r, c, side);
  }

  std::vector<Topic> topics;
  topics.reserve(r.chunks.size());
  // Strings are built only for a topic that is new: most chunks repeat one.
  const auto add = [&](std::string_view name, std::string_view label, int sign) {
    if (name.empty()) return;
    for (Topic& t : topics) {
      if (t.name == name) {
        if (t.polarity == "neutral" && sign != 0) t.polarity = PolarityName(sign);
        return;
      }
    }
    topics.push_back(Topic{std::string(name), std::string(label), PolarityName(sign)});
  };
  std::string joined;
  const auto join = [&joined](const std::string_view* words, size_t n) -> std::string_view {
    joined.clear();
    for (size_t i = 0; i < n; ++i) {
      if (!joined.empty()) joined.push_back(' ');
      joined.append(words[i]);
    }
    return joined;
  };
  // The antecedent of a pointer depends only on where the claim starts.
  int antecedent_state = -1;  // -1: not looked up; 0: none; 1: found
  std::vector<std::string_view> antecedent_norms;
  std::string antecedent_label;
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
    const std::string_view* norms = r.norm_pool.data() + c.norm_begin;
    size_t norm_count = c.norm_size();
    std::string_view label;
    if (c.pointer) {
      if (antecedent_state < 0) {
        antecedent_state = Antecedent(s, doc, claim->span.begin, &antecedent_norms, &antecedent_label) ? 1 : 0;
      }
      if (antecedent_state > 0) {
        norms = antecedent_norms.data();
        norm_count = antecedent_norms.size();
        label = antecedent_label;
      } else if (c.norm_size() > 0) {
        label = std::string_view(claim->text).substr(r.tokens[c.end - 1].begin,
                                                     r.tokens[c.end - 1].end - r.tokens[c.end - 1].begin);
      } else {
        continue;
      }
    } else {
      label = std::string_view(claim->text).substr(r.tokens[c.begin].begin,
                                                   r.tokens[c.end - 1].end - r.tokens[c.begin].begin);
    }
    add(join(norms, norm_count), label, sign);
    if (!catalog.empty()) {
      content.insert(content.end(), norms, norms + norm_count);
      content_sign.insert(content_sign.end(), norm_count, sign);
    }
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
  rep->id = next_tagger_id.fetch_add(1);
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
  if (first >= claims->size()) return;
  // The words looked up are kept per thread from document to document (a
  // pure memo of the lexicons: it never changes a result), and forgotten
  // when they grow past a bound or another tagger runs on the thread.
  thread_local Scratch scratch;
  if (scratch.owner != rep_->id || scratch.words.size() > kMaxCachedWords) {
    scratch.words.Clear();
    scratch.owner = rep_->id;
  }
  scratch.side_valid = scratch.cue_valid = false;
  for (size_t i = first; i < claims->size(); ++i) rep_->TagClaim(&scratch, doc, &(*claims)[i]);
}

}  // namespace claimgraph
