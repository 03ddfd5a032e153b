// The report page: header, key figures, calendar and chart, tables and lists, footer. Lists
// that do not fit their column end with "and N more", so the page stays one page.
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "core/duration.hpp"
#include "core/recovery/red_flags.hpp"
#include "report/report_layout.hpp"

namespace unknot::report {

namespace {

constexpr double kMargin = 40;
constexpr double kGutter = 22;

std::string planLine(const ProgressSnapshot& snap) {
  if (!snap.hasPlan) {
    return "No recovery plan: the last " + std::to_string(kNoPlanWindowDays) +
           " days, any session counts";
  }
  std::string line = std::to_string(snap.plan.current().weeks) + "-week plan, " +
                     formatDate(snap.plan.start) + " to " + formatDate(snap.plan.end()) +
                     "  \u00b7  ";
  if (snap.notStarted) return line + "not started yet";
  if (snap.finished) return line + "finished (" + std::to_string(snap.dayCount) + " days)";
  return line + "day " + std::to_string(snap.dayNumber) + " of " + std::to_string(snap.dayCount);
}

double heading(Canvas& canvas, Column& column, const std::string& title) {
  column.y +=
      canvas.text(column.x, column.y, title, TextStyle::Heading, 0, Align::Left, ink::kAccent);
  canvas.line(column.x, column.y + 1, column.x + column.width, column.y + 1, 0.5, ink::kRule);
  column.y += 4;
  return column.y;
}

// One dated line of a list: the date in its own column, the text wrapped beside it.
struct Entry {
  std::string date, text;
};

// Draws each entry that fits, then "and N more" for the rest.
void lines(Canvas& canvas, Column& column, const std::vector<Entry>& items,
           const std::string& none) {
  if (items.empty()) {
    column.y += canvas.text(column.x, column.y, none, TextStyle::Body, column.width, Align::Left,
                            ink::kDim);
    column.y += 6;
    return;
  }
  const double moreHeight = canvas.lineHeight(TextStyle::Small) + 2;
  const double dateColumn = canvas.textWidth("2026-12-31", TextStyle::Body) + 8;
  const double textWidth = column.width - dateColumn;
  for (size_t i = 0; i < items.size(); ++i) {
    const double needed = canvas.textHeight(items[i].text, TextStyle::Body, textWidth);
    const bool last = i + 1 == items.size();
    if (needed + (last ? 0 : moreHeight) > column.room()) {
      column.y += canvas.text(column.x, column.y,
                              "and " + std::to_string(items.size() - i) + " more (unknot stats)",
                              TextStyle::Small, column.width, Align::Left, ink::kDim);
      break;
    }
    canvas.text(column.x, column.y, items[i].date, TextStyle::Body, 0, Align::Left, ink::kDim);
    column.y +=
        canvas.text(column.x + dateColumn, column.y, items[i].text, TextStyle::Body, textWidth) +
        1.5;
  }
  column.y += 6;
}

// A row of cells at fixed fractions of the column.
void row(Canvas& canvas, Column& column, const std::vector<std::string>& cells,
         const std::vector<double>& stops, TextStyle style = TextStyle::Body) {
  double height = 0;
  for (size_t i = 0; i < cells.size(); ++i) {
    const double x = column.x + column.width * stops[i];
    const bool number = i > 0;
    const double end =
        i + 1 < stops.size() ? column.x + column.width * stops[i + 1] - 6 : column.x + column.width;
    height = std::max(height, number ? canvas.text(end, column.y, cells[i], style, 0, Align::Right)
                                     : canvas.text(x, column.y, cells[i], style));
  }
  column.y += height + 1.5;
}

void keyFigures(Canvas& canvas, const ProgressSnapshot& snap, double x, double y, double width) {
  struct Figure {
    std::string title, value, note;
  };
  const auto latest = snap.latestPain();
  std::string painNote = "no check-ins yet";
  if (latest) {
    painNote = !snap.pain.empty() && snap.pain.back().pain7
                   ? "7-day mean " + scoreText(*snap.pain.back().pain7)
                   : "latest day";
  }
  std::string trendValue = "\u2013";
  if (snap.painTrend.slopePerWeek) trendValue = signedText(*snap.painTrend.slopePerWeek) + "/wk";
  const std::array<Figure, 5> figures{{
      {"Adherence", percentText(snap.adherence), "so far"},
      {"Last 7 days", percentText(snap.adherenceLast7), "adherence"},
      {"Streak",
       std::to_string(snap.streaks.current) + (snap.streaks.current == 1 ? " day" : " days"),
       "longest " + std::to_string(snap.streaks.longest)},
      {"Pain", latest ? scoreText(*latest) : "\u2013", painNote},
      {"Pain trend", trendValue, toString(snap.painTrend.trend)},
  }};
  const double gap = 8;
  const double boxWidth = (width - gap * 4) / 5;
  for (size_t i = 0; i < figures.size(); ++i) {
    const double bx = x + i * (boxWidth + gap);
    canvas.box(bx, y, boxWidth, 50, {0.95, 0.97, 0.96});
    canvas.text(bx + 6, y + 4, figures[i].title, TextStyle::Small, 0, Align::Left, ink::kDim);
    canvas.text(bx + 6, y + 15, figures[i].value, TextStyle::Figure);
    canvas.text(bx + 6, y + 36, figures[i].note, TextStyle::Small, boxWidth - 8, Align::Left,
                ink::kDim);
  }
}

void chartSection(Canvas& canvas, const Context& context, Column column) {
  const ProgressSnapshot& snap = context.snap;
  heading(canvas, column, "Pain and tightness (0\u201310)");
  column.y += drawPainChart(canvas, context, column.x, column.y, column.width, 130) + 4;
  // The legend, drawn with the chart's own marks.
  double lx = column.x;
  const double ly = column.y + 5;
  canvas.dot(lx + 3, ly, 2.2, ink::kAccent, true);
  canvas.text(lx + 8, column.y, "pain", TextStyle::Small);
  lx += 8 + canvas.textWidth("pain", TextStyle::Small) + 10;
  canvas.line(lx, ly, lx + 14, ly, 1.8, ink::kAccent);
  canvas.text(lx + 17, column.y, "7-day mean", TextStyle::Small);
  lx += 17 + canvas.textWidth("7-day mean", TextStyle::Small) + 10;
  canvas.square(lx + 3, ly, 2.2, ink::kDim, false);
  canvas.text(lx + 8, column.y, "tightness", TextStyle::Small);
  lx += 8 + canvas.textWidth("tightness", TextStyle::Small) + 8;
  canvas.line(lx, ly, lx + 14, ly, 1.2, ink::kDim, true);
  canvas.text(lx + 17, column.y, "7-day mean", TextStyle::Small);
  column.y += canvas.lineHeight(TextStyle::Small) + 4;

  std::string summary;
  if (const auto latest = snap.latestPain()) {
    summary = "Latest day " + scoreText(*latest);
    if (!snap.pain.empty() && snap.pain.back().pain7)
      summary += ", 7-day mean " + scoreText(*snap.pain.back().pain7);
    if (snap.painComparison.baseline)
      summary += ", at the start " + scoreText(*snap.painComparison.baseline);
    summary += ". Trend: " + std::string(toString(snap.painTrend.trend));
    if (snap.painTrend.slopePerWeek)
      summary += ", " + signedText(*snap.painTrend.slopePerWeek) + " points a week";
    summary += ".";
  } else {
    summary = "No check-ins in this window yet.";
  }
  canvas.text(column.x, column.y, summary, TextStyle::Body, column.width);
}

void totalsSection(Canvas& canvas, const ProgressSnapshot& snap, Column& column) {
  heading(canvas, column, "Sessions and minutes");
  const std::vector<double> stops{0, 0.55, 0.74};
  if (snap.categories.empty()) {
    lines(canvas, column, {}, "No sessions recorded in this window yet.");
  } else {
    row(canvas, column, {"category", "sessions", "time"}, stops, TextStyle::Small);
    int sessions = 0;
    Millis time{0};
    for (const CategoryTotal& total : snap.categories) {
      row(canvas, column,
          {toString(total.category), std::to_string(total.sessions), minutesText(total.time)},
          stops);
      sessions += total.sessions;
      time += total.time;
    }
    row(canvas, column, {"all", std::to_string(sessions), minutesText(time)}, stops,
        TextStyle::Bold);
    column.y += 6;
  }
  heading(canvas, column, "Hold time per side and muscle");
  const std::vector<double> sideStops{0, 0.55, 0.74};
  const DoseBalance& window = snap.balanceWindow;
  if (window.total.empty()) {
    lines(canvas, column, {}, "No one-sided holds recorded yet.");
    return;
  }
  row(canvas, column, {"", "left", "right"}, sideStops, TextStyle::Small);
  row(canvas, column,
      {"plan so far", minutesText(window.total.left), minutesText(window.total.right)}, sideStops,
      TextStyle::Bold);
  row(canvas, column,
      {"last 7 days", minutesText(snap.balanceLast7.total.left),
       minutesText(snap.balanceLast7.total.right)},
      sideStops);
  const double rowHeight = canvas.lineHeight(TextStyle::Body) + 1.5;
  for (size_t i = 0; i < window.muscles.size(); ++i) {
    if (column.room() < rowHeight * 2 && i + 1 < window.muscles.size()) {
      column.y += canvas.text(column.x, column.y,
                              "and " + std::to_string(window.muscles.size() - i) + " more muscles",
                              TextStyle::Small, column.width, Align::Left, ink::kDim);
      return;
    }
    const MuscleTime& muscle = window.muscles[i];
    row(canvas, column,
        {muscle.muscle, minutesText(muscle.time.left), minutesText(muscle.time.right)}, sideStops);
  }
  column.y += 6;
}

void listsSection(Canvas& canvas, const Context& context, Column& column) {
  const ProgressSnapshot& snap = context.snap;
  if (snap.hasPlan) {
    heading(canvas, column, "Level and why it changed");
    std::vector<Entry> levels;
    for (const LevelChange& change : snap.levels) {
      levels.push_back({formatDate(change.from),
                        std::string(toString(change.level)) + " \u2013 " + change.reason});
    }
    lines(canvas, column, levels, "No level yet.");
  }
  heading(canvas, column, "Flare days");
  std::vector<Entry> flares;
  for (const FlareDay& flare : snap.flares) {
    if (flare.date < context.from) continue;
    flares.push_back({formatDate(flare.date),
                      flare.note.empty() ? "(no note)" : "\u201c" + flare.note + "\u201d"});
  }
  lines(canvas, column, flares, "None marked.");
  heading(canvas, column, "Warnings raised");
  std::vector<Entry> warnings;
  for (const RedFlag& flag : snap.redFlags) {
    warnings.push_back({formatDate(flag.date),
                        flagTitle(flag) + (flag.reason.empty() ? "" : " (" + flag.reason + ")")});
  }
  lines(canvas, column, warnings, "None active.");
  heading(canvas, column, "Last check-in notes");
  std::vector<Entry> notes;
  for (const CheckinRecord& checkin : snap.notes) {
    notes.push_back({formatDate(checkin.date), "pain " + std::to_string(checkin.pain) + ": \u201c" +
                                                   checkin.note + "\u201d"});
  }
  lines(canvas, column, notes, "No notes.");
}

std::string madeLine(const LocalInstant& at) {
  const std::string iso = formatIso8601(at);
  return "Made with unknot on " + iso.substr(0, 10) + " at " + iso.substr(11, 5) + ".";
}

}  // namespace

std::string percentText(const std::optional<double>& ratio) {
  if (!ratio) return "\u2013";
  return std::to_string(static_cast<int>(std::lround(*ratio * 100))) + "%";
}

std::string scoreText(double value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer,
                std::fabs(value - std::round(value)) < 0.05 ? "%.0f" : "%.1f", value);
  return buffer;
}

