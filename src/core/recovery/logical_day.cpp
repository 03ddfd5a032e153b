#include "core/recovery/logical_day.hpp"

#include <cstdio>
#include <ctime>

namespace unknot {

using namespace std::chrono;

LogicalDate logicalDate(UtcMillis utc, seconds offset, int dayStartHour) {
  const auto local = utc + offset - hours(dayStartHour);
  return floor<days>(local);
}

LogicalDate stableLogicalDate(LogicalDate computed, std::optional<LogicalDate> latestRecorded) {
  if (!latestRecorded || computed >= *latestRecorded) return computed;
  return daysBetween(computed, *latestRecorded) <= kMaxBridgedDays ? *latestRecorded : computed;
}

LocalInstant localInstantAt(UtcMillis utc) {
  const std::time_t t = system_clock::to_time_t(time_point_cast<system_clock::duration>(utc));
  std::tm tm{};
  if (!::localtime_r(&t, &tm)) return {utc, seconds(0)};
  return {utc, seconds(tm.tm_gmtoff)};
}

LocalInstant localNow() {
  return localInstantAt(time_point_cast<milliseconds>(system_clock::now()));
}

std::optional<LogicalDate> parseDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i) {
    for (size_t k = 0; k < lengths[i]; ++k) {
      const char c = text[starts[i] + k];
      if (c < '0' || c > '9') return std::nullopt;
      parts[i] = parts[i] * 10 + (c - '0');
    }
  }
  const year_month_day ymd{year(parts[0]), month(static_cast<unsigned>(parts[1])),
                           day(static_cast<unsigned>(parts[2]))};
  if (!ymd.ok() || parts[0] < 1970) return std::nullopt;
  return sys_days(ymd);
}

std::string formatDate(LogicalDate date) {
  const year_month_day ymd(date);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buffer;
}

std::string formatIso8601(const LocalInstant& at) {
  const auto local = floor<seconds>(at.utc) + at.offset;
  const auto day = floor<days>(local);
  const hh_mm_ss time(local - day);
  const long long offsetMinutes = at.offset.count() / 60;
  const long long absMinutes = offsetMinutes < 0 ? -offsetMinutes : offsetMinutes;
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02d%c%02lld:%02lld", formatDate(day).c_str(),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()), offsetMinutes < 0 ? '-' : '+',
                absMinutes / 60, absMinutes % 60);
  return buffer;
}

}  // namespace unknot
