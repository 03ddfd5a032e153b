// What the composition root starts once the command line is read: the window (or, without a
// display, what to do instead), the terminal runner's options, and the pose sheet. Kept apart
// from the CLI11 parser in main.cpp, which fills LaunchOptions.
#pragma once

#include <iostream>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "app/session/app_paths.hpp"
#include "app/session/library.hpp"
#include "app/session/startup_trace.hpp"
#include "app/terminal/terminal_runner.hpp"
#include "core/settings.hpp"

namespace unknot {

inline constexpr const char* kDefaultRoutine = "daily-recovery";

// The options of a run (the window or the terminal runner), as given on the command line.
struct LaunchOptions {
  // Where the terminal runner draws (its status line uses control sequences); everything else
  // goes to std::cout and std::cerr, which show control characters visibly.
  std::ostream* terminalOut = &std::cout;
  std::string guiRunId, atText, screenshot, sizeText, exitAfterText;
  std::string themeText;          // --theme: this run only
  std::string scaleText;          // --scale: this run only; empty: from settings
  std::string view;               // --view: open the window on progress, checkin or plan
  std::string openFile;           // --open: a shared routine file (a double-click on *.unknot.toml)
  bool guiStats = false;          // hidden: gui.* figures on stderr for tests and bench/gui
  StartupTrace* trace = nullptr;  // stamps on the way to the first frame (with guiStats)
  int repeatRuns = 0;             // hidden: --run this many times back to back (scripts/soak)
  bool confirmLongThermal = false, freshThermal = false;  // heat/ice
  bool despiteWarning = false;  // start even while an urgent warning is on the record
  bool noAudio = false;
  double timeScale = 1.0;
};

// Both standard input and output are a terminal (a person at the keyboard).
bool stdioIsTerminal();
// Problems in the settings file are told once per run, whichever runner starts.
SettingsLoad loadAndReportSettings(const AppPaths& paths);
TerminalOptions terminalOptions(const AppPaths& paths, const Library& library,
                                const LaunchOptions& options, const SettingsLoad& settings);
// The window (on the library, a routine or a progress screen); `where` names what asked for a
// routine ("--run" or "run") in messages. Without a display: says what to do instead.
int runWindow(const AppPaths& paths, const Library& library, const LaunchOptions& options,
              std::string_view where);
// `unknot poses`: the table, or with `sheet` every pose drawn into one PNG (needs a display).
int runPoses(const AppPaths& paths, const std::string& sheet, const std::vector<std::string>& only);

}  // namespace unknot
