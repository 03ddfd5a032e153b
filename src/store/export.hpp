// `unknot export --csv DIR`: sessions, phases, check-ins and days as CSV with ISO 8601 offsets;
// each file is written under a temporary name and renamed, never left half-written.
#pragma once

#include <filesystem>
#include <vector>

#include "store/store.hpp"

namespace unknot {

// Returns the files written; throws StoreError naming the file that could not be written.
std::vector<std::filesystem::path> exportCsv(Store& store, const std::filesystem::path& dir,
                                             const LocalInstant& now);

}  // namespace unknot
