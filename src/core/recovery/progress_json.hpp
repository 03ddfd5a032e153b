// `unknot stats --json`: the progress snapshot as a stable JSON document for scripts and
// tests. Times are in minutes, ratios in 0..1, dates as YYYY-MM-DD.
#pragma once

#include <string>

#include "core/recovery/progress_stats.hpp"

namespace unknot {

std::string progressJson(const ProgressSnapshot& snapshot);

// A JSON string literal with the quotes, escaping control characters.
std::string jsonString(std::string_view text);

}  // namespace unknot
