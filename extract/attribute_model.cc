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

namespace claimgraph {
namespace {

bool ParseNumber(std::string_view s, double* out) {
  if (s.empty() || s.size() > 40) return false;
  const std::string copy(s);
  char* end = nullptr;
  *out = std::strtod(copy.c_str(), &end);
  return end == copy.c_str() + copy.size();
}

const char* Bucket(int n) {
  return n <= 0 ? "0" : n == 1 ? "1" : n == 2 ? "2" : n <= 4 ? "3-4" : n <= 8 ? "5-8" : n <= 16 ? "9-16" : "17+";
}

bool IsAux(const Token& t) {
  static const char* const kAux[] = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
                                     "will", "would", "can", "could", "may", "might", "should", "must",
                                     "does", "do", "did", "'s", "to"};
  for (const char* a : kAux) {
    if (t.Is(a)) return true;
  }
  return false;
}

// The class of a token next to the cue, as a feature value.
const char* TokenClass(const Token& t) {
  if (t.kind == TokenKind::kQuoteOpen || t.kind == TokenKind::kQuoteClose) return "quote";
  if (t.kind == TokenKind::kNumber) return "num";
  if (t.kind == TokenKind::kPunct) {
    return t.Is(",") ? "comma" : t.Is(":") ? "colon" : (t.Is(".") || t.Is("?") || t.Is("!")) ? "end" : "punct";
  }
  if (t.Is("that")) return "that";
  if (t.Is("to")) return "to";
  if (t.Is("what") || t.Is("how") || t.Is("why") || t.Is("whether") || t.Is("who") || t.Is("when") ||
      t.Is("if") || t.Is("where")) {
    return "wh";
  }
  if (IsAux(t)) return "aux";
  if (t.HasClass(kNeg)) return "neg";
  if (t.HasClass(kPron)) return "pron";
  if (t.HasClass(kDet)) return "det";
  if (t.HasClass(kPrep)) return "prep";
  if (t.HasClass(kConj)) return "conj";
  if (t.HasClass(kAdv) || (t.lower.size() > 4 && t.lower.compare(t.lower.size() - 2, 2, "ly") == 0)) return "adv";
  if (t.capitalized) return "cap";
  return "word";
}

const char* SpeakerKind(const Mention& m) {
  if (m.pronoun) return "pron";
  if (m.document) return "doc";
  if (m.role_reference) return "role";
  if (m.type == EntityType::kOrganization) return "org";
  if (m.type == EntityType::kCountry) return "country";
  if (m.type == EntityType::kPerson && m.name_tokens > 0) return "name";
  if (m.type == EntityType::kGroup) return "group";
  return "other";
}

const char* CueClassName(CueClass c) {
  switch (c) {
    case CueClass::kSpeech: return "speech";
    case CueClass::kTell: return "tell";
    case CueClass::kUrge: return "urge";
    case CueClass::kObject: return "object";
    case CueClass::kObjQuote: return "objquote";
    case CueClass::kBelief: return "belief";
    case CueClass::kEvidence: return "evidence";
    case CueClass::kNoun: return "noun";
  }
  return "none";
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
      model->cues_.emplace(std::string(value), 0.0f);
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
  // The most the speaker's features (sk=, sd=, nsk=, subj=, and csk= of the
  // cue) can add to a cue's score: absent features add 0.
  double global = 0;
  for (const char* prefix : {"sk=", "sd=", "nsk=", "subj="}) {
    double best = 0;
    for (const auto& [name, weight] : model->weights_) {
      if (name.rfind(prefix, 0) == 0) best = std::max(best, static_cast<double>(weight));
    }
    global += best;
  }
  for (auto& [cue, bound] : model->cues_) bound = static_cast<float>(global);
  for (const auto& [name, weight] : model->weights_) {
    if (name.rfind("csk=", 0) != 0) continue;
    const size_t bar = name.find('|');
    if (bar == std::string::npos) continue;
    auto it = model->cues_.find(std::string_view(name).substr(4, bar - 4));
    if (it != model->cues_.end()) it->second = std::max(it->second, static_cast<float>(global + weight));
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

double FrameModel::Score(const std::vector<std::string>& features) const {
  double s = bias_;
  for (const std::string& f : features) s += Weight(f);
  return s;
}

void AttributionSieve::ModelFrames(State* st, int sb, int se) const {
  const FrameModel& model = *model_;
  if (model.cue_count() == 0) return;
  const auto& t = st->t();
  std::vector<std::string> features;
  std::string buf;  // a feature too long for key[]
  char key[64];
  for (int k = sb; k < se; ++k) {
    const Token& tok = t[k];
    // Never inside a quote: a cue there is the quoted speaker's own words.
    // Cheap tests first: this runs at every token the rules left.
    if (st->consumed[k] || !tok.IsWord() || tok.in_quote || tok.word_class != 0 || k == sb) continue;
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
    if (!model.IsCue(tok.lower)) continue;
    // The content: the rest of the clause after the cue, up to a frame the
    // rules consumed, a semicolon, or ", according to".
    int cb = k + 1;
    const char* next = cb < se ? TokenClass(t[cb]) : "none";
    const std::string& next_word = cb < se ? t[cb].lower : tok.lower;
    if (cb < se && t[cb].Is("that")) ++cb;
    // "declined to comment", "refused to elaborate": a refusal says nothing.
    if (cb + 1 < se && t[cb].Is("to") &&
        (t[cb + 1].Is("comment") || t[cb + 1].Is("elaborate") || t[cb + 1].Is("discuss") ||
         t[cb + 1].Is("say") || t[cb + 1].Is("answer") || t[cb + 1].Is("respond"))) {
      continue;
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
    bool negated = false;
    for (int x = std::max(sb, k - 3); x < k; ++x) negated = negated || t[x].HasClass(kNeg);
    const Token* prev = &t[k - 1];
    const char* prev_class = TokenClass(*prev);
    auto vit = vocab_.cues.find(tok.lower);
    const char* cls = vit == vocab_.cues.end() ? "none" : CueClassName(vit->second.front().cls);
    const std::string& w = tok.lower;
    const char* suffix = w.size() > 3 && w.compare(w.size() - 2, 2, "ed") == 0    ? "ed"
                         : w.size() > 4 && w.compare(w.size() - 3, 3, "ing") == 0 ? "ing"
                         : w.back() == 's'                                         ? "s"
                                                                                   : "base";
    // Each feature is assembled in one buffer and looked up at once; only
    // the training dump keeps them.
    std::vector<std::string>* keep = st->candidates != nullptr ? &features : nullptr;
    features.clear();
    double score = model.bias();
    auto add = [&](std::string_view a, std::string_view b, std::string_view c = {}, std::string_view d = {}) {
      std::string_view f;
      if (a.size() + b.size() + c.size() + d.size() <= sizeof(key)) {
        char* p = key;
        for (std::string_view part : {a, b, c, d}) {
          if (part.empty()) continue;  // an absent part's data() is null, which memcpy must not get
          std::memcpy(p, part.data(), part.size());
          p += part.size();
        }
        f = std::string_view(key, static_cast<size_t>(p - key));
      } else {
        buf.assign(a).append(b).append(c).append(d);
        f = buf;
      }
      score += model.Weight(f);
      if (keep) keep->emplace_back(f);
    };
    add("c=", w);
    add("cn=", w, "|", next_word);
    add("nc=", next);
    add("cnc=", w, "|", next);
    add("p=", prev->lower);
    add("pc=", prev_class);
    add("cpc=", w, "|", prev_class);
    add("cl=", Bucket(words));
    add("cut=", cut < ce ? "1" : "0");
    add("q=", quoted ? "1" : "0");
    add("neg=", negated ? "1" : "0");
    add("cls=", cls);
    add("suf=", suffix);
    add("cap=", tok.capitalized ? "1" : "0");
    add("pos=", Bucket(k - sb));
    add("in=", st->outer_begin <= k && k < st->outer_end ? "1" : "0");
    // The speaker's features can add at most SpeakerBound: a candidate that
    // cannot pass is dropped before the (costlier) speaker is read.
    if (keep == nullptr && score + model.SpeakerBound(w) + 1e-6 < model.threshold()) continue;

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
    const char* skind = SpeakerKind(speaker);
    add("sk=", skind);
    add("csk=", w, "|", skind);
    add("sd=", Bucket(k - np_begin));
    add("nsk=", next, "|", skind);
    add("subj=", subject ? "1" : "0");

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
