// Logical days: which civil date an event belongs to, from local time and the day-start hour;
// never spans of 24 hours, so DST, travel and a clock set back neither lose nor double a day.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace unknot {

using LogicalDate = std::chrono::sys_days;
using UtcMillis = std::chrono::sys_time<std::chrono::milliseconds>;

inline constexpr int kDefaultDayStartHour = 3;

// An instant as the user's clock saw it: UTC plus the time zone's offset at that instant.
struct LocalInstant {
  UtcMillis utc{};
  std::chrono::seconds offset{0};
};

// The one function that decides the day: local time minus the day-start hour, as a date.
LogicalDate logicalDate(UtcMillis utc, std::chrono::seconds offset,
                        int dayStartHour = kDefaultDayStartHour);
inline LogicalDate logicalDate(const LocalInstant& at, int dayStartHour = kDefaultDayStartHour) {
  return logicalDate(at.utc, at.offset, dayStartHour);
}

// The largest backward step the record bridges: the widest legal offset change is 26 h.
inline constexpr int kMaxBridgedDays = 2;

// Dates are fixed at write time and must not run backwards when the local clock does (set
// back by hand, a flight west): a date up to kMaxBridgedDays before the latest recorded one
// stays on the latest. A bigger step is taken as a corrected clock and followed.
LogicalDate stableLogicalDate(LogicalDate computed, std::optional<LogicalDate> latestRecorded);

// The C library's local time zone (TZ, /etc/localtime) at `utc`.
LocalInstant localInstantAt(UtcMillis utc);
LocalInstant localNow();

// "YYYY-MM-DD" only, a real calendar date between 1970 and 9999.
std::optional<LogicalDate> parseDate(std::string_view text);
std::string formatDate(LogicalDate date);
// ISO 8601 local time with its offset, to the second: "2024-03-31T03:00:00+02:00".
std::string formatIso8601(const LocalInstant& at);

struct DateRange {
  LogicalDate from, to;  // inclusive
};

inline int daysBetween(LogicalDate from, LogicalDate to) {
  return static_cast<int>((to - from).count());
}

}  // namespace unknot
