// FrameModel: a small learned component of the attribution sieve. After the
// hand rules have read a sentence, tokens they left unconsumed whose word is
// a candidate cue (mined from PolNeAR train's gold cues: "seemed",
// "declined", "expects", "wants", ...) become candidate frames: the noun
// phrase before the cue speaks, the rest of the clause after it is the
// content. A linear (logistic) model over named sparse features of the
// candidate (cue word, next word and its class, the classes of the words
// around those, previous word, speaker kind, content length and what ends
// it, quote, negation, ...) accepts a candidate when its score
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
// A feature is named "<prefix>=<value>" or, for a conjunction,
// "<prefix>=<value>|<value>" ("cn=said|that"). The pass never builds the
// names: a feature's key is the hash of its prefix mixed with the hashes of
// its values (FeatureKey), looked up in an open-addressing table of keys.
//
// Thread safety: a FrameModel is immutable after Parse; share it.
#ifndef CLAIMGRAPH_EXTRACT_ATTRIBUTE_MODEL_H_
#define CLAIMGRAPH_EXTRACT_ATTRIBUTE_MODEL_H_

#include <cstdint>
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
  // One feature's weight by name; 0 for a feature the model does not know.
  double Weight(std::string_view feature) const { return KeyWeight(NameKey(feature)); }

  // Feature keys: PartHash of the prefix ("cn=", '=' included), then Mix
  // with PartHash of each value in order.
  static uint64_t PartHash(std::string_view part);
  static uint64_t Mix(uint64_t key, uint64_t part_hash) {
    key = (key ^ part_hash) * 0x9E3779B97F4A7C15ull;
    return key ^ (key >> 29);
  }
  // The key of a feature name: conjunction prefixes (cn=, cnc=, ...) split
  // their value at the first '|'.
  static uint64_t NameKey(std::string_view feature);
  // One feature's weight by key; 0 for a key the model does not know.
  float KeyWeight(uint64_t key) const { return Find(weights_by_key_, key); }
  // The most the features that extend a partial key can add (0 when none is
  // positive): the key of a prefix alone (PartHash("cl=")) covers all its
  // features, a conjunction's prefix mixed with its first value
  // (Mix(PartHash("csk="), PartHash("said"))) those with that value. The
  // pass drops a candidate before its costlier features when even these
  // bounds cannot lift it over the threshold.
  float Bound(uint64_t partial_key) const { return Find(bounds_, partial_key); }
  double PrefixBound(std::string_view prefix) const { return Bound(PartHash(prefix)); }
  double bias() const { return bias_; }
  double threshold() const { return threshold_; }
  size_t cue_count() const { return cues_.size(); }

 private:
  // An open-addressing table of keys, of power-of-two size, at most a
  // quarter full; empty slots hold key 0 and value 0.
  struct Slot {
    uint64_t key = 0;
    float value = 0;
  };
  static float Find(const std::vector<Slot>& table, uint64_t key) {
    const size_t mask = table.size() - 1;
    // A miss ends at an empty slot, whose value is 0.
    for (size_t i = key & mask;; i = (i + 1) & mask) {
      const Slot& s = table[i];
      if (s.key == key || s.key == 0) return s.value;
    }
  }

  StringSet cues_;
  StringMap<float> weights_;
  std::vector<Slot> weights_by_key_ = std::vector<Slot>(1);
  std::vector<Slot> bounds_ = std::vector<Slot>(1);
  double threshold_ = 0;
  double bias_ = 0;
  size_t min_cue_ = ~size_t{0};
  size_t max_cue_ = 0;
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_ATTRIBUTE_MODEL_H_
