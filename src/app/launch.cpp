#include "app/launch.hpp"

#include <unistd.h>

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
#include "app/session/app_paths.hpp"
#include "app/session/child_process.hpp"
#include "app/session/exit_codes.hpp"
#include "app/session/locale_calendar.hpp"
#include "app/session/recording_sink.hpp"
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

constexpr const char* kDefaultRoutine = "daily-recovery";

namespace unknot {

bool stdioIsTerminal() {
  return ::isatty(STDIN_FILENO) && ::isatty(STDOUT_FILENO);
}

SettingsLoad loadAndReportSettings(const AppPaths& paths) {
  SettingsLoad settings = loadSettings(paths.settingsFile);
  for (const Diagnostic& error : settings.errors) std::cerr << error.toString() << '\n';
  return settings;
}

TerminalOptions terminalOptions(const AppPaths& paths, const Library& library,
                                const LaunchOptions& options,
                                [[maybe_unused]] const SettingsLoad& settings) {
  TerminalOptions terminal;
  terminal.timeScale = options.timeScale;
  terminal.today = todayDose(paths.data, localNow());
  terminal.interactive = stdioIsTerminal();
  terminal.confirmLongThermal = options.confirmLongThermal;
  terminal.freshThermal = options.freshThermal;
  terminal.warnings = activeWarnings(paths.data, localNow());
  terminal.despiteWarning = options.despiteWarning;
  terminal.showNotice = !settings.settings.safety.noticeAcknowledged;
  if (settings.errors.empty() && !paths.settingsFile.empty()) {
    // Read again and changed in one key: a window open meanwhile may have saved the file.
    terminal.acknowledgeNotice = [path = paths.settingsFile] {
      SettingsLoad current = loadSettings(path);
      if (!current.errors.empty()) return;
      current.settings.safety.noticeAcknowledged = true;
      (void)saveSettings(current.settings, path);  // best effort: asked again next time
    };
  }
#ifdef UNKNOT_HAVE_AUDIO
  if (!options.noAudio) {
    // The terminal's first session starts at once: load the module ahead.
    AudioHookup audio = audioHookup(paths.audioModule, settings.settings.audio, options.timeScale,
                                    {paths.assetsDir, paths.speechCacheDir}, std::cerr,
                                    std::move(terminal.makeSessionSink), true);
    terminal.makeSessionSink = std::move(audio.makeSessionSink);
    terminal.muted = settings.settings.audio.muted;
    terminal.speak = std::move(audio.speak);
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

namespace {

// No window could open: say what to do instead, in one line. On a terminal, offer the routine
// and start it only on a yes; otherwise (a script, a pipe) start nothing and record nothing.
int withoutDisplay(const AppPaths& paths, const Library& library, const LaunchOptions& options,
                   const SettingsLoad& settings, const std::string& reason) {
  const bool routineAsked =
      options.screenshot.empty() && options.view.empty() && options.openFile.empty();
  const std::string id = options.guiRunId.empty() ? kDefaultRoutine : options.guiRunId;
  std::string advice;
  if (!options.screenshot.empty()) {
    advice = "a screenshot needs a display (xvfb-run gives one)";
  } else if (!options.view.empty()) {
    advice =
        "in a terminal, see your record with `unknot stats`, `unknot checkin` and "
        "`unknot plan show`";
  } else if (!options.openFile.empty()) {
    advice = "check and install it here with `unknot import " + options.openFile + "`";
  } else if (!options.guiRunId.empty()) {
    advice = "run it here with `unknot run " + id + " --terminal`";
  } else {
    advice =
        "see the routines with `unknot list`, then run one here with "
        "`unknot run ID --terminal`";
  }
  std::cerr << errorLine("window", "cannot open one (" + reason + "); " + advice) << '\n';
  if (!routineAsked || !stdioIsTerminal()) return kExitNoDisplay;
  const auto [entry, code] = findRunnable(library, id, "run", std::cerr);
  if (!entry) return code;
  if (!askToRunHere(*entry->plan, std::cin, std::cout)) return kExitNoDisplay;
  return runTerminalCommand(library, id, terminalOptions(paths, library, options, settings),
                            *options.terminalOut, std::cerr);
}

}  // namespace

int runWindow(const AppPaths& paths, const Library& library, const LaunchOptions& options,
              std::string_view where) {
  if (!options.guiRunId.empty()) {
    const auto [entry, code] = findRunnable(library, options.guiRunId, where, std::cerr);
    if (!entry) return code;
  }
  SettingsLoad settings = loadAndReportSettings(paths);
  std::string noDisplay;
#ifdef UNKNOT_HAVE_GUI
  GuiOptions gui;
  gui.library = &library.routines;
  gui.poses = &library.poses;
  gui.reloadLibrary = [&paths] { return loadLibrary(paths); };
  if (!options.guiRunId.empty()) gui.runId = options.guiRunId;
  // --at, --size and --exit-after were checked by their validators.
  if (!options.atText.empty()) gui.at = parseDurationText(options.atText);
  if (!options.screenshot.empty()) gui.screenshot = options.screenshot;
  if (!options.view.empty()) gui.view = options.view;
  if (!options.openFile.empty()) gui.openFile = options.openFile;
  gui.paths = paths;
  gui.timeScale = options.timeScale;
#ifdef UNKNOT_HAVE_AUDIO
  traceStep(options.trace, "settings");
  // A screenshot is a still: it never opens the audio device.
  if (!options.noAudio && options.screenshot.empty()) {
    // A routine asked for starts before the first frame: its sound module loads meanwhile.
    AudioHookup audio = audioHookup(paths.audioModule, settings.settings.audio, options.timeScale,
                                    {paths.assetsDir, paths.speechCacheDir}, std::cerr, {},
                                    !options.guiRunId.empty());
    gui.makeSessionSink = std::move(audio.makeSessionSink);
    gui.toggleMute = std::move(audio.toggleMute);  // saved with the window settings on exit
    gui.speak = std::move(audio.speak);
    gui.applyAudioSettings = std::move(audio.applySettings);
  }
  traceStep(options.trace, "audio");
  gui.listVoices = [module = paths.audioModule](bool speechDispatcher) {
    const VoiceChoices choices = voiceChoices(module, speechDispatcher);
    return std::pair{choices.backend, choices.voices};
  };
#endif
  gui.makeSessionSink = recordingSinkFactory(library, paths.data, "gui", std::cout, std::cerr,
                                             std::move(gui.makeSessionSink));
  if (const auto size = parseWindowSize(options.sizeText)) {
    gui.width = size->first;
    gui.height = size->second;
  }
  if (!options.themeText.empty()) gui.theme = parseThemeName(options.themeText);
  if (!options.scaleText.empty()) {
    double scale = 1.0;  // checked by its validator; from_chars ignores the locale
    std::from_chars(options.scaleText.data(), options.scaleText.data() + options.scaleText.size(),
                    scale);
    gui.scale = scale;
  }
  gui.firstWeekday = firstWeekday(settings.settings);
  gui.dateText = localeDateText();
  if (!options.exitAfterText.empty()) gui.exitAfter = parseDurationText(options.exitAfterText);
  gui.printStats = options.guiStats;
  gui.trace = options.trace;
  gui.repeatRuns = options.repeatRuns;
  if (options.screenshot.empty()) {
    // The same switch as `unknot reminders enable|disable`: one owner of how it is done.
    const BackgroundSetup background{paths, findOnPath("systemctl", std::getenv("PATH"))};
    gui.backgroundStatus = [background] {
      const BackgroundStatus status = backgroundStatus(background);
      return std::pair{status.runner != BackgroundRunner::Off, status.text};
    };
    gui.setBackground = [background](bool on) {
      const BackgroundChange change =
          on ? enableBackgroundReminders(background) : disableBackgroundReminders(background);
      return std::pair{change.runner != BackgroundRunner::Off, change.text};
    };
  }
  gui.settings = &settings.settings;
  if (settings.errors.empty())
    gui.settingsPath = paths.settingsFile;  // never overwrite a file we could not read
  for (const Diagnostic& error : settings.errors) gui.settingsErrors.push_back(error.toString());
  const int code = runGui(gui, noDisplay);
  if (code != kExitNoDisplay) return code;
#else
  noDisplay = "this build has no desktop window";
#endif
  return withoutDisplay(paths, library, options, settings, noDisplay);
}

int runPoses(const AppPaths& paths, const std::string& sheet,
             const std::vector<std::string>& only) {
  figure::PoseLibrary poses = loadPoses(paths);
  if (!only.empty()) {
    std::vector<std::string> ids;
    for (const figure::PoseEntry& entry : poses.entries()) ids.push_back(entry.id);
    for (const std::string& id : only) {
      if (std::find(ids.begin(), ids.end(), id) != ids.end()) continue;
      std::cerr << usageLine("poses",
                             UsageError("--pose: no pose '" + id + "'" + didYouMean(id, ids)))
                << '\n';
      return kExitUsage;
    }
    poses.keepOnly(only);
  }
  if (sheet.empty()) return posesCommand(poses, std::cout, std::cerr);
  for (const figure::PoseEntry& entry : poses.entries())
    for (const Diagnostic& error : entry.errors) std::cerr << error.toString() << '\n';
  std::string noDisplay;
#ifdef UNKNOT_HAVE_GUI
  const int code = writePoseSheet(poses, sheet, noDisplay);
  if (code != kExitNoDisplay)
    return code == kExitOk && poses.errorCount() > 0 ? kExitFailure : code;
#else
  noDisplay = "this build has no desktop window";
#endif
  std::cerr << errorLine("poses", "cannot open a window (" + noDisplay +
                                      "); a sheet needs a display (xvfb-run gives one)")
            << '\n';
  return kExitNoDisplay;
}

}  // namespace unknot
