#include "core/recovery/pain_trend.hpp"

#include <map>

namespace unknot {

const char* toString(PainTrend trend) {
  switch (trend) {
    case PainTrend::Unknown:
      return "unknown";
    case PainTrend::Falling:
      return "falling";
    case PainTrend::Steady:
      return "steady";
    case PainTrend::Rising:
      return "rising";
  }
  return "?";
}

namespace {

struct Sum {
  double total = 0;
  int count = 0;
  void add(double value) {
    total += value;
    ++count;
  }
  std::optional<double> mean() const {
    if (count == 0) return std::nullopt;
    return total / count;
  }
};

std::optional<double> rolling(const std::vector<PainPoint>& series, size_t index,
                              std::optional<double> PainPoint::*field) {
  Sum sum;
  const size_t first = index >= 6 ? index - 6 : 0;
  for (size_t i = first; i <= index; ++i) {
    if (const auto& value = series[i].*field) sum.add(*value);
  }
  return sum.mean();
}

}  // namespace

std::vector<PainPoint> painSeries(const std::vector<CheckinRecord>& checkins, LogicalDate from,
                                  LogicalDate to) {
  std::map<LogicalDate, std::pair<Sum, Sum>> byDate;
  for (const auto& checkin : checkins) {
    if (checkin.date < from || checkin.date > to) continue;
    auto& [pain, tightness] = byDate[checkin.date];
    pain.add(checkin.pain);
    if (checkin.tightness) tightness.add(*checkin.tightness);
  }
  std::vector<PainPoint> series;
  for (LogicalDate date = from; date <= to; date += std::chrono::days(1)) {
    PainPoint point;
    point.date = date;
    if (const auto it = byDate.find(date); it != byDate.end()) {
      point.pain = it->second.first.mean();
      point.tightness = it->second.second.mean();
    }
    series.push_back(point);
  }
  for (size_t i = 0; i < series.size(); ++i) {
    series[i].pain7 = rolling(series, i, &PainPoint::pain);
    series[i].tightness7 = rolling(series, i, &PainPoint::tightness);
  }
  return series;
}

std::vector<DailyPain> dailyPain(const std::vector<PainPoint>& series) {
  std::vector<DailyPain> out;
  for (const auto& point : series) {
    if (point.pain) out.push_back({point.date, *point.pain});
  }
  return out;
}

PainTrendResult painTrend(const std::vector<DailyPain>& pain) {
  constexpr size_t kMinPoints = 3;
  constexpr int kMinSpanDays = 5;
  constexpr double kThreshold = 0.25;
  if (pain.size() < kMinPoints) return {};
  if (daysBetween(pain.front().date, pain.back().date) + 1 < kMinSpanDays) return {};
  double meanX = 0, meanY = 0;
  for (const auto& day : pain) {
    meanX += daysBetween(pain.front().date, day.date);
    meanY += day.pain;
  }
  meanX /= static_cast<double>(pain.size());
  meanY /= static_cast<double>(pain.size());
  double covariance = 0, variance = 0;
  for (const auto& day : pain) {
    const double dx = daysBetween(pain.front().date, day.date) - meanX;
    covariance += dx * (day.pain - meanY);
    variance += dx * dx;
  }
  const double slope = covariance / variance * 7.0;
  PainTrendResult result;
  result.slopePerWeek = slope;
  result.trend = slope <= -kThreshold  ? PainTrend::Falling
                 : slope >= kThreshold ? PainTrend::Rising
                                       : PainTrend::Steady;
  return result;
}

}  // namespace unknot
