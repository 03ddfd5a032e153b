#include "app/session/open_store.hpp"

#include <ostream>

namespace unknot {

std::shared_ptr<Store> openStore(const DataDir& dataDir, std::ostream& err) {
  if (dataDir.path.empty())
    throw StoreError(dataDir.error.empty() ? "no data directory" : dataDir.error);
  auto store = std::make_shared<Store>(dataDir.path);
  if (const int n = store->recoveredSessions(); n > 0) {
    err << "unknot: closed " << n << " unfinished session" << (n == 1 ? "" : "s")
        << " from an earlier run as interrupted (completed phases are kept)\n";
  }
  return store;
}

std::shared_ptr<Store> openStoreForReading(const DataDir& dataDir, std::ostream& err) {
  if (!isReadOnly(dataDir)) return openStore(dataDir, err);
  return std::make_shared<Store>(dataDir.path, Store::Access::ReadOnly);
}

bool isReadOnly(const DataDir& dataDir) {
  return !dataDir.path.empty() && !Store::writable(dataDir.path);
}

}  // namespace unknot
