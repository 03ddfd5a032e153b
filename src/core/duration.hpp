// Durations as routine files write them ("45", "45s", "2m", "1m30s", "1h") and as the
// timer shows them (MM:SS).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace unknot {

using Millis = std::chrono::milliseconds;

// Parses "1h", "2m", "45s", "1m30s", "1h2m3s" (units in descending order, each at most once).
// Returns nullopt for anything else, including "", "1m1m", "30" (bare numbers are TOML
// integers, handled by the loader), overflow past 1000 hours.
std::optional<Millis> parseDurationText(std::string_view text);

// "MM:SS" for under an hour, "H:MM:SS" above; negative values clamp to 0; rounds partial
// seconds up so a countdown shows 00:01 until the very end.
std::string formatClock(Millis value);

// Human form for listings: "45s", "2m", "1m30s", "1h5m".
std::string formatDuration(Millis value);

}  // namespace unknot
