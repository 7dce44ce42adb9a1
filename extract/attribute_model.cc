// The learned frame pass of the sieve (attribute_model.h): candidate
// generation, features and scoring. Runs after the rules of a sentence, only
// at tokens they left unconsumed.
#include "extract/attribute_model.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "extract/attribute.h"
#include "extract/attribute_state.h"
#include "extract/lexicon.h"
#include "extract/words.h"

namespace claimgraph {
namespace {

bool ParseNumber(std::string_view s, double* out) {
  if (s.empty() || s.size() > 40) return false;
  const std::string copy(s);
  char* end = nullptr;
  *out = std::strtod(copy.c_str(), &end);
  return end == copy.c_str() + copy.size();
}

// A feature value with its hash (FrameModel::PartHash), computed once.
struct Part {
  std::string_view s;
  uint64_t h = 0;
};

Part MakePart(std::string_view s) { return Part{s, FrameModel::PartHash(s)}; }

// The values of the pass's closed feature classes, hashed once.
enum TokenClassId { kQuote, kNum, kComma, kColon, kEnd, kPunctC, kThat, kTo, kWh, kAux, kNegC, kPronC, kDetC,
                    kPrepC, kConjC, kAdvC, kCap, kWord, kNone, kTokenClasses };
enum SpeakerKindId { kSkPron, kSkDoc, kSkRole, kSkOrg, kSkCountry, kSkName, kSkGroup, kSkOther, kSpeakerKinds };

struct Values {
  Part token_class[kTokenClasses];
  Part speaker_kind[kSpeakerKinds];
  Part bucket[7];
  Part bit[2];
  Part cue_class[9];
  Part suffix[4];
  Part content_end[5];
  // "that", "to", wh-words and auxiliaries -> their TokenClassId.
  StringMap<uint8_t> function_words;

