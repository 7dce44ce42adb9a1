// Mentions: who a noun phrase names, and who "he", "they", "Blinken" and
// "the spokesperson" refer to within one article.
//
// NounPhraseAnalyzer reads a token range that stands where a speaker stands
// ("newly appointed US Ambassador to Israel Mike Huckabee", "Bloomberg's
// report", "numerous Democratic congressmen", "He") and returns a Mention:
// canonical name, type, role, affiliation and, where a cue tells ("Mr.",
// "spokeswoman", a given name in lexicons/first_names.txt), gender.
// ArticleEntities remembers the people named so far in an article so that a
// bare surname resolves to the full name of its most named bearer, a role
// word to the person named with that role, and he/she to an antecedent whose
// gender agrees.
//
// Thread safety: NounPhraseAnalyzer is const after construction;
// ArticleEntities belongs to one article on one thread.
#ifndef CLAIMGRAPH_EXTRACT_MENTIONS_H_
#define CLAIMGRAPH_EXTRACT_MENTIONS_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/claim.h"
#include "extract/segment.h"
#include "extract/vocabulary.h"

namespace claimgraph {

struct Mention {
  std::string name;         // canonical ("Mike Huckabee", "United States", "French officials")
  std::string surface;      // the phrase as written
  EntityType type = EntityType::kUnknown;
  std::string role;         // "US Ambassador to Israel"
  std::string affiliation;  // "United States"
  bool pronoun = false;     // he, she, they, we, I, it
  bool plural = false;      // they, officials, congressmen
  bool document = false;    // a report, a cable, a poll: speaks for someone
  bool role_reference = false;  // "the spokesperson": a role word standing for a person named earlier
  bool indefinite = false;      // "a spokesperson": a role word after "a", "an", "one"
  int name_tokens = 0;      // tokens in the proper name (0 for groups)
  int owner_size = 0;       // "Voss's campaign": the owner "Voss" is name[0, owner_size), resolved later
  char gender = 0;          // 'm' or 'f' when a cue tells ("Mr.", "Ms.", "spokeswoman"), else 0
};

class NounPhraseAnalyzer {
 public:
  explicit NounPhraseAnalyzer(const Vocabulary& vocab) : vocab_(vocab) {}

  // Reads tokens [begin, end) of `p` as a speaker. Returns false when they do
  // not form a plausible speaker (too long, no head, a time expression).
  bool Analyze(std::string_view text, const Paragraph& p, int begin, int end, Mention* m) const;

  // The subject noun phrase at the start of the clause that begins at token
  // `begin` (leading adverbials up to a comma are skipped). False if none.
  bool ClauseSubject(std::string_view text, const Paragraph& p, int begin, int end, Mention* m,
                     int* subject_end) const;

  // Canonical country or organisation for a lower-case alias, or empty.
  std::string CountryOf(const std::string& lower) const;
  std::string OrganizationOf(const std::string& lower) const;

  const Vocabulary& vocab() const { return vocab_; }
  // Token i is the number of a district before a title ("Ward 9 Coun. Priya
  // Sandhu", "District 4 Supervisor Ann Lee"): no part of a name.
  bool DistrictNumber(const Paragraph& p, int i, int end) const {
    return i + 1 < end && p.tokens[i].kind == TokenKind::kNumber && TitleLength(p, i + 1, end) > 0;
  }

 private:
  // Longest title starting at token i (0 if none).
  int TitleLength(const Paragraph& p, int i, int end) const;
  // Token ps, a possessive, joins an organisation's name: "Calgary Transit
  // Riders' Alliance", "Ontario Secondary School Teachers' Federation",
  // "Children's Aid Society" (a plural owner between capitalised words).
  bool PossessiveInName(std::string_view text, const Paragraph& p, int ps, int end) const;
  // The end of a group's post-modifier that opens at token s and runs to
  // e ("to the premier", "representing hotel cleaners"), or s if the
  // tokens do not read as one.
  int PostModifierEnd(const Paragraph& p, int s, int e) const;
  // Token i, read as a one-word name, is none: "There", "One", "Asked", a
  // participle opening a sentence ("Speaking to reporters").
  bool NotAName(const Paragraph& p, int i) const;
  // The capitalised words from token i end with an organisation word.
  bool OfOrganization(const Paragraph& p, int i, int end) const;
  // Longest country/organisation/demonym alias at token i; sets *canonical and *is_org.
  int AliasLength(const Paragraph& p, int i, int end, std::string* canonical, bool* is_org) const;

