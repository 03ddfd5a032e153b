#include "core/recovery/level_plan.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "core/recovery/pain_rules.hpp"

namespace unknot {

using std::chrono::days;
using namespace level_rules;

namespace {

constexpr double kEpsilon = 1e-9;

std::string score(double value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer,
                std::fabs(value - std::round(value)) < 0.05 ? "%.0f" : "%.1f", value);
  return buffer;
}

Level stepUp(Level level) {
  return level == Level::Gentle ? Level::Standard : Level::Strong;
}
Level stepDown(Level level) {
  return level == Level::Strong ? Level::Standard : Level::Gentle;
}

bool markedFlare(const LevelInput& input, LogicalDate day) {
  return std::any_of(input.flares.begin(), input.flares.end(),
                     [day](const FlareDay& flare) { return flare.date == day; });
}

// The day's check-ins in the order they were made.
std::vector<const CheckinRecord*> checkinsOn(const LevelInput& input, LogicalDate day) {
  std::vector<const CheckinRecord*> out;
  for (const CheckinRecord& checkin : input.checkins) {
    if (checkin.date == day) out.push_back(&checkin);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto* a, const auto* b) { return a->at.utc < b->at.utc; });
  return out;
}

}  // namespace

const char* toString(LevelCause cause) {
  switch (cause) {
    case LevelCause::Start:
      return "start";
    case LevelCause::GoodWeek:
      return "good-week";
    case LevelCause::Flare:
      return "flare";
    case LevelCause::Manual:
      return "manual";
    case LevelCause::Auto:
      return "auto";
  }
  return "?";
}

