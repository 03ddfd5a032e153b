// Plain-text views of the progress record for the terminal: the plan, the stats page, the
// history log and red-flag advice. Large, simple lines; no colour codes.
#pragma once

#include <iosfwd>
#include <vector>

#include "core/recovery/progress_stats.hpp"
#include "store/store.hpp"

namespace unknot {

void printPlan(const RecoveryPlan& plan, LogicalDate today, std::ostream& out);
void printStats(const ProgressSnapshot& snapshot, std::ostream& out);
void printRedFlags(const std::vector<RedFlag>& flags, std::ostream& out);
void printHistory(const std::vector<SessionSummary>& sessions,
                  const std::vector<CheckinRecord>& checkins, const ProgressSnapshot& snapshot,
                  const DateRange& range, std::ostream& out);

// "45%" from 0.45; "-" when there is nothing to report.
std::string percent(const std::optional<double>& ratio);

}  // namespace unknot
