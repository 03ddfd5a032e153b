// The calendars' first weekday: from the LC_TIME locale as glibc reports it, unless the
// settings name one; and the heat map's cells laid out in calendar weeks from it.
#include <catch2/catch.hpp>
#include <clocale>
#include <cstdlib>
#include <optional>
#include <string>

#include "app/session/locale_calendar.hpp"
#include "ui/progress_model.hpp"

using namespace unknot;

namespace {

// Sets one variable for the scope of a test and puts the old value back.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : m_name(name) {
    if (const char* old = std::getenv(name)) m_old = old;
    if (value) {
      setenv(name, value, 1);
    } else {
      unsetenv(name);
    }
  }
  ~ScopedEnv() {
    if (m_old) {
      setenv(m_name, m_old->c_str(), 1);
    } else {
      unsetenv(m_name);
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* m_name;
  std::optional<std::string> m_old;
};

void requireLocale(const char* name) {
  const locale_t probe = newlocale(LC_TIME_MASK, name, static_cast<locale_t>(nullptr));
  if (probe == static_cast<locale_t>(nullptr)) {
    FAIL("the locale " << name << " is not installed here: run scripts/setup (it generates "
                       << "de_DE.UTF-8 and en_US.UTF-8)");
  }
  freelocale(probe);
}

int firstWeekdayIn(const char* lcTime) {
  const ScopedEnv all("LC_ALL", nullptr);
  const ScopedEnv time("LC_TIME", lcTime);
  return localeFirstWeekday();
}

}  // namespace

TEST_CASE("the first weekday of LC_TIME=de_DE.UTF-8 is Monday") {
  requireLocale("de_DE.UTF-8");
  CHECK(firstWeekdayIn("de_DE.UTF-8") == 1);
}

TEST_CASE("the first weekday of en_US and of the C locale is Sunday") {
  requireLocale("en_US.UTF-8");
  CHECK(firstWeekdayIn("en_US.UTF-8") == 0);
  CHECK(firstWeekdayIn("C") == 0);
}

TEST_CASE("calendar.first_weekday in the settings wins over the locale") {
  requireLocale("de_DE.UTF-8");
  const ScopedEnv all("LC_ALL", nullptr);
  const ScopedEnv time("LC_TIME", "de_DE.UTF-8");
  Settings settings;
  CHECK(firstWeekday(settings) == 1);
  settings.calendar.firstWeekday = 6;
  CHECK(firstWeekday(settings) == 6);
}

TEST_CASE("the heat map starts its rows on the first weekday, leaving the days before blank") {
  ProgressSnapshot snapshot;
  // 2026-03-04 is a Wednesday; ten days of plan.
  const LogicalDate first = std::chrono::sys_days(std::chrono::year(2026) / 3 / 4);
  for (int i = 0; i < 10; ++i)
    snapshot.days.push_back({first + std::chrono::days(i), i + 1, DayState::Future});
  snapshot.today = first;
  SECTION("Monday first: Wednesday is the third column") {
    const auto cells = heatMapCells(snapshot, 1);
    CHECK(cells.front().column == 2);
    CHECK(cells.front().row == 0);
    CHECK(cells[5].column == 0);  // the next Monday opens row 2
    CHECK(cells[5].row == 1);
    CHECK(heatMapRows(snapshot, 1) == 2);
  }
  SECTION("Sunday first: Wednesday is the fourth column") {
    CHECK(heatMapCells(snapshot, 0).front().column == 3);
    CHECK(heatMapRows(snapshot, 0) == 2);
  }
  SECTION("no first weekday: rows begin on the plan's first day, as before") {
    CHECK(heatMapCells(snapshot, std::nullopt).front().column == 0);
  }
}

TEST_CASE("clock times follow the locale's 12- or 24-hour clock, 24 in the C locale") {
  requireLocale("en_US.UTF-8");
  requireLocale("de_DE.UTF-8");
  CHECK(clockFormatOf("en_US.UTF-8") == "%-I:%M %p");
  CHECK(clockFormatOf("de_DE.UTF-8") == "%H:%M");
  CHECK(clockFormatOf("C") == "%H:%M");
  std::tm afternoon{};
  afternoon.tm_hour = 14;
  afternoon.tm_min = 5;
  const locale_t us = newlocale(LC_TIME_MASK, "en_US.UTF-8", static_cast<locale_t>(nullptr));
  char text[32];
  strftime_l(text, sizeof text, clockFormatOf("en_US.UTF-8").c_str(), &afternoon, us);
  freelocale(us);
  CHECK(std::string(text) == "2:05 PM");
}
