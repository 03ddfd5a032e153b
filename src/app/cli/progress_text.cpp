#include "app/cli/progress_text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <ostream>

#include "app/cli/command_support.hpp"
#include "app/cli/level_text.hpp"
#include "app/session/warnings.hpp"

namespace unknot {

namespace {

std::string minutesText(Millis time) {
  const Millis rounded = Millis((time.count() + 500) / 1000 * 1000);
  return rounded.count() == 0 ? "0s" : formatDuration(rounded);
}

std::string score(double value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer,
                std::fabs(value - std::round(value)) < 0.05 ? "%.0f" : "%.1f", value);
  return buffer;
}

char stateLetter(DayState state) {
  switch (state) {
    case DayState::Met:
      return 'M';
    case DayState::Partial:
      return 'p';
    case DayState::Rest:
      return 'r';
    case DayState::Missed:
      return 'x';
    case DayState::Today:
      return 'T';
    case DayState::Future:
      return '.';
    case DayState::Untracked:
      return '-';
    case DayState::Flare:
      return 'f';
  }
  return '?';
}

std::string targetLine(const Target& target) {
  std::string line = describeTarget(target) + " x" + std::to_string(target.perDay);
  if (target.fromWeek > 1) line += " from week " + std::to_string(target.fromWeek);
  return line;
}

std::string localClock(const LocalInstant& at) {
  return formatIso8601(at).substr(11, 5);
}

void printToday(const ProgressSnapshot& snap, std::ostream& out) {
  const DayStatus* today = snap.todayStatus();
  if (!today) return;
  out << "Today: " << (today->state == DayState::Met ? "met" : "under way") << ", "
      << percent(today->completion);
  for (size_t i = 0; i < today->targets.size(); ++i) {
    const auto& t = today->targets[i];
    out << (i == 0 ? " - " : ", ") << describeTarget(t.target) << ' ' << t.done << '/'
        << t.target.perDay;
  }
  out << '\n';
}

void printCalendar(const ProgressSnapshot& snap, int firstWeekday, std::ostream& out) {
  const bool untracked = std::any_of(snap.days.begin(), snap.days.end(), [](const DayStatus& day) {
    return day.state == DayState::Untracked;
  });
  out << "Calendar (M met, p partial, r rest, f flare, x missed, T today, . to come"
      << (untracked ? ", - before you began" : "") << "):\n";
  // Calendar weeks from the first weekday: the first row may start part-way through a week.
  static constexpr const char* kWeekdays[] = {"Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"};
  const LogicalDate first = snap.days.empty() ? snap.today : snap.days.front().date;
  const int weekday = static_cast<int>(std::chrono::weekday(first).c_encoding());
  const size_t lead = static_cast<size_t>(((weekday - firstWeekday) % 7 + 7) % 7);
  const size_t cells = lead + snap.days.size();
  const std::string label = "  week " + std::to_string((cells + 6) / 7) + "  ";
  out << std::string(label.size(), ' ');
  for (int column = 0; column < 7; ++column)
    out << kWeekdays[(firstWeekday + column) % 7] << (column < 6 ? " " : "\n");
  for (size_t row = 0; row * 7 < cells; ++row) {
    std::string line = "  week " + std::to_string(row + 1);
    line.resize(label.size(), ' ');
    for (size_t k = row * 7; k < std::min(row * 7 + 7, cells); ++k) {
      line += k < lead ? ' ' : stateLetter(snap.days[k - lead].state);
      line += "  ";
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  }
}

void printTotals(const ProgressSnapshot& snap, std::ostream& out) {
  if (snap.categories.empty()) {
    out << "No sessions recorded in this window yet.\n";
    return;
  }
  out << "Time by category:";
  for (size_t i = 0; i < snap.categories.size(); ++i) {
    const auto& c = snap.categories[i];
    out << (i == 0 ? " " : "; ") << toString(c.category) << ' ' << c.sessions
        << (c.sessions == 1 ? " session " : " sessions ") << minutesText(c.time);
  }
  out << '\n';
  printSideBalance(snap, out);
}

void printPain(const ProgressSnapshot& snap, std::ostream& out) {
  const auto latest = snap.latestPain();
  if (!latest) {
    out << "Pain: no check-ins yet (unknot checkin --pain N)\n";
    return;
  }
  out << "Pain: latest day " << score(*latest);
  if (!snap.pain.empty() && snap.pain.back().pain7) {
    out << " (7-day mean " << score(*snap.pain.back().pain7) << ")";
  }
  if (const auto& start = snap.painComparison.baseline) {
    out << ", at the start " << score(*start) << " ("
        << formatDate(snap.painComparison.baselineFrom) << " to "
        << formatDate(snap.painComparison.baselineTo) << ")";
  }
  out << ", trend " << toString(snap.painTrend.trend);
  if (snap.painTrend.slopePerWeek) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, " (%+.1f a week)", *snap.painTrend.slopePerWeek);
    out << buffer;
  }
  out << '\n';
}

}  // namespace

