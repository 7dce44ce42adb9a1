#include "extract/extractor.h"

#include "extract/attribute.h"
#include "extract/stance.h"
#include "extract/vocabulary.h"

namespace claimgraph {

struct Extractor::Rep {
  Vocabulary vocab;
  std::unique_ptr<AttributionSieve> sieve;
  std::unique_ptr<StanceTagger> stance;
};

Extractor::Extractor(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
Extractor::~Extractor() = default;

Status Extractor::Create(const ExtractorOptions& options, std::unique_ptr<Extractor>* extractor) {
  auto rep = std::make_unique<Rep>();
  Status s = Vocabulary::Load(options.lexicon_dir, &rep->vocab);
  if (!s.ok()) return s;
  rep->sieve = std::make_unique<AttributionSieve>(rep->vocab);
  s = StanceTagger::Create(rep->vocab, options.lexicon_dir, options.topics_file, &rep->stance);
  if (!s.ok()) return s;
  extractor->reset(new Extractor(std::move(rep)));
  return Status::OK();
}

void Extractor::Extract(const Document& doc, std::vector<Claim>* claims) const {
  const size_t first = claims->size();
  // News articles average a claim per 300 bytes of text; growing the vector
  // once spares most moves of whole claims.
  claims->reserve(first + doc.text.size() / 256 + 4);
  rep_->sieve->Run(doc, claims);
  // After the sieve: topics and stance of the claims it found.
  rep_->stance->Tag(doc, claims, first);
}

}  // namespace claimgraph
