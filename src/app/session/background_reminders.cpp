#include "app/session/background_reminders.hpp"

#include <fstream>
#include <system_error>
#include <vector>

#include "app/session/child_process.hpp"

namespace unknot {

namespace fs = std::filesystem;

namespace {

std::string runEvery() {
  return "`unknot remind --every " + std::to_string(kAutostartEveryMinutes) + "`";
}

ChildResult systemctl(const BackgroundSetup& setup, std::vector<std::string> args) {
  args.insert(args.begin(), {setup.systemctl, "--user"});
  return runChild(args);
}

// A user systemd answers: the same question systemd's own tools ask before talking to it.
bool userSystemdRuns(const BackgroundSetup& setup) {
  return !setup.systemctl.empty() && systemctl(setup, {"show-environment"}).exitCode == 0;
}

// Why there is no user systemd, for the sentence that says the autostart entry was used.
std::string noSystemdReason(const BackgroundSetup& setup) {
  return setup.systemctl.empty() ? "systemctl is not installed"
                                 : "systemctl --user finds no user systemd";
}

// The folders a user systemd loads units from by name; units elsewhere are linked in by path.
bool inSystemdSearchPath(const fs::path& dir) {
  std::error_code ec;
  const fs::path real = fs::weakly_canonical(dir, ec);
  for (const char* known :
       {"/usr/lib/systemd/user", "/usr/local/lib/systemd/user", "/etc/systemd/user",
        "/usr/share/systemd/user", "/usr/local/share/systemd/user"}) {
    if (real == known) return true;
  }
  return false;
}

fs::path autostartFile(const BackgroundSetup& setup) {
  return setup.paths.autostartDir.empty() ? fs::path()
                                          : setup.paths.autostartDir / kReminderAutostart;
}

bool isThere(const fs::path& path) {
  std::error_code ec;
  return !path.empty() && fs::exists(path, ec);
}

// The first line systemctl printed, for an error message of one line.
std::string firstLine(const std::string& text) {
  const std::string line = text.substr(0, text.find('\n'));
  return line.empty() ? "no message" : line;
}

// Temp file beside it, then a rename: a login never reads half an entry.
std::string writeAtomically(const fs::path& path, const std::string& text) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) return "cannot create " + path.parent_path().string() + ": " + ec.message();
  const fs::path temp = path.parent_path() / ("." + path.filename().string() + ".tmp");
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
      fs::remove(temp, ec);
      return "cannot write " + path.string();
    }
  }
  fs::rename(temp, path, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    return "cannot write " + path.string() + ": " + ec.message();
  }
  return {};
}

// The Desktop Entry spec's quoting of one Exec argument, then its string escaping.
std::string execArgument(const std::string& arg) {
  constexpr std::string_view kReserved = " \t\n\"'\\><~|&;$*?#()`";
  if (arg.find_first_of(kReserved) == std::string::npos) return arg;
  std::string quoted = "\"";
  for (const char c : arg) {
    if (c == '"' || c == '`' || c == '$' || c == '\\') quoted += '\\';
    quoted += c;
  }
  quoted += '"';
  std::string escaped;
  for (const char c : quoted) escaped += c == '\\' ? std::string("\\\\") : std::string(1, c);
  return escaped;
}

BackgroundChange enableAutostart(const BackgroundSetup& setup, const std::string& why) {
  const fs::path file = autostartFile(setup);
  if (file.empty()) {
    return {false, BackgroundRunner::Off,
            "no user systemd (" + why +
                ") and no autostart folder either (set HOME or XDG_CONFIG_HOME)"};
  }
  if (const std::string error = writeAtomically(file, autostartEntry(setup.paths.executable));
      !error.empty()) {
    return {false, BackgroundRunner::Off, error};
  }
  return {true, BackgroundRunner::Autostart,
          "No user systemd runs here (" + why +
              "), so an autostart entry rings the reminders instead: " +
              displayPath(setup.paths, file) + " runs " + runEvery() +
              " from your next login on, while you are logged in. To start it now as well: "
              "unknot remind --every " +
              std::to_string(kAutostartEveryMinutes) + " &"};
}

}  // namespace

std::string autostartEntry(const fs::path& executable) {
  return "[Desktop Entry]\n"
         "Type=Application\n"
         "Version=1.4\n"
         "Name=unknot reminders\n"
         "Comment=Rings unknot's daily recovery reminders while you are logged in\n"
         "Exec=" +
         execArgument(executable.string()) + " remind --every " +
         std::to_string(kAutostartEveryMinutes) +
         "\n"
         "Icon=unknot\n"
         "Terminal=false\n"
         "NoDisplay=true\n"
         "X-GNOME-Autostart-enabled=true\n";
}

