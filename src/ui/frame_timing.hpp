// When the player's picture next changes by itself: the runner sleeps until then instead of
// drawing frames nobody would see (the GUI's CPU budget is 1% of a core while a routine runs).
#pragma once

#include <optional>

#include "core/session_engine.hpp"

namespace unknot {

// Time until the big clock shows a different value: the remaining time of a timed phase
// (shown rounded up, like formatClock) or the elapsed time of a phase that waits for Done
// (shown rounded down). nullopt while nothing moves (paused, finished, stopped, ready).
std::optional<Millis> untilDisplayChange(const SessionSnapshot& snapshot);

// The earlier of two optional deadlines.
std::optional<Millis> earliest(std::optional<Millis> a, std::optional<Millis> b);

}  // namespace unknot
