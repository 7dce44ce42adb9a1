// Lexicons: word lists that drive extraction, kept as data.
//
// Each lexicon is a text file in extract/lexicons/ (compiled into the binary):
// one entry a line, '#' starts a comment, and an entry may carry fields
// separated by '|' ("secretary of state|role"). Comments say why an entry is
// there. A user directory can replace a built-in file of the same name.
//
// Thread safety: a Lexicon is immutable after Load.
#ifndef CLAIMGRAPH_EXTRACT_LEXICON_H_
#define CLAIMGRAPH_EXTRACT_LEXICON_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/status.h"

namespace claimgraph {

struct EmbeddedLexicon {
  const char* name;       // file name without ".txt"
  std::string_view text;  // the file's bytes
};
extern const EmbeddedLexicon kEmbeddedLexicons[];
extern const size_t kEmbeddedLexiconCount;

// `s` without the spaces, tabs and carriage returns around it (the lexicon
// files' and the frame model's line reader).
std::string_view TrimBlanks(std::string_view s);

// One entry: its key (first field, as written) and the other fields.
struct LexiconEntry {
  std::string key;
  std::vector<std::string> fields;
  size_t line = 0;  // 1-based line in the file, for error messages
};

class Lexicon {
 public:
  // Parses `text`; `file` is the file's name as errors show it ("cues.txt",
  // "/home/me/topics.txt"). Returns InvalidInput naming "file:line" for a
  // malformed line.
  static Status Parse(const std::string& file, std::string_view text, Lexicon* lexicon);

  // Loads the built-in lexicon `name`, or `dir/name.txt` when dir is set and
  // that file exists.
  static Status Load(const std::string& name, const std::string& dir, Lexicon* lexicon);

  const std::vector<LexiconEntry>& entries() const { return entries_; }

 private:
  std::vector<LexiconEntry> entries_;
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_LEXICON_H_
