// Daily reminders: the reminder times per target, and the log of what each did on a
// logical day (fired, snoozed, silenced) that keeps `remind --once` from repeating itself.
#include <sqlite3.h>

#include "store/store.hpp"

namespace unknot {

namespace {

UtcMillis fromMs(std::int64_t ms) {
  return UtcMillis(std::chrono::milliseconds(ms));
}

}  // namespace

std::vector<Reminder> Store::reminders() {
  std::vector<Reminder> out;
  Statement query = m_db.prepare(
      "SELECT id, minute_of_day, target FROM reminders ORDER BY minute_of_day, target");
  while (query.step()) out.push_back({query.int64(0), query.integer(1), query.text(2)});
  return out;
}

Reminder Store::addReminder(int minuteOfDay, const std::string& target, const LocalInstant& now) {
  Statement insert = m_db.prepare(
      "INSERT INTO reminders (minute_of_day, target, created_utc_ms) VALUES (?1, ?2, ?3)");
  insert.bind(1, minuteOfDay).bind(2, target).bind(3, now.utc.time_since_epoch().count());
  try {
    insert.run();
  } catch (const StoreError&) {
    if ((sqlite3_extended_errcode(m_db.handle()) & 0xff) == SQLITE_CONSTRAINT) {
      throw StoreError("there is already a reminder for " + target + " at " +
                       formatTimeOfDay(minuteOfDay));
    }
    throw;
  }
  return {m_db.lastInsertId(), minuteOfDay, target};
}

int Store::removeReminders(int minuteOfDay, const std::string& target) {
  Transaction transaction(m_db);
  Statement remove =
      m_db.prepare("DELETE FROM reminders WHERE minute_of_day = ?1 AND (?2 = '' OR target = ?2)");
  remove.bind(1, minuteOfDay).bind(2, target).run();
  const int removed = m_db.changes();
  // The log of removed reminders means nothing any more.
  m_db.exec(
      "DELETE FROM reminder_events WHERE reminder_id <> 0 AND "
      "reminder_id NOT IN (SELECT id FROM reminders)");
  transaction.commit();
  return removed;
}

ReminderSituation Store::reminderSituation(const LocalInstant& now, LogicalDate& today) {
  ReminderSituation situation;
  situation.now = now;
  situation.dayStartHour = dayStartHour();
  today = dateFor(now);
  if (const auto plan = currentPlan(); plan && plan->contains(today)) {
    situation.planTargets = plan->targetsOn(today);
  }
  situation.todayParts = sessionParts({today, today});
  situation.todayEvents = reminderEvents(today);
  return situation;
}

std::vector<ReminderEvent> Store::reminderEvents(LogicalDate day) {
  std::vector<ReminderEvent> out;
  Statement query = m_db.prepare(
      "SELECT reminder_id, action, at_utc_ms, until_utc_ms FROM reminder_events "
      "WHERE logical_date = ?1 ORDER BY at_utc_ms, id");
  query.bind(1, formatDate(day));
  while (query.step()) {
    const auto action = parseReminderAction(query.text(1));
    if (!action) continue;  // written by a newer unknot: not ours to interpret
    ReminderEvent event{query.int64(0), day, *action, fromMs(query.int64(2)), std::nullopt};
    if (const auto until = query.optionalInt64(3)) event.until = fromMs(*until);
    out.push_back(event);
  }
  return out;
}

void Store::addReminderEvent(const ReminderEvent& event) {
  Statement insert = m_db.prepare(
      "INSERT INTO reminder_events (reminder_id, logical_date, action, at_utc_ms, until_utc_ms) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  std::optional<std::int64_t> until;
  if (event.until) until = event.until->time_since_epoch().count();
  insert.bind(1, event.reminderId)
      .bind(2, formatDate(event.date))
      .bind(3, toString(event.action))
      .bind(4, static_cast<std::int64_t>(event.at.time_since_epoch().count()))
      .bind(5, until)
      .run();
}

}  // namespace unknot
