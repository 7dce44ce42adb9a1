// claimgraph_frames: the training dump of the learned frame pass
// (extract/attribute_model.h), read by scripts/train_frames.py.
//
//   claimgraph_frames MODEL.txt INPUT...
//
// Runs the attribution sieve over INPUT (files or directories, as
// `claimgraph extract` reads them) with the cue list of MODEL.txt and writes
// one JSON line per rule claim ({"t":"claim","doc","text"}) and per
// candidate frame ({"t":"cand","doc","text","f":[features],"s":score}).
// Exit 1 on a bad model file or input.
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/attribute.h"
#include "extract/attribute_model.h"
#include "extract/reader.h"
#include "extract/vocabulary.h"

int main(int argc, char** argv) {
  using namespace claimgraph;
  if (argc < 3) {
    std::cerr << "usage: claimgraph_frames MODEL.txt INPUT...\n";
    return 1;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "claimgraph_frames: cannot read " << argv[1] << "\n";
    return 1;
  }
  std::stringstream bytes;
  bytes << in.rdbuf();
  FrameModel model;
  Status s = FrameModel::Parse(argv[1], bytes.str(), &model);
  Vocabulary vocab;
  if (s.ok()) s = Vocabulary::Load("", &vocab);
  if (!s.ok()) {
    std::cerr << "claimgraph_frames: " << s.ToString() << "\n";
    return 1;
  }
  AttributionSieve sieve(vocab, &model);
  bool failed = false;
  std::vector<std::string> paths(argv + 2, argv + argc);
  s = ReadInputs(
      paths, ReaderOptions(),
      [&](Document&& doc) {
        std::vector<Claim> claims;
        std::vector<FrameCandidate> candidates;
        sieve.Run(doc, &claims, &candidates);
        for (const Claim& c : claims) {
          nlohmann::json j = {{"t", "claim"}, {"doc", c.doc}, {"text", c.text}};
          std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        }
        for (const FrameCandidate& c : candidates) {
          nlohmann::json j = {{"t", "cand"}, {"doc", c.doc}, {"text", c.text}, {"f", c.features}, {"s", c.score}};
          std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        }
        return true;
      },
      [&](const Status& error) {
        std::cerr << "claimgraph_frames: " << error.ToString() << "\n";
        failed = true;
      });
  return s.ok() && !failed ? 0 : 1;
}
