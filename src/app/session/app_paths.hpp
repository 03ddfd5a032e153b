// Where unknot reads and writes: the one owner of the XDG/HOME rules. The app resolves every
// folder here once, at start, and passes the result down; nothing below reads the environment.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace unknot {

// The progress database's folder, or why there is none (reported only when a command needs it).
struct DataDir {
  std::filesystem::path path;  // empty when `error` says why
  std::string error;
};

struct AppPaths {
  std::filesystem::path routinesDir;      // bundled routines
  std::filesystem::path assetsDir;        // bundled sounds and icons
  std::filesystem::path userRoutinesDir;  // $XDG_CONFIG_HOME/unknot/routines; empty without HOME
  std::filesystem::path userPosesDir;     // $XDG_CONFIG_HOME/unknot/poses; empty without HOME
  std::filesystem::path settingsFile;  // $XDG_CONFIG_HOME/unknot/settings.toml; empty without HOME
  DataDir data;
  // Spoken prompts kept between runs: $XDG_CACHE_HOME/unknot/speech, else
  // ~/.cache/unknot/speech; empty without HOME (every prompt is then synthesized).
  std::filesystem::path speechCacheDir;
  std::filesystem::path home;  // $HOME; empty when unset
  // Where the window saves reports: the XDG documents folder as `xdg-user-dir DOCUMENTS` finds
  // it (XDG_DOCUMENTS_DIR in $XDG_CONFIG_HOME/user-dirs.dirs), when that folder exists; else
  // ~/Documents when it exists; else HOME. Empty without HOME.
  std::filesystem::path documentsDir;
  // Reminders with the app closed (background_reminders.hpp): this binary, the folder with the
  // systemd user units shipped beside it (P/lib/systemd/user for P/bin/unknot, else build/systemd
  // in a build tree; empty when neither exists) and $XDG_CONFIG_HOME/autostart (empty without
  // HOME).
  std::filesystem::path executable;
  std::filesystem::path unitsDir;
  std::filesystem::path autostartDir;
  // The sound module (audio_module_api.hpp): P/lib/<multiarch>/unknot/libunknot-audio.so for
  // P/bin/unknot when it is there, else beside the binary as a build tree has it.
  std::filesystem::path audioModule;
};

// Looks up an environment variable; null when unset.
using EnvLookup = std::function<const char*(const char*)>;

// The rules, without touching the process: config and data follow the XDG base directory spec
// (relative values are ignored, as it says); the data folder is `dataDirFlag`, else
// UNKNOT_DATA_DIR, else $XDG_DATA_HOME/unknot, else ~/.local/share/unknot. Bundled files are
// found from `executableDir`: an installed prefix (P/bin next to P/share/unknot), else the
// source tree the binary was built from.
AppPaths resolveAppPaths(const EnvLookup& env, const std::optional<std::string>& dataDirFlag,
                         const std::filesystem::path& executableDir);

// The XDG_DOCUMENTS_DIR of a user-dirs.dirs file's text: "$HOME/..." or an absolute path, in
// double quotes, with \\ and \" escapes; empty when the file does not set it.
std::filesystem::path documentsDirIn(std::string_view userDirs, const std::filesystem::path& home);

// "~/.config/unknot/routines" reads better than the full home path.
std::string displayPath(const AppPaths& paths, const std::filesystem::path& path);

// resolveAppPaths over this process's environment and executable.
AppPaths findAppPaths(const std::optional<std::string>& dataDirFlag = std::nullopt);

}  // namespace unknot
