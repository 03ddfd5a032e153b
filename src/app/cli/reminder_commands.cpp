#include "app/cli/reminder_commands.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <ostream>
#include <random>
#include <thread>

#include "app/cli/command_support.hpp"
#include "app/session/desktop_notifier.hpp"
#include "core/reminders/ics_calendar.hpp"
#include "store/store.hpp"

namespace unknot {

namespace {

LocalInstant nowFrom(const ReminderOptions& options) {
  return nowOrOverride(options.nowText);
}

int parseTime(const std::string& text) {
  std::string error;
  const auto minute = parseTimeOfDay(text, error);
  if (!minute) throw UsageError{error};
  return *minute;
}

// Temp file in the same folder, fsync, rename: a reader never sees half a calendar.
void writeAtomically(const std::filesystem::path& path, const std::string& text) {
  const auto dir = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw CommandFailure{path.string() + " is a folder; give a file name"};
  const auto temp =
      dir / ("." + path.filename().string() + ".tmp-" + std::to_string(std::random_device{}()));
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) throw CommandFailure{"cannot write " + path.string() + ": " + std::strerror(errno)};
  size_t written = 0;
  bool ok = true;
  while (ok && written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) written += static_cast<size_t>(n);
  }
  const int writeErrno = errno;
  ok = ok && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) {
    std::filesystem::remove(temp, ec);
    throw CommandFailure{"cannot write " + path.string() + ": " + std::strerror(writeErrno)};
  }
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::error_code ignored;  // the rename's error is the one to tell
    std::filesystem::remove(temp, ignored);
    throw CommandFailure{"cannot write " + path.string() + ": " + ec.message()};
  }
}

void ring(const DueReminder& due, DesktopNotifier* notifier, bool& toldNoService, std::ostream& out,
          std::ostream& err) {
  const std::string what = describeTarget(due.target);
  std::string progress =
      std::to_string(due.done) + " of " + std::to_string(due.needed) + " done today";
  out << formatTimeOfDay(due.reminder.minuteOfDay) << " reminder: time for " << what << " ("
      << progress << ")\n";
  if (!notifier) return;
  const bool sent = notifier->notify(
      "unknot: time for " + what,
      "Your " + formatTimeOfDay(due.reminder.minuteOfDay) + " reminder: " + progress +
          ".\nSnooze: unknot remind --snooze. Silence today: unknot remind --silence.");
  if (!sent && !toldNoService) {
    err << "unknot: " << notifier->reason() << "; reminders are printed only\n";
    toldNoService = true;
  }
}

}  // namespace

LocalInstant nowOrOverride(const std::string& nowText) {
  if (nowText.empty()) return localNow();
  const auto now = parseNow(nowText);
  if (!now) {
    throw UsageError{
        "--now: expected YYYY-MM-DDTHH:MM (local time, or ending in Z or +HH:MM), found '" +
        nowText + "'"};
  }
  return *now;
}

std::optional<LocalInstant> parseNow(const std::string& text) {
  using namespace std::chrono;
  if (text.size() < 16 || text[10] != 'T' || text[13] != ':') return std::nullopt;
  const auto day = parseDate(text.substr(0, 10));
  std::string error;
  const auto minute = parseTimeOfDay(text.substr(11, 5), error);
  if (!day || !minute) return std::nullopt;
  std::string rest = text.substr(16);
  int secondsPart = 0;
  if (rest.size() >= 3 && rest[0] == ':' && std::isdigit(static_cast<unsigned char>(rest[1])) &&
      std::isdigit(static_cast<unsigned char>(rest[2]))) {
    secondsPart = (rest[1] - '0') * 10 + (rest[2] - '0');
    if (secondsPart > 59) return std::nullopt;
    rest = rest.substr(3);
  }
  const auto naive =
      time_point_cast<milliseconds>(sys_days(*day) + minutes(*minute) + seconds(secondsPart));
  if (rest == "Z") return LocalInstant{naive, seconds(0)};
  if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':') {
    const auto offsetMinutes = parseTimeOfDay(rest.substr(1), error);
    if (!offsetMinutes || *offsetMinutes > 14 * 60) return std::nullopt;
    const seconds offset = minutes(rest[0] == '-' ? -*offsetMinutes : *offsetMinutes);
    return LocalInstant{naive - offset, offset};
  }
  if (!rest.empty()) return std::nullopt;
  // Local time: the zone's offset near that moment, checked once more across a DST change.
  auto utc = naive - localInstantAt(naive).offset;
  const auto offset = localInstantAt(utc).offset;
  utc = naive - offset;
  return LocalInstant{utc, offset};
}

