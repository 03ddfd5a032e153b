// Daily reminders: times of day per plan target ("stretch at 08:00 and 18:00") and the due
// logic that decides, for a given moment, which of them should call the user now.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/recovery/day_states.hpp"
#include "core/recovery/logical_day.hpp"

namespace unknot {

inline constexpr int kMinutesPerDay = 24 * 60;
inline constexpr std::chrono::minutes kSnoozeTime{10};

// "HH:MM" or "H:MM" (24-hour, 0:00-23:59). On failure returns nullopt and sets `error`.
std::optional<int> parseTimeOfDay(std::string_view text, std::string& error);
std::string formatTimeOfDay(int minuteOfDay);

// A reminder's target uses the plan's target words without a count: "stretch",
// "foam-roll+massage", "routine:pigeon-pose" or "any".
std::optional<Target> parseReminderTarget(std::string_view spec, std::string& error);

struct Reminder {
  std::int64_t id = 0;
  int minuteOfDay = 0;
  std::string target;  // the spec, as parseReminderTarget reads it
  bool operator==(const Reminder&) const = default;
};

// The reminders, kept in time order; at most one per time and target.
class ReminderSchedule {
 public:
  ReminderSchedule() = default;
  explicit ReminderSchedule(std::vector<Reminder> reminders);

  // One-line reason when the reminder cannot be added (bad target, duplicate).
  std::optional<std::string> add(const Reminder& reminder);
  const std::vector<Reminder>& reminders() const { return m_reminders; }
  bool empty() const { return m_reminders.empty(); }

  // Minutes since the logical day began (day-start hour), so 01:00 sorts after 23:00.
  static int minuteInDay(int minuteOfDay, int dayStartHour);
  // The calendar date a reminder rings on during logical day `day`: the next calendar day
  // for a time before the day-start hour.
  static LogicalDate calendarDate(LogicalDate day, int minuteOfDay, int dayStartHour);

 private:
  std::vector<Reminder> m_reminders;
};

enum class ReminderAction { Fired, Snoozed, Silenced };
const char* toString(ReminderAction action);
std::optional<ReminderAction> parseReminderAction(std::string_view text);

// What happened to a reminder on one logical day. reminderId 0 with Silenced: all of them.
struct ReminderEvent {
  std::int64_t reminderId = 0;
  LogicalDate date;
  ReminderAction action = ReminderAction::Fired;
  UtcMillis at{};
  std::optional<UtcMillis> until;  // Snoozed: when it may ring again
};

struct ReminderSituation {
  LocalInstant now;
  int dayStartHour = kDefaultDayStartHour;
  std::vector<Target> planTargets;      // targets in force today (for the counts per day)
  std::vector<SessionPart> todayParts;  // today's recorded sessions
  std::vector<ReminderEvent> todayEvents;
};

struct DueReminder {
  Reminder reminder;
  Target target;
  int done = 0, needed = 1;
  // Earlier reminders of the same target that also went unanswered: one call covers them.
  std::vector<std::int64_t> covers;
};

// How many of today's sessions count for `target`, and how many it needs: the per-day count
// of a plan target with the same routine or categories, else 1.
std::pair<int, int> targetProgress(const Target& target, const ReminderSituation& situation);

// The reminders that should ring now: their time today has come, they have not rung (or a
// snooze ran out), today is not silenced and their target is not met yet. One per target (the
// latest), so a computer that was off all day calls once, not three times.
std::vector<DueReminder> dueReminders(const ReminderSchedule& schedule,
                                      const ReminderSituation& situation);

// The reminders a snooze applies to now: they rang today (their last word is "fired"), their
// target is still open and today is not silenced.
std::vector<std::int64_t> snoozableReminders(const ReminderSchedule& schedule,
                                             const ReminderSituation& situation);

// The event that records a snooze (until now + 10 minutes) or a silence for today.
ReminderEvent snoozeEvent(std::int64_t reminderId, const ReminderSituation& situation);
ReminderEvent silenceEvent(std::int64_t reminderId, const ReminderSituation& situation);

}  // namespace unknot
