// The tagging half of the stance tagger: polarity rules, pointers back to
// earlier phrases, and the topics of each claim (the reading half, tokens
// to noun-phrase chunks, is extract/stance_read.cc).
#include "extract/stance.h"

#include <algorithm>
#include <atomic>

#include "extract/stance_read.h"

namespace claimgraph {

using stance_internal::Chunk;
using stance_internal::IsContent;
using stance_internal::Match;
using stance_internal::ReadScratch;
using stance_internal::Reading;
using stance_internal::StanceReader;
using stance_internal::Tok;

namespace {

using stance_internal::kBe;
using stance_internal::kDefiniteWord;
using stance_internal::kFirstPersonWord;
using stance_internal::kGlueWord;
using stance_internal::kPointerWord;
using stance_internal::kShellWord;
using stance_internal::kTo;

constexpr size_t kContextBytes = 1500;   // how far back a pointer ("it") may look
constexpr size_t kContextSentences = 4;  // ... and over how many sentences
constexpr size_t kShortContextBytes = 700;  // tried first (see Antecedent)
constexpr size_t kSmallContextBytes = 300;  // tried before that

// Per-thread state of the tagger: the reader's memory of the words seen
// (bounded), and reading buffers that keep their capacity from claim to claim.
struct Scratch {
  uint64_t owner = 0;  // StanceTagger::Rep::id the words were looked up for
  ReadScratch read;
  Reading claim, context, small;
  // An article's claims have a few speakers, and claims in a row mostly
  // share their cue: the words of each speaker met (sides[0, side_count)),
  // and the cue's polarity of the claim before, valid within one
  // StanceTagger::Tag call (the word table may be cleared between them).
  // `sides` keeps its entries' buffers from article to article.
  struct Side {
    std::string name, affiliation;
    std::vector<std::string_view> words;  // views into WordInfo::norm
  };
  std::vector<Side> sides;
  size_t side_count = 0;
  std::string joined;  // TagClaim's topic names, built here
  bool cue_valid = false;
  std::string cue;
  int cue_polarity = 0;
};

// Words remembered per thread before the table starts over. Twice as many
// saved 0.8% of extract's instructions on news-bench but added ~7 MB per
// extraction thread to ingest's peak RSS.
constexpr size_t kMaxCachedWords = 1 << 15;
constexpr size_t kMaxSides = 64;  // speakers remembered per article; more start over
std::atomic<uint64_t> next_tagger_id{1};

}  // namespace

const char* PolarityName(int sign) { return sign > 0 ? "support" : sign < 0 ? "oppose" : "neutral"; }

struct StanceTagger::Rep {
  uint64_t id = 0;
  StanceReader reader;
  TopicCatalog catalog;