int remindersAddCommand(const ReminderOptions& options, std::ostream& out, std::ostream& err) {
  return guarded(err, "reminders add", [&] {
    const int minute = parseTime(options.time);
    std::string error;
    const auto target = parseReminderTarget(options.target, error);
    if (!target) throw UsageError{"--target: " + error};
    auto store = openStore(options.dataDir, err);
    const LocalInstant now = nowFrom(options);
    store->addReminder(minute, options.target, now);
    out << "Reminder added: " << describeTarget(*target) << " at " << formatTimeOfDay(minute)
        << ".\n";
    const auto plan = store->currentPlan();
    const auto today = store->dateFor(now);
    bool inPlan = false;
    if (plan && plan->contains(today)) {
      for (const Target& planned : plan->targetsOn(today))
        inPlan = inPlan || targetSpec(planned).rfind(options.target + "=", 0) == 0;
    }
    if (!inPlan) {
      out << "It is not a target of your current plan, so one session a day silences it.\n";
    }
    return kExitOk;
  });
}

int remindersListCommand(const ReminderOptions& options, std::ostream& out, std::ostream& err) {
  return guarded(err, "reminders list", [&] {
    auto store = openStoreForReading(options.dataDir, err);
    const auto reminders = store->reminders();
    if (reminders.empty()) {
      out << "No reminders. Add one: unknot reminders add 08:00 --target stretch\n";
      return kExitOk;
    }
    const ReminderSchedule schedule(reminders);
    LogicalDate today;
    const auto situation = store->reminderSituation(nowFrom(options), today);
    const auto due = dueReminders(schedule, situation);
    out << "Daily reminders (the day starts at " << formatTimeOfDay(situation.dayStartHour * 60)
        << "):\n";
    for (const Reminder& reminder : schedule.reminders()) {
      std::string error;
      const auto target = parseReminderTarget(reminder.target, error);
      const auto [done, needed] = targetProgress(*target, situation);
      out << "  " << formatTimeOfDay(reminder.minuteOfDay) << "  " << reminder.target;
      if (reminder.target != describeTarget(*target)) out << " (" << describeTarget(*target) << ")";
      out << " - today " << done << " of " << needed << (done >= needed ? ", met" : "") << '\n';
    }
    if (!due.empty()) out << due.size() << " due now: unknot remind --once\n";
    return kExitOk;
  });
}

int remindersRemoveCommand(const ReminderOptions& options, std::ostream& out, std::ostream& err) {
  return guarded(err, "reminders remove", [&] {
    const int minute = parseTime(options.time);
    auto store = openStore(options.dataDir, err);
    const int removed = store->removeReminders(minute, options.target);
    if (removed == 0) {
      throw UsageError{"no reminder at " + formatTimeOfDay(minute) +
                           (options.target.empty() ? "" : " for " + options.target),
                       "see unknot reminders list"};
    }
    out << "Removed " << removed << " reminder" << (removed == 1 ? "" : "s") << " at "
        << formatTimeOfDay(minute) << ".\n";
    return kExitOk;
  });
}

