#include "core/recovery/pain_rules.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace unknot {

using std::chrono::days;
using namespace pain_rules;

namespace {

// Rounding noise must not decide a rule that sits exactly on its threshold.
constexpr double kEpsilon = 1e-9;

std::string score(double value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer,
                std::fabs(value - std::round(value)) < 0.05 ? "%.0f" : "%.1f", value);
  return buffer;
}

struct Mean {
  double sum = 0;
  int days = 0;
  LogicalDate last{};
  std::optional<double> value() const {
    if (days < kMinDays) return std::nullopt;
    return sum / days;
  }
};

// The mean of the daily means of the days in [from, to] that have check-ins.
Mean meanOfDays(std::span<const CheckinRecord> checkins, LogicalDate from, LogicalDate to) {
  std::map<LogicalDate, std::pair<double, int>> byDay;
  for (const CheckinRecord& checkin : checkins) {
    if (checkin.date < from || checkin.date > to) continue;
    auto& [sum, count] = byDay[checkin.date];
    sum += checkin.pain;
    ++count;
  }
  Mean mean;
  for (const auto& [date, day] : byDay) {
    mean.sum += day.first / day.second;
    ++mean.days;
    mean.last = date;
  }
  return mean;
}

LogicalDate recentFrom(LogicalDate today) {
  return today - days(kWindowDays - 1);
}

RedFlag painFlag(RedFlagKind kind, LogicalDate date, std::string reason) {
  RedFlag flag;
  flag.kind = kind;
  flag.date = date;
  flag.advice = painAdvice(kind);
  flag.level = kind == RedFlagKind::PainNotImproving ? FlagLevel::SeeSoon : FlagLevel::EaseOff;
  flag.reason = std::move(reason);
  return flag;
}

}  // namespace

DateRange baselineRange(const std::optional<RecoveryPlan>& plan, LogicalDate today) {
  const LogicalDate from = plan ? plan->start : LogicalDate{};
  return {from, recentFrom(today) - days(1)};
}

std::vector<DailyPain> firstPainDays(std::span<const CheckinRecord> checkins, DateRange range,
                                     size_t most) {
  std::map<LogicalDate, std::pair<double, int>> byDay;
  for (const CheckinRecord& checkin : checkins) {
    if (checkin.date < range.from || checkin.date > range.to) continue;
    auto& [sum, count] = byDay[checkin.date];
    sum += checkin.pain;
    ++count;
  }
  std::vector<DailyPain> out;
  for (const auto& [date, day] : byDay) {
    if (out.size() == most) break;
    out.push_back({date, day.first / day.second});
  }
  return out;
}

PainComparison comparePain(const PainRuleInput& input) {
  PainComparison result;
  const LogicalDate from = recentFrom(input.today);
  const Mean recent = meanOfDays(input.checkins, from, input.today);
  const Mean previous = meanOfDays(input.checkins, from - days(kWindowDays), from - days(1));
  result.recent = recent.value();
  result.recentDays = recent.days;
  result.previous = previous.value();
  result.previousDays = previous.days;
  double sum = 0;
  for (const DailyPain& day : input.baseline) sum += day.pain;
  result.baselineDays = static_cast<int>(input.baseline.size());
  if (result.baselineDays >= kMinDays) result.baseline = sum / result.baselineDays;
  if (!input.baseline.empty()) {
    result.baselineFrom = input.baseline.front().date;
    result.baselineTo = input.baseline.back().date;
  }
  return result;
}

std::optional<LogicalDate> notImprovingFrom(const PainRuleInput& input) {
  if (input.plan) {
    const int day = std::min(kNotImprovingDay, input.plan->dayCount());
    return input.plan->start + days(day - 1);
  }
  if (input.baseline.empty()) return std::nullopt;
  return input.baseline.front().date + days(kNotImprovingDay - 1);
}

