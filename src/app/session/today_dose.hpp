// The one "what dose today" answer every front end asks before it expands a routine: the plan's
// level on today and its sore side, read from the record (`show`, `run --terminal`, the window).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/session/app_paths.hpp"
#include "app/session/library.hpp"
#include "core/plan.hpp"
#include "core/recovery/level_plan.hpp"
#include "core/recovery/progress_stats.hpp"

namespace unknot {

struct TodayDose {
  Dose dose;              // without a plan: the routine as written (standard, no sore side)
  bool fromPlan = false;  // a plan that runs today set it
  std::optional<LevelChange> since;     // the change in force today, with its reason
  std::optional<LevelChange> tomorrow;  // what a flare today changes from tomorrow
  std::vector<LevelChange> history;     // every change, oldest first
};

// Reads the record read-only; a record that cannot be read gives the default dose (it must not
// stand between the person and the timer).
TodayDose todayDose(const DataDir& dataDir, const LocalInstant& now);

// `entry`'s routine expanded at `dose`, embedded routines resolved from the library; the
// entry's own plan when the dose is the default or the expansion fails.
Plan planAtDose(const Library& library, const LibraryEntry& entry, const Dose& dose);

// "Level: standard since Tue 8 Dec — 6 of 7 days done, pain 4 → 3; sore side right"; empty
// without a plan.
std::string doseLine(const TodayDose& today);

// What marking `day` as a flare did, for every front end: "Flare marked for 2026-12-01. It keeps
// your streak like a rest day and does not use up this week's rest days. From tomorrow the level
// is gentle." (the last sentence only with a plan that runs).
std::string flareOutcome(const ProgressSnapshot& snapshot, LogicalDate day);

// The routine a flare day offers instead of the plan's (routines/sore-day.toml).
inline constexpr const char* kSoreDayRoutine = "sore-day";

}  // namespace unknot
