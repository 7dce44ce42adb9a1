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

  uint16_t ClassOf(std::string_view word) const {
    if (word.size() > max_class_word) return 0;
    auto it = word_classes.find(word);
    return it == word_classes.end() ? 0 : it->second;
  }
  bool Is(std::string_view word, WordClass c) const { return (ClassOf(word) & c) != 0; }
  size_t max_class_word = 0;  // the longest key of word_classes, in bytes
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_VOCABULARY_H_
