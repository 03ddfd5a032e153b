// unknot's command line and composition root: parses the arguments (the only translation unit
// that includes CLI11, which compiles slowly), resolves the app's folders once, and hands the
// work to a command group, the terminal runner or the window.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <charconv>
#include <iostream>

#include "app/cli/command_support.hpp"
#include "app/cli/data_commands.hpp"
#include "app/cli/import_commands.hpp"
#include "app/cli/library_commands.hpp"
#include "app/cli/pose_commands.hpp"
#include "app/cli/progress_commands.hpp"
#include "app/cli/reminder_commands.hpp"
#include "app/cli/report_commands.hpp"
#include "app/launch.hpp"
#include "app/session/app_paths.hpp"
#include "app/session/child_process.hpp"
#include "app/session/exit_codes.hpp"
#include "app/session/locale_calendar.hpp"
#include "app/session/recording_sink.hpp"
#include "app/session/startup_trace.hpp"
#include "app/session/terminal_safe_stream.hpp"
#include "app/session/today_dose.hpp"
#include "app/session/warnings.hpp"
#include "app/terminal/terminal_runner.hpp"
#include "core/closest_match.hpp"
#include "core/duration.hpp"
#include "core/recovery/checkin.hpp"
#include "core/recovery/recovery_plan.hpp"
#include "core/settings.hpp"

#ifdef UNKNOT_HAVE_GUI
#include "app/gui/gui_pose_sheet.hpp"
#include "app/gui/gui_runner.hpp"
#endif
#ifdef UNKNOT_HAVE_AUDIO
#include "app/session/audio_sinks.hpp"
#endif

namespace unknot {
namespace {

struct Options : LaunchOptions {
  std::string showLevel;  // show --level; empty: the plan's level today
  std::string showId, runId;
  std::vector<std::string> validatePaths;
  std::string posesSheet;              // poses --sheet FILE.png
  std::vector<std::string> posesOnly;  // poses --pose ID: only these on the sheet
  bool terminal = false;
  bool listIds = false;     // list --ids: the ids alone, for scripts and shell completion
  std::string dataDirFlag;  // --data-dir, before or after the command name; empty: not given
  ProgressOptions progress;
  ReminderOptions reminders;
  ImportOptions imports;
  DataOptions data;
};

// Validators: CLI11 checks each value before converting it, so a bad one gets our words
// ("expected a whole number from 0 to 10, found '4.5'") instead of CLI11's.
CLI::Validator wholeNumber(int lo, int hi) {
  return CLI::Validator(
      [lo, hi](std::string& text) -> std::string {
        int value = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (text.empty() || error != std::errc() || end != text.data() + text.size() ||
            value < lo || value > hi) {
          return "expected a whole number from " + std::to_string(lo) + " to " +
                 std::to_string(hi) + ", found '" + text + "'";
        }
        return {};
      },
      "");
}

CLI::Validator timeScale() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        double value = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (text.empty() || error != std::errc() || end != text.data() + text.size() ||
            !(value >= 0.01 && value <= 1000)) {
          return "expected a number from 0.01 to 1000, found '" + text + "'";
        }
        return {};
      },
      "");
}

CLI::Validator durationText(const char* example) {
  return CLI::Validator(
      [example](std::string& text) -> std::string {
        if (parseDurationText(text)) return {};
        return std::string("expected a duration like ") + example + ", found '" + text + "'";
      },
      "");
}

CLI::Validator windowSize() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        if (parseWindowSize(text)) return {};
        return "expected WIDTHxHEIGHT, each from " + std::to_string(kMinWindowSide) + " to " +
               std::to_string(kMaxWindowSide) + " (e.g. 1280x800), found '" + text + "'";
      },
      "");
}

CLI::Validator interfaceScale() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        double value = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (!text.empty() && error == std::errc() && end == text.data() + text.size() &&
            value >= kMinInterfaceScale && value <= kMaxInterfaceScale)
          return {};
        return "expected a scale from 0.75 to 2.5 (1.5 is 150 %), found '" + text + "'";
      },
      "");
}