  Values() {
    const char* const classes[] = {"quote", "num", "comma", "colon", "end", "punct", "that", "to", "wh", "aux",
                                   "neg", "pron", "det", "prep", "conj", "adv", "cap", "word", "none"};
    for (int i = 0; i < kTokenClasses; ++i) token_class[i] = MakePart(classes[i]);
    const char* const kinds[] = {"pron", "doc", "role", "org", "country", "name", "group", "other"};
    for (int i = 0; i < kSpeakerKinds; ++i) speaker_kind[i] = MakePart(kinds[i]);
    const char* const buckets[] = {"0", "1", "2", "3-4", "5-8", "9-16", "17+"};
    for (int i = 0; i < 7; ++i) bucket[i] = MakePart(buckets[i]);
    bit[0] = MakePart("0");
    bit[1] = MakePart("1");
    const char* const cue_classes[] = {"speech", "tell", "urge", "object", "objquote", "belief", "evidence",
                                       "noun", "none"};
    for (int i = 0; i < 9; ++i) cue_class[i] = MakePart(cue_classes[i]);
    const char* const suffixes[] = {"ed", "ing", "s", "base"};
    for (int i = 0; i < 4; ++i) suffix[i] = MakePart(suffixes[i]);
    const char* const ends[] = {"sentence", "frame", "semicolon", "according", "long"};
    for (int i = 0; i < 5; ++i) content_end[i] = MakePart(ends[i]);
    // A word's first class in the order TokenClass tests them ("to" is also
    // an auxiliary there, but "to" is tested first).
    function_words.emplace("that", kThat);
    function_words.emplace("to", kTo);
    for (const char* w : {"what", "how", "why", "whether", "who", "when", "if", "where"}) {
      function_words.emplace(w, kWh);
    }
    for (const char* w : {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
                          "can", "could", "may", "might", "should", "must", "does", "do", "did", "'s"}) {
      function_words.emplace(w, kAux);
    }
  }
};

const Values& V() {
  static const Values* const values = new Values();
  return *values;
}

int Bucket(int n) { return n <= 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n <= 4 ? 3 : n <= 8 ? 4 : n <= 16 ? 5 : 6; }

// The class of a token next to the cue, as a feature value.
TokenClassId TokenClass(const Token& t) {
  if (t.kind == TokenKind::kQuoteOpen || t.kind == TokenKind::kQuoteClose) return kQuote;
  if (t.kind == TokenKind::kNumber) return kNum;
  if (t.kind == TokenKind::kPunct) {
    return t.Is(",") ? kComma : t.Is(":") ? kColon : (t.Is(".") || t.Is("?") || t.Is("!")) ? kEnd : kPunctC;
  }
  if (t.lower.size() <= 7) {  // "whether", the longest function word
    auto it = V().function_words.find(t.lower);
    if (it != V().function_words.end()) return static_cast<TokenClassId>(it->second);
  }
  if (t.HasClass(kNeg)) return kNegC;
  if (t.HasClass(kPron)) return kPronC;
  if (t.HasClass(kDet)) return kDetC;
  if (t.HasClass(kPrep)) return kPrepC;
  if (t.HasClass(kConj)) return kConjC;
  if (t.HasClass(kAdv) || (t.lower.size() > 4 && EndsWith(t.lower, "ly"))) return kAdvC;
  if (t.capitalized) return kCap;
  return kWord;
}

SpeakerKindId SpeakerKind(const Mention& m) {
  if (m.pronoun) return kSkPron;
  if (m.document) return kSkDoc;
  if (m.role_reference) return kSkRole;
  if (m.type == EntityType::kOrganization) return kSkOrg;
  if (m.type == EntityType::kCountry) return kSkCountry;
  if (m.type == EntityType::kPerson && m.name_tokens > 0) return kSkName;
  if (m.type == EntityType::kGroup) return kSkGroup;
  return kSkOther;
}

int CueClassIndex(CueClass c) {
  switch (c) {
    case CueClass::kSpeech: return 0;
    case CueClass::kTell: return 1;
    case CueClass::kUrge: return 2;
    case CueClass::kObject: return 3;
    case CueClass::kObjQuote: return 4;
    case CueClass::kBelief: return 5;
    case CueClass::kEvidence: return 6;
    case CueClass::kNoun: return 7;
  }
  return 8;
}

// The feature prefixes of the pass, in the order their weights are added
// to a candidate's score.
enum Prefix { kC, kCn, kNc, kCnc, kP, kPc, kCpc, kCl, kCut, kQ, kNegF, kCls, kSuf, kCapF, kPos, kIn, kNn, kCn2,
              kPp, kFw, kEndF, kSk, kCsk, kSd, kNsk, kSubj, kPrefixes };
const char* const kPrefixNames[kPrefixes] = {"c=",   "cn=",  "nc=",  "cnc=", "p=",   "pc=", "cpc=",
                                             "cl=",  "cut=", "q=",   "neg=", "cls=", "suf=", "cap=",
                                             "pos=", "in=",  "nn=",  "cn2=", "pp=",  "fw=", "end=",
                                             "sk=",  "csk=", "sd=",  "nsk=", "subj="};

// A feature's name, for the training dump.
std::string FeatureName(Prefix p, const Part& a, const Part* b) {
  std::string name(kPrefixNames[p]);
  name.append(a.s);
  if (b != nullptr) name.append("|").append(b->s);
  return name;
}

const uint64_t* PrefixHashes() {
  static const uint64_t* const hashes = [] {
    auto* h = new uint64_t[kPrefixes];
    for (int i = 0; i < kPrefixes; ++i) h[i] = FrameModel::PartHash(kPrefixNames[i]);
    return h;
  }();
  return hashes;
}

// The first token in [k, se) of sentence [sb, se) that passes the cheap
// tests of a candidate cue (ModelFrames reads the rest), or se. Most tokens
// fail them, so this loop is the pass's hot path; it is a function of its
// own, kept out of ModelFrames, because there the loop counter was spilled
// to the stack and every token waited on a store and a reload of it.
__attribute__((noinline)) int NextCandidateCue(const std::vector<Token>& t, const std::vector<char>& consumed,
                                               const FrameModel& model, int sb, int k, int se) {
  for (k = std::max(k, sb + 1); k < se; ++k) {
    const Token& tok = t[k];
    // Never inside a quote: a cue there is the quoted speaker's own words.
    if (consumed[k] || !tok.IsWord() || tok.in_quote || tok.word_class != 0) continue;
    // After a preposition or determiner the cue is a noun ("for talks", "the
    // support"): noun frames are the rules' ("X's statement that").
    if (t[k - 1].HasClass(kPrep | kDet)) continue;
    // "convened to address": a cue in an infinitive is the complement of the
    // verb before it; "scenarios proposed by X": a passive's by-phrase is its
    // agent, not what was said.
    if (t[k - 1].Is("to") || (k + 1 < se && t[k + 1].Is("by"))) continue;
    // "felt a growing frustration", "has supported the plan": an object noun
    // phrase is the rules' (object cues); the learned pass reports clauses.
    if (k + 1 < se && t[k + 1].HasClass(kDet) && !t[k + 1].Is("that")) continue;
    if (model.IsCue(tok.lower)) return k;
  }
  return se;
}

// Prefixes whose value is two parts joined by '|'.
bool IsConjunction(std::string_view prefix) {
  return prefix == "cn=" || prefix == "cnc=" || prefix == "cpc=" || prefix == "csk=" || prefix == "nsk=" ||
         prefix == "nn=" || prefix == "cn2=";
}

}  // namespace

Status FrameModel::Parse(const std::string& file, std::string_view text, FrameModel* model) {
  *model = FrameModel();
  bool has_threshold = false;
  size_t line_no = 0;
  while (!text.empty()) {
    ++line_no;
    const size_t nl = text.find('\n');
    std::string_view line = TrimBlanks(text.substr(0, nl));
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (line.empty() || line.front() == '#') continue;
    const size_t sp = line.find_first_of(" \t");
    const std::string where = file + ":" + std::to_string(line_no) + ": ";
    if (sp == std::string_view::npos) return Status::InvalidInput(where + "expected '<name> <value>'");
    const std::string_view name = line.substr(0, sp);
    const std::string_view value = TrimBlanks(line.substr(sp + 1));
    if (value.empty() || value.find_first_of(" \t") != std::string_view::npos) {
      return Status::InvalidInput(where + "expected one value after '" + std::string(name) + "'");
    }
    if (name == "cue") {
      model->cues_.insert(std::string(value));
      model->min_cue_ = std::min(model->min_cue_, value.size());
      model->max_cue_ = std::max(model->max_cue_, value.size());
      continue;
    }
    double number;
    if (!ParseNumber(value, &number)) {
      return Status::InvalidInput(where + "'" + std::string(value) + "' is not a number");
    }
    if (name == "threshold") {
      model->threshold_ = number;
      has_threshold = true;
    } else if (name == "bias") {
      model->bias_ = number;
    } else {
      model->weights_.emplace(std::string(name), static_cast<float>(number));
    }
  }
  if (!has_threshold) return Status::InvalidInput(file + ": no 'threshold' line");
  // Weights by key, and the bounds of partial keys (a prefix; a
  // conjunction's prefix and first value) as the largest positive weight.
  std::vector<std::pair<uint64_t, float>> bounds;
  for (const auto& [name, weight] : model->weights_) {
    const size_t eq = name.find('=');
    if (eq == std::string::npos) continue;
    const std::string_view prefix = std::string_view(name).substr(0, eq + 1);
    const std::string_view value = std::string_view(name).substr(eq + 1);
    const uint64_t prefix_key = PartHash(prefix);
    bounds.emplace_back(prefix_key, weight);
    const size_t bar = value.find('|');
    if (IsConjunction(prefix) && bar != std::string_view::npos) {
      bounds.emplace_back(Mix(prefix_key, PartHash(value.substr(0, bar))), weight);
    }
  }
  const auto build = [](size_t n, std::vector<Slot>* table) {
    size_t size = 16;
    while (size < n * 4) size *= 2;
    table->assign(size, Slot());
  };
  const auto slot = [](std::vector<Slot>* table, uint64_t key) -> Slot& {
    const size_t mask = table->size() - 1;
    size_t i = key & mask;
    while ((*table)[i].key != 0 && (*table)[i].key != key) i = (i + 1) & mask;
    return (*table)[i];
  };
  build(model->weights_.size(), &model->weights_by_key_);
  for (const auto& [name, weight] : model->weights_) {
    const uint64_t key = NameKey(name);
    Slot& s = slot(&model->weights_by_key_, key);
    if (key == 0 || s.key == key) {
      return Status::InvalidInput(file + ": feature '" + name + "' has the key of another feature");
    }
    s = Slot{key, weight};
  }
  build(bounds.size(), &model->bounds_);
  for (const auto& [key, weight] : bounds) {
    if (key == 0) return Status::InvalidInput(file + ": a feature prefix has key 0");
    Slot& s = slot(&model->bounds_, key);
    s.key = key;
    s.value = std::max(s.value, weight);
  }
  return Status::OK();
}

const FrameModel& FrameModel::Builtin() {
  static const FrameModel* const model = [] {
    auto* m = new FrameModel();
    for (size_t i = 0; i < kEmbeddedLexiconCount; ++i) {
      if (std::string_view(kEmbeddedLexicons[i].name) != "frame_model") continue;
      if (!Parse("frame_model.txt", kEmbeddedLexicons[i].text, m).ok()) *m = FrameModel();
    }
    return m;
  }();
  return *model;
}

uint64_t FrameModel::PartHash(std::string_view part) { return StringHash()(part); }

uint64_t FrameModel::NameKey(std::string_view feature) {
  const size_t eq = feature.find('=');
  if (eq == std::string_view::npos) return Mix(PartHash(feature), 0);
  const std::string_view prefix = feature.substr(0, eq + 1), value = feature.substr(eq + 1);
  uint64_t key = PartHash(prefix);
  const size_t bar = value.find('|');
  if (IsConjunction(prefix) && bar != std::string_view::npos) {
    return Mix(Mix(key, PartHash(value.substr(0, bar))), PartHash(value.substr(bar + 1)));
  }
  return Mix(key, PartHash(value));
}

double FrameModel::Score(const std::vector<std::string>& features) const {
  double s = bias_;
  for (const std::string& f : features) s += Weight(f);
  return s;
}

void AttributionSieve::ModelFrames(State* st, int sb, int se) const {
  const FrameModel& model = *model_;
  if (model.cue_count() == 0) return;
  const auto& t = st->t();
  const Values& v = V();
  const uint64_t* const prefix = PrefixHashes();
  // The features' weights in the order they are added to the score (the
  // sum is the same double whatever was skipped to get there).
  float weight[kPrefixes];
  // The training dump's feature names, by prefix.
  std::vector<std::string> features;
  std::vector<std::string>* const keep = st->candidates != nullptr ? &features : nullptr;
  if (keep != nullptr) features.resize(kPrefixes);
  // Adds feature `p` with one or two values: its weight, and in the
  // training dump its name.
  auto add = [&](Prefix p, const Part& a, const Part* b = nullptr) __attribute__((always_inline)) {
    uint64_t key = FrameModel::Mix(prefix[p], a.h);
    if (b != nullptr) key = FrameModel::Mix(key, b->h);
    weight[p] = model.KeyWeight(key);
    if (keep != nullptr) (*keep)[p] = FeatureName(p, a, b);
  };
  // Every token the rules left that may be a cue (NextCandidateCue); a
  // `continue` below moves on to the next one.
  for (int k = NextCandidateCue(t, st->consumed, model, sb, sb, se); k < se;
       k = NextCandidateCue(t, st->consumed, model, sb, k + 1, se)) {
    const Token& tok = t[k];
    int cb = k + 1;
    // "declined to comment", "refused to elaborate": a refusal says nothing.
    {
      const int c = cb < se && t[cb].Is("that") ? cb + 1 : cb;
      if (c + 1 < se && t[c].Is("to") &&
          (t[c + 1].Is("comment") || t[c + 1].Is("elaborate") || t[c + 1].Is("discuss") || t[c + 1].Is("say") ||
           t[c + 1].Is("answer") || t[c + 1].Is("respond"))) {
        continue;
      }
    }
    bool negated = false;
    for (int x = std::max(sb, k - 3); x < k; ++x) negated = negated || t[x].HasClass(kNeg);
    const Token* prev = &t[k - 1];
    const std::string& w = tok.lower;
    const Part cue_word = MakePart(w);
    const Part next = v.token_class[cb < se ? TokenClass(t[cb]) : kNone];
    const Part next_word = cb < se ? MakePart(t[cb].lower) : cue_word;
    const Part prev_class = v.token_class[TokenClass(*prev)];
    add(kC, cue_word);
    add(kCn, cue_word, &next_word);
    add(kNc, next);
    add(kCnc, cue_word, &next);
    add(kP, MakePart(prev->lower));
    add(kPc, prev_class);
    add(kCpc, cue_word, &prev_class);
    // The token after the next ("wants to ...", "knows what ...") and the one
    // before the previous ("who strongly support").
    const Part next2 = v.token_class[cb + 1 < se ? TokenClass(t[cb + 1]) : kNone];
    const Part prev2 = v.token_class[k - 2 >= sb ? TokenClass(t[k - 2]) : kNone];
    auto vit = vocab_.cues.find(w);
    const Part& cls = v.cue_class[vit == vocab_.cues.end() ? 8 : CueClassIndex(vit->second.front().cls)];
    const int suffix = w.size() > 3 && EndsWith(w, "ed")    ? 0
                       : w.size() > 4 && EndsWith(w, "ing") ? 1
                       : w.back() == 's'                    ? 2
                                                            : 3;
    add(kNegF, v.bit[negated]);
    add(kCls, cls);
    add(kSuf, v.suffix[suffix]);
    add(kCapF, v.bit[tok.capitalized]);
    add(kPos, v.bucket[Bucket(k - sb)]);
    add(kIn, v.bit[st->outer_begin <= k && k < st->outer_end]);
    add(kNn, next, &next2);
    add(kCn2, cue_word, &next2);
    add(kPp, prev2);
    // The content: the rest of the clause after the cue (and its "that"), up
    // to a frame the rules consumed, a semicolon, or ", according to".
    if (cb < se && t[cb].Is("that")) ++cb;
    // The content's first word.
    add(kFw, v.token_class[cb < se ? TokenClass(t[cb]) : kNone]);
    // The most the speaker's features can add: a candidate that cannot pass
    // even so is dropped before the (costlier) speaker is read, and one that
    // cannot pass with the content's features' bounds too before its content
    // is read.
    const double speaker_bound = model.Bound(prefix[kSk]) + model.Bound(FrameModel::Mix(prefix[kCsk], cue_word.h)) +
                                 model.Bound(prefix[kSd]) + model.Bound(FrameModel::Mix(prefix[kNsk], next.h)) +
                                 model.Bound(prefix[kSubj]);
    if (keep == nullptr) {
      double bound = model.bias() + speaker_bound + 1e-6;
      for (int p = kC; p < kSk; ++p) {
        const bool content = p == kCl || p == kCut || p == kQ || p == kEndF;
        bound += content ? model.Bound(prefix[p]) : weight[p];
      }
      if (bound < model.threshold()) continue;
    }
    int ce = cb;
    bool quoted = false;
    int words = 0;
    while (ce < se && ce < cb + 400 && !st->consumed[ce] && !t[ce].Is(";") &&
           !(t[ce].Is(",") && ce + 1 < se && t[ce + 1].Is("according"))) {
      quoted = quoted || t[ce].in_quote;
      words += t[ce].IsWord() || t[ce].kind == TokenKind::kNumber;
      ++ce;
    }
    const int cut = ContentEndBeforeFrame(*st, cb, ce, CueClass::kSpeech);
    const int end_reason = ce >= se                       ? 0
                           : st->consumed[ce]              ? 1
                           : t[ce].Is(";")                 ? 2
                           : t[ce].Is(",") && ce + 1 < se ? 3
                                                           : 4;
    add(kCl, v.bucket[Bucket(words)]);
    add(kCut, v.bit[cut < ce]);
    add(kQ, v.bit[quoted]);
    add(kEndF, v.content_end[end_reason]);
    double score = model.bias();
    for (int p = kC; p < kSk; ++p) score += weight[p];
    if (keep == nullptr && score + speaker_bound + 1e-6 < model.threshold()) continue;

    // A claim needs a speaker: the noun phrase before the cue, else the
    // clause's subject ("The new evidence from trade suggests"). A negated cue
    // ("did not say") has none.
    Mention speaker;
    int np_begin = k;
    bool subject = false;
    if (!SpeakerBefore(st, sb, k, &speaker, &np_begin)) {
      int subject_end = 0;
      if (negated || !analyzer_.ClauseSubject(st->text, st->para, sb, k, &speaker, &subject_end) ||
          subject_end > k) {
        continue;
      }
      subject = true;
      np_begin = k;  // only the cue is the frame: the subject may be another claim's
    }
    const Part& skind = v.speaker_kind[SpeakerKind(speaker)];
    add(kSk, skind);
    add(kCsk, cue_word, &skind);
    add(kSd, v.bucket[Bucket(k - np_begin)]);
    add(kNsk, next, &skind);
    add(kSubj, v.bit[subject]);
    for (int p = kSk; p <= kSubj; ++p) score += weight[p];

    Cue cue;
    cue.begin = k;
    cue.end = k + 1;
    cue.cls = CueClass::kSpeech;
    cue.text = w;
    if (st->candidates == nullptr) {
      if (score < model.threshold()) continue;
      const size_t before = st->claims->size();
      EmitContent(st, cb, cut, cue, std::move(speaker), "", np_begin);
      // "seemed confident that C": a cue inside the content just claimed
      // would say C again.
      if (st->claims->size() > before) k = std::max(k, st->outer_end - 1);
      continue;
    }
    // Training dump: every candidate with the content it would have, the
    // state left as if it were rejected.
    FrameCandidate cand;
    cand.doc = st->doc->id;
    cand.features = features;
    cand.score = score;
    const std::vector<char> consumed = st->consumed;
    const ArticleEntities entities = st->entities;
    const bool has_last = st->has_last;
    const Mention last_speaker = st->last_speaker;
    const Cue last_cue = st->last_cue;
    const int last_paragraph = st->last_paragraph, outer_begin = st->outer_begin, outer_end = st->outer_end;
    const std::string outer_speaker = st->outer_speaker;
    const size_t before = st->claims->size();
    EmitContent(st, cb, cut, cue, std::move(speaker), "", np_begin);
    if (st->claims->size() > before) {
      cand.text = st->claims->back().text;
      st->claims->pop_back();
    }
    st->consumed = consumed;
    st->entities = entities;
    st->has_last = has_last;
    st->last_speaker = last_speaker;
    st->last_cue = last_cue;
    st->last_paragraph = last_paragraph;
    st->outer_begin = outer_begin;
    st->outer_end = outer_end;
    st->outer_speaker = outer_speaker;
    st->candidates->push_back(std::move(cand));
  }
}

}  // namespace claimgraph
