// End-to-end tests of the reminders: add/list/remove, `remind --once` from a cron-like caller
// with an injected "now" (rings once, snooze, silence, met targets), and the .ics export read
// back by libical. No notification service is reachable here, which must not matter.
#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/recovery/logical_day.hpp"
#include "store/store_test_support.hpp"
#include "support/ics_reader.hpp"
#include "support/process.hpp"

using namespace unknot;
using namespace unknot::testing;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

bool contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

// Days relative to the real date (plan start refuses dates a year away), all in UTC.
LogicalDate dayFromToday(int delta) {
  using namespace std::chrono;
  return floor<days>(system_clock::now()) + days(delta);
}
std::string dateText(int delta) {
  return formatDate(dayFromToday(delta));
}
std::string nowArg(int delta, const std::string& time) {
  return dateText(delta) + "T" + time;
}

LocalInstant operator+(LocalInstant at, std::chrono::minutes delta) {
  at.utc += delta;
  return at;
}

struct Cli {
  TempDir home;
  std::map<std::string, std::string> env() const {
    // An unreachable session bus: no notification service, as on a server or in cron.
    return {{"UNKNOT_DATA_DIR", home.file("data")},
            {"HOME", home.path()},
            {"XDG_CONFIG_HOME", home.file("config")},
            {"TZ", "UTC"},
            {"DBUS_SESSION_BUS_ADDRESS", "unix:path=" + home.file("no-bus")},
            {"DISPLAY", ""}};
  }
  ProcessResult run(std::vector<std::string> args) const {
    args.insert(args.begin(), UNKNOT_BINARY);
    ProcessOptions options;
    options.env = env();
    return runProcess(args, options);
  }
  ProcessResult remindAt(int delta, const std::string& time,
                         const std::string& flag = "--once") const {
    return run({"remind", flag, "--now", nowArg(delta, time)});
  }
  // A finished stretch session at `time` UTC on today + delta, written as a run would.
  void recordStretch(int delta, int hour) const {
    Store store(home.file("data"));
    const LocalInstant start{
        UtcMillis(std::chrono::sys_days(dayFromToday(delta)) + std::chrono::hours(hour)),
        std::chrono::seconds(0)};
    const auto id = store.beginSession(stretchSession("pigeon-pose", 2), start);
    store.addPhase(id, holdPhase(1, Side::Right, 45), start + std::chrono::minutes(1));
    store.addPhase(id, holdPhase(3, Side::Left, 45), start + std::chrono::minutes(2));
    store.endSession(id, SessionOutcome::Completed, start + std::chrono::minutes(3));
  }
};

void setUpStretchTwice(const Cli& cli) {
  REQUIRE(cli.run({"plan", "start", "--date", dateText(-4), "--target", "stretch=2"}).exitCode ==
          0);
  REQUIRE(cli.run({"reminders", "add", "08:00", "--target", "stretch"}).exitCode == 0);
  REQUIRE(cli.run({"reminders", "add", "18:00", "--target", "stretch"}).exitCode == 0);
}

}  // namespace

TEST_CASE("reminders are added, listed and removed, and bad ones get a one-line error") {
  Cli cli;
  auto added = cli.run({"reminders", "add", "08:00", "--target", "stretch"});
  REQUIRE(added.exitCode == 0);
  CHECK(contains(added.out, "Reminder added: stretch at 08:00"));
  CHECK(contains(added.out, "not a target of your current plan"));
  REQUIRE(cli.run({"reminders", "add", "18:30", "--target", "foam-roll+massage"}).exitCode == 0);

  const auto duplicate = cli.run({"reminders", "add", "08:00", "--target", "stretch"});
  CHECK(duplicate.exitCode == 1);
  CHECK(duplicate.err ==
        "unknot: reminders add: there is already a reminder for stretch at 08:00\n");
  const auto badTime = cli.run({"reminders", "add", "8am", "--target", "stretch"});
  CHECK(badTime.exitCode == 2);
  CHECK(badTime.err ==
        "unknot: reminders add: time '8am': expected H:MM or HH:MM from 0:00 to 23:59, e.g. 8:00 "
        "or 18:30 (see unknot reminders add --help)\n");
  const auto badTarget = cli.run({"reminders", "add", "09:00", "--target", "stretch=2"});
  CHECK(badTarget.exitCode == 2);
  CHECK(
      contains(badTarget.err, "--target: target 'stretch=2': expected what to do without a count"));

  const auto list = cli.run({"reminders", "list", "--now", nowArg(0, "12:00")});
  REQUIRE(list.exitCode == 0);
  CHECK(contains(list.out, "08:00  stretch - today 0 of 1"));
  CHECK(contains(list.out, "18:30  foam-roll+massage (foam-roll or massage) - today 0 of 1"));
  CHECK(contains(list.out, "1 due now"));

  CHECK(cli.run({"reminders", "remove", "08:00"}).exitCode == 0);
  const auto missing = cli.run({"reminders", "remove", "08:00"});
  CHECK(missing.exitCode == 2);
  CHECK(contains(missing.err, "no reminder at 08:00"));
  CHECK_FALSE(contains(cli.run({"reminders", "list"}).out, "08:00"));
}

