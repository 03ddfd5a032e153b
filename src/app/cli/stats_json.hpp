// `unknot stats --json`: the progress snapshot as a stable JSON document for scripts and tests.
#pragma once

// Times are in minutes, ratios in 0..1, dates as YYYY-MM-DD; figures keep 4 significant digits.
// Lives in the app rather than core because it is written with nlohmann-json, and core stays
// std-only.

#include <string>
#include <string_view>

#include "core/recovery/progress_stats.hpp"

namespace unknot {

// One line of compact JSON with a fixed key order, ending in a newline.
std::string progressJson(const ProgressSnapshot& snapshot);

// A JSON string literal with the quotes; bytes that are not UTF-8 become U+FFFD.
std::string jsonString(std::string_view text);

}  // namespace unknot