std::string signedText(double value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%+.1f", value);
  return buffer;
}

std::string minutesText(Millis time) {
  const long long seconds = (time.count() + 500) / 1000;
  if (seconds < 60) return std::to_string(seconds) + " s";
  return std::to_string((seconds + 30) / 60) + " min";
}

std::string shortDate(LogicalDate date) {
  const std::string label = dayLabel(date);  // "Tue 8 Dec"
  return label.substr(label.find(' ') + 1);
}

void drawPage(Canvas& canvas, const Context& context, PaperSize size) {
  const ProgressSnapshot& snap = context.snap;
  const double width = size.width - 2 * kMargin;
  double y = kMargin;
  y += canvas.text(kMargin, y, "Recovery report", TextStyle::Title);
  canvas.text(
      size.width - kMargin, kMargin + 6,
      "Made " + formatDate(logicalDate(context.options.madeAt, snap.plan.current().dayStartHour)),
      TextStyle::Body, 0, Align::Right, ink::kDim);
  y += canvas.text(kMargin, y + 1, planLine(snap), TextStyle::Body) + 2;
  if (context.from > snap.plan.start) {
    y += canvas.text(kMargin, y,
                     "Calendar, chart and lists from " + formatDate(context.from) + " to " +
                         formatDate(context.last) + "; the figures cover the whole window.",
                     TextStyle::Small, width, Align::Left, ink::kDim);
  }
  y += 8;
  keyFigures(canvas, snap, kMargin, y, width);
  y += 50 + 14;

  const double leftWidth = 210;
  const double rightX = kMargin + leftWidth + kGutter;
  const double rightWidth = width - leftWidth - kGutter;
  Column calendar{kMargin, leftWidth, y, y + 220};
  heading(canvas, calendar, "Calendar");
  calendar.y += drawCalendar(canvas, context, calendar.x, calendar.y, calendar.width);
  chartSection(canvas, context, Column{rightX, rightWidth, y, y + 220});
  y = std::max(calendar.y, y + 200) + 12;

  const double footerTop = size.height - kMargin - 24;
  const double lowerLeft = 236;
  Column left{kMargin, lowerLeft, y, footerTop - 8};
  totalsSection(canvas, snap, left);
  Column right{kMargin + lowerLeft + kGutter, width - lowerLeft - kGutter, y, footerTop - 8};
  listsSection(canvas, context, right);

  canvas.line(kMargin, footerTop, kMargin + width, footerTop, 0.5, ink::kRule);
  const std::string made = madeLine(context.options.madeAt);
  const double madeWidth = canvas.textWidth(made, TextStyle::Small);
  canvas.text(kMargin, footerTop + 4, kNotMedicalAdvice, TextStyle::Small, width - madeWidth - 16,
              Align::Left, ink::kWarn);
  canvas.text(kMargin + width, footerTop + 4, made, TextStyle::Small, 0, Align::Right, ink::kDim);
}

}  // namespace unknot::report
