// The pain and tightness record over a window: daily means of the check-ins, a 7-day rolling
// mean for a steadier line, and a simple trend (is pain falling?).
#pragma once

#include <optional>
#include <vector>

#include "core/recovery/checkin.hpp"

namespace unknot {

// Daily mean pain, one entry per day that has check-ins.
struct DailyPain {
  LogicalDate date;
  double pain = 0;
};

struct PainPoint {
  LogicalDate date;
  std::optional<double> pain, tightness;    // mean of the day's check-ins
  std::optional<double> pain7, tightness7;  // mean of the daily means over the last 7 days
};

// One point per day from `from` to `to` (gaps have no values, so charts show them as gaps).
std::vector<PainPoint> painSeries(const std::vector<CheckinRecord>& checkins, LogicalDate from,
                                  LogicalDate to);

std::vector<DailyPain> dailyPain(const std::vector<PainPoint>& series);

enum class PainTrend { Unknown, Falling, Steady, Rising };
const char* toString(PainTrend trend);

struct PainTrendResult {
  PainTrend trend = PainTrend::Unknown;
  std::optional<double> slopePerWeek;  // least-squares slope of the daily means, points/week
};

// Needs at least 3 days of check-ins spread over at least 5 days; a slope beyond a quarter
// point per week either way is a trend, anything flatter is steady.
PainTrendResult painTrend(const std::vector<DailyPain>& pain);

}  // namespace unknot
