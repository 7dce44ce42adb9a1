#include "extract/extractor.h"

#include "extract/attribute.h"
#include "extract/vocabulary.h"

namespace claimgraph {

struct Extractor::Rep {
  Vocabulary vocab;
  std::unique_ptr<AttributionSieve> sieve;
};

Extractor::Extractor(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
Extractor::~Extractor() = default;

Status Extractor::Create(const ExtractorOptions& options, std::unique_ptr<Extractor>* extractor) {
  auto rep = std::make_unique<Rep>();
  Status s = Vocabulary::Load(options.lexicon_dir, &rep->vocab);
  if (!s.ok()) return s;
  rep->sieve = std::make_unique<AttributionSieve>(rep->vocab);
  extractor->reset(new Extractor(std::move(rep)));
  return Status::OK();
}

void Extractor::Extract(const Document& doc, std::vector<Claim>* claims) const { rep_->sieve->Run(doc, claims); }

}  // namespace claimgraph
