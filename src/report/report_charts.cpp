// The calendar and the pain chart of the report.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>

#include "report/report_layout.hpp"

namespace unknot::report {

namespace {

using std::chrono::days;

const char* const kWeekdays[] = {"Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"};

// Light tints of the window's day colours, so a page printed in grey still reads by its marks.
Rgb dayFill(DayState state) {
  switch (state) {
    case DayState::Met:
      return {0.76, 0.89, 0.87};
    case DayState::Partial:
      return {0.98, 0.90, 0.72};
    case DayState::Rest:
      return {0.82, 0.87, 0.95};
    case DayState::Missed:
      return {0.96, 0.82, 0.80};
    case DayState::Flare:
      return {0.89, 0.83, 0.94};
    case DayState::Untracked:
      return {0.93, 0.93, 0.93};
    case DayState::Today:
    case DayState::Future:
      return {1, 1, 1};
  }
  return {1, 1, 1};
}

// The mark in each cell: the calendar must read without colour.
const char* dayMark(DayState state) {
  switch (state) {
    case DayState::Met:
      return "\u2713";
    case DayState::Partial:
      return "\u00bd";
    case DayState::Rest:
      return "R";
    case DayState::Missed:
      return "\u2717";
    case DayState::Flare:
      return "F";
    case DayState::Today:
      return "T";
    case DayState::Untracked:
      return "\u2013";
    case DayState::Future:
      return "";
  }
  return "";
}

const char* dayWord(DayState state, bool hasPlan) {
  if (!hasPlan && state == DayState::Met) return "a session";
  if (!hasPlan && state == DayState::Missed) return "no session";
  switch (state) {
    case DayState::Met:
      return "met";
    case DayState::Partial:
      return "partial";
    case DayState::Rest:
      return "rest";
    case DayState::Missed:
      return "missed";
    case DayState::Flare:
      return "flare";
    case DayState::Today:
      return "today, under way";
    case DayState::Untracked:
      return "before you began";
    case DayState::Future:
      return "to come";
  }
  return "";
}

int dayOfMonth(LogicalDate date) {
  return static_cast<int>(static_cast<unsigned>(std::chrono::year_month_day(date).day()));
}

double legend(Canvas& canvas, const Context& context, double x, double y, double width) {
  const double swatch = 8;
  const double lineHeight = canvas.lineHeight(TextStyle::Small) + 2;
  double cx = x, cy = y;
  for (const DayState state : {DayState::Met, DayState::Partial, DayState::Rest, DayState::Flare,
                               DayState::Missed, DayState::Today, DayState::Untracked}) {
    if (!context.snap.hasPlan &&
        (state == DayState::Partial || state == DayState::Rest || state == DayState::Flare))
      continue;
    const std::string label =
        std::string(dayMark(state)) + " " + dayWord(state, context.snap.hasPlan);
    const double item = swatch + 3 + canvas.textWidth(label, TextStyle::Small) + 8;
    if (cx > x && cx + item > x + width) {
      cx = x;
      cy += lineHeight;
    }
    canvas.box(cx, cy + 1, swatch, swatch, dayFill(state));
    canvas.frame(cx, cy + 1, swatch, swatch, state == DayState::Today ? 1.2 : 0.4, ink::kDim);
    canvas.text(cx + swatch + 3, cy, label, TextStyle::Small, 0, Align::Left, ink::kDim);
    cx += item;
  }
  return cy + lineHeight - y;
}

}  // namespace

double drawCalendar(Canvas& canvas, const Context& context, double x, double y, double width) {
  const ProgressSnapshot& snap = context.snap;
  if (snap.days.empty()) return 0;
  const double label = canvas.textWidth("Wk 6", TextStyle::Small) + 6;
  const double gap = 2;
  const double cell = std::min(26.0, (width - label - 6 * gap) / 7);
  // Whole plan weeks, from the week holding the first day shown.
  const int firstRow = daysBetween(snap.days.front().date, context.from) / 7;
  const LogicalDate first = snap.days.front().date + days(firstRow * 7);
  for (int column = 0; column < 7; ++column) {
    const unsigned weekday = std::chrono::weekday(first + days(column)).c_encoding();
    canvas.text(x + label + column * (cell + gap) + cell / 2, y, kWeekdays[weekday],
                TextStyle::Small, 0, Align::Centre, ink::kDim);
  }
  const double top = y + canvas.lineHeight(TextStyle::Small) + 2;
  int rows = 0;
  for (const DayStatus& day : snap.days) {
    const int index = daysBetween(snap.days.front().date, day.date);
    const int row = index / 7 - firstRow;
    if (row < 0) continue;
    rows = std::max(rows, row + 1);
    const double cx = x + label + (index % 7) * (cell + gap);
    const double cy = top + row * (cell + gap);
    canvas.box(cx, cy, cell, cell, dayFill(day.state));
    const bool today = day.date == snap.today;
    canvas.frame(cx, cy, cell, cell, today ? 1.6 : 0.4, today ? ink::kText : ink::kRule);
    canvas.text(cx + 2, cy + 1, std::to_string(dayOfMonth(day.date)), TextStyle::Small, 0,
                Align::Left, ink::kDim);
    const std::string mark =
        today && day.state == DayState::Met ? dayMark(DayState::Met) : dayMark(day.state);
    canvas.text(cx + cell / 2 + 3, cy + cell * 0.32, mark, TextStyle::Bold, 0, Align::Centre);
  }
  for (int row = 0; row < rows; ++row) {
    canvas.text(x, top + row * (cell + gap) + cell / 2 - 4,
                "Wk " + std::to_string(firstRow + row + 1), TextStyle::Small, 0, Align::Left,
                ink::kDim);
  }
  const double legendTop = top + rows * (cell + gap) + 4;
  return legendTop + legend(canvas, context, x, legendTop, width) - y;
}

double drawPainChart(Canvas& canvas, const Context& context, double x, double y, double width,
                     double height) {
  const ProgressSnapshot& snap = context.snap;
  const double axis = canvas.textWidth("10", TextStyle::Small) + 4;
  const double labelHeight = canvas.lineHeight(TextStyle::Small) + 2;
  const double left = x + axis, right = x + width - 4;
  const double top = y + 4, bottom = y + height - labelHeight;
  const LogicalDate from = context.from;
  const LogicalDate to = std::max(context.last, from + days(6));
  const double span = std::max(1, daysBetween(from, to));
  const auto px = [&](LogicalDate date) {
    return left + (right - left) * daysBetween(from, date) / span;
  };
  const auto py = [&](double score) { return bottom - (bottom - top) * score / kMaxScore; };
  for (int score = 0; score <= kMaxScore; score += 2) {
    canvas.line(left, py(score), right, py(score), 0.4, score == 0 ? ink::kRule : ink::kGrid);
    canvas.text(left - 3, py(score) - 4.5, std::to_string(score), TextStyle::Small, 0, Align::Right,
                ink::kDim);
  }
  const int steps = std::min(4, daysBetween(from, to));
  for (int i = 0; i <= steps; ++i) {
    const LogicalDate date = from + days(daysBetween(from, to) * i / std::max(1, steps));
    canvas.text(px(date), bottom + 2, shortDate(date), TextStyle::Small, 0,
                i == 0       ? Align::Left
                : i == steps ? Align::Right
                             : Align::Centre,
                ink::kDim);
  }
  // The 7-day means as lines (broken where a day has none), the days as marks.
  const auto meanLine = [&](auto value, Rgb colour, double lineWidth, bool dashed) {
    const PainPoint* previous = nullptr;
    for (const PainPoint& point : snap.pain) {
      if (point.date < from) continue;
      const auto current = value(point);
      if (current && previous && value(*previous)) {
        canvas.line(px(previous->date), py(*value(*previous)), px(point.date), py(*current),
                    lineWidth, colour, dashed);
      }
      previous = current ? &point : nullptr;
    }
  };
  meanLine([](const PainPoint& p) { return p.tightness7; }, ink::kDim, 1.2, true);
  meanLine([](const PainPoint& p) { return p.pain7; }, ink::kAccent, 1.8, false);
  for (const PainPoint& point : snap.pain) {
    if (point.date < from) continue;
    if (point.tightness) canvas.square(px(point.date), py(*point.tightness), 2.2, ink::kDim, false);
    if (point.pain) canvas.dot(px(point.date), py(*point.pain), 2.2, ink::kAccent, true);
  }
  return height;
}

}  // namespace unknot::report
