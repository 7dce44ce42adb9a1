// Internal to the attribution sieve: the per-article state it carries from
// sentence to sentence, shared by attribute.cc and attribute_quotes.cc.
#ifndef CLAIMGRAPH_EXTRACT_ATTRIBUTE_STATE_H_
#define CLAIMGRAPH_EXTRACT_ATTRIBUTE_STATE_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/attribute.h"
#include "extract/segment.h"

namespace claimgraph {

struct AttributionSieve::Cue {
  int begin = 0;
  int end = 0;
  CueClass cls = CueClass::kSpeech;
  std::string text;
};

struct AttributionSieve::State {
  const Document* doc = nullptr;
  std::string_view text;
  std::vector<Claim>* claims = nullptr;
  Paragraph para;
  int paragraph_index = 0;
  int sentence_index = 0;
  std::vector<bool> consumed;
  ArticleEntities entities;
  // The last claim's speaker, for quotes that stand alone.
  bool has_last = false;
  Mention last_speaker;
  Cue last_cue;
  int last_paragraph = -1;
  // Content tokens of the last indirect claim, whose speaker relays what is
  // attributed inside it.
  int outer_begin = -1;
  int outer_end = -1;
  std::string outer_speaker;
  // Set while reading the frame of a quote, where the attribution is certain.
  bool quote_frame = false;
  const std::vector<Token>& t() const { return para.tokens; }
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_ATTRIBUTE_STATE_H_
