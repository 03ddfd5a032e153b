// Hold time per side and per muscle and side over a date range.
#include <catch2/catch.hpp>

#include "core/recovery/dose_balance.hpp"

using namespace unknot;

namespace {
const LogicalDate kDay = *parseDate("2024-04-10");
}

TEST_CASE("hold time is summed per side and per muscle within the range") {
  using std::chrono::days;
  const std::vector<HoldRecord> holds{
      {kDay, Side::Right, {"piriformis", "gluteus-medius"}, Millis(10 * 60000)},
      {kDay, Side::Left, {"piriformis"}, Millis(6 * 60000)},
      {kDay - days(1), Side::Right, {}, Millis(4 * 60000)},
      {kDay - days(9), Side::Left, {"piriformis"}, Millis(60 * 60000)},  // outside
      {kDay, Side::None, {"piriformis"}, Millis(60 * 60000)},            // no side
  };
  const DoseBalance balance = doseBalance(holds, {kDay - days(6), kDay});
  CHECK(balance.total.right == Millis(14 * 60000));
  CHECK(balance.total.left == Millis(6 * 60000));
  CHECK(sideTimeText(balance.total) == "right 14 min, left 6 min");
  REQUIRE(balance.muscles.size() == 2);
  CHECK(balance.muscles[0].muscle == "gluteus-medius");
  CHECK(balance.muscles[1].muscle == "piriformis");
  CHECK(sideTimeText(balance.muscles[1].time) == "right 10 min, left 6 min");
  CHECK(sideTimeText({Millis(90000), Millis(30000)}) == "left 2 min, right 30 s");
}
