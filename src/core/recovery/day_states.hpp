// Day states over a plan window (met / partial / rest / flare / missed), streaks and adherence, all
// computed from the recorded sessions; nothing is counted up and stored.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/duration.hpp"
#include "core/recovery/recovery_plan.hpp"

namespace unknot {

// What one session did for one routine it contains (its own steps or an embedded routine).
struct SessionPart {
  std::int64_t sessionId = 0;
  LogicalDate date;
  std::string routineId;
  Category category = Category::Mixed;
  int plannedWorkPhases = 0;  // hold, reps, heat, ice and manual phases in the expanded plan
  int doneWorkPhases = 0;     // of those, completed rather than skipped
  Millis workTime{0};         // time spent in the completed work phases, pauses excluded
  Millis leftHold{0}, rightHold{0};

  // A part counts for a target once at least half of its work phases were done, however the
  // session ended: skipping everything is not a session, stopping near the end still is.
  bool counts() const { return doneWorkPhases > 0 && doneWorkPhases * 2 >= plannedWorkPhases; }
};

// Untracked: a settled day before the first record, which nothing was expected of yet.
// Flare: a day the person marked as a flare and did not meet; it bridges like a rest day
// without using up the week's rest days.
enum class DayState { Met, Partial, Rest, Missed, Today, Future, Untracked, Flare };
const char* toString(DayState state);

struct TargetProgress {
  Target target;
  int done = 0;
};

struct DayStatus {
  LogicalDate date;
  int planDay = 0;  // 1-based
  DayState state = DayState::Future;
  double completion = 0;  // mean over targets of min(1, done / perDay)
  std::vector<TargetProgress> targets;
  int sessions = 0;  // distinct sessions with any completed work
  Millis activeTime{0};
};

// One entry per plan day, start to end. Days before `today` are settled: met when complete;
// untracked when before `trackedFrom` (see trackingStart); otherwise the first unmet day in each
// plan week (up to the week's allowance) is a rest day, and the others are partial or missed.
// Today is met once complete, otherwise "today". An unmet day in `flareDays` (today included)
// is a flare day, before any rest day is given out.
std::vector<DayStatus> evaluatePlanDays(const RecoveryPlan& plan,
                                        const std::vector<SessionPart>& parts, LogicalDate today,
                                        std::optional<LogicalDate> trackedFrom = std::nullopt,
                                        std::span<const LogicalDate> flareDays = {});

struct Streaks {
  int current = 0;  // consecutive met days up to today (or the plan's last day)
  int longest = 0;
};
// Met days add one, rest and flare days bridge without adding, partial and missed days break. An
// unfinished today and untracked days neither add nor break.
Streaks computeStreaks(const std::vector<DayStatus>& days);

// Sum of completion over scheduled days (rest, flare and untracked days excluded) in [from, to].
// Settled
// days always count; today counts once including it does not lower the figure, since it is not over
// yet. nullopt when there is no day to count.
std::optional<double> adherence(const std::vector<DayStatus>& days, LogicalDate from,
                                LogicalDate to);

}  // namespace unknot
