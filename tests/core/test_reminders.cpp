// Reminder times per target and the due logic: time reached, met targets, snooze, silence,
// the day start, and one call per target after a day the computer was off.
#include <catch2/catch.hpp>

#include "core/reminders/reminder_schedule.hpp"

using namespace unknot;
using namespace std::chrono;

namespace {

LogicalDate date(const char* text) {
  return *parseDate(text);
}

// Local wall-clock time `hh:mm` on `day` in a zone `offsetHours` east of UTC.
LocalInstant at(const char* day, int hh, int mm, int offsetHours = 1) {
  const auto local = sys_days(date(day)) + hours(hh) + minutes(mm);
  return {time_point_cast<milliseconds>(local - hours(offsetHours)), hours(offsetHours)};
}

ReminderSchedule stretchTwiceRollOnce() {
  return ReminderSchedule(
      {{1, 8 * 60, "stretch"}, {2, 18 * 60, "stretch"}, {3, 12 * 60, "foam-roll"}});
}

SessionPart part(std::int64_t session, Category category, const char* routine = "some-routine") {
  SessionPart p;
  p.sessionId = session;
  p.date = date("2026-11-24");
  p.routineId = routine;
  p.category = category;
  p.plannedWorkPhases = 2;
  p.doneWorkPhases = 2;
  return p;
}

ReminderSituation situation(LocalInstant now) {
  ReminderSituation s;
  s.now = now;
  Target stretch;
  stretch.categories = {Category::Stretch};
  stretch.perDay = 2;
  s.planTargets = {stretch};
  return s;
}

std::vector<std::int64_t> dueIds(const ReminderSchedule& schedule, const ReminderSituation& s) {
  std::vector<std::int64_t> ids;
  for (const auto& due : dueReminders(schedule, s)) ids.push_back(due.reminder.id);
  return ids;
}

using Ids = std::vector<std::int64_t>;

}  // namespace

TEST_CASE("reminder times are read as H:MM or HH:MM and bad ones say what was expected") {
  std::string error;
  CHECK(parseTimeOfDay("08:00", error) == 480);
  CHECK(parseTimeOfDay("8:00", error) == 480);
  CHECK(parseTimeOfDay("0:00", error) == 0);
  CHECK(parseTimeOfDay("23:59", error) == 1439);
  CHECK(formatTimeOfDay(485) == "08:05");
  for (const char* bad :
       {"24:00", "12:60", "0800", "", "ab:cd", "08:00:00", "8:5", "008:00", " 8:00", ":00"}) {
    error.clear();
    INFO(bad);
    CHECK_FALSE(parseTimeOfDay(bad, error));
    CHECK(error.find("expected H:MM or HH:MM") != std::string::npos);
  }
}

TEST_CASE("reminder targets use the plan's words without a count") {
  std::string error;
  CHECK(parseReminderTarget("stretch", error)->categories == std::vector{Category::Stretch});
  CHECK(parseReminderTarget("routine:pigeon-pose", error)->routineId == "pigeon-pose");
  CHECK_FALSE(parseReminderTarget("stretch=2", error));
  CHECK(error.find("without a count") != std::string::npos);
  CHECK_FALSE(parseReminderTarget("stretchh", error));
  CHECK(error.find("stretchh") != std::string::npos);
  CHECK_FALSE(parseReminderTarget("strech", error));
  CHECK(error.find("(did you mean 'stretch'?)") != std::string::npos);
}

TEST_CASE("the schedule keeps reminders in time order and refuses duplicates") {
  ReminderSchedule schedule = stretchTwiceRollOnce();
  REQUIRE(schedule.reminders().size() == 3);
  CHECK(schedule.reminders()[0].id == 1);
  CHECK(schedule.reminders()[1].id == 3);
  CHECK(schedule.reminders()[2].id == 2);
  const auto duplicate = schedule.add({9, 8 * 60, "stretch"});
  REQUIRE(duplicate);
  CHECK(duplicate->find("already a reminder for stretch at 08:00") != std::string::npos);
  CHECK(schedule.add({9, 8 * 60, "nonsense"}));
  CHECK(schedule.reminders().size() == 3);
}

TEST_CASE("a reminder is due once its time today has come") {
  const auto schedule = stretchTwiceRollOnce();
  CHECK(dueIds(schedule, situation(at("2026-11-24", 7, 59))).empty());
  CHECK(dueIds(schedule, situation(at("2026-11-24", 8, 0))) == Ids{1});
  CHECK(dueIds(schedule, situation(at("2026-11-24", 12, 30))) == Ids{1, 3});
}

TEST_CASE("a reminder that fired today does not fire again") {
  const auto schedule = stretchTwiceRollOnce();
  auto s = situation(at("2026-11-24", 8, 5));
  s.todayEvents.push_back(
      {1, date("2026-11-24"), ReminderAction::Fired, at("2026-11-24", 8, 1).utc, {}});
  CHECK(dueIds(schedule, s).empty());
  // The evening reminder of the same target is its own call.
  s.now = at("2026-11-24", 18, 0);
  CHECK(dueIds(schedule, s) == Ids{3, 2});
}

