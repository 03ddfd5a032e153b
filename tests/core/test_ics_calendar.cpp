// The iCalendar export read back by libical: CRLF, folding at 75 octets, TEXT escaping, one
// daily VEVENT per reminder with UNTIL at the plan's end and a display alarm.
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

icalrecurrencetype rule(icalcomponent* event) {
  icalproperty* property = icalcomponent_get_first_property(event, ICAL_RRULE_PROPERTY);
  REQUIRE(property != nullptr);
  return icalproperty_get_rrule(property);
}

// What a calendar app does with the event: the start times libical expands its RRULE to.
std::vector<std::string> occurrences(icalcomponent* event) {
  icalrecur_iterator* iterator =
      icalrecur_iterator_new(rule(event), icalcomponent_get_dtstart(event));
  REQUIRE(iterator != nullptr);
  std::vector<std::string> starts;
  for (icaltimetype next = icalrecur_iterator_next(iterator);
       !icaltime_is_null_time(next) && starts.size() < 1000;
       next = icalrecur_iterator_next(iterator)) {
    starts.emplace_back(icaltime_as_ical_string(next));
  }
  icalrecur_iterator_free(iterator);
  return starts;
}

}  // namespace

TEST_CASE("TEXT values escape backslash, semicolon, comma and newlines") {
  CHECK(icsEscapeText("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf");
  CHECK(icsUnescape(icsEscapeText("x; y, z\\ \n!")) == "x; y, z\\ \n!");
}

TEST_CASE("long lines fold at 75 octets without splitting a UTF-8 character") {
  std::string value;
  for (int i = 0; i < 40; ++i) value += "\xC3\xA9";  // é, two octets
  value += std::string(100, 'x');
  const std::string folded = icsFoldLine("DESCRIPTION:" + value);
  const auto physical = icsPhysicalLines(folded);  // throws on a line over 75 octets
  REQUIRE(physical.size() == 3);
  for (size_t i = 1; i < physical.size(); ++i) {
    CHECK(physical[i][0] == ' ');
    CHECK((static_cast<unsigned char>(physical[i][1]) & 0xC0) != 0x80);
  }
  // libical unfolds it back to the one value.
  const auto calendar = icsParse("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" +
                                 folded + "END:VCALENDAR\r\n");
  CHECK(icsValue(calendar.get(), ICAL_DESCRIPTION_PROPERTY) == value);
  CHECK(icsFoldLine("SHORT:1") == "SHORT:1\r\n");
}

TEST_CASE("the exported calendar has one daily event with an alarm per reminder") {
  const ReminderSchedule schedule(
      {{1, 8 * 60, "stretch"},
       {2, 18 * 60, "stretch"},
       {3, 60, "foam-roll+massage"},
       {4, 20 * 60, "routine:a-very-long-routine-name-that-forces-the-lines-to-fold"}});
  const std::string text = icsCalendar(schedule, planOptions());
  const auto calendar = icsParse(text);
  CHECK(icsValue(calendar.get(), ICAL_VERSION_PROPERTY) == "2.0");
  CHECK(icsValue(calendar.get(), ICAL_PRODID_PROPERTY).find("unknot") != std::string::npos);
  CHECK(icalcomponent_count_components(calendar.get(), ICAL_ANY_COMPONENT) == 4);
  const auto events = icsChildren(calendar.get(), ICAL_VEVENT_COMPONENT);
  REQUIRE(events.size() == 4);

  // Events follow the schedule's clock order: 01:00, 08:00, 18:00, 20:00.
  icalcomponent* late = events[0];
  CHECK(icsValue(late, ICAL_DTSTART_PROPERTY) == "20261121T010000");  // 01:00 of logical 20 Nov
  CHECK(icsValue(late, ICAL_RRULE_PROPERTY) == "FREQ=DAILY;UNTIL=20270101T010000");
  CHECK(icsValue(late, ICAL_SUMMARY_PROPERTY) == "Time for foam-roll or massage (unknot)");

  icalcomponent* morning = events[1];
  CHECK(icsValue(morning, ICAL_UID_PROPERTY) == "reminder-1-plan-4@unknot");
  CHECK(icsValue(morning, ICAL_DTSTAMP_PROPERTY) == "20261124T090705Z");
  CHECK(icsValue(morning, ICAL_DTSTART_PROPERTY) == "20261120T080000");
  CHECK(icaltime_is_utc(icalcomponent_get_dtstart(morning)) == 0);  // floating: no Z, no TZID
  CHECK(icaldurationtype_as_int(icalcomponent_get_duration(morning)) == 15 * 60);
  const icalrecurrencetype daily = rule(morning);
  CHECK(daily.freq == ICAL_DAILY_RECURRENCE);
  CHECK(daily.interval == 1);
  CHECK(daily.count == 0);
  CHECK(std::string(icaltime_as_ical_string(daily.until)) == "20261231T080000");
  const std::string description = icsValue(morning, ICAL_DESCRIPTION_PROPERTY);
  CHECK(description.find("Time for stretch, as your recovery plan asks.\nSkip it") == 0);
  std::string unfolded = text;  // the comma is escaped in the file, as TEXT requires
  for (size_t at; (at = unfolded.find("\r\n ")) != std::string::npos;) unfolded.erase(at, 3);
  CHECK(unfolded.find("DESCRIPTION:Time for stretch\\, as") != std::string::npos);

  const auto alarms = icsChildren(morning, ICAL_VALARM_COMPONENT);
  REQUIRE(alarms.size() == 1);
  icalcomponent* alarm = alarms[0];
  CHECK(icalproperty_get_action(icalcomponent_get_first_property(alarm, ICAL_ACTION_PROPERTY)) ==
        ICAL_ACTION_DISPLAY);
  const icaltriggertype trigger =
      icalproperty_get_trigger(icalcomponent_get_first_property(alarm, ICAL_TRIGGER_PROPERTY));
  CHECK(icaltime_is_null_time(trigger.time));  // relative to the start, not an absolute time
  CHECK(icaldurationtype_as_int(trigger.duration) == 0);
  CHECK(icsValue(alarm, ICAL_DESCRIPTION_PROPERTY) == "Time for stretch");

  CHECK(icsValue(events[3], ICAL_CATEGORIES_PROPERTY) ==
        "routine:a-very-long-routine-name-that-forces-the-lines-to-fold");
  CHECK(text.find("\r\n ") != std::string::npos);  // something was folded
  std::set<std::string> uids;
  for (icalcomponent* event : events) uids.insert(icsValue(event, ICAL_UID_PROPERTY));
  CHECK(uids.size() == 4);
}

TEST_CASE("a calendar app rings each reminder once a day from the first day to the plan's last") {
  const std::string text =
      icsCalendar(ReminderSchedule({{1, 8 * 60, "stretch"}, {2, 60, "any"}}), planOptions());
  const auto calendar = icsParse(text);
  const auto events = icsChildren(calendar.get(), ICAL_VEVENT_COMPONENT);
  REQUIRE(events.size() == 2);
  // 20 Nov to 31 Dec is 42 logical days; 01:00 belongs to the logical day before it.
  const auto night = occurrences(events[0]);
  REQUIRE(night.size() == 42);
  CHECK(night.front() == "20261121T010000");
  CHECK(night.back() == "20270101T010000");
  const auto morning = occurrences(events[1]);
  REQUIRE(morning.size() == 42);
  CHECK(morning.front() == "20261120T080000");
  CHECK(morning[11] == "20261201T080000");
  CHECK(morning.back() == "20261231T080000");
}

TEST_CASE("without a plan end the events repeat without UNTIL") {
  IcsOptions options = planOptions();
  options.lastDay.reset();
  const auto calendar = icsParse(icsCalendar(ReminderSchedule({{1, 480, "any"}}), options));
  const auto events = icsChildren(calendar.get(), ICAL_VEVENT_COMPONENT);
  REQUIRE(events.size() == 1);
  CHECK(icsValue(events[0], ICAL_RRULE_PROPERTY) == "FREQ=DAILY");
  CHECK(icaltime_is_null_time(rule(events[0]).until));
  CHECK(icsValue(events[0], ICAL_SUMMARY_PROPERTY) == "Time for any routine (unknot)");
}

TEST_CASE("an empty schedule is still a valid calendar") {
  const auto calendar = icsParse(icsCalendar(ReminderSchedule(), planOptions()));
  CHECK(icalcomponent_count_components(calendar.get(), ICAL_ANY_COMPONENT) == 0);
  CHECK(icalcomponent_count_properties(calendar.get(), ICAL_PRODID_PROPERTY) == 1);
}

TEST_CASE("the reader rejects what libical flags, so a broken writer cannot pass") {
  const std::string head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n";
  CHECK_NOTHROW(icsParse(head + "END:VCALENDAR\r\n"));
  CHECK_THROWS(icsParse(head + "BEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20261124T090705Z\r\n"
                               "DTSTART:tomorrow\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"));
  CHECK_THROWS(icsParse("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"));  // no PRODID
  CHECK_THROWS(icsParse(head + "BEGIN:VEVENT\r\nDTSTAMP:20261124T090705Z\r\nEND:VEVENT\r\n"
                               "END:VCALENDAR\r\n"));  // no UID
  CHECK_THROWS(icsParse(head + "END:VCALENDAR\n"));    // bare LF
  CHECK_THROWS(icsParse(head + "BEGIN:VEVENT\r\n"));   // never closed
}
