// The plan's level each day, and the one owner of its rules: week 1 starts gentle, a good week
// raises it one step, a flare lowers it from the next day, a level set by hand wins until
// `auto`. Computed from the record each time, like the day states (docs/progress.md, "Levels").
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/plan.hpp"
#include "core/recovery/checkin.hpp"
#include "core/recovery/day_states.hpp"
#include "core/recovery/recovery_plan.hpp"
#include "core/routine.hpp"

namespace unknot {

namespace level_rules {
inline constexpr Level kFirstLevel = Level::Gentle;
// A week counts as done enough to step up at 70 % adherence (the traffic-light pain-monitoring
// model of Thomeé 1997 and Silbernagel et al. 2007 progresses load only when it is tolerated).
inline constexpr double kMinAdherence = 0.70;
// A check-in this much above the one it is compared with is a flare (the smallest change people
// notice as real: Farrar et al. 2001, the same 2 points as pain_rules::kAfterSessionRise).
inline constexpr int kFlareRise = 2;
}  // namespace level_rules

// A day the person marked as a flare (`unknot flare`).
struct FlareDay {
  LogicalDate date;
  std::string note;
};

// `unknot plan level ...` from `from` on; nullopt is `auto` (back to the rules).
struct LevelOverride {
  LogicalDate from;
  std::optional<Level> level;
};

enum class LevelCause { Start, GoodWeek, Flare, Manual, Auto };
const char* toString(LevelCause cause);

struct LevelChange {
  LogicalDate from;
  Level level = level_rules::kFirstLevel;
  LevelCause cause = LevelCause::Start;
  std::string reason;  // "6 of 7 days done, pain 4 → 3", "flare marked on Tue 8 Dec"
};

struct LevelInput {
  const RecoveryPlan* plan = nullptr;
  std::span<const DayStatus> days;          // evaluatePlanDays over the plan, up to `today`
  std::span<const CheckinRecord> checkins;  // from 14 days before the plan's start to today
  std::span<const FlareDay> flares;
  std::span<const LevelOverride> overrides;  // in the order they were set
  LogicalDate today;
};

// Why the week before `weekStart` does or does not raise the level.
struct WeekReview {
  bool stepUp = false;
  std::string reason;  // "6 of 7 days done, pain 4 → 3" or "4 of 7 days done (57 %, needs 70 %)"
};
WeekReview reviewWeek(const LevelInput& input, LogicalDate weekStart);

// What made `day` a flare: marked so, an after-session check-in 2+ above the before-session one,
// or a check-in 2+ above the previous day's last one. Nullopt on a day without one.
std::optional<std::string> flareOn(const LevelInput& input, LogicalDate day);

// Every change from the plan's start up to tomorrow (a flare today lowers tomorrow), oldest
// first; the first is the plan's start. Empty without a plan.
std::vector<LevelChange> levelHistory(const LevelInput& input);
// The change in force on `day`; nullptr before the first.
const LevelChange* levelChangeOn(std::span<const LevelChange> history, LogicalDate day);
Level levelOn(std::span<const LevelChange> history, LogicalDate day);

// The dose the plan asks for on `day`: its level then, and the sore side with its extra holds.
Dose planDose(const RecoveryPlan& plan, std::span<const LevelChange> history, LogicalDate day);

// "Tue 8 Dec".
std::string dayLabel(LogicalDate date);
// "standard since Tue 8 Dec — 6 of 7 days done, pain 4 → 3".
std::string levelSentence(const LevelChange& change);

}  // namespace unknot
