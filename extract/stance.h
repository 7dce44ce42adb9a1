// StanceTagger: the topics of each claim and the speaker's polarity toward
// each of them (support, oppose or neutral).
//
// Topics are the noun phrases of the claim's content, normalised
// (extract/topics.h), plus the user's catalog topics (`--topics FILE`) whose
// name or alias occurs in it. A claim that starts with, or puts right after a
// stance word, a pointer back ("it", "this", "the measure") also gets the
// topic it points to: the first noun phrase after the first stance word or
// verb of the nearest earlier clause in the article.
//
// Polarity comes from the stance lexicon (extract/lexicons/stance.txt):
//   - the stance word nearest before a topic in its clause governs it (else
//     the nearest after it, where an actor such as "the US" in "the US
//     opposes ..." is the subject, not the topic);
//   - a negator between the previous stance word (or the clause start) and
//     the stance word flips it ("does not support" -> oppose);
//   - a reverse word between the stance word and the topic flips it
//     ("urges the cancellation of sanctions" -> oppose sanctions);
//   - "will"/"might" (intent) count only when the subject is the speaker's
//     side: first person, the speaker or their affiliation;
//   - a clause without stance words takes the claim's first clause polarity,
//     then the cue's ("urged", "criticized"), else neutral.
// Rules are generic words with a negation scope; nothing here is keyed to
// particular sentences.
//
// Thread safety: immutable after Create; Tag() is const and may run on many
// threads at once (each thread keeps its own memo of the words it has looked
// up, bounded, and its own reading buffers).
#ifndef CLAIMGRAPH_EXTRACT_STANCE_H_
#define CLAIMGRAPH_EXTRACT_STANCE_H_

#include <memory>
#include <string>
#include <vector>

#include "extract/claim.h"
#include "extract/document.h"
#include "extract/status.h"
#include "extract/topics.h"
#include "extract/vocabulary.h"

namespace claimgraph {

enum class StanceKind { kSupport, kOppose, kNegator, kReverse, kIntent };

// One line of stance.txt.
struct StanceRule {
  std::vector<std::string> words;  // normalised words of the phrase
  StanceKind kind = StanceKind::kSupport;
  std::string phrase;    // as written
  std::string example;   // the test sentence
  std::string topic;     // a topic of the example
  std::string expected;  // "support" or "oppose": the polarity toward it
};

class StanceTagger {
 public:
  // Loads stance.txt and topic_stopwords.txt (built-in, or from
  // `lexicon_dir`) and, when `topics_file` is not empty, the user's topic
  // catalog. `vocab` must outlive the tagger. Returns InvalidInput naming the
  // file and line of a bad entry.
  static Status Create(const Vocabulary& vocab, const std::string& lexicon_dir,
                       const std::string& topics_file, std::unique_ptr<StanceTagger>* tagger);

  ~StanceTagger();
  StanceTagger(const StanceTagger&) = delete;
  StanceTagger& operator=(const StanceTagger&) = delete;

  // Fills the topics (with polarity) of claims[first..] found in `doc`.
  // Never fails: a claim without noun phrases gets no topics.
  void Tag(const Document& doc, std::vector<Claim>* claims, size_t first = 0) const;

  const std::vector<StanceRule>& rules() const;

 private:
  struct Rep;
  explicit StanceTagger(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

// "support", "oppose" or "neutral" for a polarity sign (+1, -1, 0).
const char* PolarityName(int sign);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_STANCE_H_
