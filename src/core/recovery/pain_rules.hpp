// The pain rules, in one place: pain that is not improving once the plan has had its time, and
// pain that is getting worse (a rising 7-day mean, a severe check-in, a session that leaves the
// pain clearly higher). Thresholds and their sources are listed in docs/progress.md.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "core/recovery/checkin.hpp"
#include "core/recovery/pain_trend.hpp"
#include "core/recovery/recovery_plan.hpp"
#include "core/recovery/red_flags.hpp"

namespace unknot {

namespace pain_rules {
inline constexpr int kWindowDays = 7;    // "the last 7 days" and "the 7 days before"
inline constexpr int kMinDays = 2;       // days with check-ins a mean needs
inline constexpr int kBaselineDays = 7;  // the first days with check-ins make the baseline
// A change of 2 points or 30 % on a 0-10 scale is the smallest one people notice as real
// (Farrar et al. 2001, Pain 94:149-158); anything less is within day-to-day noise.
inline constexpr double kMinChange = 2.0;
inline constexpr double kMinRelativeChange = 0.30;
inline constexpr double kMinBaseline = 2.0;  // pain under 2 at the start has little to lose
inline constexpr int kNotImprovingDay = 22;  // or the plan's last day, when that is earlier
inline constexpr int kHighPain = 8;          // a single check-in this high is severe pain
inline constexpr int kAfterSessionRise = 2;  // after minus the same day's before
}  // namespace pain_rules

// Where the baseline's days are looked for: from the plan's start (the whole record without a
// plan) to the day before the last 7 days, so the baseline never overlaps what it is compared
// with. `from` after `to` means there is nothing to look at.
DateRange baselineRange(const std::optional<RecoveryPlan>& plan, LogicalDate today);

// The daily means of the first `most` days in `range` that have check-ins (what the store
// reads with one query; tests and callers holding whole check-ins use this).
std::vector<DailyPain> firstPainDays(std::span<const CheckinRecord> checkins, DateRange range,
                                     size_t most = pain_rules::kBaselineDays);

struct PainRuleInput {
  LogicalDate today;
  const RecoveryPlan* plan = nullptr;       // the current plan; nullptr without one
  std::span<const CheckinRecord> checkins;  // at least those of the last 14 days up to today
  std::span<const DailyPain> baseline;      // firstPainDays over baselineRange
};

// The means the rules compare; a mean is set only when its days have enough check-ins.
struct PainComparison {
  std::optional<double> baseline;  // the first days with check-ins
  std::optional<double> recent;    // the last 7 days, today included
  std::optional<double> previous;  // the 7 days before those
  int baselineDays = 0, recentDays = 0, previousDays = 0;
  LogicalDate baselineFrom{}, baselineTo{};  // the first and last baseline day
};
PainComparison comparePain(const PainRuleInput& input);

// The first day "not improving" is checked: plan day 22, or the plan's last day when the plan
// is shorter; without a plan, 21 days after the first check-in. Nullopt when nothing to count.
std::optional<LogicalDate> notImprovingFrom(const PainRuleInput& input);

// Improving: the last 7 days' mean is at least 2 points or 30 % below the baseline.
std::optional<RedFlag> painNotImproving(const PainRuleInput& input);
// The last 7 days' mean at least 2 points above the baseline or the 7 days before.
std::optional<RedFlag> painRising(const PainRuleInput& input);
// A check-in of 8 or more in the last 7 days.
std::optional<RedFlag> painHigh(const PainRuleInput& input);
// In the last 7 days, an after-session check-in 2 or more above the same day's last
// before-session check-in.
std::optional<RedFlag> painAfterSession(const PainRuleInput& input);

// Every pain flag that applies, most pressing first.
std::vector<RedFlag> painFlags(const PainRuleInput& input);

}  // namespace unknot
