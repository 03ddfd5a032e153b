// Logical days across DST changes, travel and clocks set back: never a lost or doubled day.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <ctime>
#include <map>
#include <optional>
#include <string>

#include "core/recovery/logical_day.hpp"

using namespace unknot;
using namespace std::chrono;

namespace {

UtcMillis utc(int y, unsigned m, unsigned d, int h = 0, int min = 0) {
  return UtcMillis(sys_days(year(y) / month(m) / day(d)) + hours(h) + minutes(min));
}

LogicalDate date(const char* text) {
  return *parseDate(text);
}

// Switches the C library's time zone for one test and restores it afterwards.
class ScopedTz {
 public:
  explicit ScopedTz(const char* zone) {
    if (const char* old = std::getenv("TZ")) m_old = old;
    ::setenv("TZ", zone, 1);
    ::tzset();
  }
  ~ScopedTz() {
    if (m_old)
      ::setenv("TZ", m_old->c_str(), 1);
    else
      ::unsetenv("TZ");
    ::tzset();
  }
  ScopedTz(const ScopedTz&) = delete;
  ScopedTz& operator=(const ScopedTz&) = delete;

 private:
  std::optional<std::string> m_old;
};

// Walks UTC in 5-minute steps through the local zone and measures how long each logical day
// lasts; fails on any date that goes backwards or jumps a day.
std::map<LogicalDate, minutes> sweep(UtcMillis from, UtcMillis to) {
  std::map<LogicalDate, minutes> lengths;
  std::optional<LogicalDate> previous;
  for (UtcMillis t = from; t < to; t += minutes(5)) {
    const LogicalDate d = logicalDate(localInstantAt(t));
    if (previous) {
      INFO(formatIso8601(localInstantAt(t)));
      REQUIRE(daysBetween(*previous, d) >= 0);
      REQUIRE(daysBetween(*previous, d) <= 1);
    }
    previous = d;
    lengths[d] += minutes(5);
  }
  return lengths;
}

}  // namespace

TEST_CASE("late-night sessions count for the day before") {
  const seconds berlinSummer = hours(2);
  CHECK(logicalDate(utc(2024, 5, 10, 0, 30), berlinSummer) == date("2024-05-09"));   // 02:30
  CHECK(logicalDate(utc(2024, 5, 10, 0, 59), berlinSummer) == date("2024-05-09"));   // 02:59
  CHECK(logicalDate(utc(2024, 5, 10, 1, 0), berlinSummer) == date("2024-05-10"));    // 03:00
  CHECK(logicalDate(utc(2024, 5, 10, 21, 59), berlinSummer) == date("2024-05-10"));  // 23:59
}

TEST_CASE("the day-start hour is configurable") {
  CHECK(logicalDate(utc(2024, 5, 10, 2, 30), seconds(0), 0) == date("2024-05-10"));
  CHECK(logicalDate(utc(2024, 5, 10, 2, 30), seconds(0), 3) == date("2024-05-09"));
  CHECK(logicalDate(utc(2024, 5, 10, 5, 59), seconds(0), 6) == date("2024-05-09"));
}

TEST_CASE("negative offsets and offsets with half hours give the local date") {
  CHECK(logicalDate(utc(2024, 1, 2, 4, 0), -hours(5)) == date("2024-01-01"));  // 23:00 EST
  CHECK(logicalDate(utc(2024, 1, 1, 22, 0), hours(5) + minutes(30)) == date("2024-01-02"));
}

TEST_CASE("Berlin spring forward: a 23-hour day, no date lost") {
  ScopedTz tz("Europe/Berlin");
  const auto lengths = sweep(utc(2024, 3, 29, 12), utc(2024, 4, 2, 12));
  REQUIRE(lengths.size() == 5);                        // Mar 29 (part), 30, 31, Apr 1, Apr 2 (part)
  CHECK(lengths.at(date("2024-03-30")) == hours(23));  // 03:00 CET to 03:00 CEST
  CHECK(lengths.at(date("2024-03-31")) == hours(24));
  CHECK(lengths.at(date("2024-04-01")) == hours(24));
  // 01:59 CET is still the 30th; the clock then reads 03:00 CEST, the 31st.
  CHECK(logicalDate(localInstantAt(utc(2024, 3, 31, 0, 59))) == date("2024-03-30"));
  CHECK(logicalDate(localInstantAt(utc(2024, 3, 31, 1, 0))) == date("2024-03-31"));
}

