// unknot's command line and composition root: parses the arguments (the only translation unit
// that includes CLI11, which compiles slowly), resolves the app's folders once, and hands the
// work to a command group, the terminal runner or the window.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "app/cli/library_commands.hpp"
#include "app/cli/progress_commands.hpp"
#include "app/cli/reminder_commands.hpp"
#include "app/session/app_paths.hpp"
#include "app/session/exit_codes.hpp"
#include "app/session/recording_sink.hpp"
#include "app/terminal/terminal_runner.hpp"
#include "core/duration.hpp"

#ifdef UNKNOT_HAVE_GUI
#include "app/gui/gui_runner.hpp"
#endif
#ifdef UNKNOT_HAVE_AUDIO
#include "app/session/audio_sinks.hpp"
#endif

namespace unknot {
namespace {

constexpr const char* kDefaultRoutine = "daily-recovery";

struct Options {
  std::string showId, runId, guiRunId, atText, screenshot, sizeText, exitAfterText;
  std::string view;       // --view: open the window on progress, checkin or plan
  bool guiStats = false;  // hidden: gui.* figures on stderr for tests and bench/gui
  std::vector<std::string> validatePaths;
  bool terminal = false;
  std::string dataDirFlag;  // --data-dir, before or after the command name; empty: not given
  bool confirmLongThermal = false, freshThermal = false;  // heat/ice
  bool noAudio = false;
  double timeScale = 1.0;
  ProgressOptions progress;
  ReminderOptions reminders;
};

bool stdioIsTerminal() {
  return ::isatty(STDIN_FILENO) && ::isatty(STDOUT_FILENO);
}

// Problems in the settings file are told once per run, whichever runner starts.
SettingsLoad loadAndReportSettings(const AppPaths& paths) {
  SettingsLoad settings = loadSettings(paths.settingsFile);
  for (const Diagnostic& error : settings.errors) std::cerr << error.toString() << '\n';
  return settings;
}

TerminalOptions terminalOptions(const AppPaths& paths, const Library& library,
                                const Options& options,
                                [[maybe_unused]] const SettingsLoad& settings) {
  TerminalOptions terminal;
  terminal.timeScale = options.timeScale;
  terminal.interactive = stdioIsTerminal();
  terminal.confirmLongThermal = options.confirmLongThermal;
  terminal.freshThermal = options.freshThermal;
#ifdef UNKNOT_HAVE_AUDIO
  if (!options.noAudio) {
    AudioHookup audio = audioHookup(settings.settings.audio, options.timeScale, paths.assetsDir,
                                    std::cerr, std::move(terminal.makeSessionSink));
    terminal.makeSessionSink = std::move(audio.makeSessionSink);
    terminal.muted = settings.settings.audio.muted;
    terminal.toggleMute = settings.errors.empty()
                              ? savingMuteChanges(std::move(audio.toggleMute), paths.settingsFile)
                              : std::move(audio.toggleMute);
  }
#endif
  // Terminal runs are recorded in the progress store (alongside any audio sink).
  terminal.makeSessionSink = recordingSinkFactory(library, paths.data, "terminal", std::cout,
                                                  std::cerr, std::move(terminal.makeSessionSink));
  return terminal;
}

int runDefault(const AppPaths& paths, const Library& library, const Options& options) {
  SettingsLoad settings = loadAndReportSettings(paths);
#ifdef UNKNOT_HAVE_GUI
  GuiOptions gui;
  gui.library = &library.routines;
  gui.reloadLibrary = [&paths] { return loadLibrary(paths).routines; };
  if (!options.guiRunId.empty()) gui.runId = options.guiRunId;
  if (!options.atText.empty()) {
    gui.at = parseDurationText(options.atText);
    if (!gui.at) {
      std::cerr << "unknot: --at: expected a duration like 12s or 1m30s, found '" << options.atText
                << "'\n";
      return kExitUsage;
    }
  }
  if (!options.screenshot.empty()) gui.screenshot = options.screenshot;
  if (!options.view.empty()) gui.view = options.view;
  gui.paths = paths;
  gui.timeScale = options.timeScale;
#ifdef UNKNOT_HAVE_AUDIO
  // A screenshot is a still: it never opens the audio device.
  if (!options.noAudio && options.screenshot.empty()) {
    AudioHookup audio =
        audioHookup(settings.settings.audio, options.timeScale, paths.assetsDir, std::cerr);
    gui.makeSessionSink = std::move(audio.makeSessionSink);
    gui.toggleMute = std::move(audio.toggleMute);  // saved with the window settings on exit
  }
#endif
  gui.makeSessionSink = recordingSinkFactory(library, paths.data, "gui", std::cout, std::cerr,
                                             std::move(gui.makeSessionSink));
  if (!options.sizeText.empty()) {
    const auto size = parseWindowSize(options.sizeText);
    if (!size) {
      std::cerr << "unknot: --size: expected WIDTHxHEIGHT like 1280x800, found '"
                << options.sizeText << "'\n";
      return kExitUsage;
    }
    gui.width = size->first;
    gui.height = size->second;
  }
  if (!options.exitAfterText.empty()) {
    gui.exitAfter = parseDurationText(options.exitAfterText);
    if (!gui.exitAfter) {
      std::cerr << "unknot: --exit-after: expected a duration like 3s, found '"
                << options.exitAfterText << "'\n";
      return kExitUsage;
    }
  }
  gui.printStats = options.guiStats;
  gui.settings = &settings.settings;
  if (settings.errors.empty())
    gui.settingsPath = paths.settingsFile;  // never overwrite a file we could not read
  const int code = runGui(gui);
  if (code != kExitNoDisplay) return code;
#else
  std::cerr << "unknot: this build has no desktop window; using the terminal\n";
#endif
  if (!options.screenshot.empty()) return kExitFailure;
  if (!options.view.empty()) {  // asked for a screen, not a routine: do not start one
    std::cerr << "unknot: in a terminal, see your record with unknot stats, unknot checkin and "
                 "unknot plan show\n";
    return kExitFailure;
  }
  const std::string id = options.guiRunId.empty() ? kDefaultRoutine : options.guiRunId;
  std::cerr << "unknot: starting '" << id << "' in the terminal (other routines: unknot list, "
            << "then unknot run ID --terminal)\n";
  return runTerminalCommand(library, id, terminalOptions(paths, library, options, settings),
                            std::cout, std::cerr);
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
  auto* edit =
      plan->add_subcommand("edit", "Change the plan from today on; past days keep their targets");
  for (auto* command : {start, edit}) {
    command->add_option("--weeks", p.weeks, "Plan length, 2 to 6 weeks");
    command->add_option("--target", p.targets,
                        "Daily target, repeatable: stretch=2, foam-roll+massage=1, strength=1@2 "
                        "(from week 2), routine:pigeon-pose=1");
    command->add_option("--rest-days", p.restDays,
                        "Rest days allowed per week, 0 to 3 (default 1)");
    command->add_option("--day-start", p.dayStart, "Hour the day starts, 0 to 12 (default 3)");
    dataDir(command);
  }
  start->add_option("--date", p.date, "First day of the plan, YYYY-MM-DD (default today)");
  start->add_flag("--replace", p.replace, "Start a new plan even though one is running");
  dataDir(plan->add_subcommand("show", "Show the plan, its targets and which day it is"));
  auto* checkin =
      app.add_subcommand("checkin", "Log pain and tightness (0-10), warning symptoms and a note");
  checkin->add_option("--pain", p.pain, "Pain now, 0 (none) to 10 (worst)")->required();
  checkin->add_option("--tightness", p.tightness, "Tightness now, 0 to 10");
  checkin->add_option("--symptom", p.symptoms,
                      "Repeatable: numbness, radiating, swelling, mobility, injury");
  checkin->add_option("--note", p.note, "A short note");
  dataDir(checkin);
  auto* history = app.add_subcommand("history", "List the sessions and check-ins of the last days");
  history->add_option("--days", p.days, "How many days back (default 7)");
  dataDir(history);
  auto* stats =
      app.add_subcommand("stats", "Streak, adherence, time per category, pain trend, red flags");
  stats->add_flag("--json", p.json, "Print JSON instead of text");
  dataDir(stats);
  auto* exportCsv = app.add_subcommand("export", "Export the whole record as CSV files");
  exportCsv
      ->add_option("--csv", p.exportDir,
                   "Folder for sessions.csv, phases.csv, checkins.csv, days.csv")
      ->required();
  dataDir(exportCsv);
  auto* backup =
      app.add_subcommand("backup", "Copy the progress database to FILE (safe while running)");
  backup->add_option("file", p.backupFile, "Where to write the copy")->required();
  dataDir(backup);
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
  auto* add =
      reminders->add_subcommand("add", "Remind at HH:MM every day unless the target is met");
  add->add_option("time", r.time, "Time of day, HH:MM (24-hour)")->required();
  add->add_option("--target", r.target,
                  "What to do: stretch, foam-roll+massage, routine:pigeon-pose, any")
      ->required();
  auto* remove = reminders->add_subcommand("remove", "Remove the reminders at HH:MM");
  remove->add_option("time", r.time, "Time of day, HH:MM")->required();
  remove->add_option("--target", r.target, "Only the reminder for this target");
  auto* list =
      reminders->add_subcommand("list", "Show the reminders and today's progress on their targets");
  auto* exportIcs =
      reminders->add_subcommand("export", "Write the reminders as an iCalendar (.ics) file");
  exportIcs->add_option("--ics", r.icsFile, "The .ics file to write")->required();
  auto* remind = app.add_subcommand(
      "remind", "Ring the reminders that are due now (for cron or a systemd timer)");
  remind->add_flag("--once", r.once, "Check once and exit (the default; there is no loop)");
  remind->add_flag("--snooze", r.snooze, "Snooze the reminders that rang for 10 minutes");
  remind->add_flag("--silence", r.silence, "No more reminders today");
  remind->add_flag("--no-notify", r.noNotify, "Print only; send no desktop notification");
  for (auto* command : {add, remove, list, exportIcs, remind}) common(command);
}

std::optional<int> dispatchReminders(CLI::App& app, const ReminderOptions& r) {
  if (app.got_subcommand("remind")) return remindCommand(r, std::cout, std::cerr);
  if (!app.got_subcommand("reminders")) return std::nullopt;
  CLI::App* reminders = app.get_subcommand("reminders");
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
    return planShowCommand(p, std::cout, std::cerr);
  }
  if (app.got_subcommand("checkin")) return checkinCommand(p, std::cout, std::cerr);
  if (app.got_subcommand("history")) return historyCommand(p, std::cout, std::cerr);
  if (app.got_subcommand("stats")) return statsCommand(p, std::cout, std::cerr);
  if (app.got_subcommand("export")) return exportCommand(p, std::cout, std::cerr);
  if (app.got_subcommand("backup")) return backupCommand(p, std::cout, std::cerr);
  return std::nullopt;
}

int dispatch(CLI::App& app, Options options) {
  const AppPaths paths =
      findAppPaths(options.dataDirFlag.empty() ? std::nullopt : std::optional(options.dataDirFlag));
  options.progress.dataDir = paths.data;
  options.reminders.dataDir = paths.data;
  if (const auto code = dispatchProgress(app, options.progress)) return *code;
  if (const auto code = dispatchReminders(app, options.reminders)) return *code;
  const Library library = loadLibrary(paths);
  if (app.got_subcommand("list")) return listCommand(library, std::cout, std::cerr);
  if (app.got_subcommand("show")) return showCommand(library, options.showId, std::cout, std::cerr);
  if (app.got_subcommand("validate")) {
    return validateCommand(library, options.validatePaths, std::cout, std::cerr);
  }
  if (app.got_subcommand("run")) {
    if (!options.terminal) {
#ifdef UNKNOT_HAVE_GUI
      Options gui = options;
      gui.guiRunId = options.runId;
      return runDefault(paths, library, gui);
#endif
    }
    return runTerminalCommand(
        library, options.runId,
        terminalOptions(paths, library, options, loadAndReportSettings(paths)), std::cout,
        std::cerr);
  }
  return runDefault(paths, library, options);
}

int runCli(int argc, char** argv) {
  CLI::App app{"unknot - guided recovery routines for gluteal trigger points", "unknot"};
  app.set_version_flag("--version", std::string("unknot ") + UNKNOT_VERSION);
  Options options;
  app.add_option("--run", options.guiRunId, "Open the app and start this routine at once");
  app.add_option("--at", options.atText,
                 "With --screenshot: show the player this far in (e.g. 12s)");
  app.add_option("--screenshot", options.screenshot, "Render one frame to this PNG and exit");
  app.add_option("--view", options.view, "Open the window on: library, progress, checkin or plan");
  app.add_option("--size", options.sizeText, "Window size WxH (e.g. 1280x800)");
  // Hidden hooks for the GUI tests and scripts/bench-gui (an empty group hides them from --help).
  app.add_option("--exit-after", options.exitAfterText, "Close the window after this long")
      ->group("");
  app.add_flag("--gui-stats", options.guiStats, "Print frame counts and first-frame time to stderr")
      ->group("");
  app.add_flag("--no-audio", options.noAudio, "Run without sound (no cues, no voice)");
  app.add_option("--time-scale", options.timeScale, "Run the clock N times faster (demos, tests)")
      ->check(CLI::Range(0.01, 1000.0));

  app.add_subcommand("list", "List the routines (bundled and your own) with their total time");
  auto* show = app.add_subcommand("show", "Show a routine's phases with their start times");
  show->add_option("id", options.showId, "Routine id (see list)")->required();
  auto* validate = app.add_subcommand("validate", "Check routine files (default: all routines)");
  validate->add_option("paths", options.validatePaths, "Files or folders to check");
  auto* run = app.add_subcommand("run", "Run a routine");
  run->add_option("id", options.runId, "Routine id (see list)")->required();
  run->add_flag("--terminal", options.terminal, "Run in the terminal instead of the window");
  run->add_flag("--confirm-long-thermal", options.confirmLongThermal,
                "Start heat or ice applications over 20 minutes without asking");
  run->add_flag("--fresh", options.freshThermal,
                "Start a heat/ice cycle from the beginning instead of resuming the one left open");
  run->add_flag("--no-audio", options.noAudio, "Run without sound (no cues, no voice)");
  run->add_option("--time-scale", options.timeScale, "Run the clock N times faster (demos, tests)")
      ->check(CLI::Range(0.01, 1000.0));
  addProgressCommands(app, options.progress, options.dataDirFlag);
  addReminderCommands(app, options.reminders, options.dataDirFlag);
  app.require_subcommand(0, 1);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "unknot: " << e.what() << "\n(see unknot --help)\n";
    return kExitUsage;
  }
  return dispatch(app, options);
}

}  // namespace
}  // namespace unknot

int main(int argc, char** argv) {
  try {
    return unknot::runCli(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "unknot: " << e.what() << '\n';
    return 1;
  }
}