CLI::Validator oneOf(std::vector<std::string> words) {
  return CLI::Validator(
      [words](std::string& text) -> std::string {
        if (std::find(words.begin(), words.end(), text) != words.end()) return {};
        std::string list;
        for (size_t i = 0; i < words.size(); ++i)
          list += (i == 0 ? "" : i + 1 == words.size() ? " or " : ", ") + words[i];
        return "expected " + list + ", found '" + text + "'" + didYouMean(text, words);
      },
      "");
}

// The progress commands; --data-dir is accepted before or after the command name.
void addProgressCommands(CLI::App& app, ProgressOptions& p, std::string& dataDirFlag) {
  const auto dataDir = [&dataDirFlag](CLI::App* command) {
    command->add_option(
        "--data-dir", dataDirFlag,
        "Folder of the progress database (default $XDG_DATA_HOME/unknot, or UNKNOT_DATA_DIR)");
  };
  dataDir(&app);
  dataDir(app.get_subcommand("run"));
  auto* plan = app.add_subcommand("plan", "Your 2-6 week recovery plan: start, show or edit it");
  plan->require_subcommand(1);
  auto* start =
      plan->add_subcommand("start", "Start a recovery plan (default: 6 weeks from today)");
  auto* edit = plan->add_subcommand(
      "edit",
      "Change the plan from today on; past days keep their targets, and targets you "
      "do not name stay as they are");
  start->add_option("--target", p.targets,
                    "Daily target, repeatable; the targets given replace the default ones: "
                    "stretch=2, foam-roll+massage=1, strength=1@2 (from week 2), "
                    "routine:pigeon-pose=1");
  edit->add_option("--target", p.targets,
                   "Set one daily target, repeatable: stretch=3 changes the stretch target (or "
                   "adds it) and keeps the others; strength=1@2 counts from week 2");
  edit->add_option("--remove-target", p.removeTargets,
                   "Drop a daily target, repeatable: stretch, foam-roll+massage, "
                   "routine:pigeon-pose");
  for (auto* command : {start, edit}) {
    command->add_option("--weeks", p.weeks, "Plan length, 2 to 6 weeks")
        ->check(wholeNumber(plan_limits::kMinWeeks, plan_limits::kMaxWeeks));
    command->add_option("--rest-days", p.restDays, "Rest days allowed per week, 0 to 3 (default 1)")
        ->check(wholeNumber(0, plan_limits::kMaxRestDaysPerWeek));
    command->add_option("--day-start", p.dayStart, "Hour the day starts, 0 to 12 (default 3)")
        ->check(wholeNumber(0, 12));
    command
        ->add_option("--side", p.side,
                     "Your sore side: left, right or both (default both); two-sided steps "
                     "start there and hold it longer")
        ->check(oneOf({"left", "right", "both"}));
    command
        ->add_option("--extra-sore-holds", p.extraSoreHolds,
                     "Extra holds on the sore side, 0 to 2 (default 1)")
        ->check(wholeNumber(0, plan_limits::kMaxExtraSoreHolds));
    command->add_option("--now", p.nowText, "Pretend it is this time")->group("");
    dataDir(command);
  }
  start->add_option("--date", p.date, "First day of the plan, YYYY-MM-DD (default today)");
  start->add_flag("--replace", p.replace, "Start a new plan even though one is running");
  auto* show = plan->add_subcommand(
      "show", "Show the plan, its targets, which day it is, today's level and its history");
  show->add_option("--now", p.nowText, "Pretend it is this time")->group("");
  dataDir(show);
  auto* level = plan->add_subcommand(
      "level", "Choose the level from today (gentle, standard, strong), or auto for the rules");
  level->add_option("LEVEL", p.level, "gentle, standard, strong or auto")
      ->required()
      ->check(oneOf({"gentle", "standard", "strong", "auto"}));
  level->add_option("--now", p.nowText, "Pretend it is this time")->group("");
  dataDir(level);
  auto* flare = app.add_subcommand(
      "flare", "Mark today as a flare: keeps the streak, lowers the level from tomorrow");
  flare->add_option("--note", p.note, "A short note");
  flare->add_option("--now", p.nowText, "Pretend it is this time")->group("");
  dataDir(flare);
  auto* checkin =
      app.add_subcommand("checkin", "Log pain and tightness (0-10), warning symptoms and a note");
  checkin->add_option("--pain", p.pain, "Pain now, 0 (none) to 10 (worst)")
      ->required()
      ->check(wholeNumber(0, kMaxScore));
  checkin->add_option("--tightness", p.tightness, "Tightness now, 0 to 10")
      ->check(wholeNumber(0, kMaxScore));
  checkin->add_option("--symptom", p.symptoms,
                      "A warning sign, repeatable: numbness, weakness, radiating, swelling, "
                      "mobility, injury; urgent: saddle-numbness, bladder-bowel, fever");
  checkin->add_option("--gone", p.gone,
                      "A warning sign an earlier check-in reported that has gone, repeatable");
  auto* beforeSession = checkin->add_flag("--before-session", p.beforeSession,
                                          "This check-in is just before a routine");
  checkin->add_flag("--after-session", p.afterSession, "This check-in is just after a routine")
      ->excludes(beforeSession);
  checkin->add_option("--note", p.note, "A short note");
  // Hidden: a fixed "now" for tests, YYYY-MM-DDTHH:MM in local time (or ending Z / +HH:MM).
  checkin->add_option("--now", p.nowText, "Pretend it is this time")->group("");
  dataDir(checkin);
  auto* history = app.add_subcommand("history", "List the sessions and check-ins of the last days");
  history->add_option("--days", p.days, "How many days back, 1 to 3660 (default 7)")
      ->check(wholeNumber(1, 3660));
  dataDir(history);
  auto* stats =
      app.add_subcommand("stats", "Streak, adherence, time per category, pain trend, red flags");
  stats->add_flag("--json", p.json, "Print JSON instead of text");
  stats->add_option("--now", p.nowText, "Pretend it is this time")->group("");
  dataDir(stats);
  auto* exportCsv = app.add_subcommand("export", "Export the whole record as CSV files");
  exportCsv
      ->add_option("--csv", p.exportDir,
                   "Folder for sessions.csv, phases.csv, checkins.csv, days.csv")
      ->required();
  dataDir(exportCsv);
  auto* backup =
      app.add_subcommand("backup", "Copy the progress database to FILE (safe while running)");
  backup->add_option("FILE", p.backupFile, "Where to write the copy (a file, not a folder)")
      ->required();
  dataDir(backup);
  auto* report = app.add_subcommand(
      "report", "Write a one-page PDF of your progress to bring to a physiotherapist or doctor");
  report->add_option("--pdf", p.reportFile, "The PDF file to write")->required();
  report->add_option("--from", p.fromText,
                     "First day the calendar, chart and lists show, YYYY-MM-DD (default: the "
                     "plan's start)");
  report->add_option("--to", p.toText,
                     "The record as it stood at the end of this day, YYYY-MM-DD (default today)");
  report->add_option("--paper", p.paper, "a4 or letter (default: the paper size of your locale)")
      ->check(oneOf({"a4", "letter"}));
  report->add_option("--now", p.nowText, "Pretend it is this time")->group("");
  dataDir(report);
}

