#include "extract/vocabulary.h"

#include <algorithm>

#include "extract/lexicon.h"

namespace claimgraph {
namespace {

std::vector<std::string> SplitWords(const std::string& s) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) words.push_back(s.substr(i, j - i));
    i = j;
  }
  return words;
}

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return s;
}

Status BadField(const std::string& file, const std::string& key, const std::string& why) {
  return Status::InvalidInput(file + ".txt: entry \"" + key + "\": " + why);
}

Status LoadCues(const std::string& dir, Vocabulary* v) {
  Lexicon lex;
  Status s = Lexicon::Load("cues", dir, &lex);
  if (!s.ok()) return s;
  static const std::pair<const char*, CueClass> kClasses[] = {
      {"speech", CueClass::kSpeech}, {"tell", CueClass::kTell},         {"urge", CueClass::kUrge},
      {"object", CueClass::kObject}, {"objquote", CueClass::kObjQuote}, {"belief", CueClass::kBelief},
      {"evidence", CueClass::kEvidence}, {"noun", CueClass::kNoun}};
  for (const auto& e : lex.entries()) {
    if (e.fields.size() != 1) return BadField("cues", e.key, "want form|class");
    CueForm form;
    form.noun = e.fields[0] == "noun";
    form.words = SplitWords(Lower(e.key));
    bool known = false;
    for (const auto& [name, cls] : kClasses) {
      if (e.fields[0] == name) {
        form.cls = cls;
        known = true;
      }
    }
    if (!known) return BadField("cues", e.key, "unknown class " + e.fields[0]);
    auto& list = v->cues[form.words[0]];
    bool dup = false;
    for (const auto& f : list) dup = dup || (f.words == form.words && f.noun == form.noun);
    if (!dup) list.push_back(std::move(form));
  }
  for (auto& [first, list] : v->cues) {
    std::stable_sort(list.begin(), list.end(),
                     [](const CueForm& a, const CueForm& b) { return a.words.size() > b.words.size(); });
  }
  return Status::OK();
}

Status LoadAliases(const std::string& name, const std::string& dir, Vocabulary* v,
                   StringMap<std::string>* table) {
  Lexicon lex;
  Status s = Lexicon::Load(name, dir, &lex);
  if (!s.ok()) return s;
  for (const auto& e : lex.entries()) {
    (*table)[Lower(e.key)] = e.key;
    v->longest_alias = std::max(v->longest_alias, SplitWords(e.key).size());
    for (const auto& alias : e.fields) {
      (*table)[Lower(alias)] = e.key;
      v->longest_alias = std::max(v->longest_alias, SplitWords(alias).size());
    }
  }
  return Status::OK();
}

}  // namespace

Status Vocabulary::Load(const std::string& dir, Vocabulary* v) {
  Status s = LoadCues(dir, v);
  if (!s.ok()) return s;

  Lexicon lex;
  if (!(s = Lexicon::Load("titles", dir, &lex)).ok()) return s;
  for (const auto& e : lex.entries()) {
    auto words = SplitWords(Lower(e.key));
    v->titles[words[0]].push_back(words);
  }
  for (auto& [first, list] : v->titles) {
    std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  }

  if (!(s = LoadAliases("countries", dir, v, &v->countries)).ok()) return s;
  if (!(s = LoadAliases("organizations", dir, v, &v->organizations)).ok()) return s;

  if (!(s = Lexicon::Load("demonyms", dir, &lex)).ok()) return s;
  for (const auto& e : lex.entries()) {
    if (e.fields.size() != 1) return BadField("demonyms", e.key, "want adjective|country");
    v->demonyms[Lower(e.key)] = e.fields[0];
  }

  if (!(s = Lexicon::Load("org_words", dir, &lex)).ok()) return s;
  for (const auto& e : lex.entries()) v->org_words.insert(Lower(e.key));

  if (!(s = Lexicon::Load("source_nouns", dir, &lex)).ok()) return s;
  for (const auto& e : lex.entries()) {
    if (e.fields.size() != 1 || (e.fields[0] != "group" && e.fields[0] != "document")) {
      return BadField("source_nouns", e.key, "want noun|group or noun|document");
    }
    v->source_nouns[Lower(e.key)] = e.fields[0] == "group";
  }

  if (!(s = Lexicon::Load("function_words", dir, &lex)).ok()) return s;
  static const std::pair<const char*, WordClass> kWordClasses[] = {
      {"det", kDet}, {"pron", kPron}, {"adv", kAdv}, {"neg", kNeg},
      {"prep", kPrep}, {"time", kTime}, {"conj", kConj}, {"rel", kRel}, {"hon", kHon}};
  for (const auto& e : lex.entries()) {
    bool known = false;
    for (const auto& [name, cls] : kWordClasses) {
      if (e.fields.size() == 1 && e.fields[0] == name) {
        v->word_classes[Lower(e.key)] |= static_cast<uint16_t>(cls);
        known = true;
      }
    }
    if (!known) return BadField("function_words", e.key, "want word|det|pron|adv|neg|prep|time|conj|rel|hon");
  }

  if (!(s = Lexicon::Load("first_names", dir, &lex)).ok()) return s;
  for (const auto& e : lex.entries()) {
    if (e.fields.size() != 1 || (e.fields[0] != "m" && e.fields[0] != "f")) {
      return BadField("first_names", e.key, "want name|m or name|f");
    }
    v->first_names[Lower(e.key)] = e.fields[0][0];
  }

  if (!(s = Lexicon::Load("abbreviations", dir, &lex)).ok()) return s;
  for (const auto& e : lex.entries()) v->abbreviations.insert(Lower(e.key));

  for (const auto& [word, cls] : v->word_classes) v->max_class_word = std::max(v->max_class_word, word.size());
  size_t slots = 16;
  while (slots < 2 * v->word_classes.size()) slots *= 2;
  v->short_classes.assign(slots, Vocabulary::ShortClass());
  for (const auto& [word, cls] : v->word_classes) {
    if (word.empty() || word.size() > 16) continue;  // ClassOf looks these up in word_classes
    Vocabulary::ShortClass e;
    Vocabulary::PackShortWord(word, &e.lo, &e.hi);
    e.size = static_cast<uint32_t>(word.size());
    e.word_class = cls;
    const size_t h = Vocabulary::ShortClassHash(e.lo, e.hi, word.size());
    const size_t bit = (h >> 52) & 4095;
    v->short_class_filter[bit >> 6] |= uint64_t{1} << (bit & 63);
    size_t i = h & (slots - 1);
    while (v->short_classes[i].size != 0) i = (i + 1) & (slots - 1);
    v->short_classes[i] = e;
  }
  // Token sequences joined by ' ' (NounPhraseAnalyzer) can equal a key of n
  // words only if the first token is the key's text before its first space.
  for (const auto* table : {&v->countries, &v->organizations, &v->demonyms}) {
    for (const auto& [key, canonical] : *table) {
      const size_t words = std::count(key.begin(), key.end(), ' ') + 1;
      v->alias_starts[key.substr(0, key.find(' '))] |= 1u << (std::min<size_t>(words, 32) - 1);
    }
  }
  return Status::OK();
}

}  // namespace claimgraph