TEST_CASE("a reminder time may be written H:MM, and a misspelt target gets a suggestion") {
  Cli cli;
  const auto added = cli.run({"reminders", "add", "8:00", "--target", "stretch"});
  INFO(added.err);
  CHECK(added.exitCode == 0);
  CHECK(contains(added.out, "Reminder added: stretch at 08:00"));
  const auto removed = cli.run({"reminders", "remove", "8:00"});
  CHECK(removed.exitCode == 0);
  const auto misspelt = cli.run({"reminders", "add", "9:30", "--target", "strech"});
  CHECK(misspelt.exitCode == 2);
  CHECK(contains(misspelt.err, "unknown category 'strech' (did you mean 'stretch'?)"));
}

TEST_CASE("reminders list tells of sessions an earlier run left open, as every command does") {
  Cli cli;
  {
    // A run that died mid-way: begun, never ended, its process gone.
    Store store(cli.home.file("data"));
    const LocalInstant start{UtcMillis(std::chrono::sys_days(dayFromToday(0))),
                             std::chrono::seconds(0)};
    store.beginSession(stretchSession("pigeon-pose", 2), start);
  }
  const auto list = cli.run({"reminders", "list", "--now", nowArg(0, "12:00")});
  CHECK(list.exitCode == 0);
  CHECK(list.err ==
        "unknot: closed 1 unfinished session from an earlier run as interrupted (completed phases "
        "are kept)\n");
  // Told once: the session is closed now.
  CHECK(cli.run({"reminders", "list", "--now", nowArg(0, "12:00")}).err.empty());
  CHECK(contains(cli.run({"history"}).out, "interrupted"));
}

TEST_CASE("remind --once rings a due reminder once a day, without a notification service") {
  Cli cli;
  setUpStretchTwice(cli);
  const auto early = cli.remindAt(0, "07:59");
  CHECK(early.exitCode == 0);
  CHECK(early.out.empty());

  const auto first = cli.remindAt(0, "08:05");
  CHECK(first.exitCode == 0);
  CHECK(first.out == "08:00 reminder: time for stretch (0 of 2 done today)\n");
  CHECK(contains(first.err, "reminders are printed only"));
  CHECK(std::count(first.err.begin(), first.err.end(), '\n') == 1);  // said once

  const auto again = cli.remindAt(0, "08:06");
  CHECK(again.exitCode == 0);
  CHECK(again.out.empty());

  // One session of two: the evening reminder still rings, with the count.
  cli.recordStretch(0, 9);
  CHECK(cli.remindAt(0, "18:01").out == "18:00 reminder: time for stretch (1 of 2 done today)\n");
  // The next day starts afresh.
  CHECK(cli.remindAt(1, "08:00").out == "08:00 reminder: time for stretch (0 of 2 done today)\n");
}

TEST_CASE("a met target keeps its reminders quiet") {
  Cli cli;
  setUpStretchTwice(cli);
  cli.recordStretch(0, 6);
  cli.recordStretch(0, 7);
  CHECK(cli.remindAt(0, "08:30").out.empty());
  CHECK(cli.remindAt(0, "18:30").out.empty());
}

TEST_CASE("snooze rings again after ten minutes and silence waits for tomorrow") {
  Cli cli;
  setUpStretchTwice(cli);
  CHECK(cli.remindAt(0, "08:00").out.size() > 0);
  const auto snooze = cli.remindAt(0, "08:02", "--snooze");
  CHECK(snooze.exitCode == 0);
  CHECK(snooze.out == "Snoozed for 10 minutes.\n");
  CHECK(cli.remindAt(0, "08:11").out.empty());
  CHECK(cli.remindAt(0, "08:12").out == "08:00 reminder: time for stretch (0 of 2 done today)\n");

  const auto silence = cli.remindAt(0, "09:00", "--silence");
  CHECK(silence.exitCode == 0);
  CHECK(contains(silence.out, "silenced for today"));
  CHECK(cli.remindAt(0, "18:05").out.empty());
  // Before the 03:00 day start it is still "today"; after it the reminders are back.
  CHECK(cli.remindAt(1, "02:00").out.empty());
  CHECK(cli.remindAt(1, "08:00").out.size() > 0);
  CHECK(cli.remindAt(1, "08:00", "--snooze").exitCode == 0);
}

