// Vocabulary: the lexicons compiled into lookup tables for the extractor.
//
// Everything here is looked up by lower-cased token, in hash tables; no
// gazetteer is ever turned into one big regular expression. The tables take
// a std::string or a std::string_view key (strmap.h), so a lookup never has
// to build a string.
//
// Thread safety: immutable after Load; share one between threads.
#ifndef CLAIMGRAPH_EXTRACT_VOCABULARY_H_
#define CLAIMGRAPH_EXTRACT_VOCABULARY_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/status.h"
#include "extract/strmap.h"

namespace claimgraph {

enum class CueClass : uint8_t { kSpeech, kTell, kUrge, kObject, kObjQuote, kBelief, kEvidence, kNoun };

// Word classes of function_words.txt, as bits.
enum WordClass : uint16_t {
  kDet = 1, kPron = 2, kAdv = 4, kNeg = 8, kPrep = 16, kTime = 32, kConj = 64, kRel = 128, kHon = 256,
};

struct CueForm {
  std::vector<std::string> words;  // lower-case tokens of the form ("pointed", "out")
  CueClass cls = CueClass::kSpeech;
  bool noun = false;  // "claim" the noun, beside "claim" the verb
};

struct Vocabulary {
  // First word of a cue form -> the forms starting with it, longest first.
  StringMap<std::vector<CueForm>> cues;
  // First word of a title -> titles (as token lists), longest first.
  StringMap<std::vector<std::vector<std::string>>> titles;
  // Lower-case alias (tokens joined by ' ') -> canonical country / organisation.
  StringMap<std::string> countries;
  StringMap<std::string> organizations;
  size_t longest_alias = 1;  // in tokens
  StringMap<std::string> demonyms;  // "russian" -> "Russia"
  // First word of a country, organisation or demonym alias -> bit n-1 set
  // when some alias of that first word has n words (n <= 32; bit 31 stands
  // for 32 or more). A word missing here starts no alias.
  StringMap<uint32_t> alias_starts;
  StringSet org_words;
  StringMap<bool> source_nouns;  // noun -> true for people, false for documents
  StringMap<char> first_names;   // lower-case given name -> 'm' or 'f' (for he/she)
  StringMap<uint16_t> word_classes;
  std::unordered_set<std::string> abbreviations;

  // Loads every lexicon (built-in, or from `dir` where a file of the same
  // name exists). Returns InvalidInput naming file and line for a bad entry.
  static Status Load(const std::string& dir, Vocabulary* vocab);

  // word_classes[word], or 0. Called once per token: words of up to 16
  // bytes are looked up in a table of their bytes packed into two integers
  // (one hash, compares of integers, no string to follow).
  uint16_t ClassOf(std::string_view word) const {
    if (word.size() > max_class_word) return 0;
    if (!word.empty() && word.size() <= 16 && !short_classes.empty()) {
      uint64_t lo, hi;
      PackShortWord(word, &lo, &hi);
      const size_t h = ShortClassHash(lo, hi, word.size());
      // Most words have no class: a bit filter (512 bytes, stays in cache)
      // turns them away before the table is touched.
      const size_t bit = (h >> 52) & 4095;
      if (((short_class_filter[bit >> 6] >> (bit & 63)) & 1) == 0) return 0;
      const size_t mask = short_classes.size() - 1;
      for (size_t i = h & mask;; i = (i + 1) & mask) {
        const ShortClass& e = short_classes[i];
        if (e.size == 0) return 0;
        if (e.lo == lo && e.hi == hi && e.size == word.size()) return e.word_class;
      }
    }
    auto it = word_classes.find(word);
    return it == word_classes.end() ? 0 : it->second;
  }
  bool Is(std::string_view word, WordClass c) const { return (ClassOf(word) & c) != 0; }
  size_t max_class_word = 0;  // the longest key of word_classes, in bytes

  // The keys of word_classes of 1..16 bytes, packed (see ClassOf): an
  // open-addressing table of power-of-two size; size 0 marks an empty slot.
  // Built by Load from word_classes.
  struct ShortClass {
    uint64_t lo = 0, hi = 0;  // PackShortWord of the word
    uint32_t size = 0;
    uint16_t word_class = 0;
  };
  // Two integers that, with its size, tell a word of 1..16 bytes from any
  // other: loads of fixed size (overlapping for odd sizes), so no byte-wise
  // copy stalls the loads that follow.
  static void PackShortWord(std::string_view w, uint64_t* lo, uint64_t* hi) {
    const char* p = w.data();
    const size_t n = w.size();
    if (n >= 8) {
      std::memcpy(lo, p, 8);
      std::memcpy(hi, p + n - 8, 8);
    } else if (n >= 4) {
      uint32_t a, b;
      std::memcpy(&a, p, 4);
      std::memcpy(&b, p + n - 4, 4);
      *lo = a | (uint64_t{b} << 32);
      *hi = 0;
    } else {
      *lo = static_cast<uint8_t>(p[0]) | (uint64_t{static_cast<uint8_t>(p[n / 2])} << 8) |
            (uint64_t{static_cast<uint8_t>(p[n - 1])} << 16);
      *hi = 0;
    }
  }
  std::vector<ShortClass> short_classes;
  uint64_t short_class_filter[64] = {};  // bit (hash >> 52) & 4095 of each key
  static size_t ShortClassHash(uint64_t lo, uint64_t hi, size_t size) {
    uint64_t h = (lo ^ (size * 0x9E3779B97F4A7C15ull)) * 0xFF51AFD7ED558CCDull;
    h = (h ^ (h >> 32) ^ hi) * 0xC4CEB9FE1A85EC53ull;
    return static_cast<size_t>(h ^ (h >> 29));
  }
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_VOCABULARY_H_
