#include "app/cli/report_commands.hpp"

#include <filesystem>
#include <optional>
#include <ostream>

#include "app/cli/command_support.hpp"
#include "app/cli/progress_text.hpp"
#include "app/cli/reminder_commands.hpp"
#include "report/pdf_report.hpp"

namespace unknot {

namespace {

std::optional<LogicalDate> dateOption(const std::string& text, const char* option) {
  if (text.empty()) return std::nullopt;
  const auto date = parseDate(text);
  if (!date) {
    throw UsageError{std::string(option) + ": expected a date like 2024-05-01, found '" + text +
                     "'"};
  }
  return date;
}

Paper paperOption(const std::string& name) {
  if (name.empty()) return localePaper();
  if (const auto paper = paperFromName(name)) return *paper;
  throw UsageError{"--paper: expected a4 or letter, found '" + name + "'"};
}

}  // namespace

int reportCommand(const ProgressOptions& options, std::ostream& out, std::ostream& err) {
  return guarded(err, "report", [&] {
    if (options.reportFile.empty()) throw UsageError{"--pdf: expected a file name"};
    const auto from = dateOption(options.fromText, "--from");
    const auto to = dateOption(options.toText, "--to");
    if (from && to && *from > *to) {
      throw UsageError{"--from " + options.fromText + " is after --to " + options.toText};
    }
    ReportOptions report;
    report.paper = paperOption(options.paper);
    report.from = from;
    std::error_code ec;
    if (std::filesystem::is_directory(options.reportFile, ec)) {
      const std::filesystem::path example =
          std::filesystem::path(options.reportFile) / "unknot-report.pdf";
      throw CommandFailure{options.reportFile + " is a folder; give a file name, e.g. " +
                           example.string()};
    }
    report.madeAt = nowOrOverride(options.nowText);
    auto store = openStoreForReading(options.dataDir, err);
    const LogicalDate today = store->dateFor(report.madeAt);
    LocalInstant asOf = report.madeAt;
    if (to && *to > today) {
      throw UsageError{"--to: " + options.toText + " is after today (" + formatDate(today) + ")"};
    }
    if (from && *from > today) {
      throw UsageError{"--from: " + options.fromText + " is after today (" + formatDate(today) +
                       ")"};
    }
    if (to && *to < today) {
      // The record as it stood at the end of that day (a day ends before the next day's start).
      asOf = nowOrOverride(formatDate(*to) + "T23:59");
    }
    const ProgressSnapshot snapshot = store->snapshot(asOf);
    try {
      writeReportPdf(snapshot, report, options.reportFile);
    } catch (const ReportError& e) {
      throw CommandFailure{e.what()};
    }
    out << "Wrote a one-page report (" << (report.paper == Paper::Letter ? "Letter" : "A4")
        << ") to " << options.reportFile << ": adherence " << percent(snapshot.adherence)
        << ", streak " << counted(snapshot.streaks.current, "day") << ".\n";
    return kExitOk;
  });
}

}  // namespace unknot
