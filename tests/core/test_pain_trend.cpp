// Pain and tightness series, the 7-day rolling mean and the trend.
#include <catch2/catch.hpp>

#include "core/recovery/pain_trend.hpp"

using namespace unknot;
using std::chrono::days;

namespace {

const LogicalDate kStart = *parseDate("2024-04-01");

CheckinRecord checkin(int dayIndex, int pain, std::optional<int> tightness = std::nullopt) {
  CheckinRecord record;
  record.date = kStart + days(dayIndex);
  record.pain = pain;
  record.tightness = tightness;
  return record;
}

}  // namespace

TEST_CASE("daily pain is the mean of the day's check-ins, with gaps left empty") {
  const auto series =
      painSeries({checkin(0, 6, 4), checkin(0, 4), checkin(2, 5, 3)}, kStart, kStart + days(3));
  REQUIRE(series.size() == 4);
  CHECK(*series[0].pain == Approx(5.0));
  CHECK(*series[0].tightness == Approx(4.0));  // the check-in without tightness is left out
  CHECK_FALSE(series[1].pain);
  CHECK(*series[2].pain == Approx(5.0));
  CHECK_FALSE(series[3].pain);
  CHECK(*series[3].pain7 == Approx(5.0));  // the rolling mean carries over gaps
}

TEST_CASE("the 7-day rolling mean averages the daily means of the last seven days") {
  std::vector<CheckinRecord> checkins;
  for (int i = 0; i < 10; ++i) checkins.push_back(checkin(i, i));
  const auto series = painSeries(checkins, kStart, kStart + days(9));
  CHECK(*series[6].pain7 == Approx(3.0));  // 0..6
  CHECK(*series[9].pain7 == Approx(6.0));  // 3..9
}

TEST_CASE("falling pain is a falling trend, flat is steady, rising is rising") {
  std::vector<DailyPain> falling, flat, rising;
  for (int i = 0; i < 21; ++i) {
    falling.push_back({kStart + days(i), 7.0 - i * 0.2});
    flat.push_back({kStart + days(i), 4.0 + (i % 2) * 0.5});
    rising.push_back({kStart + days(i), 2.0 + i * 0.1});
  }
  const auto f = painTrend(falling);
  CHECK(f.trend == PainTrend::Falling);
  CHECK(*f.slopePerWeek == Approx(-1.4));
  CHECK(painTrend(flat).trend == PainTrend::Steady);
  CHECK(painTrend(rising).trend == PainTrend::Rising);
}

TEST_CASE("too few check-ins give no trend") {
  CHECK(painTrend({}).trend == PainTrend::Unknown);
  CHECK(painTrend({{kStart, 5}, {kStart + days(6), 2}}).trend == PainTrend::Unknown);
  CHECK(painTrend({{kStart, 5}, {kStart + days(1), 4}, {kStart + days(2), 3}}).trend ==
        PainTrend::Unknown);  // three days in a row is not yet a trend
  CHECK(painTrend({{kStart, 5}, {kStart + days(2), 4}, {kStart + days(4), 3}}).trend ==
        PainTrend::Falling);
}
