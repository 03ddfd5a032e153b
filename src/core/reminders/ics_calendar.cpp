#include "core/reminders/ics_calendar.hpp"

#include <cstdio>

namespace unknot {

namespace {

constexpr size_t kMaxLineOctets = 75;

std::string twoDigits(unsigned value) {
  char text[4];
  std::snprintf(text, sizeof text, "%02u", value % 100);
  return text;
}

std::string basicDate(LogicalDate date) {
  const std::chrono::year_month_day ymd{date};
  char text[16];
  std::snprintf(text, sizeof text, "%04d%02u%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return text;
}

std::string floatingDateTime(LogicalDate date, int minuteOfDay) {
  return basicDate(date) + "T" + twoDigits(static_cast<unsigned>(minuteOfDay / 60)) +
         twoDigits(static_cast<unsigned>(minuteOfDay % 60)) + "00";
}

std::string utcStamp(UtcMillis at) {
  using namespace std::chrono;
  const auto day = floor<days>(at);
  const hh_mm_ss time{floor<seconds>(at - day)};
  return basicDate(day) + "T" + twoDigits(static_cast<unsigned>(time.hours().count())) +
         twoDigits(static_cast<unsigned>(time.minutes().count())) +
         twoDigits(static_cast<unsigned>(time.seconds().count())) + "Z";
}

// The words people read in the calendar: "Time to stretch (unknot)".
std::string reminderText(const Reminder& reminder) {
  std::string error;
  const auto target = parseReminderTarget(reminder.target, error);
  const std::string what = target ? describeTarget(*target) : reminder.target;
  return "Time for " + what;
}

void addLine(std::string& out, std::string_view name, std::string_view value) {
  std::string line(name);
  line += ':';
  line += value;
  out += icsFoldLine(line);
}

void addEvent(std::string& out, const Reminder& reminder, const IcsOptions& options) {
  const int start = options.dayStartHour;
  addLine(out, "BEGIN", "VEVENT");
  addLine(out, "UID",
          "reminder-" + std::to_string(reminder.id) + "-plan-" + std::to_string(options.planId) +
              "@unknot");
  addLine(out, "DTSTAMP", utcStamp(options.stamp));
  addLine(out, "DTSTART",
          floatingDateTime(
              ReminderSchedule::calendarDate(options.firstDay, reminder.minuteOfDay, start),
              reminder.minuteOfDay));
  // A short block, not an all-day event: the reminder is for a moment of the day.
  addLine(out, "DURATION", "PT15M");
  std::string rule = "FREQ=DAILY";
  if (options.lastDay) {
    // With a floating DTSTART, UNTIL must be floating too (RFC 5545 3.3.10); it is the
    // last occurrence itself, so the plan's last day is included.
    rule += ";UNTIL=" + floatingDateTime(ReminderSchedule::calendarDate(
                                             *options.lastDay, reminder.minuteOfDay, start),
                                         reminder.minuteOfDay);
  }
  addLine(out, "RRULE", rule);
  addLine(out, "SUMMARY", icsEscapeText(reminderText(reminder) + " (unknot)"));
  addLine(out, "DESCRIPTION",
          icsEscapeText(reminderText(reminder) +
                        ", as your recovery plan asks.\n"
                        "Skip it if today's target is already met; not medical advice."));
  addLine(out, "CATEGORIES", icsEscapeText(reminder.target));
  addLine(out, "TRANSP", "TRANSPARENT");
  addLine(out, "BEGIN", "VALARM");
  addLine(out, "ACTION", "DISPLAY");
  addLine(out, "DESCRIPTION", icsEscapeText(reminderText(reminder)));
  addLine(out, "TRIGGER", "PT0M");
  addLine(out, "END", "VALARM");
  addLine(out, "END", "VEVENT");
}

}  // namespace

std::string icsEscapeText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      continue;  // CRLF counts as one newline
    } else if (c == '\n' || c == '\r') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string icsFoldLine(std::string_view line) {
  std::string out;
  size_t limit = kMaxLineOctets;
  while (line.size() > limit) {
    size_t cut = limit;
    // Back up to the start of a UTF-8 sequence (continuation octets are 10xxxxxx).
    while (cut > 1 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = kMaxLineOctets - 1;  // the leading space counts
  }
  out.append(line);
  out += "\r\n";
  return out;
}

std::string icsCalendar(const ReminderSchedule& schedule, const IcsOptions& options) {
  std::string out;
  addLine(out, "BEGIN", "VCALENDAR");
  addLine(out, "VERSION", "2.0");
  addLine(out, "PRODID", "-//unknot//Recovery reminders//EN");
  addLine(out, "CALSCALE", "GREGORIAN");
  addLine(out, "METHOD", "PUBLISH");
  addLine(out, "X-WR-CALNAME", "unknot reminders");
  for (const Reminder& reminder : schedule.reminders()) addEvent(out, reminder, options);
  addLine(out, "END", "VCALENDAR");
  return out;
}

}  // namespace unknot
