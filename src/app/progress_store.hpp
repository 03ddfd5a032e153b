// Opening the progress store the same way for every front end: --data-dir, else
// UNKNOT_DATA_DIR, else the XDG default; sessions a crash left open are reported on `err`.
#pragma once

#include <iosfwd>
#include <memory>
#include <string>

#include "store/store.hpp"

namespace unknot {

// Throws StoreError with a one-line message when there is no usable folder or database.
std::shared_ptr<Store> openStore(const std::string& dataDir, std::ostream& err);

}  // namespace unknot