// Your data: what is kept, forgetting it, restoring a backup (data_commands.cpp).
void addDataCommands(CLI::App& app, DataOptions& d, std::string& dataDirFlag) {
  auto* data = app.add_subcommand("data", "List every file unknot keeps, and its size");
  auto* forget = app.add_subcommand(
      "forget", "Delete your record for good, after a typed confirmation (a backup offered)");
  forget->add_flag("--all", d.all,
                   "The whole record: sessions, check-ins, plans, flare days, levels, reminders");
  forget->add_flag("--yes", d.yes, "Delete without asking (for scripts)");
  forget->add_option("--backup", d.backupFile, "Write a backup to this file first");
  auto* restore = app.add_subcommand(
      "restore", "Bring back a backup; the current record is kept as a dated copy");
  restore->add_option("FILE", d.restoreFile, "A backup made by unknot backup")->required();
  auto* merge = app.add_subcommand(
      "merge",
      "Bring in another computer's record (sessions, check-ins, flares, plans), never twice");
  merge->add_option("FILE", d.mergeFile, "The other computer's unknot.db or a backup of it")
      ->required();
  for (auto* command : {data, forget, restore, merge}) {
    command->add_option("--data-dir", dataDirFlag, "Folder of the progress database");
  }
}

// The reminder commands; their bodies are in reminder_commands.cpp.
void addReminderCommands(CLI::App& app, ReminderOptions& r, std::string& dataDirFlag) {
  const auto common = [&](CLI::App* command) {
    command->add_option("--data-dir", dataDirFlag, "Folder of the progress database");
    // Hidden: a fixed "now" for tests, YYYY-MM-DDTHH:MM in local time (or ending Z / +HH:MM).
    command->add_option("--now", r.nowText, "Pretend it is this time")->group("");
  };
  auto* reminders =
      app.add_subcommand("reminders", "Daily reminder times per target: add, list, remove, export");
  reminders->require_subcommand(1);
  auto* add = reminders->add_subcommand("add", "Remind at TIME every day unless the target is met");
  add->add_option("TIME", r.time, "Time of day, H:MM or HH:MM (24-hour), e.g. 8:00 or 18:30")
      ->required();
  add->add_option("--target", r.target,
                  "What to do: stretch, foam-roll+massage, routine:pigeon-pose, any")
      ->required();
  auto* remove = reminders->add_subcommand("remove", "Remove the reminders at TIME");
  remove->add_option("TIME", r.time, "Time of day, H:MM or HH:MM")->required();
  remove->add_option("--target", r.target, "Only the reminder for this target");
  auto* list =
      reminders->add_subcommand("list", "Show the reminders and today's progress on their targets");
  auto* exportIcs =
      reminders->add_subcommand("export", "Write the reminders as an iCalendar (.ics) file");
  exportIcs->add_option("--ics", r.icsFile, "The .ics file to write")->required();
  reminders->add_subcommand(
      "enable", "Ring them with the app closed: a systemd user timer, else an autostart entry");
  reminders->add_subcommand("disable", "Stop ringing them with the app closed");
  reminders->add_subcommand("status", "Say whether and how they ring with the app closed");
  auto* remind = app.add_subcommand(
      "remind", "Ring the reminders that are due now (for cron or a systemd timer)");
  auto* once = remind->add_flag("--once", r.once, "Check once and exit (the default)");
  auto* every = remind
                    ->add_option("--every", r.everyMinutes,
                                 "Check every N minutes, 1 to 1440, until stopped (what the "
                                 "autostart entry of reminders enable runs)")
                    ->check(wholeNumber(1, 1440))
                    ->excludes(once);
  auto* snooze =
      remind->add_flag("--snooze", r.snooze, "Snooze the reminders that rang for 10 minutes")
          ->excludes(every);
  remind->add_flag("--silence", r.silence, "No more reminders today")
      ->excludes(snooze)
      ->excludes(every);
  remind->add_flag("--no-notify", r.noNotify, "Print only; send no desktop notification");
  for (auto* command : {add, remove, list, exportIcs, remind}) common(command);
}