std::string percent(const std::optional<double>& ratio) {
  if (!ratio) return "-";
  return std::to_string(static_cast<int>(std::lround(*ratio * 100))) + "%";
}

void printPlan(const RecoveryPlan& plan, LogicalDate today, std::ostream& out) {
  const PlanSettings& settings = plan.current();
  out << "Recovery plan: " << settings.weeks << " weeks, " << formatDate(plan.start) << " to "
      << formatDate(plan.end());
  if (today < plan.start) {
    out << " (starts in " << counted(daysBetween(today, plan.start), "day") << ")\n";
  } else if (today > plan.end()) {
    out << " (finished)\n";
  } else {
    out << " (day " << plan.dayNumber(today) << " of " << plan.dayCount() << ")\n";
  }
  out << "Daily targets:\n";
  for (const auto& target : settings.targets) out << "  " << targetLine(target) << '\n';
  out << "Rest days: " << settings.restDaysPerWeek
      << " a week (the first day a week that falls short counts as rest)\n";
  char hour[8];
  std::snprintf(hour, sizeof hour, "%02d:00", settings.dayStartHour);
  out << "A day starts at " << hour << " (sessions before then count for the day before)\n";
  if (plan.versions.size() > 1) {
    out << "Changed on";
    for (size_t i = 1; i < plan.versions.size(); ++i)
      out << (i == 1 ? " " : ", ") << formatDate(plan.versions[i].effectiveFrom);
    out << " (earlier days keep the targets they had)\n";
  }
}

void printUrgentFlags(const std::vector<RedFlag>& flags, std::ostream& out) {
  std::vector<RedFlag> urgent;
  for (const RedFlag& flag : flags) {
    if (flag.urgent()) urgent.push_back(flag);
  }
  if (urgent.empty()) return;
  printFlags(urgent, out);
  out << "!!! " << kNoExerciseToday << "\n\n";
}

void printRedFlags(const std::vector<RedFlag>& flags, std::ostream& out, bool urgentShown) {
  if (flags.empty()) return;
  std::vector<RedFlag> shown;
  const RedFlag* symptom = nullptr;
  for (const RedFlag& flag : flags) {
    if (flag.kind == RedFlagKind::Symptom && !symptom) symptom = &flag;
    if (!urgentShown || !flag.urgent()) shown.push_back(flag);
  }
  printFlags(shown, out);
  if (symptom) {
    out << "A warning sign stays here until a check-in says it has gone: unknot checkin --pain N "
           "--gone "
        << toString(*symptom->symptom) << '\n';
  }
  out << kNotMedicalAdvice << '\n';
}

void printGone(const std::vector<Symptom>& gone, const std::vector<RedFlag>& flaggedBefore,
               std::ostream& out) {
  for (const Symptom symptom : gone) {
    const bool flagged = std::any_of(flaggedBefore.begin(), flaggedBefore.end(),
                                     [&](const RedFlag& flag) { return flag.symptom == symptom; });
    out << "Marked gone: " << symptomLabel(symptom) << (flagged ? "." : " (it was not flagged).")
        << '\n';
  }
}

