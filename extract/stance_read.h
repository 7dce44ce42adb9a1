// StanceReader: reads a text for the stance tagger (extract/stance.h):
// its tokens with what the lexicons say of each word, the stance words and
// phrases of stance.txt it contains, its clauses and sentences, and its
// noun-phrase chunks (the candidate topics).
//
// Each distinct word is looked up once (flags, normalised form, the stance
// rules that start with it) and remembered in the caller's ReadScratch, so
// a thread that reads many claims looks each word up about once.
//
// Internal to the stance tagger; nothing outside extract/stance*.cc uses it.
//
// Thread safety: a StanceReader is immutable after Load; its const methods
// may run on many threads at once, each thread with its own ReadScratch.
#ifndef CLAIMGRAPH_EXTRACT_STANCE_READ_H_
#define CLAIMGRAPH_EXTRACT_STANCE_READ_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "extract/stance.h"
#include "extract/status.h"
#include "extract/strmap.h"
#include "extract/topics.h"
#include "extract/vocabulary.h"

namespace claimgraph {
namespace stance_internal {

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
      if (slot.hash == h && slot.info->word == word && SameBytes(slot.info->lower, lower)) return slot.info;
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

// Per-thread memory of the words seen (StanceReader::Tokenize), and the
// buffers of a scan, which keep their capacity from text to text.
struct ReadScratch {
  WordTable words;
  std::vector<TopicTokenSpan> spans;  // the tokens scanned, not yet looked up
  std::string lowers;                 // the lower-case forms that differ from the text
  std::vector<uint64_t> hashes;       // WordTable::Hash of each
  std::vector<const WordInfo*> candidates;  // WordTable::Candidate of each
  std::vector<std::string_view> norm_words;  // Info's split of a new word's norm
};

// Whether token i may be part of a noun phrase: a content word that is no
// stance word and no verb.
inline bool IsContent(const Reading& r, size_t i) {
  const Tok& tok = r.tokens[i];
  return tok.word && tok.Has(kContentWord) && r.match_of[i] < 0 && !r.verbish[i];
}

class StanceReader {
 public:
  // Loads stance.txt and topic_stopwords.txt (built-in, or from
  // `lexicon_dir`). `vocab` must outlive the reader. Returns InvalidInput
  // naming the entry of a bad line.
  Status Load(const Vocabulary& vocab, const std::string& lexicon_dir);

  const std::vector<StanceRule>& rules() const { return rules_; }

  // The tokens of `text`, each with its WordInfo (kept in s->words).
  void Tokenize(ReadScratch* s, std::string_view text, std::vector<Tok>* tokens) const;
  // Reads `text` into *r: tokens and stance matches and, unless
  // `matches_only`, clauses, sentences and chunks. *r's views point into
  // `text` and into s->words, valid until s->words is cleared.
  void Read(ReadScratch* s, std::string_view text, Reading* r, bool matches_only = false) const;

 private:
  const WordInfo* Info(ReadScratch* s, bool word, std::string_view lower) const;
  void FindMatches(Reading* r) const;
  void SplitClauses(Reading* r) const;
  void FindChunks(Reading* r) const;

  // What the lexicons say of a word, whatever its context: its WordFlag
  // bits that depend on the word alone, and Vocabulary::ClassOf.
  struct Facts {
    uint32_t flags = 0;
    uint16_t word_class = 0;
  };
  // The facts of `lower` from the lexicons, without the table below.
  Facts LookUpFacts(std::string_view lower) const;

  const Vocabulary* vocab_ = nullptr;
  std::vector<StanceRule> rules_;
  StringMap<std::vector<size_t>> by_first_;  // longest first
  std::unordered_set<std::string> stopwords_;
  std::unordered_set<std::string> shells_;
  // Facts of every word that has any: a word missing here has none. One
  // lookup instead of one per lexicon.
  StringMap<Facts> facts_;
};

}  // namespace stance_internal
}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_STANCE_READ_H_