  const Vocabulary& vocab_;
};

class ArticleEntities {
 public:
  // Records a named person (two or more name tokens, or one with a role).
  void AddPerson(const Mention& m);
  // Records an organisation named in full ("BC Wildfire Service") in
  // sentence `sentence_index` (-1: the sentence last noted).
  void AddOrganization(const Mention& m, int sentence_index = -1);
  // Records that `m` was seen as the subject or first mention of a sentence.
  void NoteSentence(int sentence_index, const Mention* first_person, const Mention* subject);

  // Completes `m` from earlier mentions: a surname or first name becomes the
  // full name; role and affiliation are filled where known. Returns true when
  // it found the person.
  bool ResolveName(Mention* m) const;
  // "the spokesperson", "the secretary": the latest person with that role word.
  bool ResolveRole(const std::string& role_word, Mention* m) const;
  // "the service", "the department": the latest organisation named in full
  // whose name ends with that word; else, for a generic noun ("the company",
  // "the union", "the agency"), the latest of a fitting kind named before
  // sentence `sentence_index`. Returns true when it found one.
  bool ResolveOrganization(Mention* m, int sentence_index = -1) const;
  // "Lakeshore" for "Lakeshore Foods Corp.": a name no person bears that
  // opens the name of an organisation named before. Returns true when it
  // found one (and `m` is that organisation).
  bool ResolveOrganizationPrefix(Mention* m) const;
  // he/she/they in sentence `sentence_index`: the subject or first person of
  // the sentence before, else the latest speaker of the right kind.
  bool ResolvePronoun(const std::string& pronoun, int sentence_index, Mention* m) const;

  // "Several said", "Many say" in sentence `sentence_index`: a share of the
  // plural group that spoke in, or was the subject of, the sentence before
  // ("Several of the residents who spoke"). Returns true when it found one.
  bool ResolveShare(int sentence_index, Mention* m) const;
  // "The report also found": the document of that noun that spoke last,
  // named as it was then ("report released by the Civil Liberties
  // Project"). Returns true when it found one.
  bool ResolveDocument(Mention* m) const;
  // "A survey ..., conducted by Mesa Research, found": the document's noun
  // ("survey") and its author, whom "the same poll", "the survey" and "It"
  // stand for from then on.
  void NoteDocumentAuthor(std::string_view noun, const Mention& author);

  void NoteSpeaker(const Mention& m);

 private:
  // The gender known for `m`: its own, else that of the person of that name.
  char GenderOf(const Mention& m) const;

  struct SentenceInfo {
    int index = -1;
    Mention first_person;
    bool has_person = false;
    Mention subject;
    bool has_subject = false;
  };
  // Per person, beside people_: how often named (a surname goes to the most
  // named), and what ResolveName compares before any bytes of the name.
  struct PersonKey {
    int mentions = 1;
    size_t name_hash = 0;    // std::hash of the full name
    size_t surname = 0;      // offset of the last word (after the last space), or npos
    size_t given_end = 0;    // end of the first word (the first space), or npos
  };
  // The index of the person named `name` (names are unique in people_), or -1.
  int FindPerson(std::string_view name, size_t hash) const;

  std::vector<Mention> people_;
  std::vector<PersonKey> keys_;
  struct KnownOrganization {
    std::string name;   // in full
    int sentence = -1;  // where it was named last
  };
  std::vector<KnownOrganization> organizations_;  // the latest last
  Mention last_group_subject_;  // the latest plural, group or organisation subject, for "they"
  bool has_group_subject_ = false;
  SentenceInfo prev_, cur_;
  Mention last_person_speaker_, last_group_speaker_;
  bool has_person_speaker_ = false, has_group_speaker_ = false;
  // The sentences the last person and the last group spoke in, and how
  // many groups of other names spoke before in that sentence.
  int person_speaker_sentence_ = -1, group_speaker_sentence_ = -1;
  int other_group_speakers_ = 0, other_person_speakers_ = 0;
  Mention last_document_;  // the latest document that spoke with more than its noun
  bool has_document_ = false;
  Mention document_author_;  // the author of the latest document whose author was named
  std::string document_noun_;
  bool has_document_author_ = false;
  bool author_is_latest_ = false;  // noted after last_document_
};

// Joins the bytes of tokens [begin, end) as written, with single spaces
// where the text has white space.
std::string TokenText(std::string_view text, const Paragraph& p, int begin, int end);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_MENTIONS_H_
