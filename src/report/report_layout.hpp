// The report page's parts (header, figures, calendar, chart, tables, lists, footer), drawn on a
// Canvas; pdf_report.cpp owns the surface and the file. Internal to src/report.
#pragma once

#include <optional>
#include <string>

#include "core/recovery/progress_stats.hpp"
#include "report/canvas.hpp"
#include "report/paper.hpp"
#include "report/pdf_report.hpp"

namespace unknot::report {

struct Context {
  const ProgressSnapshot& snap;
  const ReportOptions& options;
  LogicalDate from;  // the first day shown
  LogicalDate last;  // the last day with a record: min(today, window end)
};

// A column of the page that sections fill from the top; nothing is drawn below `bottom`.
struct Column {
  double x = 0, width = 0, y = 0, bottom = 0;
  double room() const { return bottom - y; }
};

void drawPage(Canvas& canvas, const Context& context, PaperSize size);

// Charts (report_charts.cpp); each returns the height it used.
double drawCalendar(Canvas& canvas, const Context& context, double x, double y, double width);
double drawPainChart(Canvas& canvas, const Context& context, double x, double y, double width,
                     double height);

// "78%"; a dash when there is nothing to report.
std::string percentText(const std::optional<double>& ratio);
// "3" or "3.5", as the terminal's stats page writes scores.
std::string scoreText(double value);
// "+0.5" / "-1.2": a signed change in points.
std::string signedText(double value);
// "14 min", or "45 s" under a minute.
std::string minutesText(Millis time);
// "15 Nov".
std::string shortDate(LogicalDate date);

}  // namespace unknot::report
