// `unknot stats` in the user's locale: its text calendar has a weekday header row and its weeks
// start on the locale's first weekday (Monday in de_DE), or on calendar.first_weekday when set;
// its dates are written the locale's way (ISO in the C locale).
#include <catch2/catch.hpp>
#include <clocale>
#include <sstream>

#include "core/recovery/logical_day.hpp"
#include "support/process.hpp"

using namespace unknot;
using namespace unknot::testing;

namespace {

ProcessResult stats(const TempDir& home, const char* lcTime, const std::string& settings = "") {
  home.write("config/unknot/settings.toml", settings);
  ProcessOptions options;
  options.env = {{"XDG_CONFIG_HOME", home.file("config")},
                 {"XDG_DATA_HOME", home.file("data")},
                 {"HOME", home.path()},
                 {"TZ", "UTC"},
                 {"LC_ALL", ""},
                 {"LANG", "C"},
                 {"LC_TIME", lcTime}};
  return runProcess({UNKNOT_BINARY, "stats"}, options);
}

// The header row (the line after "Calendar (...)") and the first week's row.
std::pair<std::string, std::string> calendarRows(const std::string& out) {
  std::istringstream lines(out);
  std::string line, header, week;
  while (std::getline(lines, line)) {
    if (line.rfind("Calendar (", 0) == 0) {
      std::getline(lines, header);
      std::getline(lines, week);
      break;
    }
  }
  return {header, week};
}

void startPlanOnAWednesday(const TempDir& home) {
  ProcessOptions options;
  options.env = {{"XDG_CONFIG_HOME", home.file("config")},
                 {"XDG_DATA_HOME", home.file("data")},
                 {"HOME", home.path()},
                 {"TZ", "UTC"}};
  // 2026-03-04 is a Wednesday.
  const ProcessResult plan =
      runProcess({UNKNOT_BINARY, "plan", "start", "--date", "2026-03-04"}, options);
  INFO(plan.err);
  REQUIRE(plan.exitCode == 0);
}

void requireLocale(const char* name) {
  const locale_t probe = newlocale(LC_TIME_MASK, name, static_cast<locale_t>(nullptr));
  if (probe == static_cast<locale_t>(nullptr))
    FAIL("the locale " << name << " is not installed here: run scripts/setup");
  freelocale(probe);
}

}  // namespace

TEST_CASE("with LC_TIME=de_DE.UTF-8 the stats calendar starts its weeks on Monday") {
  requireLocale("de_DE.UTF-8");
  TempDir home;
  startPlanOnAWednesday(home);
  const ProcessResult run = stats(home, "de_DE.UTF-8");
  INFO(run.out << run.err);
  REQUIRE(run.exitCode == 0);
  const auto [header, week] = calendarRows(run.out);
  CHECK(header.find("Mo Tu We Th Fr Sa Su") != std::string::npos);
  // Wednesday sits under "We": two blank days before it in the first week.
  const size_t we = header.find("We");
  REQUIRE(week.size() > we);
  CHECK(week[we] != ' ');
  CHECK(week[header.find("Tu")] == ' ');
  // Dates as the locale writes them.
  CHECK(run.out.find("finished on 14.04.2026") != std::string::npos);
}

TEST_CASE("in the C locale the stats calendar starts on Sunday unless the settings say otherwise") {
  TempDir home;
  startPlanOnAWednesday(home);
  const ProcessResult c = stats(home, "C");
  INFO(c.out << c.err);
  CHECK(calendarRows(c.out).first.find("Su Mo Tu We Th Fr Sa") != std::string::npos);
  CHECK(c.out.find("finished on 2026-04-14") != std::string::npos);  // ISO dates, as before
  const ProcessResult set =
      stats(home, "C",
            "[safety]\nnotice_acknowledged = true\n[calendar]\nfirst_weekday = \"saturday\"\n");
  INFO(set.out << set.err);
  CHECK(calendarRows(set.out).first.find("Sa Su Mo Tu We Th Fr") != std::string::npos);
}
