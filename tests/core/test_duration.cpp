#include <catch2/catch.hpp>

#include "core/duration.hpp"

using namespace unknot;
using namespace std::chrono_literals;

TEST_CASE("duration strings combine hours, minutes and seconds in order") {
  CHECK(parseDurationText("45s") == Millis(45s));
  CHECK(parseDurationText("2m") == Millis(2min));
  CHECK(parseDurationText("1m30s") == Millis(90s));
  CHECK(parseDurationText("1h") == Millis(1h));
  CHECK(parseDurationText("1h2m3s") == Millis(3723s));
  CHECK(parseDurationText("0s") == Millis(0));
}

TEST_CASE("malformed duration strings are rejected") {
  for (const char* bad : {"", "s", "45", "1m1m", "30s1m", "1.5m", "-5s", "5 s", "5x", "1h1h",
                          "99999999999999999999s", "1001h"}) {
    INFO(bad);
    CHECK_FALSE(parseDurationText(bad).has_value());
  }
}

TEST_CASE("the clock shows MM:SS and rounds partial seconds up") {
  CHECK(formatClock(Millis(0)) == "00:00");
  CHECK(formatClock(Millis(1)) == "00:01");
  CHECK(formatClock(Millis(45000)) == "00:45");
  CHECK(formatClock(Millis(44001)) == "00:45");
  CHECK(formatClock(Millis(90000)) == "01:30");
  CHECK(formatClock(Millis(3723000)) == "1:02:03");
  CHECK(formatClock(Millis(-5)) == "00:00");
}

TEST_CASE("durations read back in the routine-file form") {
  CHECK(formatDuration(Millis(45000)) == "45s");
  CHECK(formatDuration(Millis(90000)) == "1m30s");
  CHECK(formatDuration(Millis(3900000)) == "1h5m");
  CHECK(formatDuration(Millis(0)) == "0s");
}
