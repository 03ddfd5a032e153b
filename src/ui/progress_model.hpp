// What the Progress view shows, as plain data and pure functions (heat-map cells and colours,
// chart scaling, figures as words), so tests can check them without drawing anything.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/recovery/progress_stats.hpp"
#include "ui/ui_types.hpp"

namespace unknot {

// The view's input: the snapshot when the store could be read, else a one-line error.
struct ProgressViewModel {
  std::optional<ProgressSnapshot> snapshot;
  std::string error;          // the store could not be opened or read
  std::string notice;         // a short confirmation, e.g. "Check-in saved."
  bool offerSoreDay = false;  // a flare was just marked: offer the gentle Sore day routine
  // The calendar's first column (0 = Sunday); nullopt: rows begin on the window's first day.
  std::optional<int> firstWeekday;
  // Dates as the user's locale writes them; empty: ISO dates (core's formatDate).
  std::function<std::string(LogicalDate)> dateText;
};

enum class ProgressIntent { None, Back, Checkin, Plan, Flare, SoreDay, Report };

// The screen's key table (ui/key_table): Esc or Enter go back, C opens the check-in, E (or P)
// the plan editor, F marks a flare, R saves the report, S starts the sore-day routine (the
// view offers it only after a flare).
ProgressIntent progressIntentForKey(UiKey key);

// Heat-map colours per day state; today also gets an outline (Palette::todayOutline).
ImU32 dayStateColour(DayState state);
const char* dayStateLabel(DayState state);

// Without a plan nothing was promised, so a day without a session is not painted as missed:
// the cell is neutral and the legend says "no session" ("a session" for met days).
ImU32 heatCellColour(DayState state, bool hasPlan);
const char* heatCellLabel(DayState state, bool hasPlan);
// The legend's entries, in order: every state with a plan; without one, no rest or partial.
std::vector<DayState> legendStates(bool hasPlan);

struct HeatCell {
  LogicalDate date;
  DayState state = DayState::Future;
  int row = 0, column = 0;  // plan week (0-based), day within the week
  bool today = false;
};

// One cell per day of the window in rows of seven: calendar weeks from `firstWeekday` (0 =
// Sunday) when given, so the first row may start part-way; else from the window's first day.
std::vector<HeatCell> heatMapCells(const ProgressSnapshot& snapshot,
                                   std::optional<int> firstWeekday = std::nullopt);
int heatMapRows(const ProgressSnapshot& snapshot, std::optional<int> firstWeekday = std::nullopt);
// Columns before the window's first day in the first row.
int heatMapLead(const ProgressSnapshot& snapshot, std::optional<int> firstWeekday);

// Maps day indices and 0-10 scores into a chart's plot box.
struct ChartScale {
  Box plot;
  int days = 1;  // x positions 0 .. days-1 span the box's width
  float x(int dayIndex) const;
  float y(double score) const;  // 0 at the bottom, 10 at the top, clamped
};

// "Pain is falling (-0.8 a week)", "Pain is flat", "Pain is rising", or why there is no trend.
std::string trendWords(const PainTrendResult& trend);
// "82%" or "-" when there is nothing to count.
std::string percentText(std::optional<double> fraction);
// "1 h 05 min", "12 min", "45 s".
std::string minutesText(Millis time);
// "Day 9 of 42", "Starts in 3 days", "Finished".
std::string dayLine(const ProgressSnapshot& snapshot);

}  // namespace unknot