std::optional<int> dispatchReminders(CLI::App& app, const ReminderOptions& r,
                                     const AppPaths& paths) {
  if (app.got_subcommand("remind")) {
    return r.everyMinutes > 0 ? remindEveryCommand(r, std::cout, std::cerr)
                              : remindCommand(r, std::cout, std::cerr);
  }
  if (!app.got_subcommand("reminders")) return std::nullopt;
  CLI::App* reminders = app.get_subcommand("reminders");
  for (const char* name : {"enable", "disable", "status"}) {
    if (!reminders->got_subcommand(name)) continue;
    const BackgroundSetup setup{paths, findOnPath("systemctl", std::getenv("PATH"))};
    return backgroundRemindersCommand(name, setup, std::cout, std::cerr);
  }
  if (reminders->got_subcommand("add")) return remindersAddCommand(r, std::cout, std::cerr);
  if (reminders->got_subcommand("remove")) return remindersRemoveCommand(r, std::cout, std::cerr);
  if (reminders->got_subcommand("export")) return remindersExportCommand(r, std::cout, std::cerr);
  return remindersListCommand(r, std::cout, std::cerr);
}

std::optional<int> dispatchProgress(CLI::App& app, const ProgressOptions& p) {
  if (app.got_subcommand("plan")) {
    CLI::App* plan = app.get_subcommand("plan");
    if (plan->got_subcommand("start")) return planStartCommand(p, std::cout, std::cerr);
    if (plan->got_subcommand("edit")) return planEditCommand(p, std::cout, std::cerr);
    if (plan->got_subcommand("level")) return planLevelCommand(p, std::cout, std::cerr);
    return planShowCommand(p, std::cout, std::cerr);
  }
  if (app.got_subcommand("flare")) return flareCommand(p, std::cout, std::cerr);
  if (app.got_subcommand("checkin")) return checkinCommand(p, std::cout, std::cerr);
  if (app.got_subcommand("history")) return historyCommand(p, std::cout, std::cerr);
  if (app.got_subcommand("stats")) return statsCommand(p, std::cout, std::cerr);
  if (app.got_subcommand("export")) return exportCommand(p, std::cout, std::cerr);
  if (app.got_subcommand("backup")) return backupCommand(p, std::cout, std::cerr);
  if (app.got_subcommand("report")) return reportCommand(p, std::cout, std::cerr);
  return std::nullopt;
}

