// ArticleEntities (mentions.h): the people and organisations an article has
// named so far, and the coreference that reads them: surnames and role words
// to the full name, "the service" to the organisation, pronouns to an
// antecedent of agreeing gender and number.
#include <algorithm>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/mentions.h"
#include "extract/words.h"

namespace claimgraph {
namespace {

// A subject "they" can stand for: a group, an organisation, a plural.
bool IsGroupSubject(const Mention& m) {
  return !m.pronoun && !m.document &&
         (m.plural || m.type == EntityType::kGroup || m.type == EntityType::kOrganization);
}

// Whether the last word of `name` is `word` (lower case) in any case.
bool LastWordIs(std::string_view name, std::string_view word) {
  const size_t space = name.rfind(' ');
  const std::string_view last = name.substr(space + 1);
  if (last.size() != word.size()) return false;
  for (size_t i = 0; i < last.size(); ++i) {
    const char c = last[i] >= 'A' && last[i] <= 'Z' ? static_cast<char>(last[i] + 32) : last[i];
    if (c != word[i]) return false;
  }
  return true;
}

// The generic nouns that stand for an organisation named before, each with
// the words (lower case, without a final period) of which one ends or, for
// the kinds after the first, appears in the names they stand for.
constexpr std::string_view kCompanyWords[] = {"corp", "corporation", "inc", "incorporated", "ltd", "limited", "co",
                                              "company", "llc", "llp", "plc", "holdings", "group", "ag", "sa"};
constexpr std::string_view kUnionWords[] = {"union", "workers", "employees", "teamsters", "federation", "guild",
                                            "brotherhood", "alliance"};
constexpr std::string_view kAgencyWords[] = {"agency", "bureau", "commission", "authority", "administration",
                                             "directorate", "regulator"};
struct GenericNoun {
  std::string_view noun;
  std::string_view kind;  // "company", "union" or "agency"
};
constexpr GenericNoun kGenericNouns[] = {
    {"company", "company"}, {"firm", "company"},     {"corporation", "company"}, {"retailer", "company"},
    {"grocer", "company"},  {"insurer", "company"},  {"lender", "company"},      {"automaker", "company"},
    {"carrier", "company"}, {"conglomerate", "company"}, {"union", "union"},     {"agency", "agency"},
    {"regulator", "agency"}, {"watchdog", "agency"},
};

// The kind `word` stands for, or null when it is no generic noun.
const std::string_view* GenericKind(std::string_view word) {
  for (const GenericNoun& g : kGenericNouns) {
    if (g.noun == word) return &g.kind;
  }
  return nullptr;
}

// Whether an organisation named `name` is of `*kind`: a company's name
// ends with a corporate word ("Lakeshore Foods Corp."), a union's or an
// agency's holds one of theirs.
bool FitsKind(const std::string_view* kind, std::string_view name) {
  const std::string lower = AsciiLower(name);
  std::string_view rest = lower;
  const bool company = *kind == "company";
  while (!rest.empty()) {
    const size_t space = rest.find(' ');
    std::string_view w = rest.substr(0, space);
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
    if (company && !rest.empty()) continue;  // the last word only
    while (!w.empty() && (w.back() == '.' || w.back() == ',')) w.remove_suffix(1);
    const auto has = [w](const auto& words) {
      for (std::string_view x : words) {
        if (x == w) return true;
      }
      return false;
    };
    if (company ? has(kCompanyWords) : *kind == "union" ? has(kUnionWords) : has(kAgencyWords)) return true;
  }
  return false;
}

// Whether `name` opens with a count, a share or a determiner ("About 4 in
// 10", "Both leaders", "The efforts").
bool StartsWithShare(std::string_view name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return true;
  const std::string first = AsciiLower(name.substr(0, name.find(' ')));
  constexpr std::string_view kWords[] = {"about", "nearly", "almost", "some", "many", "most", "all",  "both",
                                         "several", "few", "half", "the", "a", "an", "these", "those",
                                         "one", "two", "three", "four", "five", "only", "just", "more", "other"};
  for (std::string_view w : kWords) {
    if (first == w) return true;
  }
  return false;
}

}  // namespace

int ArticleEntities::FindPerson(std::string_view name, size_t hash) const {
  for (size_t i = 0; i < people_.size(); ++i) {
    if (keys_[i].name_hash == hash && people_[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

void ArticleEntities::AddPerson(const Mention& m) {
  if (m.type != EntityType::kPerson || m.pronoun || m.role_reference) return;
  if (m.name_tokens < 2 && m.role.empty()) return;
  const size_t hash = std::hash<std::string_view>()(m.name);
  if (const int i = FindPerson(m.name, hash); i >= 0) {
    Mention& known = people_[i];
    if (known.role.empty()) known.role = m.role;
    if (known.affiliation.empty()) known.affiliation = m.affiliation;
    if (!known.gender) known.gender = m.gender;
    ++keys_[i].mentions;
    return;
  }
  people_.push_back(m);
  PersonKey key;
  key.name_hash = hash;
  const size_t last_space = m.name.rfind(' ');
  key.surname = last_space == std::string::npos ? std::string::npos : last_space + 1;
  key.given_end = m.name.find(' ');
  keys_.push_back(key);
}

void ArticleEntities::AddOrganization(const Mention& m, int sentence_index) {
  if (m.type != EntityType::kOrganization || m.pronoun || m.name.empty() || m.name.find(' ') == std::string::npos ||
      !(m.name[0] >= 'A' && m.name[0] <= 'Z')) {
    return;
  }
  auto known = std::find_if(organizations_.begin(), organizations_.end(),
                            [&m](const KnownOrganization& o) { return o.name == m.name; });
  if (known != organizations_.end()) organizations_.erase(known);
  organizations_.push_back(KnownOrganization{m.name, sentence_index >= 0 ? sentence_index : cur_.index});
}

bool ArticleEntities::ResolveOrganization(Mention* m, int sentence_index) const {
  const std::string& word = m->name;
  // "the union" reads as an organisation, "the company" as a group.
  if ((m->type != EntityType::kOrganization && m->type != EntityType::kGroup) || m->plural || m->pronoun ||
      word.empty() || word.find(' ') != std::string::npos || !(word[0] >= 'a' && word[0] <= 'z')) {
    return false;
  }
  const std::string_view* kind = GenericKind(word);
  if (m->type == EntityType::kGroup && kind == nullptr) return false;
  for (auto it = organizations_.rbegin(); it != organizations_.rend(); ++it) {
    if (LastWordIs(it->name, word)) {
      m->type = EntityType::kOrganization;
      m->name = it->name;
      return true;
    }
  }
  // "The company said": the latest company named before this sentence (one
  // named later in it is what the sentence says something about).
  if (kind == nullptr) return false;
  for (auto it = organizations_.rbegin(); it != organizations_.rend(); ++it) {
    if (it->sentence == sentence_index && sentence_index >= 0) continue;
    if (FitsKind(kind, it->name)) {
      m->type = EntityType::kOrganization;
      m->name = it->name;
      return true;
    }
  }
  return false;
}

bool ArticleEntities::ResolveOrganizationPrefix(Mention* m) const {
  if (m->type != EntityType::kPerson || m->pronoun || m->role_reference || !m->role.empty() || m->gender ||
      m->name.empty() || !(m->name[0] >= 'A' && m->name[0] <= 'Z')) {
    return false;
  }
  const size_t n = m->name.size();
  for (auto it = organizations_.rbegin(); it != organizations_.rend(); ++it) {
    // The rest is capitalised ("Foods Corp."): "Phoenix police" is the
    // city's police, and "Phoenix" the city.
    if (it->name.size() > n + 1 && it->name[n] == ' ' && it->name.compare(0, n, m->name) == 0 &&
        it->name[n + 1] >= 'A' && it->name[n + 1] <= 'Z') {
      m->name = it->name;
      m->type = EntityType::kOrganization;
      m->name_tokens = 0;
      return true;
    }
  }
  return false;
}

bool ArticleEntities::ResolveName(Mention* m) const {
  if (m->type != EntityType::kPerson || m->pronoun || m->role_reference) return false;
  if (const int i = FindPerson(m->name, std::hash<std::string_view>()(m->name)); i >= 0) {
    const Mention& known = people_[i];
    if (m->role.empty()) m->role = known.role;
    if (m->affiliation.empty()) m->affiliation = known.affiliation;
    if (!m->gender) m->gender = known.gender;
    return true;
  }
  if (m->name_tokens != 1) return false;
  // Of the people with that surname, the most often named ("Voss" is the
  // candidate, not his wife named in the last paragraph), the latest on a tie.
  const std::string_view word = m->name;
  const Mention* best = nullptr;
  int best_count = 0;
  for (size_t i = people_.size(); i-- > 0;) {
    const Mention* it = &people_[i];
    const PersonKey& key = keys_[i];
    const std::string_view full = it->name;
    const bool last_matches = key.surname != std::string::npos && full.substr(key.surname) == word;
    const bool first_matches = key.given_end != std::string::npos && full.substr(0, key.given_end) == word &&
                               it->affiliation == "China";  // family name first
    // ("Mrs. Clinton" is not the Bill Clinton named before her.)
    if ((last_matches || first_matches) && !(m->gender && it->gender && m->gender != it->gender) &&
        key.mentions > best_count) {
      best = it;
      best_count = key.mentions;
    }
  }
  if (best == nullptr) return false;
  m->name = best->name;
  if (!m->gender) m->gender = best->gender;
  if (m->role.empty()) m->role = best->role;
  if (m->affiliation.empty()) m->affiliation = best->affiliation;
  m->name_tokens = best->name_tokens;
  return true;
}

bool ArticleEntities::ResolveRole(const std::string& role_word, Mention* m) const {
  // The capitalised words of the role ("Republican" of "the Republican
  // presidential nominee") must be in the person's role too.
  std::vector<std::string> proper;
  const std::string& asked = m->role.empty() ? m->name : m->role;
  for (size_t i = 0; i < asked.size();) {
    size_t j = asked.find(' ', i);
    if (j == std::string::npos) j = asked.size();
    if (asked[i] >= 'A' && asked[i] <= 'Z' && j - i > 1) {
      std::string w = AsciiLower(std::string_view(asked).substr(i, j - i));
      if (w != role_word) proper.push_back(std::move(w));
    }
    i = j + 1;
  }
  // Of the people with that role, the most often named ("the minister" is
  // the finance minister the article is about, not the housing minister
  // named once in passing), the latest on a tie.
  const Mention* best = nullptr;
  int best_count = 0;
  for (size_t i = people_.size(); i-- > 0;) {
    if (keys_[i].mentions <= best_count) continue;
    const std::string role = AsciiLower(people_[i].role);
    bool agrees = true;
    for (const std::string& w : proper) agrees = agrees && role.find(w) != std::string::npos;
    if (!role.empty() && agrees && role.find(role_word) != std::string::npos) {
      best = &people_[i];
      best_count = keys_[i].mentions;
    }
  }
  if (best == nullptr) return false;
  const std::string surface = m->surface;
  *m = *best;
  m->surface = surface;
  return true;
}

void ArticleEntities::NoteSentence(int sentence_index, const Mention* first_person, const Mention* subject) {
  if (sentence_index != cur_.index) {
    // The sentence before the previous one leaves: its group subject, if
    // any, is kept (moved, not copied: this runs for every sentence).
    if (prev_.has_subject && IsGroupSubject(prev_.subject)) {
      last_group_subject_ = std::move(prev_.subject);
      has_group_subject_ = true;
    }
    // cur_ is not reset to a new SentenceInfo: its strings keep their room
    // for the next copies; what the flags say is unset is stale.
    prev_ = std::move(cur_);
    cur_.index = sentence_index;
    cur_.has_person = false;
    cur_.has_subject = false;
  }
  if (first_person != nullptr && !cur_.has_person) {
    cur_.first_person = *first_person;
    cur_.has_person = true;
  }
  if (subject != nullptr && !cur_.has_subject) {
    cur_.subject = *subject;
    cur_.has_subject = true;
  }
}

bool ArticleEntities::ResolvePronoun(const std::string& pronoun, int sentence_index, Mention* m) const {
  const SentenceInfo& before = cur_.index == sentence_index ? prev_ : cur_;
  const std::string surface = m->surface;
  if (pronoun == "he" || pronoun == "she") {
    // The subject of the sentence before, else its first person, else the
    // last person who spoke, else the latest person named: the first of
    // these whose gender, where known, agrees with the pronoun. A role
    // word that named no one ("the former senator") is no antecedent.
    const char want = pronoun == "he" ? 'm' : 'f';
    const auto fits = [this, want](const Mention& c) {
      if (c.type != EntityType::kPerson || c.pronoun || (c.role_reference && c.name_tokens == 0)) return false;
      const char g = GenderOf(c);
      return g == 0 || g == want;
    };
    const Mention* near[3] = {before.has_subject ? &before.subject : nullptr,
                              before.has_person ? &before.first_person : nullptr,
                              has_person_speaker_ ? &last_person_speaker_ : nullptr};
    const Mention* found = nullptr;
    // "Raman said she expected C. "Q," she said": the one person who spoke
    // earlier in the sentence, if the gender does not disagree.
    if (has_person_speaker_ && person_speaker_sentence_ == sentence_index && other_person_speakers_ == 0 &&
        fits(last_person_speaker_)) {
      found = &last_person_speaker_;
    }
    // A candidate known to agree comes before one whose gender is unknown.
    for (int pass = 0; pass < 2 && found == nullptr; ++pass) {
      for (const Mention* c : near) {
        if (c != nullptr && found == nullptr && fits(*c) && (pass == 1 || GenderOf(*c) == want)) found = c;
      }
    }
    for (auto it = people_.rbegin(); it != people_.rend() && found == nullptr; ++it) {
      if (GenderOf(*it) == want) found = &*it;
    }
    if (found == nullptr) {
      // No candidate agrees: the old order, whatever the gender, then the
      // latest person named.
      if (before.has_subject && before.subject.type == EntityType::kPerson && !before.subject.pronoun) {
        found = &before.subject;
      } else if (before.has_person) {
        found = &before.first_person;
      } else if (has_person_speaker_) {
        found = &last_person_speaker_;
      } else {
        for (auto it = people_.rbegin(); it != people_.rend() && found == nullptr; ++it) {
          if (GenderOf(*it) != (want == 'm' ? 'f' : 'm')) found = &*it;
        }
        if (found == nullptr) return false;
      }
    }
    *m = *found;
    if (!m->gender) m->gender = want;
  } else if (pronoun == "it") {
    // "The letter highlights ... It appeals for ...": a document or body, never a person.
    // Else the latest organisation that spoke, if it is one ("The ministry
    // said ... It added").
    const auto fits = [](const Mention& c) {
      return !c.pronoun && c.type != EntityType::kPerson && !c.plural && !c.name.empty();
    };
    if (has_group_speaker_ && group_speaker_sentence_ == sentence_index && other_group_speakers_ == 0 &&
        fits(last_group_speaker_) && last_group_speaker_.type == EntityType::kOrganization) {
      // "C, Lakeshore said, although it acknowledged D": the organisation
      // that spoke earlier in the sentence, if it is the only one.
      *m = last_group_speaker_;
    } else if (before.has_subject && !before.subject.pronoun && before.subject.type != EntityType::kPerson) {
      *m = before.subject;
      if (m->document) ResolveDocument(m);  // "A survey ... found C. It also showed D."
    } else if (has_group_speaker_ && fits(last_group_speaker_) &&
               last_group_speaker_.type == EntityType::kOrganization) {
      *m = last_group_speaker_;
    } else {
      return false;
    }
  } else if (pronoun == "they" || pronoun == "we") {
    const bool subject_plural = before.has_subject && !before.subject.pronoun &&
                                (before.subject.plural || before.subject.type == EntityType::kGroup ||
                                 before.subject.type == EntityType::kCountry ||
                                 before.subject.type == EntityType::kOrganization);
    if (subject_plural) {
      *m = before.subject;
    } else if (has_group_speaker_) {
      *m = last_group_speaker_;
    } else if (&before == &cur_ && prev_.has_subject && IsGroupSubject(prev_.subject)) {
      *m = prev_.subject;  // "Striking nurses gathered ... They said"
    } else if (has_group_subject_) {
      *m = last_group_subject_;
    } else {
      return false;
    }
  } else {
    return false;
  }
  m->surface = surface;
  return true;
}

char ArticleEntities::GenderOf(const Mention& m) const {
  if (m.gender) return m.gender;
  const int i = FindPerson(m.name, std::hash<std::string_view>()(m.name));
  return i >= 0 ? people_[i].gender : 0;
}

bool ArticleEntities::ResolveShare(int sentence_index, Mention* m) const {
  const SentenceInfo& before = cur_.index == sentence_index ? prev_ : cur_;
  if (before.index < 0 || !has_group_speaker_ || group_speaker_sentence_ != before.index) return false;
  // A group of people that spoke, named by its noun ("Residents", "Parents
  // who spoke at the hearing"), not itself a share ("About 4 in 10", "Both
  // leaders").
  const Mention& group = last_group_speaker_;
  if (group.pronoun || group.document || group.type != EntityType::kGroup || !group.plural ||
      group.name_tokens != 0 || group.name.empty() || !(group.name[0] >= 'A' && group.name[0] <= 'Z') ||
      StartsWithShare(group.name)) {
    return false;
  }
  std::string name = m->name;
  name += " of the ";
  name += group.name;
  m->name = std::move(name);
  if (m->role.empty()) m->role = group.role;
  return true;
}

void ArticleEntities::NoteDocumentAuthor(std::string_view noun, const Mention& author) {
  if (noun.empty() || author.pronoun || author.name.empty()) return;
  document_author_ = author;
  document_noun_ = noun;
  has_document_author_ = true;
  author_is_latest_ = true;
}

bool ArticleEntities::ResolveDocument(Mention* m) const {
  // "the same poll", "the new report": lower-case words before the noun.
  std::string_view noun = m->name;
  if (const size_t space = noun.rfind(' '); space != std::string_view::npos) {
    const std::string_view before = noun.substr(0, space);
    if (std::count(before.begin(), before.end(), ' ') > 1) return false;
    for (const char c : before) {
      if (c >= 'A' && c <= 'Z') return false;
    }
    noun.remove_prefix(space + 1);
  }
  const auto poll = [](std::string_view w) { return w == "poll" || w == "survey"; };
  if (has_document_author_ && (author_is_latest_ || !has_document_) &&
      (noun == document_noun_ || (poll(noun) && poll(document_noun_)))) {
    const std::string surface = m->surface;
    *m = document_author_;
    m->surface = surface;
    return true;
  }
  if (!has_document_ || m->name.find(' ') != std::string::npos || m->name != last_document_.role) return false;
  // The document was named by its noun and what follows it ("report
  // released last year by ..."), not by a quantifier before it ("some polls").
  if (last_document_.name.compare(0, m->name.size(), m->name) != 0 || last_document_.name[m->name.size()] != ' ') {
    return false;
  }
  const std::string surface = m->surface;
  *m = last_document_;
  m->surface = surface;
  return true;
}

void ArticleEntities::NoteSpeaker(const Mention& m) {
  if (m.document && !m.role.empty() && m.name.size() > m.role.size() && m.role.find(' ') == std::string::npos) {
    last_document_ = m;
    has_document_ = true;
    author_is_latest_ = false;
    return;
  }
  if (m.pronoun) return;
  if (m.type == EntityType::kPerson) {
    if (person_speaker_sentence_ != cur_.index) {
      other_person_speakers_ = 0;
    } else if (last_person_speaker_.name != m.name) {
      ++other_person_speakers_;
    }
    last_person_speaker_ = m;
    has_person_speaker_ = true;
    person_speaker_sentence_ = cur_.index;
    AddPerson(m);
  } else if (m.plural || m.type == EntityType::kGroup || m.type == EntityType::kOrganization ||
             m.type == EntityType::kCountry) {
    if (group_speaker_sentence_ != cur_.index) {
      other_group_speakers_ = 0;
    } else if (last_group_speaker_.name != m.name) {
      ++other_group_speakers_;
    }
    last_group_speaker_ = m;
    has_group_speaker_ = true;
    group_speaker_sentence_ = cur_.index;
    AddOrganization(m);
  }
}

}  // namespace claimgraph
