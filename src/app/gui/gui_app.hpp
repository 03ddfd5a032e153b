// The desktop app's state and frame logic: which view shows, how intents reach the engine, and
// the event-driven loop that draws a frame only when the picture would change (the clock's
// next second, a cue, a flash ending) or after input.
#pragma once

#include <chrono>
#include <memory>
#include <span>

#include "app/gui/gui_fonts.hpp"
#include "app/gui/gui_look.hpp"
#include "app/gui/gui_open.hpp"
#include "app/gui/gui_progress.hpp"
#include "app/gui/gui_reminders.hpp"
#include "app/gui/gui_runner.hpp"
#include "app/gui/gui_session.hpp"
#include "app/gui/gui_settings.hpp"
#include "app/gui/gui_thermal.hpp"
#include "app/gui/gui_window.hpp"
#include "app/session/today_dose.hpp"
#include "ui/key_table.hpp"
#include "ui/library_view.hpp"
#include "ui/stop_question.hpp"

namespace unknot {

class GuiApp {
 public:
  GuiApp(const GuiOptions& options, GuiWindow& window, FontSet& fonts);

  // Opens a progress screen (--view) instead of the library.
  void openView(GuiProgress::Screen screen) { m_progress.open(screen); }
  // Opens the settings screen (--view settings; S in the library).
  void openSettings() { m_settings.open(); }
  // Opens a shared routine file (--open): its phases and problems, Import, Try once, Cancel.
  void openFile(const std::filesystem::path& file);
  // Opens the player on `plan` (--run), `at` into it; while a warning is up, its advice comes
  // first (not in a still, which never starts anything for real).
  void start(const Plan& plan, Millis at);
  // What must be seen before the app: the first-start notice until acknowledged (not in
  // stills), and the urgent advice while an urgent warning is up. `noticeAgain`: --view notice.
  void showSafetyScreens(bool atLibrary, bool noticeAgain);
  // Offers a heat/ice cycle left open by an earlier run, if there is one.
  void offerStoredCycle() {
    if (const Plan* plan = storedThermalPlan(m_options)) start(*plan, Millis(0));
  }
  int run();         // until the window closes (or --exit-after)
  int screenshot();  // draws the requested state offscreen and writes the PNG

 private:
  using SteadyTime = std::chrono::steady_clock::time_point;

  enum class Screen { Library, Player, Summary, Progress };
  // Everything on screen that changes by itself; a frame is drawn when it differs.
  struct FrameKey {
    Screen view = Screen::Library;
    size_t phase = 0;
    long long seconds = 0;
    SessionState state = SessionState::Ready;
    int rep = 0;
    long long figure = 0;  // the pose figure's frame (ui/player_figure.hpp), moving only in reps
    bool flash = false;
    int progress = 0;   // which progress screen and what it shows (GuiProgress::revision)
    int thermal = 0;    // the heat/ice state (GuiThermal::revision)
    int reminders = 0;  // the reminder banner (GuiReminders::revision)
    bool askingStop = false;
    bool notice = false;
    size_t warnings = 0;  // the library's banner
    int library = 0;      // bumped when the routine folders were loaded again
    int opened = 0;       // the Open screen (GuiOpen::revision + 1; 0: not shown)
    int settings = 0;     // the settings screen (GuiSettings::revision + 1; 0: not shown)
    bool keys = false;    // the ? overlay
    bool operator==(const FrameKey&) const = default;
  };

  // Starts `plan` at today's dose (the plan's level and sore side), as the library shows it.
  void startSession(const Plan& plan, Millis at);
  Plan atTodaysDose(const Plan& plan) const;
  void refreshToday();  // reads today's dose again; the library follows when it changed
  void endSession();
  bool drawThermal(const UiFonts& fonts, std::span<const UiKey> keys);
  void drawViews(std::span<const UiKey> keys);
  void drawScreen(std::span<const UiKey> keys);  // the current screen, under any overlay
  void drawOpenFile(std::span<const UiKey> keys);
  void drawSettings(std::span<const UiKey> keys);
  KeyScreen keyScreen() const;  // whose keys the ? overlay lists
  void applyPlayerIntent(PlayerIntent intent);
  void runCommand(SessionCommand command);  // the same function the terminal runner calls
  void toggleMute();
  void startRequestedRoutine();  // after the check-in offered before the day's first routine
  void acknowledgeNotice();
  void renderFrame(std::span<const UiKey> keys, bool present);
  void noticePhaseChange(SteadyTime now);
  bool flashing(SteadyTime now) const { return now < m_flashUntil; }
  FrameKey frameKey(SteadyTime now) const;
  std::optional<std::chrono::microseconds> untilNextChange(SteadyTime now) const;
  void reportFirstFrame();
  ImU32 background() const;

  const GuiOptions& m_options;
  GuiWindow& m_window;
  FontSet& m_fonts;
  TodayDose m_today;                         // the plan's level and sore side today
  const RoutineLibrary* library() const;     // the one loaded last
  const figure::PoseLibrary* poses() const;  // the poses loaded last
  void reloadLibrary(bool onlyIfChanged);
  std::optional<Library> m_reloaded;  // set once the folders were loaded again
  std::optional<GuiOpen> m_open;      // a shared routine file being looked at
  LibraryModel m_library;
  std::string m_libraryStamp;
  int m_libraryRevision = 0;
  LibraryViewState m_libraryState;
  std::unique_ptr<GuiSession> m_session;
  std::unique_ptr<GuiThermal> m_thermal;  // heat/ice sessions only; drives m_session's engine
  GuiReminders m_reminders;               // daily reminders while the window is open
  GuiProgress m_progress;                 // the Progress view, check-in dialog and plan editor
  GuiSettings m_settings;                 // the settings screen
  bool m_settingsAfterPlan = false;       // the plan editor was opened from Settings: go back
  bool m_keysShown = false;               // the ? overlay
  int m_progressSeen = 0;                 // its revision when today's dose was last read
  bool m_frozenClock = false;
  GuiLook m_look;               // theme, motion and interface scale
  std::optional<bool> m_muted;  // nullopt: this run has no sound
  StopQuestion m_stopQuestion;  // Esc asks before a run ends
  bool m_notice = false;        // the first-start notice is showing
  // A routine asked for (--run, a heat/ice cycle to resume) while the notice shows: it starts
  // once the notice is acknowledged.
  std::optional<std::pair<const Plan*, Millis>> m_afterNotice;
  int m_seenPhaseStarts = 0;
  SteadyTime m_flashUntil{};
  SteadyTime m_started = std::chrono::steady_clock::now();
  long m_frames = 0;
  int m_runsDone = 0;  // --repeat-runs
};

}  // namespace unknot
