// Plain-text lines about the plan's level, sore side and hold balance, shared by `plan show`,
// `stats`, `flare` and `plan level`.
#pragma once

#include <iosfwd>
#include <string>

#include "core/recovery/progress_stats.hpp"

namespace unknot {

// "left", "right" or "both" (Side::None).
const char* soreSideName(Side side);

// "Level: standard since Tue 8 Dec — 6 of 7 days done, pain 4 → 3" and, after a flare today,
// "From tomorrow: gentle — flare marked on Wed 9 Dec". Nothing without a plan.
void printLevel(const ProgressSnapshot& snap, std::ostream& out);
// "Sore side: right (1 extra hold on it)" or "Sore side: both".
void printSoreSide(const PlanSettings& settings, std::ostream& out);
// When the rules look at the level next: "Next step up: Tue 8 Dec, if this week reaches 70 %
// with no flare and pain no higher than last week", or why they will not.
void printNextReview(const ProgressSnapshot& snap, std::ostream& out);
// Every level change with its date and reason, oldest first.
void printLevelHistory(const ProgressSnapshot& snap, std::ostream& out);
// "Hold time by side, last 7 days: right 14 min, left 9 min" with one line per muscle, then
// the same for the whole plan. Nothing when no hold had a side.
void printSideBalance(const ProgressSnapshot& snap, std::ostream& out);

}  // namespace unknot