void printStats(const ProgressSnapshot& snap, int firstWeekday,
                const std::function<std::string(LogicalDate)>& dateText, std::ostream& out) {
  const auto formatDate = dateText ? dateText : unknot::formatDate;
  printUrgentFlags(snap.redFlags, out);
  if (!snap.hasPlan) {
    out << "No recovery plan yet (start one with: unknot plan start). Last " << kNoPlanWindowDays
        << " days, any session counts:\n";
  } else if (snap.notStarted) {
    out << "Recovery plan starts on " << formatDate(snap.plan.start) << ".\n";
  } else if (snap.finished) {
    out << "Recovery plan finished on " << formatDate(snap.plan.end()) << " (" << snap.dayCount
        << " days).\n";
  } else {
    out << "Recovery plan: day " << snap.dayNumber << " of " << snap.dayCount << " ("
        << formatDate(snap.plan.start) << " to " << formatDate(snap.plan.end()) << ")\n";
  }
  printToday(snap, out);
  printLevel(snap, out);
  out << "Streak: " << snap.streaks.current << (snap.streaks.current == 1 ? " day" : " days")
      << " (longest " << snap.streaks.longest << ")\n";
  out << "Adherence: " << percent(snap.adherence) << " so far, " << percent(snap.adherenceLast7)
      << " over the last 7 days\n";
  printCalendar(snap, firstWeekday, out);
  printTotals(snap, out);
  printPain(snap, out);
  if (snap.redFlags.empty()) {
    out << kNotMedicalAdvice << '\n';
  } else {
    out << '\n';
    printRedFlags(snap.redFlags, out, true);
  }
}

void printHistory(const std::vector<SessionSummary>& sessions,
                  const std::vector<CheckinRecord>& checkins, const ProgressSnapshot& snap,
                  const DateRange& range, std::ostream& out) {
  std::map<LogicalDate, std::vector<std::pair<UtcMillis, std::string>>> byDay;
  for (const auto& s : sessions) {
    std::string line = localClock(s.started) + "  " + s.routineName + " - " +
                       (s.outcome ? toString(*s.outcome) : "running") + ", " +
                       minutesText(s.active) + ", " + counted(s.phasesDone, "phase") + " done";
    if (s.phasesSkipped > 0) line += ", " + std::to_string(s.phasesSkipped) + " skipped";
    if (s.level) line += std::string(" (") + toString(*s.level) + ")";
    byDay[s.date].emplace_back(s.started.utc, line);
  }
  for (const FlareDay& flare : snap.flares) {
    if (flare.date < range.from || flare.date > range.to) continue;
    // First in its day: it speaks for the whole day.
    byDay[flare.date].emplace_back(
        UtcMillis{},
        "flare day" + (flare.note.empty() ? std::string() : "; \"" + flare.note + "\""));
  }
  for (const auto& c : checkins) {
    std::string line = localClock(c.at) + "  check-in: pain " + std::to_string(c.pain);
    if (c.tightness) line += ", tightness " + std::to_string(*c.tightness);
    if (c.moment != CheckinMoment::Any)
      line += std::string(" (") + toString(c.moment) + " a session)";
    for (size_t i = 0; i < c.symptoms.size(); ++i)
      line += (i == 0 ? "; symptoms: " : ", ") + std::string(symptomLabel(c.symptoms[i]));
    for (size_t i = 0; i < c.gone.size(); ++i)
      line += (i == 0 ? "; gone: " : ", ") + std::string(symptomLabel(c.gone[i]));
    if (!c.note.empty()) line += "; \"" + c.note + "\"";
    byDay[c.date].emplace_back(c.at.utc, line);
  }
  if (byDay.empty()) {
    out << "Nothing recorded from " << formatDate(range.from) << " to " << formatDate(range.to)
        << ".\n";
    return;
  }
  for (auto it = byDay.rbegin(); it != byDay.rend(); ++it) {
    out << formatDate(it->first);
    if (const DayStatus* day = snap.hasPlan ? snap.day(it->first) : nullptr) {
      out << "  plan day " << day->planDay << ", " << toString(day->state) << ' '
          << percent(day->completion);
    }
    out << '\n';
    auto lines = it->second;
    std::sort(lines.begin(), lines.end());
    for (const auto& [when, line] : lines) out << "  " << line << '\n';
  }
}

}  // namespace unknot