  int Polarity(const Reading& r, size_t clause, size_t pos, bool actor,
               const std::vector<std::string_view>& side) const;
  int ClausePolarity(const Reading& r, size_t clause, const std::vector<std::string_view>& side) const;
  int Negation(const Reading& r, size_t match) const;
  bool IntentCounts(const Reading& r, size_t match, const std::vector<std::string_view>& side) const;
  // The words and label of the phrase a pointer at claim_begin refers to.
  bool Antecedent(Scratch* s, const Document& doc, size_t claim_begin, std::vector<std::string_view>* norms,
                  std::string* label) const;
  // The normalised words of the speaker's name and affiliation.
  const std::vector<std::string_view>& SideWords(Scratch* s, const Speaker& speaker) const;
  void TagClaim(Scratch* s, const Document& doc, Claim* claim) const;
};

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

// The search of Antecedent over a reading of `context`: the last
// kContextSentences sentences from the nearest back, in each the first
// phrase after its first verb or stance word. Sentences before
// `first_sentence` are not searched: kUnknown when the search would go on
// into them.
enum class AntecedentSearch { kFound, kNone, kUnknown };

AntecedentSearch SearchAntecedent(const Reading& r, std::string_view context, size_t first_sentence,
                                  std::vector<std::string_view>* norms, std::string* label) {
  if (r.tokens.empty()) return first_sentence == 0 ? AntecedentSearch::kNone : AntecedentSearch::kUnknown;
  const size_t last = r.sentence.back();
  for (size_t sen = last + 1; sen-- > 0 && last - sen < kContextSentences;) {
    if (sen < first_sentence) return AntecedentSearch::kUnknown;
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
      return AntecedentSearch::kFound;
    }
  }
  return AntecedentSearch::kNone;
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
  size_t short_start = claim_begin;
  if (claim_begin > from + kShortContextBytes) {
    short_start = claim_begin - kShortContextBytes;
    while (short_start < claim_begin && text[short_start] != ' ' && text[short_start] != '\n') ++short_start;
  }
  // The answer is mostly in the last sentence or two: a small context is
  // read first. The sentences after its partial first one are whole in the
  // contexts below too and read the same there (as above), so an answer
  // found in them, or none found in all the sentences searched, is theirs;
  // a search that would go on into the partial sentence reads on below.
  if (claim_begin > from + kSmallContextBytes) {
    size_t start = claim_begin - kSmallContextBytes;
    while (start < claim_begin && text[start] != ' ' && text[start] != '\n') ++start;
    if (start < claim_begin && start >= from && (short_start == claim_begin || start >= short_start)) {
      const std::string_view small = text.substr(start, claim_begin - start);
      reader.Read(&s->read, small, &r);
      // A reading's first word starts its pointer chunks ("It ..."): it
      // must lie in the partial sentence, as it does in the longer contexts.
      size_t first_word = 0;
      while (first_word < r.tokens.size() && !r.tokens[first_word].word) ++first_word;
      if (first_word < r.tokens.size() && r.sentence[first_word] == 0) {
        const AntecedentSearch found = SearchAntecedent(r, small, /*first_sentence=*/1, norms, label);
        if (found != AntecedentSearch::kUnknown) return found == AntecedentSearch::kFound;
      }
    }
  }
  bool read = false;
  if (short_start < claim_begin) {
    const std::string_view shorter = text.substr(short_start, claim_begin - short_start);
    reader.Read(&s->read, shorter, &r);
    if (!r.tokens.empty() && r.sentence.back() >= kContextSentences) {
      context = shorter;
      read = true;
    }
  }
  if (!read) reader.Read(&s->read, context, &r);
  return SearchAntecedent(r, context, /*first_sentence=*/0, norms, label) == AntecedentSearch::kFound;
}

const std::vector<std::string_view>& StanceTagger::Rep::SideWords(Scratch* s, const Speaker& speaker) const {
  // Newest first: claims in a row mostly share their speaker.
  for (size_t i = s->side_count; i-- > 0;) {
    const Scratch::Side& known = s->sides[i];
    if (known.name == speaker.name && known.affiliation == speaker.affiliation) return known.words;
  }
  if (s->side_count == kMaxSides) s->side_count = 0;
  if (s->side_count == s->sides.size()) s->sides.emplace_back();
  Scratch::Side& side = s->sides[s->side_count++];
  side.name = speaker.name;
  side.affiliation = speaker.affiliation;
  side.words.clear();
  for (const std::string* name : {&speaker.name, &speaker.affiliation}) {
    reader.Tokenize(&s->read, *name, &s->small.tokens);
    for (const Tok& t : s->small.tokens) {
      if (t.word) side.words.insert(side.words.end(), t.w->norm_begin(), t.w->norm_end());
    }
  }
  return side.words;
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
  reader.Read(&s->read, text, &r);
  const std::vector<std::string_view>& side = SideWords(s, claim->speaker);
  // The polarity of a clause without stance words: the cue's ("urged",
  // "criticized"), else the claim's first clause with a stance.
  if (!s->cue_valid || s->cue != claim->cue) {
    int polarity = 0;
    if (!claim->cue.empty()) {
      reader.Read(&s->read, claim->cue, &s->small, /*matches_only=*/true);
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
  std::string& joined = s->joined;
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

const std::vector<StanceRule>& StanceTagger::rules() const { return rep_->reader.rules(); }

Status StanceTagger::Create(const Vocabulary& vocab, const std::string& lexicon_dir,
                            const std::string& topics_file, std::unique_ptr<StanceTagger>* tagger) {
  auto rep = std::make_unique<Rep>();
  rep->id = next_tagger_id.fetch_add(1);
  Status s = rep->reader.Load(vocab, lexicon_dir);
  if (!s.ok()) return s;
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
  if (scratch.owner != rep_->id || scratch.read.words.size() > kMaxCachedWords) {
    scratch.read.words.Clear();
    scratch.owner = rep_->id;
  }
  scratch.side_count = 0;
  scratch.cue_valid = false;
  for (size_t i = first; i < claims->size(); ++i) rep_->TagClaim(&scratch, doc, &(*claims)[i]);
}

}  // namespace claimgraph