std::optional<RedFlag> painNotImproving(const PainRuleInput& input) {
  const auto from = notImprovingFrom(input);
  if (!from || input.today < *from) return std::nullopt;
  const PainComparison pain = comparePain(input);
  if (!pain.baseline || !pain.recent) return std::nullopt;
  const double baseline = *pain.baseline, recent = *pain.recent;
  if (baseline < kMinBaseline - kEpsilon) return std::nullopt;
  const bool improving = baseline - recent >= kMinChange - kEpsilon ||
                         recent <= baseline * (1.0 - kMinRelativeChange) + kEpsilon;
  if (improving) return std::nullopt;
  const Mean recentDays = meanOfDays(input.checkins, recentFrom(input.today), input.today);
  return painFlag(RedFlagKind::PainNotImproving, recentDays.last,
                  "7-day mean " + score(recent) + ", at the start " + score(baseline));
}

std::optional<RedFlag> painRising(const PainRuleInput& input) {
  const PainComparison pain = comparePain(input);
  if (!pain.recent) return std::nullopt;
  const double recent = *pain.recent;
  std::string reason;
  if (pain.baseline && recent - *pain.baseline >= kMinChange - kEpsilon) {
    reason = "7-day mean " + score(recent) + ", at the start " + score(*pain.baseline);
  } else if (pain.previous && recent - *pain.previous >= kMinChange - kEpsilon) {
    reason = "7-day mean " + score(recent) + ", the 7 days before " + score(*pain.previous);
  } else {
    return std::nullopt;
  }
  const Mean recentDays = meanOfDays(input.checkins, recentFrom(input.today), input.today);
  return painFlag(RedFlagKind::PainRising, recentDays.last, std::move(reason));
}

std::optional<RedFlag> painHigh(const PainRuleInput& input) {
  const CheckinRecord* latest = nullptr;
  const LogicalDate from = recentFrom(input.today);
  for (const CheckinRecord& checkin : input.checkins) {
    if (checkin.date < from || checkin.date > input.today || checkin.pain < kHighPain) continue;
    if (!latest || checkin.date >= latest->date) latest = &checkin;
  }
  if (!latest) return std::nullopt;
  return painFlag(RedFlagKind::PainHigh, latest->date,
                  "pain " + std::to_string(latest->pain) + " on " + formatDate(latest->date));
}

std::optional<RedFlag> painAfterSession(const PainRuleInput& input) {
  // Check-ins in the order they were made, so "before" means earlier that day.
  std::vector<const CheckinRecord*> recent;
  const LogicalDate from = recentFrom(input.today);
  for (const CheckinRecord& checkin : input.checkins) {
    if (checkin.date >= from && checkin.date <= input.today) recent.push_back(&checkin);
  }
  std::stable_sort(recent.begin(), recent.end(),
                   [](const auto* a, const auto* b) { return a->at.utc < b->at.utc; });
  std::optional<RedFlag> found;
  std::map<LogicalDate, int> lastBefore;
  for (const CheckinRecord* checkin : recent) {
    if (checkin->moment == CheckinMoment::Before) {
      lastBefore[checkin->date] = checkin->pain;
      continue;
    }
    if (checkin->moment != CheckinMoment::After) continue;
    const auto before = lastBefore.find(checkin->date);
    if (before == lastBefore.end() || checkin->pain - before->second < kAfterSessionRise) continue;
    found = painFlag(RedFlagKind::PainAfterSession, checkin->date,
                     "pain " + std::to_string(before->second) + " before, " +
                         std::to_string(checkin->pain) + " after on " + formatDate(checkin->date));
  }
  return found;
}

std::vector<RedFlag> painFlags(const PainRuleInput& input) {
  std::vector<RedFlag> flags;
  for (auto rule : {painHigh, painRising, painAfterSession, painNotImproving}) {
    if (auto flag = rule(input)) flags.push_back(std::move(*flag));
  }
  sortFlags(flags);
  return flags;
}

}  // namespace unknot
