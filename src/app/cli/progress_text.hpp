// Plain-text views of the progress record for the terminal: the plan, the stats page, the
// history log and red-flag advice. Large, simple lines; no colour codes.
#pragma once

#include <functional>
#include <iosfwd>
#include <vector>

#include "core/recovery/progress_stats.hpp"
#include "store/store.hpp"

namespace unknot {

void printPlan(const RecoveryPlan& plan, LogicalDate today, std::ostream& out);
// The calendar's weeks start on `firstWeekday` (0 = Sunday).
// Plan dates through `dateText` (the locale's; empty: ISO).
void printStats(const ProgressSnapshot& snapshot, int firstWeekday,
                const std::function<std::string(LogicalDate)>& dateText, std::ostream& out);
// The urgent flags alone, to come first; nothing when there are none.
void printUrgentFlags(const std::vector<RedFlag>& flags, std::ostream& out);
// The flags (without the urgent ones when `urgentShown`), how to say a symptom has gone, and the
// "not medical advice" line.
void printRedFlags(const std::vector<RedFlag>& flags, std::ostream& out, bool urgentShown = false);
// What a check-in's --gone did: "Marked gone: ..." per symptom, or that it was not flagged.
void printGone(const std::vector<Symptom>& gone, const std::vector<RedFlag>& flaggedBefore,
               std::ostream& out);
void printHistory(const std::vector<SessionSummary>& sessions,
                  const std::vector<CheckinRecord>& checkins, const ProgressSnapshot& snapshot,
                  const DateRange& range, std::ostream& out);

// "45%" from 0.45; "-" when there is nothing to report.
std::string percent(const std::optional<double>& ratio);

}  // namespace unknot
