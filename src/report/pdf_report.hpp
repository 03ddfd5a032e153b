// The one-page report for a physiotherapist or doctor: the progress snapshot (the same one
// `unknot stats` prints) drawn as a vector PDF, written atomically.
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>

#include "core/recovery/progress_stats.hpp"
#include "report/paper.hpp"

namespace unknot {

struct ReportOptions {
  Paper paper = Paper::A4;
  // The first day the calendar, the chart and the lists show; the window's start when unset
  // or earlier. The figures (adherence, streak, totals) are always the whole window's.
  std::optional<LogicalDate> from;
  LocalInstant madeAt;  // printed at the foot of the page
};

// The file could not be written; what is on disk is as it was.
struct ReportError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Draws the report into a temporary file beside `file` and renames it into place, so a reader
// never sees half a PDF and a failure leaves no file behind. The file is readable by its owner
// only: it is health data.
void writeReportPdf(const ProgressSnapshot& snapshot, const ReportOptions& options,
                    const std::filesystem::path& file);

// "unknot-report-2024-05-01.pdf": the name the window saves under.
std::filesystem::path reportFileName(LogicalDate day);

}  // namespace unknot