int dispatch(CLI::App& app, Options options) {
  const AppPaths paths =
      findAppPaths(options.dataDirFlag.empty() ? std::nullopt : std::optional(options.dataDirFlag));
  options.progress.dataDir = paths.data;
  if (app.got_subcommand("stats")) {
    options.progress.firstWeekday = firstWeekday(paths.settingsFile);
    options.progress.dateText = localeDateText();
  }
  options.reminders.dataDir = paths.data;
  if (const auto code = dispatchProgress(app, options.progress)) return *code;
  if (const auto code = dispatchReminders(app, options.reminders, paths)) return *code;
  if (app.got_subcommand("poses")) return runPoses(paths, options.posesSheet, options.posesOnly);
  options.data.interactive = stdioIsTerminal();
  if (app.got_subcommand("data")) return dataCommand(paths, std::cout, std::cerr);
  if (app.got_subcommand("forget")) {
    return forgetCommand(paths, options.data, std::cin, std::cout, std::cerr);
  }
  if (app.got_subcommand("restore")) {
    return restoreCommand(paths, options.data, std::cout, std::cerr);
  }
  if (app.got_subcommand("merge")) return mergeCommand(paths, options.data, std::cout, std::cerr);
  const Library library = loadLibrary(paths);
  traceStep(options.trace, "library");
  if (app.got_subcommand("list")) {
    return options.listIds ? listIdsCommand(library, std::cout)
                           : listCommand(library, std::cout, std::cerr);
  }
  if (app.got_subcommand("show")) {
    // Without --level the plan's dose for today; with it, that level (and still the plan's side).
    const TodayDose today = todayDose(paths.data, localNow());
    Dose dose = today.dose;
    std::string note = doseLine(today);
    if (!options.showLevel.empty()) {
      dose.level = levelFromString(options.showLevel).value_or(Level::Standard);
      note.clear();
    }
    return showCommand(library, options.showId, dose, note, std::cout, std::cerr);
  }
  if (app.got_subcommand("validate")) {
    return validateCommand(library, options.validatePaths, std::cout, std::cerr);
  }
  if (app.got_subcommand("import")) {
    options.imports.interactive = stdioIsTerminal();
    return importCommand(paths, library, options.imports, std::cin, std::cout, std::cerr);
  }
  if (app.got_subcommand("run")) {
    if (!options.terminal) {
      Options gui = options;
      gui.guiRunId = options.runId;
      return runWindow(paths, library, gui, "run");
    }
    return runTerminalCommand(
        library, options.runId,
        terminalOptions(paths, library, options, loadAndReportSettings(paths)),
        *options.terminalOut, std::cerr);
  }
  return runWindow(paths, library, options, "--run");
}

// The commands as typed ("plan edit"), down the chain CLI11 selected; empty at the top.
std::pair<std::string, const CLI::App*> selectedCommand(const CLI::App* app) {
  std::string where;
  while (!app->get_subcommands().empty()) {
    app = app->get_subcommands().front();
    where += (where.empty() ? "" : " ") + app->get_name();
  }
  return {where, app};
}

