#include "core/reminders/reminder_schedule.hpp"

#include <algorithm>
#include <map>

namespace unknot {

namespace {

// One or two decimal digits (at least `minDigits`) as a number; nullopt for anything else.
std::optional<int> digitsOf(std::string_view text, size_t minDigits) {
  if (text.size() < minDigits || text.size() > 2) return std::nullopt;
  int value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// The minute of the local wall-clock day at `at`.
int localMinuteOfDay(const LocalInstant& at) {
  using namespace std::chrono;
  const auto local = at.utc + duration_cast<milliseconds>(at.offset);
  return static_cast<int>(duration_cast<minutes>(local - floor<days>(local)).count());
}

bool silencedToday(std::int64_t id, const std::vector<ReminderEvent>& events) {
  return std::any_of(events.begin(), events.end(), [id](const ReminderEvent& event) {
    return event.action == ReminderAction::Silenced &&
           (event.reminderId == 0 || event.reminderId == id);
  });
}

// Whether the reminder's own events leave it free to ring at `now`.
bool readyToRing(std::int64_t id, const std::vector<ReminderEvent>& events, UtcMillis now) {
  const ReminderEvent* last = nullptr;
  for (const ReminderEvent& event : events) {
    if (event.reminderId != id || event.action == ReminderAction::Silenced) continue;
    if (!last || event.at >= last->at) last = &event;
  }
  if (!last) return true;
  if (last->action == ReminderAction::Snoozed) return last->until && *last->until <= now;
  return false;
}

}  // namespace

std::optional<int> parseTimeOfDay(std::string_view text, std::string& error) {
  const size_t colon = text.find(':');
  // People write 8:00 as often as 08:00; the minutes always have two digits.
  const auto hours =
      colon == std::string_view::npos ? std::nullopt : digitsOf(text.substr(0, colon), 1);
  const auto minutes =
      colon == std::string_view::npos ? std::nullopt : digitsOf(text.substr(colon + 1), 2);
  if (!hours || !minutes || *hours > 23 || *minutes > 59) {
    error = "time '" + std::string(text) +
            "': expected H:MM or HH:MM from 0:00 to 23:59, e.g. 8:00 or 18:30";
    return std::nullopt;
  }
  return *hours * 60 + *minutes;
}

std::string formatTimeOfDay(int minuteOfDay) {
  const int hours = minuteOfDay / 60, minutes = minuteOfDay % 60;
  std::string text;
  text += static_cast<char>('0' + hours / 10);
  text += static_cast<char>('0' + hours % 10);
  text += ':';
  text += static_cast<char>('0' + minutes / 10);
  text += static_cast<char>('0' + minutes % 10);
  return text;
}

std::optional<Target> parseReminderTarget(std::string_view spec, std::string& error) {
  return parseTargetWhat(spec, error);
}

ReminderSchedule::ReminderSchedule(std::vector<Reminder> reminders) {
  for (const Reminder& reminder : reminders) add(reminder);
}

std::optional<std::string> ReminderSchedule::add(const Reminder& reminder) {
  std::string error;
  if (reminder.minuteOfDay < 0 || reminder.minuteOfDay >= kMinutesPerDay) {
    return "a reminder time must be from 00:00 to 23:59";
  }
  if (!parseReminderTarget(reminder.target, error)) return error;
  for (const Reminder& other : m_reminders) {
    if (other.minuteOfDay == reminder.minuteOfDay && other.target == reminder.target) {
      return "there is already a reminder for " + reminder.target + " at " +
             formatTimeOfDay(reminder.minuteOfDay);
    }
  }
  const auto place = std::upper_bound(
      m_reminders.begin(), m_reminders.end(), reminder, [](const Reminder& a, const Reminder& b) {
        return std::tie(a.minuteOfDay, a.target) < std::tie(b.minuteOfDay, b.target);
      });
  m_reminders.insert(place, reminder);
  return std::nullopt;
}

int ReminderSchedule::minuteInDay(int minuteOfDay, int dayStartHour) {
  return ((minuteOfDay - dayStartHour * 60) % kMinutesPerDay + kMinutesPerDay) % kMinutesPerDay;
}

LogicalDate ReminderSchedule::calendarDate(LogicalDate day, int minuteOfDay, int dayStartHour) {
  return minuteOfDay < dayStartHour * 60 ? day + std::chrono::days(1) : day;
}

const char* toString(ReminderAction action) {
  switch (action) {
    case ReminderAction::Fired:
      return "fired";
    case ReminderAction::Snoozed:
      return "snoozed";
    case ReminderAction::Silenced:
      return "silenced";
  }
  return "?";
}

std::optional<ReminderAction> parseReminderAction(std::string_view text) {
  for (const auto action :
       {ReminderAction::Fired, ReminderAction::Snoozed, ReminderAction::Silenced}) {
    if (text == toString(action)) return action;
  }
  return std::nullopt;
}

std::pair<int, int> targetProgress(const Target& target, const ReminderSituation& situation) {
  int needed = 1;
  for (const Target& planned : situation.planTargets) {
    if (planned.sameWhat(target)) needed = std::max(needed, planned.perDay);
  }
  const auto done = std::count_if(
      situation.todayParts.begin(), situation.todayParts.end(), [&target](const SessionPart& part) {
        return part.counts() && target.matches(part.routineId, part.category);
      });
  return {static_cast<int>(done), needed};
}

std::vector<DueReminder> dueReminders(const ReminderSchedule& schedule,
                                      const ReminderSituation& situation) {
  const int start = situation.dayStartHour;
  const int nowInDay = ReminderSchedule::minuteInDay(localMinuteOfDay(situation.now), start);
  std::map<std::string, DueReminder> byTarget;
  std::vector<std::string> order;
  for (const Reminder& reminder : schedule.reminders()) {
    if (ReminderSchedule::minuteInDay(reminder.minuteOfDay, start) > nowInDay) continue;
    if (silencedToday(reminder.id, situation.todayEvents)) continue;
    if (!readyToRing(reminder.id, situation.todayEvents, situation.now.utc)) continue;
    std::string error;
    const auto target = parseReminderTarget(reminder.target, error);
    if (!target) continue;
    const auto [done, needed] = targetProgress(*target, situation);
    if (done >= needed) continue;
    auto found = byTarget.find(reminder.target);
    if (found == byTarget.end()) {
      order.push_back(reminder.target);
      byTarget.emplace(reminder.target, DueReminder{reminder, *target, done, needed, {}});
      continue;
    }
    DueReminder& due = found->second;
    const bool later = ReminderSchedule::minuteInDay(reminder.minuteOfDay, start) >
                       ReminderSchedule::minuteInDay(due.reminder.minuteOfDay, start);
    due.covers.push_back(later ? due.reminder.id : reminder.id);
    if (later) due.reminder = reminder;
  }
  std::vector<DueReminder> due;
  for (const std::string& target : order) due.push_back(byTarget.at(target));
  std::sort(due.begin(), due.end(), [start](const DueReminder& a, const DueReminder& b) {
    return ReminderSchedule::minuteInDay(a.reminder.minuteOfDay, start) <
           ReminderSchedule::minuteInDay(b.reminder.minuteOfDay, start);
  });
  return due;
}

std::vector<std::int64_t> snoozableReminders(const ReminderSchedule& schedule,
                                             const ReminderSituation& situation) {
  std::vector<std::int64_t> ids;
  for (const Reminder& reminder : schedule.reminders()) {
    if (silencedToday(reminder.id, situation.todayEvents)) continue;
    const ReminderEvent* last = nullptr;
    for (const ReminderEvent& event : situation.todayEvents) {
      if (event.reminderId == reminder.id && (!last || event.at >= last->at)) last = &event;
    }
    if (!last || last->action != ReminderAction::Fired) continue;
    std::string error;
    const auto target = parseReminderTarget(reminder.target, error);
    if (!target) continue;
    const auto [done, needed] = targetProgress(*target, situation);
    if (done < needed) ids.push_back(reminder.id);
  }
  return ids;
}

ReminderEvent snoozeEvent(std::int64_t reminderId, const ReminderSituation& situation) {
  ReminderEvent event{reminderId, logicalDate(situation.now, situation.dayStartHour),
                      ReminderAction::Snoozed, situation.now.utc, std::nullopt};
  event.until =
      situation.now.utc + std::chrono::duration_cast<std::chrono::milliseconds>(kSnoozeTime);
  return event;
}

ReminderEvent silenceEvent(std::int64_t reminderId, const ReminderSituation& situation) {
  return {reminderId, logicalDate(situation.now, situation.dayStartHour), ReminderAction::Silenced,
          situation.now.utc, std::nullopt};
}

}  // namespace unknot
