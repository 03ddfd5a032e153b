#include "core/recovery/day_states.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace unknot {

const char* toString(DayState state) {
  switch (state) {
    case DayState::Met:
      return "met";
    case DayState::Partial:
      return "partial";
    case DayState::Rest:
      return "rest";
    case DayState::Missed:
      return "missed";
    case DayState::Today:
      return "today";
    case DayState::Future:
      return "future";
    case DayState::Untracked:
      return "untracked";
    case DayState::Flare:
      return "flare";
  }
  return "?";
}

namespace {

void fillProgress(DayStatus& day, const std::vector<Target>& targets,
                  const std::vector<const SessionPart*>& parts) {
  std::set<std::int64_t> sessions;
  for (const SessionPart* part : parts) {
    if (part->doneWorkPhases > 0) sessions.insert(part->sessionId);
    day.activeTime += part->workTime;
  }
  day.sessions = static_cast<int>(sessions.size());
  double sum = 0;
  for (const auto& target : targets) {
    TargetProgress progress{target, 0};
    for (const SessionPart* part : parts) {
      if (part->counts() && target.matches(part->routineId, part->category)) ++progress.done;
    }
    sum += std::min(1.0, static_cast<double>(progress.done) / target.perDay);
    day.targets.push_back(std::move(progress));
  }
  day.completion = targets.empty() ? 0.0 : sum / static_cast<double>(targets.size());
}

}  // namespace

std::vector<DayStatus> evaluatePlanDays(const RecoveryPlan& plan,
                                        const std::vector<SessionPart>& parts, LogicalDate today,
                                        std::optional<LogicalDate> trackedFrom,
                                        std::span<const LogicalDate> flareDays) {
  const std::set<LogicalDate> flares(flareDays.begin(), flareDays.end());
  std::map<LogicalDate, std::vector<const SessionPart*>> byDate;
  for (const auto& part : parts) {
    if (plan.contains(part.date)) byDate[part.date].push_back(&part);
  }
  std::vector<DayStatus> days;
  std::map<int, int> restTaken;  // plan week -> rest days used
  static const std::vector<const SessionPart*> kNone;
  for (LogicalDate date = plan.start; date <= plan.end(); date += std::chrono::days(1)) {
    DayStatus day;
    day.date = date;
    day.planDay = plan.dayNumber(date);
    const auto found = byDate.find(date);
    fillProgress(day, plan.targetsOn(date), found == byDate.end() ? kNone : found->second);
    const bool met = day.completion >= 1.0 - 1e-9;
    if (date > today) {
      day.state = DayState::Future;
    } else if (met) {
      day.state = DayState::Met;
    } else if (flares.contains(date)) {
      day.state = DayState::Flare;
    } else if (date == today) {
      day.state = DayState::Today;
    } else if (trackedFrom && date < *trackedFrom) {
      day.state = DayState::Untracked;
    } else if (restTaken[plan.weekNumber(date)] < plan.settingsOn(date).restDaysPerWeek) {
      ++restTaken[plan.weekNumber(date)];
      day.state = DayState::Rest;
    } else {
      day.state = day.completion > 0 ? DayState::Partial : DayState::Missed;
    }
    days.push_back(std::move(day));
  }
  return days;
}

Streaks computeStreaks(const std::vector<DayStatus>& days) {
  Streaks streaks;
  int run = 0;
  for (const auto& day : days) {
    switch (day.state) {
      case DayState::Met:
        ++run;
        break;
      case DayState::Partial:
      case DayState::Missed:
        run = 0;
        break;
      case DayState::Rest:
      case DayState::Flare:
      case DayState::Today:
      case DayState::Future:
      case DayState::Untracked:
        break;
    }
    streaks.longest = std::max(streaks.longest, run);
  }
  streaks.current = run;
  return streaks;
}

std::optional<double> adherence(const std::vector<DayStatus>& days, LogicalDate from,
                                LogicalDate to) {
  double sum = 0;
  int counted = 0;
  std::optional<double> today;
  for (const auto& day : days) {
    if (day.date < from || day.date > to) continue;
    if (day.state == DayState::Rest || day.state == DayState::Flare ||
        day.state == DayState::Future || day.state == DayState::Untracked) {
      continue;
    }
    if (day.state == DayState::Today) {
      today = day.completion;
      continue;
    }
    // A met "today" is settled enough: it can only stay met.
    sum += day.completion;
    ++counted;
  }
  if (today && (counted == 0 ? *today > 0 : *today >= sum / counted)) {
    sum += *today;
    ++counted;
  }
  if (counted == 0) return std::nullopt;
  return sum / counted;
}

}  // namespace unknot
