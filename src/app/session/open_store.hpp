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

// For what only reads (stats, history, export, reminders list, the Progress view): the usual
// store where the folder can be written, so crashed sessions are still closed and old files
// upgraded; where it cannot, the database read-only, creating and changing nothing.
std::shared_ptr<Store> openStoreForReading(const DataDir& dataDir, std::ostream& err);

// True when the folder or its database is read-only (modes, the immutable attribute, a
// read-only mount): runs are then not recorded, and reading opens the store read-only.
bool isReadOnly(const DataDir& dataDir);

}  // namespace unknot
