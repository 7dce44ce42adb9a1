// Extractor: finds the claims and quotes of one article.
//
// Pipeline per Document: segment paragraphs into sentences and quote spans
// (segment.h), find mentions of people, organisations, countries and groups
// (mentions.h), run the attribution sieve (attribute.h): an ordered list of
// patterns, most precise first, each claiming the text it explains, then
// resolve pronouns, surnames and titles to the canonical speaker.
//
// Lexicons (cue verbs, titles, organisations, demonyms, stance words) are
// compiled into the binary from extract/lexicons/*.txt; a directory given in
// ExtractorOptions::lexicon_dir overrides files of the same name.
//
// Thread safety: Create() once; Extract() is const and may be called from
// many threads at once.
#ifndef CLAIMGRAPH_EXTRACT_EXTRACTOR_H_
#define CLAIMGRAPH_EXTRACT_EXTRACTOR_H_

#include <memory>
#include <string>
#include <vector>

#include "extract/claim.h"
#include "extract/document.h"
#include "extract/status.h"

namespace claimgraph {

struct ExtractorOptions {
  // Directory of *.txt lexicons that replace the built-in ones of the same
  // name. Default: empty (built-in only).
  std::string lexicon_dir;
  // A topics file ("name|alias|alias..." a line, see extract/topics.h) whose
  // topics are added to every claim that names them. Default: empty (topics
  // come from the claims' own noun phrases only).
  std::string topics_file;
};

class Extractor {
 public:
  // Loads and compiles the lexicons and patterns. Returns InvalidInput naming
  // the lexicon (or topics) file and line for a bad entry.
  static Status Create(const ExtractorOptions& options, std::unique_ptr<Extractor>* extractor);

  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // Appends the claims of `doc` to *claims, in text order, each with its
  // topics and the speaker's polarity toward them (extract/stance.h). Never
  // fails: text that matches no pattern yields no claim.
  void Extract(const Document& doc, std::vector<Claim>* claims) const;

 private:
  struct Rep;
  explicit Extractor(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_EXTRACTOR_H_
