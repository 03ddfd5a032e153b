// The iCalendar export read back by a small parser: CRLF, folding at 75 octets, TEXT
// escaping, one daily VEVENT per reminder with UNTIL at the plan's end and a display alarm.
#include <catch2/catch.hpp>
#include <set>

#include "core/reminders/ics_calendar.hpp"
#include "support/ics_reader.hpp"

using namespace unknot;
using namespace unknot::testing;

namespace {

LogicalDate date(const char* text) {
  return *parseDate(text);
}

IcsOptions planOptions() {
  IcsOptions options;
  options.firstDay = date("2026-11-20");
  options.lastDay = date("2026-12-31");
  options.stamp = std::chrono::time_point_cast<std::chrono::milliseconds>(
      std::chrono::sys_days(date("2026-11-24")) + std::chrono::hours(9) + std::chrono::minutes(7) +
      std::chrono::seconds(5));
  options.planId = 4;
  return options;
}

}  // namespace

TEST_CASE("TEXT values escape backslash, semicolon, comma and newlines") {
  CHECK(icsEscapeText("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf");
  CHECK(icsUnescape(icsEscapeText("x; y, z\\ \n!")) == "x; y, z\\ \n!");
}

TEST_CASE("long lines fold at 75 octets without splitting a UTF-8 character") {
  std::string line = "DESCRIPTION:";
  for (int i = 0; i < 40; ++i) line += "\xC3\xA9";  // é, two octets
  line += std::string(100, 'x');
  const std::string folded = icsFoldLine(line);
  const auto physical = icsPhysicalLines(folded);  // throws on a line over 75 octets
  REQUIRE(physical.size() == 3);
  for (size_t i = 1; i < physical.size(); ++i) {
    CHECK(physical[i][0] == ' ');
    CHECK((static_cast<unsigned char>(physical[i][1]) & 0xC0) != 0x80);
  }
  CHECK(icsUnfold(folded) == std::vector<std::string>{line});
  CHECK(icsFoldLine("SHORT:1") == "SHORT:1\r\n");
}

TEST_CASE("the exported calendar has one daily event with an alarm per reminder") {
  const ReminderSchedule schedule(
      {{1, 8 * 60, "stretch"},
       {2, 18 * 60, "stretch"},
       {3, 60, "foam-roll+massage"},
       {4, 20 * 60, "routine:a-very-long-routine-name-that-forces-the-lines-to-fold"}});
  const std::string text = icsCalendar(schedule, planOptions());
  const IcsComponent calendar = icsParse(text);
  CHECK(calendar.name == "VCALENDAR");
  CHECK(calendar.get("VERSION") == "2.0");
  CHECK(calendar.get("PRODID").find("unknot") != std::string::npos);
  REQUIRE(calendar.children.size() == 4);

  // Events follow the schedule's clock order: 01:00, 08:00, 18:00, 20:00.
  const IcsComponent& late = calendar.children[0];
  CHECK(late.get("DTSTART") == "20261121T010000");  // 01:00 of logical day 20 Nov is on the 21st
  CHECK(late.get("RRULE") == "FREQ=DAILY;UNTIL=20270101T010000");
  CHECK(icsUnescape(late.get("SUMMARY")) == "Time for foam-roll or massage (unknot)");

  const IcsComponent& morning = calendar.children[1];
  CHECK(morning.name == "VEVENT");
  CHECK(morning.get("UID") == "reminder-1-plan-4@unknot");
  CHECK(morning.get("DTSTAMP") == "20261124T090705Z");
  CHECK(morning.get("DTSTART") == "20261120T080000");
  CHECK(morning.get("DURATION") == "PT15M");
  CHECK(morning.get("RRULE") == "FREQ=DAILY;UNTIL=20261231T080000");
  const std::string description = icsUnescape(morning.get("DESCRIPTION"));
  CHECK(description.find("Time for stretch, as your recovery plan asks.\nSkip it") == 0);
  CHECK(morning.get("DESCRIPTION").find("\\,") != std::string::npos);
  REQUIRE(morning.children.size() == 1);
  const IcsComponent& alarm = morning.children[0];
  CHECK(alarm.name == "VALARM");
  CHECK(alarm.get("ACTION") == "DISPLAY");
  CHECK(alarm.get("TRIGGER") == "PT0M");
  CHECK(icsUnescape(alarm.get("DESCRIPTION")) == "Time for stretch");

  CHECK(calendar.children[3].get("CATEGORIES") ==
        "routine:a-very-long-routine-name-that-forces-the-lines-to-fold");
  CHECK(text.find("\r\n ") != std::string::npos);  // something was folded
  std::set<std::string> uids;
  for (const auto& event : calendar.children) uids.insert(event.get("UID"));
  CHECK(uids.size() == 4);
}

TEST_CASE("without a plan end the events repeat without UNTIL") {
  IcsOptions options = planOptions();
  options.lastDay.reset();
  const auto calendar = icsParse(icsCalendar(ReminderSchedule({{1, 480, "any"}}), options));
  REQUIRE(calendar.children.size() == 1);
  CHECK(calendar.children[0].get("RRULE") == "FREQ=DAILY");
  CHECK(icsUnescape(calendar.children[0].get("SUMMARY")) == "Time for any routine (unknot)");
}

TEST_CASE("an empty schedule is still a valid calendar") {
  const auto calendar = icsParse(icsCalendar(ReminderSchedule(), planOptions()));
  CHECK(calendar.children.empty());
  CHECK(calendar.count("PRODID") == 1);
}
