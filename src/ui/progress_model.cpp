#include "ui/progress_model.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/key_table.hpp"
#include "ui/theme.hpp"

namespace unknot {

ProgressIntent progressIntentForKey(UiKey key) {
  return actionForKey(progressKeys(), key).value_or(ProgressIntent::None);
}

ImU32 dayStateColour(DayState state) {
  switch (state) {
    case DayState::Met:
      return palette().dayMet;
    case DayState::Partial:
      return palette().dayPartial;  // amber, darker than the warning text
    case DayState::Rest:
      return palette().dayRest;  // calm blue: a planned pause, not a failure
    case DayState::Missed:
      return palette().dayMissed;
    case DayState::Today:
      return palette().panelHover;
    case DayState::Future:
      return palette().panel;
    case DayState::Untracked:
      return palette().track;  // neutral: nothing was expected of the user yet
    case DayState::Flare:
      return palette().dayFlare;  // muted violet: a bridged day, not a failure
  }
  return palette().panel;
}

const char* dayStateLabel(DayState state) {
  switch (state) {
    case DayState::Future:
      return "to come";
    case DayState::Untracked:
      return "before you began";
    default:
      return toString(state);
  }
}

ImU32 heatCellColour(DayState state, bool hasPlan) {
  if (!hasPlan && state == DayState::Missed) return palette().track;
  return dayStateColour(state);
}

const char* heatCellLabel(DayState state, bool hasPlan) {
  if (!hasPlan && state == DayState::Met) return "a session";
  if (!hasPlan && state == DayState::Missed) return "no session";
  return dayStateLabel(state);
}

std::vector<DayState> legendStates(bool hasPlan) {
  if (!hasPlan) return {DayState::Met, DayState::Missed, DayState::Today};
  return {DayState::Met,    DayState::Partial, DayState::Rest,  DayState::Flare,
          DayState::Missed, DayState::Today,   DayState::Future};
}

int heatMapLead(const ProgressSnapshot& snapshot, std::optional<int> firstWeekday) {
  if (!firstWeekday) return 0;
  const LogicalDate first = snapshot.days.empty() ? snapshot.today : snapshot.days.front().date;
  const int weekday = static_cast<int>(std::chrono::weekday(first).c_encoding());
  return ((weekday - *firstWeekday) % 7 + 7) % 7;
}

std::vector<HeatCell> heatMapCells(const ProgressSnapshot& snapshot,
                                   std::optional<int> firstWeekday) {
  std::vector<HeatCell> cells;
  cells.reserve(snapshot.days.size());
  const LogicalDate first = snapshot.days.empty() ? snapshot.today : snapshot.days.front().date;
  const int lead = heatMapLead(snapshot, firstWeekday);
  for (const DayStatus& day : snapshot.days) {
    const int index = lead + daysBetween(first, day.date);
    cells.push_back({day.date, day.state, index / 7, index % 7, day.date == snapshot.today});
  }
  return cells;
}

int heatMapRows(const ProgressSnapshot& snapshot, std::optional<int> firstWeekday) {
  return static_cast<int>((heatMapLead(snapshot, firstWeekday) + snapshot.days.size() + 6) / 7);
}

float ChartScale::x(int dayIndex) const {
  if (days <= 1) return plot.center().x;
  return plot.min.x + plot.width() * static_cast<float>(dayIndex) / static_cast<float>(days - 1);
}

float ChartScale::y(double score) const {
  const double clamped = std::clamp(score, 0.0, static_cast<double>(kMaxScore));
  return plot.max.y - plot.height() * static_cast<float>(clamped / kMaxScore);
}

std::string trendWords(const PainTrendResult& trend) {
  char slope[32] = "";
  if (trend.slopePerWeek)
    std::snprintf(slope, sizeof slope, " (%+.1f a week)", *trend.slopePerWeek);
  switch (trend.trend) {
    case PainTrend::Falling:
      return std::string("Pain is falling") + slope;
    case PainTrend::Steady:
      return std::string("Pain is flat") + slope;
    case PainTrend::Rising:
      return std::string("Pain is rising") + slope;
    case PainTrend::Unknown:
      break;
  }
  return "No trend yet: check in on at least 3 days spread over 5";
}

std::string percentText(std::optional<double> fraction) {
  if (!fraction) return "-";
  return std::to_string(static_cast<int>(std::lround(*fraction * 100.0))) + "%";
}

std::string minutesText(Millis time) {
  const long long seconds = std::chrono::duration_cast<std::chrono::seconds>(time).count();
  if (seconds < 60) return std::to_string(seconds) + " s";
  const long long minutes = (seconds + 30) / 60;
  if (minutes < 60) return std::to_string(minutes) + " min";
  char text[32];
  std::snprintf(text, sizeof text, "%lld h %02lld min", minutes / 60, minutes % 60);
  return text;
}

std::string dayLine(const ProgressSnapshot& snapshot) {
  if (!snapshot.hasPlan) return "No plan: the last " + std::to_string(kNoPlanWindowDays) + " days";
  if (snapshot.notStarted) {
    const int wait = daysBetween(snapshot.today, snapshot.plan.start);
    return "Starts in " + std::to_string(wait) + (wait == 1 ? " day" : " days");
  }
  if (snapshot.finished) return "Finished (" + std::to_string(snapshot.dayCount) + " days)";
  return "Day " + std::to_string(snapshot.dayNumber) + " of " + std::to_string(snapshot.dayCount);
}

}  // namespace unknot
