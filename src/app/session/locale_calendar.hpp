// The first day of the week for every calendar (the window's heat map, `unknot stats`): the
// `calendar.first_weekday` setting when set, else the user's LC_TIME locale. The one place the
// locale's week is read; core gets the plain weekday number.
#pragma once

#include <ctime>
#include <filesystem>
#include <functional>
#include <string>

#include "core/recovery/logical_day.hpp"
#include "core/settings.hpp"

namespace unknot {

// The locale's first weekday (0 = Sunday .. 6 = Saturday) from the environment's LC_TIME,
// as glibc reports it (_NL_TIME_FIRST_WEEKDAY counted from _NL_TIME_WEEK_1STDAY); Sunday for
// the C/POSIX locale or one that is not installed.
int localeFirstWeekday();

// Dates as the LC_TIME locale writes them (strftime's %x: 04.03.2026 in de_DE); in the C and
// POSIX locales, whose %x is the ambiguous 03/04/26, today's ISO dates (2026-03-04) stay.
using DateText = std::function<std::string(LogicalDate)>;
DateText localeDateText();

// The clock time `local` (already in local time) as the LC_TIME locale writes hours and
// minutes: "2:35 PM" where the locale's clock has 12 hours (en_US), "14:35" where it has 24
// (de_DE) and in the C and POSIX locales.
std::string localeClockText(const std::tm& local);
// The strftime format behind it for the locale `name` ("" = the environment's LC_TIME).
std::string clockFormatOf(const char* name);

// The setting when set, the locale's otherwise.
int firstWeekday(const Settings& settings);
// The same, reading the settings file (a broken file counts as unset; it is reported elsewhere).
int firstWeekday(const std::filesystem::path& settingsFile);

}  // namespace unknot
