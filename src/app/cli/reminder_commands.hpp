// The reminder commands of the CLI: `reminders add/list/remove/export --ics` keep the daily
// reminder times and write them as a calendar; `remind --once` rings the due ones (from cron
// or a systemd user timer). main.cpp parses; these do the work.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>

#include "app/session/app_paths.hpp"
#include "app/session/background_reminders.hpp"
#include "core/recovery/logical_day.hpp"

namespace unknot {

struct ReminderOptions {
  DataDir dataDir;       // resolved from --data-dir, UNKNOT_DATA_DIR or the XDG default
  std::string time;      // add / remove: H:MM or HH:MM
  std::string target;    // add (required) / remove (optional)
  std::string icsFile;   // export --ics
  std::string nowText;   // hidden --now for tests: YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM], local time
  bool once = true;      // remind checks once and exits; the flag says so in a cron line
  int everyMinutes = 0;  // remind --every N: check every N minutes until stopped (autostart)
  bool snooze = false, silence = false, noNotify = false;
};

int remindersAddCommand(const ReminderOptions& options, std::ostream& out, std::ostream& err);
int remindersListCommand(const ReminderOptions& options, std::ostream& out, std::ostream& err);
int remindersRemoveCommand(const ReminderOptions& options, std::ostream& out, std::ostream& err);
int remindersExportCommand(const ReminderOptions& options, std::ostream& out, std::ostream& err);
int remindCommand(const ReminderOptions& options, std::ostream& out, std::ostream& err);
// `remind --every N`: remindCommand, then N minutes' sleep, until the process is stopped (the
// autostart entry's loop, ended by the logout).
int remindEveryCommand(const ReminderOptions& options, std::ostream& out, std::ostream& err);
// `reminders enable`, `disable` or `status` (`which`): ringing with the app closed.
int backgroundRemindersCommand(const std::string& which, const BackgroundSetup& setup,
                               std::ostream& out, std::ostream& err);

// "2026-11-24T08:05" in the local time zone, or with "Z" or "+01:00" for a fixed offset.
std::optional<LocalInstant> parseNow(const std::string& text);
// The hidden --now of the commands that have one: `nowText` parsed, or the real time when it is
// empty; a UsageError when it does not parse.
LocalInstant nowOrOverride(const std::string& nowText);

}  // namespace unknot
