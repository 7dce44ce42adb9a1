// FrameModel: a small learned component of the attribution sieve. After the
// hand rules have read a sentence, tokens they left unconsumed whose word is
// a candidate cue (mined from PolNeAR train's gold cues: "seemed",
// "declined", "expects", "wants", ...) become candidate frames: the noun
// phrase before the cue speaks, the rest of the clause after it is the
// content. A linear (logistic) model over named sparse features of the
// candidate (cue word, next word and its class, previous word, speaker kind,
// content length, quote, negation, ...) accepts a candidate when its score
// passes the model's threshold; an accepted candidate becomes an indirect
// (or partial) claim.
//
// The weights are data: extract/lexicons/frame_model.txt, written by
// scripts/train_frames.py from the candidates that claimgraph_frames
// (scripts/frames_main.cc) dumps for a training corpus, and compiled into
// the binary like the other lexicons. File format, one entry a line, '#'
// starts a comment:
//   threshold <number>      the acceptance threshold on the score (logit)
//   cue <word>              a candidate cue word (lower case)
//   <feature> <weight>      a feature's weight; "bias" is always present
//
// Thread safety: a FrameModel is immutable after Parse; share it.
#ifndef CLAIMGRAPH_EXTRACT_ATTRIBUTE_MODEL_H_
#define CLAIMGRAPH_EXTRACT_ATTRIBUTE_MODEL_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/status.h"
#include "extract/strmap.h"

namespace claimgraph {

// One candidate frame as the training dump sees it.
struct FrameCandidate {
  std::string doc;
  std::string text;  // the content the claim would have; empty when none
  std::vector<std::string> features;
  double score = 0;
};

class FrameModel {
 public:
  // Parses the model file text; `file` names it in errors. A malformed line
  // gives InvalidInput naming "file:line".
  static Status Parse(const std::string& file, std::string_view text, FrameModel* model);

  // The model compiled into the binary (extract/lexicons/frame_model.txt);
  // an empty model (no cues) if that file were malformed, which
  // tests/attribute_model_test.cc rules out.
  static const FrameModel& Builtin();

  bool IsCue(std::string_view word) const {
    return word.size() <= max_cue_ && word.size() >= min_cue_ && cues_.count(word) != 0;
  }
  // The logit of `features` (bias included).
  double Score(const std::vector<std::string>& features) const;
  // One feature's weight; 0 for a feature the model does not know.
  double Weight(std::string_view feature) const {
    auto it = weights_.find(feature);
    return it == weights_.end() ? 0.0 : it->second;
  }
  double bias() const { return bias_; }
  // The most the speaker features can add to a candidate of `cue` (a cue of
  // the model): candidates that cannot pass even so skip the speaker.
  double SpeakerBound(std::string_view cue) const {
    auto it = cues_.find(cue);
    return it == cues_.end() ? 0.0 : it->second;
  }
  double threshold() const { return threshold_; }
  size_t cue_count() const { return cues_.size(); }

 private:
  StringMap<float> cues_;  // cue -> SpeakerBound
  StringMap<float> weights_;
  double threshold_ = 0;
  double bias_ = 0;
  size_t min_cue_ = ~size_t{0};
  size_t max_cue_ = 0;
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_ATTRIBUTE_MODEL_H_