TEST_CASE("a met target silences its reminders, an unmet count keeps them") {
  const auto schedule = stretchTwiceRollOnce();
  auto s = situation(at("2026-11-24", 18, 30));
  s.todayEvents.push_back(
      {1, date("2026-11-24"), ReminderAction::Fired, at("2026-11-24", 8, 0).utc, {}});
  s.todayParts = {part(10, Category::Stretch)};
  auto due = dueReminders(schedule, s);
  REQUIRE(due.size() == 2);  // foam-roll at 12:00 and the second stretch of two
  CHECK(due[1].reminder.id == 2);
  CHECK(due[1].done == 1);
  CHECK(due[1].needed == 2);

  s.todayParts.push_back(part(11, Category::Stretch));
  s.todayParts.push_back(part(12, Category::FoamRoll));
  CHECK(dueIds(schedule, s).empty());
}

TEST_CASE("a session that skipped most of its work does not meet a target") {
  const auto schedule = ReminderSchedule({{1, 8 * 60, "stretch"}});
  auto s = situation(at("2026-11-24", 9, 0));
  s.planTargets.clear();  // not in the plan: one session is enough
  auto skipped = part(10, Category::Stretch);
  skipped.doneWorkPhases = 0;
  s.todayParts = {skipped};
  CHECK(dueIds(schedule, s) == Ids{1});
  s.todayParts = {part(11, Category::Stretch)};
  CHECK(dueIds(schedule, s).empty());
}

TEST_CASE("a snoozed reminder rings again after ten minutes") {
  const auto schedule = ReminderSchedule({{1, 8 * 60, "stretch"}});
  auto s = situation(at("2026-11-24", 8, 0));
  s.todayEvents.push_back({1, date("2026-11-24"), ReminderAction::Fired, s.now.utc, {}});
  s.todayEvents.push_back(snoozeEvent(1, s));
  CHECK(s.todayEvents.back().until == at("2026-11-24", 8, 10).utc);
  s.now = at("2026-11-24", 8, 9);
  CHECK(dueIds(schedule, s).empty());
  s.now = at("2026-11-24", 8, 10);
  CHECK(dueIds(schedule, s) == Ids{1});
  // Ringing again ends the snooze.
  s.todayEvents.push_back({1, date("2026-11-24"), ReminderAction::Fired, s.now.utc, {}});
  CHECK(dueIds(schedule, s).empty());
}

TEST_CASE("silence for today stops one reminder or all of them until the next day") {
  const auto schedule = stretchTwiceRollOnce();
  auto s = situation(at("2026-11-24", 12, 0));
  s.todayEvents.push_back(silenceEvent(1, s));
  CHECK(dueIds(schedule, s) == Ids{3});
  s.todayEvents.push_back(silenceEvent(0, s));
  s.now = at("2026-11-24", 20, 0);
  CHECK(dueIds(schedule, s).empty());
  CHECK(silenceEvent(0, s).date == date("2026-11-24"));
}

TEST_CASE("the day start decides which day a late reminder belongs to") {
  // 01:00 belongs to the logical day that began at 03:00 the day before.
  const auto schedule = ReminderSchedule({{1, 60, "stretch"}, {2, 22 * 60, "massage"}});
  auto s = situation(at("2026-11-24", 23, 0));
  CHECK(dueIds(schedule, s) == Ids{2});  // 01:00 is still to come tonight
  s.now = at("2026-11-25", 1, 30);
  CHECK(dueIds(schedule, s) == Ids{2, 1});
  s.dayStartHour = 0;  // with midnight as the day start, 01:00 is early in the new day
  CHECK(dueIds(schedule, s) == Ids{1});
  CHECK(ReminderSchedule::calendarDate(date("2026-11-24"), 60, 3) == date("2026-11-25"));
  CHECK(ReminderSchedule::calendarDate(date("2026-11-24"), 60, 0) == date("2026-11-24"));
}

TEST_CASE("missed reminders of one target ring once, for the latest of them") {
  const auto schedule =
      ReminderSchedule({{1, 8 * 60, "stretch"}, {2, 13 * 60, "stretch"}, {3, 18 * 60, "stretch"}});
  const auto due = dueReminders(schedule, situation(at("2026-11-24", 19, 0)));
  REQUIRE(due.size() == 1);
  CHECK(due[0].reminder.id == 3);
  CHECK(due[0].covers == Ids{1, 2});
}

TEST_CASE("the local offset, not UTC, decides whether a reminder is due") {
  const auto schedule = ReminderSchedule({{1, 8 * 60, "stretch"}});
  // 07:30 UTC is 08:30 in UTC+1 but 06:30 in UTC-1.
  const auto east = at("2026-11-24", 8, 30, 1), west = at("2026-11-24", 6, 30, -1);
  REQUIRE(east.utc == west.utc);
  CHECK(dueIds(schedule, situation(east)) == Ids{1});
  CHECK(dueIds(schedule, situation(west)).empty());
}

TEST_CASE("only reminders that rang and are still open can be snoozed") {
  const auto schedule = stretchTwiceRollOnce();
  auto s = situation(at("2026-11-24", 12, 5));
  CHECK(snoozableReminders(schedule, s).empty());
  s.todayEvents.push_back(
      {1, date("2026-11-24"), ReminderAction::Fired, at("2026-11-24", 8, 0).utc, {}});
  s.todayEvents.push_back(
      {3, date("2026-11-24"), ReminderAction::Fired, at("2026-11-24", 12, 0).utc, {}});
  CHECK(snoozableReminders(schedule, s) == Ids{1, 3});
  s.todayParts = {part(10, Category::FoamRoll)};
  CHECK(snoozableReminders(schedule, s) == Ids{1});
  s.todayEvents.push_back(snoozeEvent(1, s));
  CHECK(snoozableReminders(schedule, s).empty());
}
