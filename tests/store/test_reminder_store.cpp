// Reminder times and the per-day reminder log in the store (schema 3).
#include <catch2/catch.hpp>

#include "store/schema.hpp"
#include "store_test_support.hpp"

using namespace unknot;
using namespace unknot::testing;

TEST_CASE("reminders are kept in clock order and survive reopening") {
  TempDir temp;
  {
    Store store(temp.path());
    store.addReminder(18 * 60, "stretch", at("2026-11-24", 9));
    store.addReminder(8 * 60, "stretch", at("2026-11-24", 9));
    store.addReminder(8 * 60, "foam-roll", at("2026-11-24", 9));
  }
  Store store(temp.path());
  const auto reminders = store.reminders();
  REQUIRE(reminders.size() == 3);
  CHECK(reminders[0].minuteOfDay == 480);
  CHECK(reminders[0].target == "foam-roll");
  CHECK(reminders[1].target == "stretch");
  CHECK(reminders[2].minuteOfDay == 1080);
}

TEST_CASE("a duplicate reminder is refused with a readable reason") {
  TempDir temp;
  Store store(temp.path());
  store.addReminder(480, "stretch", at("2026-11-24", 9));
  CHECK_THROWS_WITH(store.addReminder(480, "stretch", at("2026-11-24", 9)),
                    "there is already a reminder for stretch at 08:00");
  CHECK(store.reminders().size() == 1);
}

TEST_CASE("removing a time drops its reminders and their log, other days' silences stay") {
  TempDir temp;
  Store store(temp.path());
  const auto morning = store.addReminder(480, "stretch", at("2026-11-24", 9));
  const auto roll = store.addReminder(480, "foam-roll", at("2026-11-24", 9));
  store.addReminderEvent(
      {morning.id, day("2026-11-24"), ReminderAction::Fired, at("2026-11-24", 8).utc, {}});
  store.addReminderEvent(
      {0, day("2026-11-24"), ReminderAction::Silenced, at("2026-11-24", 8).utc, {}});
  CHECK(store.removeReminders(480, "stretch") == 1);
  REQUIRE(store.reminders().size() == 1);
  CHECK(store.reminders()[0].id == roll.id);
  const auto events = store.reminderEvents(day("2026-11-24"));
  REQUIRE(events.size() == 1);
  CHECK(events[0].reminderId == 0);
  CHECK(store.removeReminders(480, "") == 1);
  CHECK(store.removeReminders(480, "") == 0);
}

TEST_CASE("reminder events read back per logical day with their snooze end") {
  TempDir temp;
  Store store(temp.path());
  const auto reminder = store.addReminder(480, "stretch", at("2026-11-24", 9));
  ReminderEvent snooze{reminder.id, day("2026-11-24"), ReminderAction::Snoozed,
                       at("2026-11-24", 8).utc, at("2026-11-24", 8, 10).utc};
  store.addReminderEvent(
      {reminder.id, day("2026-11-24"), ReminderAction::Fired, at("2026-11-24", 8).utc, {}});
  store.addReminderEvent(snooze);
  store.addReminderEvent(
      {reminder.id, day("2026-11-25"), ReminderAction::Fired, at("2026-11-25", 8).utc, {}});
  const auto events = store.reminderEvents(day("2026-11-24"));
  REQUIRE(events.size() == 2);
  CHECK(events[0].action == ReminderAction::Fired);
  CHECK(events[1].action == ReminderAction::Snoozed);
  CHECK(events[1].until == snooze.until);
  CHECK(events[1].date == day("2026-11-24"));
  CHECK(store.reminderEvents(day("2026-11-23")).empty());
}

TEST_CASE("the reminder tables arrive with schema 3") {
  TempDir temp;
  Store store(temp.path());
  CHECK(store.schemaVersion() >= 3);
  RawDb raw(temp.file("unknot.db"));
  CHECK(raw.integer(
            "SELECT count(*) FROM sqlite_schema WHERE name IN ('reminders', 'reminder_events')") ==
        2);
}
