// The progress snapshot: one plain struct with everything a view or `unknot stats` shows,
// computed from the recorded events of the plan window (the store loads, this does the maths).
#pragma once

#include <optional>
#include <vector>

#include "core/recovery/day_states.hpp"
#include "core/recovery/dose_balance.hpp"
#include "core/recovery/level_plan.hpp"
#include "core/recovery/pain_rules.hpp"
#include "core/recovery/pain_trend.hpp"
#include "core/recovery/red_flags.hpp"

namespace unknot {

// Without a plan the stats cover the last 28 days with "any session x1" as the target.
inline constexpr int kNoPlanWindowDays = 28;
// How many noted check-ins the snapshot keeps.
inline constexpr int kSnapshotNotes = 3;

// The stand-in plan used when there is none: the last 28 days, any session counts, no rest.
RecoveryPlan activityPlan(LogicalDate today);

// The days whose sessions the snapshot needs (the plan window), and those whose check-ins it
// needs (the window up to today, and at least the last 14 days for the pain rules).
DateRange sessionRange(const std::optional<RecoveryPlan>& plan, LogicalDate today);
DateRange checkinRange(const std::optional<RecoveryPlan>& plan, LogicalDate today);

struct ProgressInput {
  LogicalDate today;
  std::optional<RecoveryPlan> plan;
  std::vector<SessionPart> parts;             // sessions dated in sessionRange()
  std::vector<CheckinRecord> checkins;        // check-ins dated in checkinRange()
  std::optional<LogicalDate> firstRecord;     // the earliest session, check-in or plan start ever
  std::vector<SymptomMark> symptomMarks;      // every symptom reported or said gone, ever
  std::vector<DailyPain> baseline;            // firstPainDays over baselineRange(plan, today)
  std::vector<FlareDay> flares;               // marked flare days in the plan window
  std::vector<LevelOverride> levelOverrides;  // the current plan's, in the order set
  std::vector<HoldRecord> holds;              // completed holds with a side in sessionRange()
};

// The first day anything was expected of the user: the earliest of the first record (in
// `firstRecord`, or any session or check-in in the input) and the plan's start; today when
// there is none. Days before it are untracked, neither missed nor counted against adherence,
// so a new user without a plan does not start 27 days behind.
LogicalDate trackingStart(const ProgressInput& input);

struct CategoryTotal {
  Category category = Category::Mixed;
  int sessions = 0;
  Millis time{0};
};

struct ProgressSnapshot {
  LogicalDate today;
  bool hasPlan = false;
  RecoveryPlan plan;  // the real plan, or the stand-in activity window
  int dayNumber = 0;  // "day N of M"; clamped to 0 before the start and M after the end
  int dayCount = 0;
  bool notStarted = false;  // the plan starts after today
  bool finished = false;    // today is past the plan's last day

  std::vector<DayStatus> days;  // the whole window, future days included
  Streaks streaks;
  std::optional<double> adherence, adherenceLast7;
  std::vector<CategoryTotal> categories;  // categories with any completed work, in enum order
  Millis leftHold{0}, rightHold{0};
  std::vector<PainPoint> pain;  // window start to min(today, window end)
  PainTrendResult painTrend;
  PainComparison painComparison;  // the means the pain rules compared
  std::vector<RedFlag> redFlags;  // every active flag, most pressing first

  // The level (with a plan): each change with its reason, and today's dose.
  std::vector<LevelChange> levels;
  Dose dose;
  std::vector<FlareDay> flares;
  // Hold time per side and per muscle: the last 7 days and the whole window up to today.
  DoseBalance balanceLast7, balanceWindow;
  // The latest check-ins up to today that carry a note, newest first (for the report).
  std::vector<CheckinRecord> notes;

  const DayStatus* day(LogicalDate date) const;
  const DayStatus* todayStatus() const { return day(today); }
  std::optional<double> latestPain() const;
  // Flags of symptoms only (the ones a check-in can say have gone).
  std::vector<RedFlag> symptomFlags() const;
  // The level change in force today; nullptr without a plan or before it starts.
  const LevelChange* levelToday() const;
  // The change a flare today makes from tomorrow, if any.
  const LevelChange* levelTomorrow() const;
};

ProgressSnapshot progressSnapshot(const ProgressInput& input);

}  // namespace unknot