// CLI11's words for what went wrong, in unknot's shape (docs/cli.md): one line,
// "unknot: <where>: <what> (see unknot <where> --help)", or a "did you mean" instead of the
// pointer when a name was mistyped.
std::string failureLine(const CLI::App* root, const CLI::Error& error) {
  constexpr auto npos = std::string::npos;
  const auto [where, command] = selectedCommand(root);
  std::string what = error.what();
  std::vector<std::string> commands;
  for (const CLI::App* sub : command->get_subcommands({})) commands.push_back(sub->get_name());
  // A word where a command was expected ("plan strat") is left over, not extra, in CLI11.
  const std::vector<std::string> leftOver = command->remaining();
  const bool extra = dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr;
  if (extra || (!commands.empty() && !leftOver.empty())) {
    // "The following argument(s) was/were not expected: a b"
    const std::string listed = what.substr(what.find(": ") + 2);
    const std::string first =
        leftOver.empty() ? listed.substr(0, listed.find(' ')) : leftOver.front();
    std::vector<std::string> candidates;
    if (first.rfind('-', 0) == 0) {
      for (const CLI::Option* option : command->get_options())
        for (const std::string& name : option->get_lnames()) candidates.push_back("--" + name);
      what = first + ": unknown option";
    } else if (where.empty() || !commands.empty()) {
      candidates = commands;
      what = first + ": unknown command";
    } else {
      what = "unexpected argument '" + first + "'";
    }
    what += didYouMean(first, candidates);
  } else if (dynamic_cast<const CLI::RequiredError*>(&error) &&
             what.rfind("A subcommand", 0) == 0) {
    std::string list;
    for (size_t i = 0; i < commands.size(); ++i)
      list += (i == 0 ? "" : i + 1 == commands.size() ? " or " : ", ") + commands[i];
    what = "expected a command: " + list;
  } else if (dynamic_cast<const CLI::ExcludesError*>(&error)) {
    // "--silence excludes --snooze"
    const size_t at = what.find(" excludes ");
    what = what.substr(0, at) + " and " + what.substr(at + 10) + " cannot be used together";
  } else if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) && what.find(": ") != npos) {
    // "--pain: 1 required INT missing": the option came last, without its value.
    what = what.substr(0, what.find(": ")) + ": expected a value";
  } else if (dynamic_cast<const CLI::ConversionError*>(&error) &&
             what.rfind("Could not convert: ", 0) == 0) {
    // "Could not convert: --x = v": a value no validator caught.
    const std::string rest = what.substr(19);
    const size_t eq = rest.find(" = ");
    what = rest.substr(0, eq) + ": cannot read '" + rest.substr(eq + 3) + "'";
  } else if (what.size() > 1 && std::islower(static_cast<unsigned char>(what[1]))) {
    what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));  // "A x"
  }
  return usageLine(where, UsageError{what}) + '\n';
}

