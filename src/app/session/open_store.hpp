// Opening the progress store the same way for every front end and command: from the one
// resolved data folder, with sessions a crash left open reported on `err`.
#pragma once

#include <iosfwd>
#include <memory>

#include "app/session/app_paths.hpp"
#include "store/store.hpp"

namespace unknot {

// Throws StoreError with a one-line message when there is no usable folder or database.
std::shared_ptr<Store> openStore(const DataDir& dataDir, std::ostream& err);

}  // namespace unknot
