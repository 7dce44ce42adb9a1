// AttributionSieve: who said what, sentence by sentence.
//
// An ordered sieve of patterns over the tokens of each sentence, most
// precise first; a pattern that fires claims its tokens so later patterns
// do not read them again:
//   1. "Q," X said / "Q," said X / "Q1," X said, "Q2."       (direct)
//   2. X: "Q" / X said, "Q" / X said that "Q"                (direct)
//   3. X said (that) C / X told Y (that) C / X urged Y to C /
//      X called for C / X described it as "Q" / X cited Y as saying C
//      (indirect; partial when C holds quoted words)
//   4. C, X said / C, said X                                 (indirect, reversed)
//   5. ..., saying "Q" / ..., urging Y to C                  (the clause's subject)
//   6. according to X, C / C, according to X                 (according_to; a relay
//      when C has an attribution of its own)
//   7. a quote standing alone after a quote of X             (X again)
//   8. X <cue> C at a cue the rules left unread, accepted by a small
//      learned model (attribute_model.h)                      (indirect)
// Speakers are then resolved: pronouns to the subject of the sentence
// before, surnames and role words ("the spokesperson") to the full name
// named earlier in the article (mentions.h).
//
// Cues inside quotes are never read ("And I told him that" in a quote is
// not a claim of its own), and a negated cue ("did not say") is no claim.
//
// Thread safety: const after construction; Run() may be called from many
// threads at once.
#ifndef CLAIMGRAPH_EXTRACT_ATTRIBUTE_H_
#define CLAIMGRAPH_EXTRACT_ATTRIBUTE_H_

#include <vector>

#include "extract/claim.h"
#include "extract/document.h"
#include "extract/mentions.h"
#include "extract/vocabulary.h"

namespace claimgraph {

class FrameModel;
struct FrameCandidate;

class AttributionSieve {
 public:
  // `model` (default: FrameModel::Builtin()) must outlive the sieve.
  explicit AttributionSieve(const Vocabulary& vocab, const FrameModel* model = nullptr);

  // Appends the claims of `doc`, in text order. With `candidates` set (the
  // model's training dump) the learned pass emits nothing and appends every
  // candidate frame it scored instead.
  void Run(const Document& doc, std::vector<Claim>* claims,
           std::vector<FrameCandidate>* candidates = nullptr) const;

 private:
  struct State;
  struct Cue;

  void ScanMentions(State* st, int sb, int se) const;
  void SkipDateline(State* st) const;
  void QuoteFirst(State* st, int sb, int se) const;
  void ColonQuote(State* st, int sb, int se) const;
  void CueFrames(State* st, int sb, int se) const;
  void AccordingTo(State* st, int sb, int se, size_t first_claim) const;
  void Continuation(State* st, int sb, int se) const;
  // "Clinton camp: Trump's remarks threaten security" (a headline's colon, no quote).
  void ColonClause(State* st, int sb, int se, int colon) const;
  // The learned pass at cues the rules left unconsumed (attribute_model.cc).
  void ModelFrames(State* st, int sb, int se) const;

