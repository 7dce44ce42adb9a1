#include "extract/lexicon.h"

#include <fstream>
#include <sstream>

namespace claimgraph {

std::string_view TrimBlanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

Status Lexicon::Parse(const std::string& file, std::string_view text, Lexicon* lexicon) {
  lexicon->entries_.clear();
  size_t line_no = 0;
  while (!text.empty()) {
    ++line_no;
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    line = TrimBlanks(line);
    if (line.empty() || line.front() == '#') continue;
    LexiconEntry entry;
    entry.line = line_no;
    size_t start = 0;
    bool first = true;
    for (;;) {
      const size_t bar = line.find('|', start);
      std::string_view field = TrimBlanks(line.substr(start, bar == std::string_view::npos ? line.npos : bar - start));
      if (first) {
        if (field.empty()) {
          return Status::InvalidInput(file + ":" + std::to_string(line_no) + ": empty entry before '|'");
        }
        entry.key = std::string(field);
        first = false;
      } else {
        entry.fields.emplace_back(field);
      }
      if (bar == std::string_view::npos) break;
      start = bar + 1;
    }
    lexicon->entries_.push_back(std::move(entry));
  }
  return Status::OK();
}

Status Lexicon::Load(const std::string& name, const std::string& dir, Lexicon* lexicon) {
  if (!dir.empty()) {
    const std::string path = dir + "/" + name + ".txt";
    std::ifstream in(path, std::ios::binary);
    if (in) {
      std::stringstream buffer;
      buffer << in.rdbuf();
      return Parse(path, buffer.str(), lexicon);
    }
  }
  for (size_t i = 0; i < kEmbeddedLexiconCount; ++i) {
    if (name == kEmbeddedLexicons[i].name) return Parse(name + ".txt", kEmbeddedLexicons[i].text, lexicon);
  }
  return Status::Internal("no built-in lexicon named " + name);
}

}  // namespace claimgraph
