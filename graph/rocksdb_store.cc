// Temporary stub until the RocksDB store lands.
#include "graph/store.h"

namespace claimgraph {

Status OpenRocksStore(const std::string& dir, const StoreOptions&, std::unique_ptr<Store>*) {
  return Status::Internal(dir + ": the RocksDB store is not implemented yet");
}

}  // namespace claimgraph