int runCli(int argc, char** argv, std::ostream& terminalOut, StartupTrace& trace) {
  CLI::App app{"unknot - guided recovery routines for gluteal trigger points", "unknot"};
  app.set_version_flag("--version", std::string("unknot ") + UNKNOT_VERSION);
  app.failure_message(failureLine);
  Options options;
  options.terminalOut = &terminalOut;
  options.trace = &trace;
  app.add_option("--run", options.guiRunId, "Open the app and start this routine at once");
  app.add_option("--at", options.atText,
                 "With --screenshot: show the player this far in (e.g. 12s)")
      ->check(durationText("12s or 1m30s"));
  app.add_option("--screenshot", options.screenshot, "Render one frame to this PNG and exit");
  // Without a value (the desktop file's "--open %f" launched from the menu) it is a plain start.
  app.add_option("--open", options.openFile,
                 "Open a shared routine file in the window: see it, then import it, try it once "
                 "or cancel")
      ->expected(0, 1);
  app.add_option("--view", options.view,
                 "Open the window on: library, progress, checkin, plan, settings, or notice (the "
                 "safety notice of the first start)")
      ->check(oneOf({"library", "progress", "checkin", "plan", "settings", "notice"}));
  app.add_option("--size", options.sizeText,
                 "Window size WIDTHxHEIGHT, each from 200 to 16384 (e.g. 1280x800)")
      ->check(windowSize());
  app.add_option("--theme", options.themeText,
                 "Colours for this run: dark, light or high-contrast (not saved; the setting is "
                 "display.theme)")
      ->check(oneOf({"dark", "light", "high-contrast"}));
  app.add_option("--scale", options.scaleText,
                 "Interface scale for this run, 0.75 to 2.5 (not saved; Ctrl+= and Ctrl+- in "
                 "the window change and save it)")
      ->check(interfaceScale());
  // Hidden hooks for the GUI tests and scripts/bench-gui (an empty group hides them from --help).
  app.add_option("--exit-after", options.exitAfterText, "Close the window after this long")
      ->group("")
      ->check(durationText("3s"));
  app.add_flag("--gui-stats", options.guiStats, "Print frame counts and first-frame time to stderr")
      ->group("");
  app.add_option("--repeat-runs", options.repeatRuns,
                 "With --run: run the routine this many times back to back, then close (soak)")
      ->group("")
      ->check(CLI::Range(1, 100000));
  app.add_flag("--no-audio", options.noAudio, "Run without sound (no cues, no voice)");
  app.add_option("--time-scale", options.timeScale,
                 "Run the clock N times faster, 0.01 to 1000 (demos, tests)")
      ->check(timeScale());

  app.add_subcommand("list", "List the routines (bundled and your own) with their total time")
      ->add_flag("--ids", options.listIds,
                 "Only the ids of the routines that load, one per line (scripts, completion)");
  auto* show = app.add_subcommand("show", "Show a routine's phases with their start times");
  show->add_option("ID", options.showId, "Routine id (see unknot list)")->required();
  show->add_option("--level", options.showLevel, "The level to show: gentle, standard or strong")
      ->check(oneOf({"gentle", "standard", "strong"}));
  auto* validate = app.add_subcommand("validate", "Check routine files (default: all routines)");
  validate->add_option("PATH", options.validatePaths, "Files or folders to check");
  auto* import = app.add_subcommand(
      "import", "Check shared routine files (*.unknot.toml) and install them as your own");
  import->add_option("FILE", options.imports.files, "Routine files, all installed or none")
      ->required();
  import->add_flag("--replace", options.imports.replace,
                   "Replace your routines (or hide bundled ones) with the same id without asking");
  auto* poses = app.add_subcommand(
      "poses", "List the pose library (the drawn figures): id, keyframes, view, props");
  poses->add_option("--sheet", options.posesSheet,
                    "Draw every pose, keyframe and side into this PNG (needs a display)");
  poses->add_option("--pose", options.posesOnly, "Only this pose (repeatable)");
  auto* run = app.add_subcommand("run", "Run a routine (in the window, or --terminal)");
  run->add_option("ID", options.runId, "Routine id (see unknot list)")->required();
  run->add_flag("--terminal", options.terminal, "Run in the terminal instead of the window");
  run->add_flag("--confirm-long-thermal", options.confirmLongThermal,
                "Start heat or ice applications over 20 minutes without asking");
  run->add_flag("--fresh", options.freshThermal,
                "Start a heat/ice cycle from the beginning instead of resuming the one left open");
  run->add_flag("--despite-warning", options.despiteWarning,
                "Start even while an urgent warning is on your record (the advice still shows)");
  run->add_flag("--no-audio", options.noAudio, "Run without sound (no cues, no voice)");
  run->add_option("--time-scale", options.timeScale,
                  "Run the clock N times faster, 0.01 to 1000 (demos, tests)")
      ->check(timeScale());
  addProgressCommands(app, options.progress, options.dataDirFlag);
  addReminderCommands(app, options.reminders, options.dataDirFlag);
  addDataCommands(app, options.data, options.dataDirFlag);
  app.require_subcommand(0, 1);
  app.footer(
      "Each command has its own options: unknot COMMAND --help. Messages and exit codes: "
      "docs/cli.md.");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);  // help and version on stdout, a failure as one line
    return code == static_cast<int>(CLI::ExitCodes::Success) ? kExitOk : kExitUsage;
  }
  trace.mark("command_line");
  return dispatch(app, options);
}

}  // namespace
}  // namespace unknot

int main(int argc, char** argv) {
  unknot::StartupTrace trace;
  unknot::TerminalSafeStreams streams;
  try {
    return unknot::runCli(argc, argv, streams.raw(), trace);
  } catch (const std::exception& e) {
    std::cerr << "unknot: " << e.what() << '\n';
    return unknot::kExitFailure;
  }
}
