// The reminder schedule as an iCalendar file (RFC 5545), so a calendar app reminds the user
// even when unknot is not running: one daily VEVENT per reminder with a display alarm.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/reminders/reminder_schedule.hpp"

namespace unknot {

struct IcsOptions {
  LogicalDate firstDay;                // the first logical day the reminders ring on
  std::optional<LogicalDate> lastDay;  // the plan's last day; nullopt: no end
  int dayStartHour = kDefaultDayStartHour;
  UtcMillis stamp{};        // DTSTAMP: when the file was made
  std::int64_t planId = 0;  // part of each UID, so a new plan is a new series
};

// Times are floating local times (no TZID): "08:00" rings at 08:00 wherever the user is,
// which is what a daily routine means, and the file needs no VTIMEZONE. Lines end in CRLF and
// are folded at 75 octets; TEXT values are escaped.
std::string icsCalendar(const ReminderSchedule& schedule, const IcsOptions& options);

// RFC 5545 3.3.11: backslash, semicolon, comma and newline escaped.
std::string icsEscapeText(std::string_view text);
// RFC 5545 3.1: content line plus CRLF, folded so no line exceeds 75 octets; never splits a
// UTF-8 sequence.
std::string icsFoldLine(std::string_view line);

}  // namespace unknot
