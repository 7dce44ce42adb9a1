// Topics: what a claim is about, as normalised noun phrases.
//
// A topic's name is its normalised form, so different phrasings of the same
// thing meet on one Topic node and one query finds them all:
//   - lower case; determiners, prepositions and other glue words dropped
//     ("the two-state solution" -> "two-state solution");
//   - country adjectives become the country ("Palestinian state" ->
//     "palestine state", from the built-in demonyms lexicon);
//   - a light stemmer folds plurals and inflection ("recognizing Palestine",
//     "recognized Palestine" and "recognize Palestine" all become
//     "recognize palestine"; "sanctions" -> "sanction").
// The same normaliser serves the extractor (extract/stance.h fills
// Claim::topics) and the queries (graph/query.h), so what a user types meets
// what was stored.
//
// A TopicCatalog holds the user's own topics (`--topics FILE`): one topic a
// line, "name|alias|alias...", '#' comments, e.g.
//   Palestinian state|two-state solution|independent Palestinian state
// A claim whose words contain the name or an alias gets the topic under its
// name.
//
// Thread safety: the functions are pure; a TopicCatalog is immutable after
// Load.
#ifndef CLAIMGRAPH_EXTRACT_TOPICS_H_
#define CLAIMGRAPH_EXTRACT_TOPICS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/status.h"

namespace claimgraph {

// One word of `word` normalised: lower-cased, a country adjective replaced
// by its country ("israeli" -> "israel"), stemmed ("sanctions" ->
// "sanction", "recognizing" -> "recognize"). Non-ASCII words are only
// lower-cased in their ASCII bytes.
std::string NormalizeTopicWord(std::string_view word);

// The normalised words of `text`, glue words dropped, joined by one space:
// "Recognizing Palestine as a state" -> "recognize palestine state".
std::string NormalizeTopic(std::string_view text);

// True when every word of `query` (normalised by NormalizeTopic) is a word
// of the normalised topic name `topic`. An empty query matches nothing.
bool TopicNameMatches(std::string_view query, std::string_view topic);

// True when the normalised words of `query` all occur in `text` within a
// window of a few words, in any order ("Palestinian state" is in "recognizing
// Palestine as a state"). An empty query matches nothing.
bool TextMentionsTopic(std::string_view query, std::string_view text);

// A token of text read for topics: a word (letters, digits, inner hyphens
// and apostrophes, "n't" split off) or one punctuation character.
struct TopicToken {
  std::string text;   // as written
  std::string lower;  // lower case, curly apostrophes made straight
  std::string norm;   // NormalizeTopicWord(text); empty for punctuation
  size_t begin = 0;   // byte offsets in the tokenised text
  size_t end = 0;
  bool word = false;  // false for punctuation
};

std::vector<TopicToken> TokenizeForTopics(std::string_view text);

// The tokens of TokenizeForTopics without building their strings: Add() is
// called once per token, in text order, with its byte range, whether it is a
// word, and its `lower` form (valid only during the call). A token's `text`
// is text[begin, end) and its `norm` is NormalizeTopicWord(lower) for a word.
class TopicTokenSink {
 public:
  virtual ~TopicTokenSink() = default;
  virtual void Add(size_t begin, size_t end, bool word, std::string_view lower) = 0;
};
// `scratch` is a buffer the scan may reuse (its contents are overwritten).
void ScanTopicTokens(std::string_view text, std::string* scratch, TopicTokenSink* sink);

// A token of ScanTopicTokens: its byte range in the text, whether it is a
// word, and its `lower` form (a view, see ScanTopicSpans).
struct TopicTokenSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string_view lower;
  bool word = false;
};
// The tokens of ScanTopicTokens, appended to *spans. A token's `lower` views
// `text` where the token is already lower case (most are), else *lowers, to
// which the forms that differ are appended; the views stay valid while
// `text` does and *lowers is not changed. `text` must be under 4 GiB.
void ScanTopicSpans(std::string_view text, std::vector<TopicTokenSpan>* spans, std::string* lowers);

// True for the glue words NormalizeTopic drops ("the", "of", "its", ...);
// `lower` is a lower-case word.
bool IsTopicGlueWord(std::string_view lower);
// Every glue word, in no particular order.
std::vector<std::string_view> TopicGlueWords();

struct CatalogTopic {
  std::string name;                              // as the user wrote it: "Palestinian state"
  std::string key;                               // NormalizeTopic(name)
  std::vector<std::vector<std::string>> forms;   // normalised words of the name and each alias
};

class TopicCatalog {
 public:
  // Parses a topics file's text; `path` names it in errors. Returns
  // InvalidInput "path:line: ..." for a line with an empty name or alias, or
  // one that normalises to nothing.
  static Status Parse(const std::string& path, std::string_view text, TopicCatalog* catalog);
  // Reads and parses the file at `path`. Returns InvalidInput when it cannot
  // be read.
  static Status Load(const std::string& path, TopicCatalog* catalog);

  const std::vector<CatalogTopic>& topics() const { return topics_; }
  bool empty() const { return topics_.empty(); }

  // Appends (topic index, position) for every form found as a contiguous run
  // in `norms` (normalised words, glue words removed), at most one hit per
  // topic, at its first position.
  void Find(const std::vector<std::string>& norms,
            std::vector<std::pair<size_t, size_t>>* hits) const;

 private:
  std::vector<CatalogTopic> topics_;
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_TOPICS_H_