BackgroundStatus backgroundStatus(const BackgroundSetup& setup) {
  BackgroundStatus status;
  status.userSystemd = userSystemdRuns(setup);
  const bool timerOn =
      status.userSystemd && systemctl(setup, {"is-enabled", kReminderTimer}).exitCode == 0;
  const fs::path file = autostartFile(setup);
  if (timerOn) {
    status.runner = BackgroundRunner::SystemdTimer;
    status.text = std::string("On: the systemd user timer ") + kReminderTimer +
                  " runs `unknot remind --once` every 5 minutes while you are logged in.";
  }
  if (isThere(file)) {
    if (timerOn) {
      status.text += " The autostart entry " + displayPath(setup.paths, file) +
                     " is there as well (`unknot reminders disable` removes both).";
    } else {
      status.runner = BackgroundRunner::Autostart;
      status.text = "On: the autostart entry " + displayPath(setup.paths, file) + " runs " +
                    runEvery() + " while you are logged in.";
    }
  }
  if (status.runner == BackgroundRunner::Off) {
    status.text =
        "Off: reminders ring only while the unknot window is open (or from your own cron "
        "line). `unknot reminders enable` turns them on with ";
    status.text += status.userSystemd ? std::string("the systemd user timer.")
                                      : "an autostart entry (" + noSystemdReason(setup) + ").";
  }
  return status;
}

BackgroundChange enableBackgroundReminders(const BackgroundSetup& setup) {
  if (!userSystemdRuns(setup)) return enableAutostart(setup, noSystemdReason(setup));
  const fs::path& units = setup.paths.unitsDir;
  if (units.empty()) {
    return enableAutostart(
        setup, "the unit files are not installed beside " + setup.paths.executable.string());
  }
  std::vector<std::vector<std::string>> steps;
  if (inSystemdSearchPath(units)) {
    steps = {{"enable", "--now", kReminderTimer}};
  } else {
    // Outside the folders systemd reads (a build tree, a home prefix): linked in by path.
    steps = {{"link", (units / kReminderService).string()},
             {"enable", "--now", (units / kReminderTimer).string()}};
  }
  for (const auto& step : steps) {
    const ChildResult result = systemctl(setup, step);
    if (result.exitCode != 0) {
      std::string command = "systemctl --user";
      for (const std::string& word : step) command += " " + word;
      return {false, BackgroundRunner::Off, command + " failed: " + firstLine(result.output)};
    }
  }
  std::string text =
      std::string("Reminders ring with the app closed now: the systemd user timer ") +
      kReminderTimer +
      " runs `unknot remind --once` every 5 minutes while you are logged in "
      "(systemctl --user list-timers shows when next).";
  const fs::path file = autostartFile(setup);
  std::error_code ec;
  if (isThere(file) && fs::remove(file, ec)) {
    text += " The autostart entry " + displayPath(setup.paths, file) +
            " is removed, so they do not ring twice.";
  }
  return {true, BackgroundRunner::SystemdTimer, text};
}

BackgroundChange disableBackgroundReminders(const BackgroundSetup& setup) {
  std::vector<std::string> done;
  if (userSystemdRuns(setup) && systemctl(setup, {"is-enabled", kReminderTimer}).exitCode == 0) {
    const ChildResult result = systemctl(setup, {"disable", "--now", kReminderTimer});
    if (result.exitCode != 0) {
      return {false, BackgroundRunner::SystemdTimer,
              std::string("systemctl --user disable --now ") + kReminderTimer +
                  " failed: " + firstLine(result.output)};
    }
    // A service linked in by path leaves its link until it is disabled too.
    if (!setup.paths.unitsDir.empty() && !inSystemdSearchPath(setup.paths.unitsDir))
      (void)systemctl(setup, {"disable", kReminderService});
    done.push_back(std::string("the systemd user timer ") + kReminderTimer + " is off");
  }
  const fs::path file = autostartFile(setup);
  if (isThere(file)) {
    std::error_code ec;
    if (!fs::remove(file, ec)) {
      return {false, BackgroundRunner::Autostart,
              "cannot remove " + file.string() + ": " + ec.message()};
    }
    done.push_back("the autostart entry " + displayPath(setup.paths, file) +
                   " is removed (a reminder loop it started runs until you log out)");
  }
  if (done.empty()) {
    return {true, BackgroundRunner::Off,
            "Reminders were not set to ring with the app closed; nothing to turn off."};
  }
  std::string text = "Reminders no longer ring with the app closed: " + done.front();
  if (done.size() > 1) text += ", and " + done.back();
  return {true, BackgroundRunner::Off, text + "."};
}

}  // namespace unknot
