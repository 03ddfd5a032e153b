// The recovery plan: 2-6 weeks of daily targets per routine or category with rest days allowed;
// edits are versions with an effective date, so past days keep the targets they had.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/recovery/logical_day.hpp"
#include "core/routine.hpp"

namespace unknot {

// One daily target. A session counts for it by routine id when one is set, otherwise by
// category (any of `categories`).
struct Target {
  std::string routineId;
  std::vector<Category> categories;
  int perDay = 1;
  int fromWeek = 1;  // the plan week (1-based) the target starts in

  bool matches(std::string_view routine, Category category) const;
  // Whether both count the same sessions: the same routine, or the same categories in any order.
  bool sameWhat(const Target& other) const;
  bool operator==(const Target&) const = default;
};

struct PlanSettings {
  int weeks = 6;
  std::vector<Target> targets;
  int restDaysPerWeek = 1;
  int dayStartHour = kDefaultDayStartHour;
  // The sore side two-sided steps start on and get `extraSoreHolds` more holds on; None is both.
  Side soreSide = Side::None;
  int extraSoreHolds = 1;
  bool operator==(const PlanSettings&) const = default;
};

namespace plan_limits {
inline constexpr int kMinWeeks = 2, kMaxWeeks = 6;
inline constexpr int kMaxPerDay = 10;
inline constexpr int kMaxTargets = 20;
inline constexpr int kMaxRestDaysPerWeek = 3;
inline constexpr int kMaxExtraSoreHolds = 2;
}  // namespace plan_limits

// stretch x2, foam-roll or massage x1, strength x1 from week 2; thermal is logged, not required.
std::vector<Target> defaultTargets();
PlanSettings defaultPlanSettings();

// "stretch=2", "foam-roll+massage=1", "strength=1@2" (from week 2), "routine:pigeon-pose=1",
// "any=1" (any routine).
// On failure returns nullopt and sets `error` to a one-line reason (with a "did you mean" for a
// mistyped category).
std::optional<Target> parseTargetSpec(std::string_view spec, std::string& error);
// What a target counts without a count: "stretch", "foam-roll+massage", "routine:pigeon-pose",
// "any" (reminders and --remove-target). The result counts once a day from week 1.
std::optional<Target> parseTargetWhat(std::string_view what, std::string& error);
std::string targetSpec(const Target& target);
// For people: "stretch", "foam-roll or massage", "pigeon-pose".
std::string describeTarget(const Target& target);

// `target` replaces the target that counts the same sessions, or is added after the others.
void setTarget(std::vector<Target>& targets, Target target);
// Removes the target that counts the same sessions as `what`; false when there is none.
bool removeTarget(std::vector<Target>& targets, const Target& what);

// One-line reason when the settings are out of range; nullopt when they are fine.
std::optional<std::string> validatePlanSettings(const PlanSettings& settings);

struct PlanVersion {
  LogicalDate effectiveFrom;
  PlanSettings settings;
};

struct RecoveryPlan {
  std::int64_t id = 0;
  LogicalDate start;
  std::optional<LogicalDate> cutOff;  // a newer plan replaced this one: its last day
  std::vector<PlanVersion> versions;  // ascending effectiveFrom; never empty

  const PlanSettings& current() const { return versions.back().settings; }
  const PlanSettings& settingsOn(LogicalDate day) const;
  // The last day: start + weeks x 7 - 1 with the current length, or the cut-off.
  LogicalDate end() const;
  int dayCount() const { return std::max(0, daysBetween(start, end()) + 1); }
  bool contains(LogicalDate day) const { return day >= start && day <= end(); }
  int dayNumber(LogicalDate day) const { return daysBetween(start, day) + 1; }  // 1-based
  int weekNumber(LogicalDate day) const { return daysBetween(start, day) / 7 + 1; }
  // Targets in force on `day` (by version and by each target's fromWeek).
  std::vector<Target> targetsOn(LogicalDate day) const;
};

}  // namespace unknot