std::string dayLabel(LogicalDate date) {
  static constexpr std::array<const char*, 7> kDays{"Sun", "Mon", "Tue", "Wed",
                                                    "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::chrono::year_month_day ymd{date};
  const std::chrono::weekday weekday{date};
  return std::string(kDays[weekday.c_encoding()]) + ' ' +
         std::to_string(static_cast<unsigned>(ymd.day())) + ' ' +
         kMonths[static_cast<unsigned>(ymd.month()) - 1];
}

std::string levelSentence(const LevelChange& change) {
  return std::string(toString(change.level)) + " since " + dayLabel(change.from) + " — " +
         change.reason;
}

std::optional<std::string> flareOn(const LevelInput& input, LogicalDate day) {
  if (markedFlare(input, day)) return "flare marked on " + dayLabel(day);
  const auto today = checkinsOn(input, day);
  std::optional<int> before;
  for (const CheckinRecord* checkin : today) {
    if (checkin->moment == CheckinMoment::Before) before = checkin->pain;
    if (checkin->moment == CheckinMoment::After && before &&
        checkin->pain - *before >= kFlareRise) {
      return "pain " + std::to_string(*before) + " before a session, " +
             std::to_string(checkin->pain) + " after on " + dayLabel(day);
    }
  }
  const auto yesterday = checkinsOn(input, day - days(1));
  if (yesterday.empty()) return std::nullopt;
  const int previous = yesterday.back()->pain;
  for (const CheckinRecord* checkin : today) {
    if (checkin->pain - previous >= kFlareRise) {
      return "pain " + std::to_string(checkin->pain) + " on " + dayLabel(day) +
             ", the day before " + std::to_string(previous);
    }
  }
  return std::nullopt;
}

WeekReview reviewWeek(const LevelInput& input, LogicalDate weekStart) {
  const LogicalDate from = weekStart - days(7), to = weekStart - days(1);
  int met = 0;
  for (const DayStatus& day : input.days) {
    if (day.date >= from && day.date <= to && day.state == DayState::Met) ++met;
  }
  const auto done = adherence({input.days.begin(), input.days.end()}, from, to);
  std::string reason = std::to_string(met) + " of 7 days done";
  if (!done || *done < kMinAdherence - kEpsilon) {
    const int shown = done ? static_cast<int>(std::lround(*done * 100)) : 0;
    return {false, reason + " (" + std::to_string(shown) + " %, needs " +
                       std::to_string(static_cast<int>(kMinAdherence * 100)) + " %)"};
  }
  for (LogicalDate day = from; day <= to; day += days(1)) {
    if (const auto flare = flareOn(input, day)) return {false, reason + ", " + *flare};
  }
  PainRuleInput rules;
  rules.today = to;
  rules.plan = input.plan;
  rules.checkins = input.checkins;
  const std::optional<RecoveryPlan> plan =
      input.plan ? std::optional(*input.plan) : std::optional<RecoveryPlan>();
  const auto baseline = firstPainDays(input.checkins, baselineRange(plan, to));
  rules.baseline = baseline;
  for (auto rule : {painHigh, painRising, painAfterSession}) {
    if (const auto flag = rule(rules)) return {false, reason + ", pain " + flag->reason};
  }
  const PainComparison pain = comparePain(rules);
  if (pain.recent && pain.previous) {
    reason += ", pain " + score(*pain.previous) + " → " + score(*pain.recent);
    if (*pain.recent > *pain.previous + kEpsilon) return {false, reason + " (higher)"};
  } else if (pain.recent) {
    reason += ", pain " + score(*pain.recent);
  }
  return {true, reason};
}

std::vector<LevelChange> levelHistory(const LevelInput& input) {
  std::vector<LevelChange> history;
  if (!input.plan) return history;
  const RecoveryPlan& plan = *input.plan;
  Level level = kFirstLevel;
  history.push_back({plan.start, level, LevelCause::Start, "week 1 starts gentle"});
  bool manual = false;
  size_t nextOverride = 0;
  const LogicalDate last = std::min(input.today + days(1), plan.end());
  for (LogicalDate day = plan.start; day <= last; day += days(1)) {
    const auto change = [&](Level to, LevelCause cause, std::string reason) {
      level = to;
      if (history.back().from == day) history.pop_back();  // the last word on a day wins
      history.push_back({day, to, cause, std::move(reason)});
    };
    bool setByHand = false;
    for (; nextOverride < input.overrides.size() && input.overrides[nextOverride].from <= day;
         ++nextOverride) {
      const LevelOverride& override = input.overrides[nextOverride];
      setByHand = true;
      manual = override.level.has_value();
      if (override.level) {
        change(*override.level, LevelCause::Manual, "set by hand");
      } else {
        change(level, LevelCause::Auto, "back to the plan's rules");
      }
    }
    // The person's own choice stands until `auto`; the rules pick up from it then.
    if (manual || setByHand || day == plan.start) continue;
    if (const auto flare = flareOn(input, day - days(1))) {
      if (level != Level::Gentle) change(stepDown(level), LevelCause::Flare, *flare);
      continue;
    }
    if (plan.dayNumber(day) % 7 == 1 && day <= input.today && level != Level::Strong) {
      if (WeekReview review = reviewWeek(input, day); review.stepUp)
        change(stepUp(level), LevelCause::GoodWeek, std::move(review.reason));
    }
  }
  return history;
}

const LevelChange* levelChangeOn(std::span<const LevelChange> history, LogicalDate day) {
  const LevelChange* found = nullptr;
  for (const LevelChange& change : history) {
    if (change.from > day) break;
    found = &change;
  }
  return found;
}

Dose planDose(const RecoveryPlan& plan, std::span<const LevelChange> history, LogicalDate day) {
  const PlanSettings& settings = plan.settingsOn(day);
  Dose dose;
  dose.level = levelOn(history, day);
  dose.soreSide = settings.soreSide;
  dose.extraSoreHolds = settings.soreSide == Side::None ? 0 : settings.extraSoreHolds;
  return dose;
}

Level levelOn(std::span<const LevelChange> history, LogicalDate day) {
  const LevelChange* change = levelChangeOn(history, day);
  return change ? change->level : kFirstLevel;
}

}  // namespace unknot
