// The desktop front end: a GLFW window with Dear ImGui views over the core engine, driven by
// an event-driven loop that sleeps until the next visible change.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/session/app_paths.hpp"
#include "app/session/exit_codes.hpp"
#include "app/session/library.hpp"
#include "app/session/session_sinks.hpp"
#include "app/session/startup_trace.hpp"
#include "core/figure/pose_loader.hpp"
#include "core/recovery/logical_day.hpp"
#include "core/routine_library.hpp"
#include "core/settings.hpp"

namespace unknot {

struct GuiOptions {
  const RoutineLibrary* library = nullptr;
  const figure::PoseLibrary* poses = nullptr;  // the figures steps name; null: none drawn
  // Loads the pose and routine folders again (F5, or coming back to the window after editing a
  // file); empty: the library is fixed.
  std::function<Library()> reloadLibrary;
  std::optional<std::string> runId;                 // start this routine at once
  std::optional<Millis> at;                         // with screenshot: show the state this far in
  std::optional<std::filesystem::path> screenshot;  // render once, write a PNG, exit
  int width = 0, height = 0;                        // 0: from settings
  // --theme and --scale: this run only, never saved; nullopt: from settings.
  std::optional<ThemeName> theme;
  std::optional<double> scale;
  int firstWeekday = 0;  // the calendars' first column (settings, else the locale); 0 = Sunday
  std::function<std::string(LogicalDate)> dateText;  // the locale's dates; empty: ISO
  double timeScale = 1.0;
  Settings* settings = nullptr;  // window geometry is written back on exit
  std::filesystem::path settingsPath;
  SessionSinkFactory makeSessionSink;  // may be empty
  AppPaths paths;                      // the folders the app resolved at start
  std::optional<std::string> view;     // open on "progress", "checkin" or "plan" (also stills)
  std::optional<std::filesystem::path> openFile;  // a shared routine file to look at (--open)
  std::function<bool()> toggleMute;  // the M key; returns the new state; empty: no sound
  std::function<void(const std::string&)> speak;  // the W and I keys' sentence; empty: no sound
  // The settings screen's sound changes reach the live player and later ones; may be empty.
  std::function<void(const AudioSettings&)> applyAudioSettings;
  // The voices to offer: {backend, names}, speech-dispatcher's when asked for and running.
  std::function<std::pair<std::string, std::vector<std::string>>(bool speechDispatcher)> listVoices;
  // Reminders with the app closed, for the settings screen (see GuiSettings::Options).
  std::function<std::pair<bool, std::string>()> backgroundStatus;
  std::function<std::pair<bool, std::string>(bool on)> setBackground;
  // Why settingsPath is empty although settings were read: the file's errors, one per line.
  std::vector<std::string> settingsErrors;
  // Hidden hooks for tests and the bench script.
  std::optional<Millis> exitAfter;  // close the window after this much real time
  bool printStats = false;          // print gui.* figures (first frame, frames drawn) to stderr
  StartupTrace* trace = nullptr;    // start-up stamps, printed after the first frame
  int repeatRuns = 0;               // with runId: run it this many times back to back, then close
};

// Returns the process exit code. With no display it prints nothing, sets `noDisplayReason` and
// returns 3: the caller says what to do instead (and never starts a routine unasked).
int runGui(const GuiOptions& options, std::string& noDisplayReason);

}  // namespace unknot