TEST_CASE("Berlin fall back: a 25-hour day, the repeated hour not doubled") {
  ScopedTz tz("Europe/Berlin");
  const auto lengths = sweep(utc(2024, 10, 25, 12), utc(2024, 10, 29, 12));
  REQUIRE(lengths.size() == 5);
  CHECK(lengths.at(date("2024-10-26")) == hours(25));
  CHECK(lengths.at(date("2024-10-27")) == hours(24));
  // 02:30 CEST and 02:30 CET (an hour later) both belong to the 26th.
  const auto first = localInstantAt(utc(2024, 10, 27, 0, 30));
  const auto second = localInstantAt(utc(2024, 10, 27, 1, 30));
  CHECK(first.offset == hours(2));
  CHECK(second.offset == hours(1));
  CHECK(formatIso8601(first) == "2024-10-27T02:30:00+02:00");
  CHECK(formatIso8601(second) == "2024-10-27T02:30:00+01:00");
  CHECK(logicalDate(first) == date("2024-10-26"));
  CHECK(logicalDate(second) == date("2024-10-26"));
}

TEST_CASE("a flight from London to New York neither loses nor doubles a day") {
  // Sessions every 30 minutes; the device switches zone on landing (20:00 BST = 15:00 EDT).
  const UtcMillis landing = utc(2024, 6, 11, 19, 0);
  std::optional<LogicalDate> latest;
  std::map<LogicalDate, int> sessions;
  for (UtcMillis t = utc(2024, 6, 10, 12); t < utc(2024, 6, 13, 12); t += minutes(30)) {
    LocalInstant at;
    {
      ScopedTz tz(t < landing ? "Europe/London" : "America/New_York");
      at = localInstantAt(t);
    }
    const LogicalDate d = stableLogicalDate(logicalDate(at), latest);
    if (latest) {
      INFO(formatIso8601(at));
      REQUIRE(daysBetween(*latest, d) >= 0);
      REQUIRE(daysBetween(*latest, d) <= 1);
    }
    latest = d;
    ++sessions[d];
  }
  CHECK(sessions.size() == 4);  // Jun 10 (part), 11, 12, 13 (part)
  // The travel day is 29 hours long: 03:00 BST on the 11th to 03:00 EDT on the 12th.
  CHECK(sessions.at(date("2024-06-11")) == 29 * 2);
  CHECK(sessions.at(date("2024-06-12")) == 24 * 2);
}

TEST_CASE("flying west over the date line does not give a day back") {
  // 10:00 in Tokyo on the 11th, then 22:00 in Honolulu on the 10th: still the 11th.
  LocalInstant tokyo, honolulu;
  {
    ScopedTz tz("Asia/Tokyo");
    tokyo = localInstantAt(utc(2024, 6, 11, 1, 0));
  }
  {
    ScopedTz tz("Pacific/Honolulu");
    honolulu = localInstantAt(utc(2024, 6, 11, 8, 0));
  }
  const LogicalDate first = logicalDate(tokyo);
  CHECK(first == date("2024-06-11"));
  CHECK(logicalDate(honolulu) == date("2024-06-10"));
  CHECK(stableLogicalDate(logicalDate(honolulu), first) == date("2024-06-11"));
}

TEST_CASE("a clock set back an hour keeps the day it was on") {
  // A session at 03:10 local, then the system clock goes back an hour: a check-in at "02:40".
  const seconds offset = hours(1);
  const LogicalDate session = logicalDate(utc(2024, 2, 5, 2, 10), offset);
  CHECK(session == date("2024-02-05"));
  const LogicalDate computed = logicalDate(utc(2024, 2, 5, 1, 40), offset);
  CHECK(computed == date("2024-02-04"));
  CHECK(stableLogicalDate(computed, session) == date("2024-02-05"));
  // Once the clock passes the day start again, dates move on normally.
  CHECK(stableLogicalDate(logicalDate(utc(2024, 2, 6, 2, 5), offset), session) ==
        date("2024-02-06"));
}

TEST_CASE("a clock corrected by days is followed, not bridged") {
  CHECK(stableLogicalDate(date("2024-02-01"), date("2024-02-10")) == date("2024-02-01"));
  CHECK(stableLogicalDate(date("2024-02-08"), date("2024-02-10")) == date("2024-02-10"));
  CHECK(stableLogicalDate(date("2024-02-07"), date("2024-02-10")) == date("2024-02-07"));
  CHECK(stableLogicalDate(date("2024-02-12"), std::nullopt) == date("2024-02-12"));
}

TEST_CASE("dates parse strictly and print as ISO 8601") {
  CHECK(formatDate(date("2024-02-29")) == "2024-02-29");
  for (const char* bad : {"2023-02-29", "2024-13-01", "2024-1-01", "24-01-01", "2024/01/01",
                          "2024-01-01x", "", "1969-12-31", "2024-00-10", "2024-01-32"}) {
    INFO(bad);
    CHECK_FALSE(parseDate(bad));
  }
  CHECK(formatIso8601({utc(2024, 1, 2, 4, 5) + seconds(6), -hours(5)}) ==
        "2024-01-01T23:05:06-05:00");
  CHECK(formatIso8601({utc(2024, 1, 1, 22, 0), hours(5) + minutes(30)}) ==
        "2024-01-02T03:30:00+05:30");
}