  bool MatchCue(const State& st, int k, Cue* cue) const;
  int ContentCommaBefore(const State& st, int sb, int k) const;
  // The speaker whose noun phrase ends right before token `k` (adverbs and
  // auxiliaries skipped). Sets *np_begin. False when there is none or the
  // cue is negated.
  bool SpeakerBefore(State* st, int sb, int k, Mention* m, int* np_begin) const;
  // After "Q," said: a short determiner phrase from token `b` ("the woman",
  // "a former official who ..."); sets *end past it (attribute_quotes.cc).
  bool QuotedDeterminerSpeaker(const State& st, int b, int se, Mention* m, int* end) const;
  // "Republican senators who opposed the bill said": the noun phrase before a
  // relative clause without commas that ends at token `j` (attribute_frames.cc).
  bool RestrictiveRelativeSpeaker(State* st, int sb, int j, Mention* m, int* np_begin) const;
  // "one in five say", "Nearly a third said", "those surveyed say": a share
  // of the people polled, ending at token `j` (attribute_frames.cc).
  bool QuantitySpeaker(const State& st, int sb, int j, Mention* m, int* np_begin) const;
  // "The premiers of Saskatchewan, Alberta and Manitoba wrote": a plural
  // noun whose "of"/"from" complement is a list of names ending at token `j`
  // (attribute_speaker.cc).
  bool ListComplementSpeaker(const State& st, int sb, int j, Mention* m, int* np_begin) const;
  // Removes the claims from index `first` on that repeat the source of a
  // claim whose content holds them (attribute.cc).
  static void DropEchoes(std::vector<Claim>* claims, size_t first);
  // Widens the person `m` read at [*np_begin, end) to the named people
  // coordinated before it ("Ms. Brosch and Mr. Kral").
  void CoordinatedSpeakers(State* st, int sb, int end, Mention* m, int* np_begin) const;
  // "X, who/which ..., said": the antecedent X of the relative clause that
  // ends with the comma at `j` (attribute_frames.cc).
  bool RelativeClauseSpeaker(State* st, int sb, int j, Mention* m, int* np_begin) const;
  // The end of content [cb, ce) before a comma that opens another speaker's
  // frame ("C1, while 22 percent said C2", "C1, adding that C2").
  int ContentEndBeforeFrame(const State& st, int cb, int ce, CueClass cls) const;
  // The end of an object cue's noun phrase in [cb, ce): before a comma or a
  // subordinate clause ("praised the plan after the vote", "in an interview").
  int ObjectEnd(const State& st, int cb, int ce) const;
  // "An anonymous diplomat criticized it, saying ...": the speaker of the
  // first cue of the clause before the participle at `k`.
  bool ParticipleSpeaker(State* st, int sb, int k, Mention* m) const;
  // "The businessman said", "A spokeswoman for YouTube told": a determiner
  // phrase with a common noun head (and one prepositional phrase) before a
  // plain speech cue at `k`; the phrase ends at token `j`.
  bool CommonNounSpeaker(State* st, int sb, int j, int k, Mention* m, int* np_begin) const;
  // The first token of a reported clause that starts at `cb`, past a time
  // ("Monday", "last week", "on Tuesday") or an occasion ("in an interview
  // with The Ledger") that opens it (attribute_frames.cc).
  int SkipLeadingAdverbial(const State& st, int cb, int se) const;
  // After the cue `cue`: the addressee ("told reporters", "urged residents
  // to ..."), the token of "that" (or -1) and the first token of the
  // reported clause, which is returned (attribute_report.cc).
  int ReportStart(State* st, const Cue& cue, int se, std::string* addressee, int* that_at) const;
  // "C, the minister said Thursday": emits the content before the frame's
  // comma at `comma` unless frames read inside it keep it; sets *k to the
  // frame's end (attribute_report.cc).
  bool ReversedFrame(State* st, int sb, int se, int comma, const Cue& cue, Mention* speaker,
                     const std::string& addressee, int* k) const;
  // "A 2023 study by the Medical College of Wisconsin found", "a report by
  // the city auditor": the named author, or the person or organisation a
  // role or generic noun after "by" stands for, that the document
  // `*speaker` read at [np_begin, k) speaks for (attribute_report.cc); the
  // article's entities note the author for the document's noun ("the same
  // poll"). FindDocumentAuthor is the search alone.
  void DocumentAuthor(State* st, int np_begin, int k, Mention* speaker) const;
  void FindDocumentAuthor(State* st, int np_begin, int k, Mention* speaker) const;
  // At an article's end: claims whose speaker is a role word that named no
  // one when it was read go to the person named later with that role.
  void ResolveRolesNamedLater(State* st) const;
  // Resolves pronouns, surnames and role words in place.
  void Resolve(State* st, Mention* m) const;
  void Emit(State* st, ClaimKind kind, TextRange span, std::string text, const Cue& cue, Mention speaker,
            const std::string& addressee, int consume_begin, int consume_end) const;
  // Emits [b1, e1) + [b2, e2) as one claim: the content around a frame
  // standing inside it ("The plan, he said, was flawed").
  void EmitAroundFrame(State* st, int b1, int e1, int b2, int e2, const Cue& cue, Mention speaker) const;
  // Emits content tokens [cb, ce) as a direct, partial or indirect claim.
  void EmitContent(State* st, int cb, int ce, const Cue& cue, Mention speaker, const std::string& addressee,
                   int consume_begin) const;

  const Vocabulary& vocab_;
  NounPhraseAnalyzer analyzer_;
  const FrameModel* model_;
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_ATTRIBUTE_H_
