#include "app/session/locale_calendar.hpp"

#include <langinfo.h>
#include <locale.h>

#include <chrono>
#include <cstdint>
#include <ctime>
#include <memory>
#include <type_traits>

namespace unknot {

int localeFirstWeekday() {
  // A locale object of its own: the process-wide locale stays "C" so numbers print as always.
  const locale_t time = newlocale(LC_TIME_MASK, "", static_cast<locale_t>(nullptr));
  if (time == static_cast<locale_t>(nullptr)) return 0;
  // _NL_TIME_WEEK_1STDAY is a date (as YYYYMMDD) whose weekday is day 1 of the count that
  // _NL_TIME_FIRST_WEEKDAY uses: 19971130, a Sunday, in every glibc locale seen so far.
  const auto stamp = static_cast<std::uint32_t>(
      reinterpret_cast<std::uintptr_t>(nl_langinfo_l(_NL_TIME_WEEK_1STDAY, time)));
  const int first = static_cast<unsigned char>(*nl_langinfo_l(_NL_TIME_FIRST_WEEKDAY, time));
  freelocale(time);
  const std::chrono::year_month_day day{std::chrono::year(static_cast<int>(stamp / 10000)),
                                        std::chrono::month(stamp / 100 % 100),
                                        std::chrono::day(stamp % 100)};
  const int base =
      day.ok() ? static_cast<int>(std::chrono::weekday(std::chrono::sys_days(day)).c_encoding())
               : 0;
  if (first < 1 || first > 7) return base;
  return (base + first - 1) % 7;
}

namespace {

struct FreeLocale {
  void operator()(std::remove_pointer_t<locale_t>* locale) const { freelocale(locale); }
};
using LocalePtr = std::shared_ptr<std::remove_pointer_t<locale_t>>;

std::string strftimeIn(locale_t locale, const char* format, LogicalDate date) {
  const std::chrono::year_month_day ymd(date);
  std::tm tm{};
  tm.tm_year = static_cast<int>(ymd.year()) - 1900;
  tm.tm_mon = static_cast<int>(static_cast<unsigned>(ymd.month())) - 1;
  tm.tm_mday = static_cast<int>(static_cast<unsigned>(ymd.day()));
  tm.tm_wday = static_cast<int>(std::chrono::weekday(date).c_encoding());
  char buffer[64];
  const size_t length = strftime_l(buffer, sizeof buffer, format, &tm, locale);
  return std::string(buffer, length);
}

}  // namespace

std::string clockFormatOf(const char* name) {
  const locale_t time = newlocale(LC_TIME_MASK, name, static_cast<locale_t>(nullptr));
  if (time == static_cast<locale_t>(nullptr)) return "%H:%M";
  const std::string format = nl_langinfo_l(T_FMT, time);
  freelocale(time);
  // A 12-hour clock writes its hours with %I or %l, or uses %r (%I:%M:%S %p).
  const bool twelve = format.find("%I") != std::string::npos ||
                      format.find("%l") != std::string::npos ||
                      format.find("%r") != std::string::npos;
  return twelve ? "%-I:%M %p" : "%H:%M";
}

std::string localeClockText(const std::tm& local) {
  // The environment does not change while the app runs: look the format up once.
  static const std::string format = clockFormatOf("");
  static const LocalePtr time = [] {
    const locale_t made = newlocale(LC_TIME_MASK, "", static_cast<locale_t>(nullptr));
    return made == static_cast<locale_t>(nullptr) ? LocalePtr() : LocalePtr(made, FreeLocale{});
  }();
  char text[32];
  const size_t length = time ? strftime_l(text, sizeof text, format.c_str(), &local, time.get())
                             : std::strftime(text, sizeof text, "%H:%M", &local);
  return std::string(text, length);
}

DateText localeDateText() {
  const locale_t time = newlocale(LC_TIME_MASK, "", static_cast<locale_t>(nullptr));
  if (time == static_cast<locale_t>(nullptr)) return formatDate;
  LocalePtr owned(time, FreeLocale{});
  const locale_t c = newlocale(LC_TIME_MASK, "C", static_cast<locale_t>(nullptr));
  const LogicalDate probe = std::chrono::sys_days(std::chrono::year(2026) / 3 / 4);
  const bool likeC = c != static_cast<locale_t>(nullptr) &&
                     strftimeIn(c, "%x", probe) == strftimeIn(time, "%x", probe);
  if (c != static_cast<locale_t>(nullptr)) freelocale(c);
  if (likeC) return formatDate;
  return [owned](LogicalDate date) { return strftimeIn(owned.get(), "%x", date); };
}

int firstWeekday(const Settings& settings) {
  if (settings.calendar.firstWeekday) return ((*settings.calendar.firstWeekday % 7) + 7) % 7;
  return localeFirstWeekday();
}

int firstWeekday(const std::filesystem::path& settingsFile) {
  const SettingsLoad load = loadSettings(settingsFile);
  return firstWeekday(load.settings);
}

}  // namespace unknot