int remindersExportCommand(const ReminderOptions& options, std::ostream& out, std::ostream& err) {
  return guarded(err, "reminders export", [&] {
    auto store = openStoreForReading(options.dataDir, err);
    const ReminderSchedule schedule(store->reminders());
    if (schedule.empty()) {
      throw CommandFailure{
          "no reminders to export; add one first: unknot reminders add 8:00 --target stretch"};
    }
    const LocalInstant now = nowFrom(options);
    const LogicalDate today = store->dateFor(now);
    IcsOptions ics;
    ics.dayStartHour = store->dayStartHour();
    ics.stamp = now.utc;
    ics.firstDay = today;
    const auto plan = store->currentPlan();
    if (plan && plan->end() >= today) {
      ics.firstDay = plan->start;
      ics.lastDay = plan->end();
      ics.planId = plan->id;
    }
    writeAtomically(options.icsFile, icsCalendar(schedule, ics));
    out << "Wrote " << schedule.reminders().size() << " daily reminder"
        << (schedule.reminders().size() == 1 ? "" : "s") << " to " << options.icsFile;
    if (ics.lastDay) {
      out << " (until the plan ends on " << formatDate(*ics.lastDay) << ")";
    } else {
      out << " (no current plan: they repeat with no end date)";
    }
    out << ".\nImport the file into your calendar app; export again after changing them.\n";
    return kExitOk;
  });
}

int remindCommand(const ReminderOptions& options, std::ostream& out, std::ostream& err) {
  return guarded(err, "remind", [&] {
    auto store = openStore(options.dataDir, err);
    const ReminderSchedule schedule(store->reminders());
    LogicalDate today;
    const auto situation = store->reminderSituation(nowFrom(options), today);
    if (options.silence) {
      ReminderEvent silence = silenceEvent(0, situation);
      silence.date = today;
      store->addReminderEvent(silence);
      out << "Reminders silenced for today; they ring again after "
          << formatTimeOfDay(situation.dayStartHour * 60) << ".\n";
      return kExitOk;
    }
    if (options.snooze) {
      const auto ids = snoozableReminders(schedule, situation);
      if (ids.empty()) {
        out << "Nothing to snooze: no reminder has rung today with its target still open.\n";
        return kExitOk;
      }
      auto batch = store->batch();
      for (const auto id : ids) {
        ReminderEvent snooze = snoozeEvent(id, situation);
        snooze.date = today;
        store->addReminderEvent(snooze);
      }
      batch.commit();
      out << "Snoozed for " << kSnoozeTime.count() << " minutes.\n";
      return kExitOk;
    }
    const auto due = dueReminders(schedule, situation);
    if (due.empty()) return kExitOk;  // quiet, so cron sends no mail
    DesktopNotifier notifier;
    bool toldNoService = false;
    auto batch = store->batch();
    for (const DueReminder& reminder : due) {
      ring(reminder, options.noNotify ? nullptr : &notifier, toldNoService, out, err);
      for (const auto id : reminder.covers) {
        store->addReminderEvent(
            {id, today, ReminderAction::Fired, situation.now.utc, std::nullopt});
      }
      store->addReminderEvent(
          {reminder.reminder.id, today, ReminderAction::Fired, situation.now.utc, std::nullopt});
    }
    batch.commit();
    return kExitOk;
  });
}

int remindEveryCommand(const ReminderOptions& options, std::ostream& out, std::ostream& err) {
  for (;;) {
    // A check that fails (the record locked, say) is told on err; the next one may work.
    (void)remindCommand(options, out, err);
    out.flush();
    std::this_thread::sleep_for(std::chrono::minutes(options.everyMinutes));
  }
}

int backgroundRemindersCommand(const std::string& which, const BackgroundSetup& setup,
                               std::ostream& out, std::ostream& err) {
  if (which == "status") {
    out << backgroundStatus(setup).text << '\n';
    return kExitOk;
  }
  const BackgroundChange change =
      which == "enable" ? enableBackgroundReminders(setup) : disableBackgroundReminders(setup);
  if (!change.ok) {
    err << errorLine("reminders " + which, change.text) << '\n';
    return kExitFailure;
  }
  out << change.text << '\n';
  return kExitOk;
}

}  // namespace unknot