TEST_CASE("reminders export writes an RFC 5545 calendar that parses back") {
  Cli cli;
  setUpStretchTwice(cli);
  REQUIRE(cli.run({"reminders", "add", "20:15", "--target", "routine:pigeon-pose"}).exitCode == 0);
  const std::string file = cli.home.file("reminders.ics");
  const auto exported =
      cli.run({"reminders", "export", "--ics", file, "--now", nowArg(0, "10:00:30")});
  REQUIRE(exported.exitCode == 0);
  CHECK(contains(exported.out, "Wrote 3 daily reminders"));
  CHECK(contains(exported.out, "until the plan ends on " + dateText(-4 + 41)));

  const auto calendar = icsParse(slurp(file));
  CHECK(icsValue(calendar.get(), ICAL_VERSION_PROPERTY) == "2.0");
  CHECK(icalcomponent_count_components(calendar.get(), ICAL_ANY_COMPONENT) == 3);
  const auto events = icsChildren(calendar.get(), ICAL_VEVENT_COMPONENT);
  REQUIRE(events.size() == 3);
  std::string compact = dateText(-4);
  compact.erase(std::remove(compact.begin(), compact.end(), '-'), compact.end());
  std::string end = dateText(-4 + 41);
  end.erase(std::remove(end.begin(), end.end(), '-'), end.end());
  std::string stamp = dateText(0);
  stamp.erase(std::remove(stamp.begin(), stamp.end(), '-'), stamp.end());
  icalcomponent* morning = events[0];
  CHECK(icsValue(morning, ICAL_DTSTART_PROPERTY) == compact + "T080000");
  CHECK(icsValue(morning, ICAL_RRULE_PROPERTY) == "FREQ=DAILY;UNTIL=" + end + "T080000");
  CHECK(icsValue(morning, ICAL_DTSTAMP_PROPERTY) == stamp + "T100030Z");
  const auto alarms = icsChildren(morning, ICAL_VALARM_COMPONENT);
  REQUIRE(alarms.size() == 1);
  CHECK(icsValue(alarms[0], ICAL_ACTION_PROPERTY) == "DISPLAY");
  const icaltriggertype trigger =
      icalproperty_get_trigger(icalcomponent_get_first_property(alarms[0], ICAL_TRIGGER_PROPERTY));
  CHECK(icaldurationtype_as_int(trigger.duration) == 0);
  CHECK(icsValue(events[2], ICAL_SUMMARY_PROPERTY) == "Time for pigeon-pose (unknot)");

  // No temporary file is left next to it.
  int files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(cli.home.path())) {
    if (entry.path().extension() == ".ics" ||
        entry.path().filename().string().find(".tmp-") != std::string::npos)
      ++files;
  }
  CHECK(files == 1);
}

TEST_CASE("an export that cannot be written says so and leaves nothing behind") {
  Cli cli;
  const auto empty = cli.run({"reminders", "export", "--ics", cli.home.file("a.ics")});
  CHECK(empty.exitCode == 1);
  CHECK(contains(empty.err, "no reminders to export"));
  REQUIRE(cli.run({"reminders", "add", "08:00", "--target", "any"}).exitCode == 0);
  const auto noDir = cli.run({"reminders", "export", "--ics", cli.home.file("missing/dir/a.ics")});
  CHECK(noDir.exitCode == 1);
  CHECK(contains(noDir.err, "cannot write"));
  CHECK(std::count(noDir.err.begin(), noDir.err.end(), '\n') == 1);
  CHECK_FALSE(std::filesystem::exists(cli.home.file("missing")));
  const auto noPlan = cli.run({"reminders", "export", "--ics", cli.home.file("a.ics")});
  REQUIRE(noPlan.exitCode == 0);
  CHECK(contains(noPlan.out, "no current plan"));
  const auto calendar = icsParse(slurp(cli.home.file("a.ics")));
  const auto events = icsChildren(calendar.get(), ICAL_VEVENT_COMPONENT);
  REQUIRE(events.size() == 1);
  CHECK(icsValue(events[0], ICAL_RRULE_PROPERTY) == "FREQ=DAILY");
}

TEST_CASE("a bad --now is a usage error") {
  Cli cli;
  const auto bad = cli.run({"remind", "--once", "--now", "tomorrow"});
  CHECK(bad.exitCode == 2);
  CHECK(contains(bad.err, "--now: expected YYYY-MM-DDTHH:MM"));
}
