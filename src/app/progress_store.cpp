#include "app/progress_store.hpp"

#include <ostream>

#include "store/data_dir.hpp"

namespace unknot {

std::shared_ptr<Store> openStore(const std::string& dataDir, std::ostream& err) {
  std::string error;
  const auto dir = resolveDataDir(dataDir.empty() ? std::nullopt : std::optional(dataDir), error);
  if (!dir) throw StoreError(error);
  auto store = std::make_shared<Store>(*dir);
  if (const int n = store->recoveredSessions(); n > 0) {
    err << "unknot: closed " << n << " unfinished session" << (n == 1 ? "" : "s")
        << " from an earlier run as interrupted (completed phases are kept)\n";
  }
  return store;
}

}  // namespace unknot
