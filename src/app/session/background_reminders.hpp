// Reminders that ring with the app closed: turns the systemd user timer shipped with unknot
// (unknot-remind.timer, which runs `unknot remind --once` every 5 minutes) on and off for this
// user, or where no user systemd runs, an XDG autostart entry that runs `unknot remind --every 5`
// while the person is logged in. `unknot reminders enable|disable|status` use it, and so will a
// switch in the settings screen.
#pragma once

#include <string>

#include "app/session/app_paths.hpp"

namespace unknot {

// What is at hand: the units and autostart folder (AppPaths) and `systemctl` (empty: not on
// PATH). Found once by the caller, so tests can point it at a stand-in.
struct BackgroundSetup {
  AppPaths paths;
  std::string systemctl;
};

enum class BackgroundRunner { Off, SystemdTimer, Autostart };

struct BackgroundStatus {
  BackgroundRunner runner = BackgroundRunner::Off;
  bool userSystemd = false;  // a user systemd answers `systemctl --user`
  std::string text;          // one or two plain sentences for people
};

// The outcome of enable or disable: `text` says plainly what was done (or why nothing could be).
struct BackgroundChange {
  bool ok = false;
  BackgroundRunner runner = BackgroundRunner::Off;
  std::string text;
};

inline constexpr const char* kReminderTimer = "unknot-remind.timer";
inline constexpr const char* kReminderService = "unknot-remind.service";
inline constexpr const char* kReminderAutostart = "unknot-reminders.desktop";
inline constexpr int kAutostartEveryMinutes = 5;

BackgroundStatus backgroundStatus(const BackgroundSetup& setup);
// The timer when a user systemd runs (and the units are installed), else the autostart entry.
BackgroundChange enableBackgroundReminders(const BackgroundSetup& setup);
// Turns off whichever of the two is on (both, if both are).
BackgroundChange disableBackgroundReminders(const BackgroundSetup& setup);

// The autostart entry's text for `executable` (quoted for the Exec key where it needs it).
std::string autostartEntry(const std::filesystem::path& executable);

}  // namespace unknot
