#include "app/session/app_paths.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>

namespace unknot {

namespace fs = std::filesystem;

namespace {

fs::path executableDir() {
  std::error_code ec;
  auto self = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::current_path() : self.parent_path();
}

bool isDir(const fs::path& path) {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

std::optional<fs::path> absoluteVar(const EnvLookup& env, const char* name) {
  const char* value = env(name);
  if (value && *value && fs::path(value).is_absolute()) return fs::path(value);
  return std::nullopt;
}

// $XDG_CONFIG_HOME/unknot, else ~/.config/unknot; empty without either.
fs::path configDir(const EnvLookup& env) {
  if (const auto xdg = absoluteVar(env, "XDG_CONFIG_HOME")) return *xdg / "unknot";
  const char* home = env("HOME");
  if (home && *home) return fs::path(home) / ".config" / "unknot";
  return {};
}

DataDir absoluteFrom(const std::string& text) {
  std::error_code ec;
  auto path = fs::absolute(text, ec);
  if (ec) return {{}, "cannot use the data directory '" + text + "': " + ec.message()};
  return {path.lexically_normal(), {}};
}

DataDir dataDir(const EnvLookup& env, const std::optional<std::string>& flag) {
  if (flag) {
    if (flag->empty()) return {{}, "--data-dir: expected a directory, found an empty string"};
    return absoluteFrom(*flag);
  }
  if (const char* own = env("UNKNOT_DATA_DIR"); own && *own) return absoluteFrom(own);
  if (const auto xdg = absoluteVar(env, "XDG_DATA_HOME")) return {*xdg / "unknot", {}};
  const char* home = env("HOME");
  if (home && *home) return {fs::path(home) / ".local" / "share" / "unknot", {}};
  return {{}, "no data directory: set HOME, XDG_DATA_HOME or UNKNOT_DATA_DIR, or pass --data-dir"};
}

// ~/.config: the folder user-dirs.dirs lives in (not unknot's own).
fs::path xdgConfigHome(const EnvLookup& env) {
  if (const auto xdg = absoluteVar(env, "XDG_CONFIG_HOME")) return *xdg;
  const char* home = env("HOME");
  if (home && *home) return fs::path(home) / ".config";
  return {};
}

fs::path documentsDir(const EnvLookup& env, const fs::path& home) {
  if (home.empty()) return {};
  if (const fs::path config = xdgConfigHome(env); !config.empty()) {
    std::ifstream in(config / "user-dirs.dirs");
    std::stringstream text;
    text << in.rdbuf();
    const fs::path named = documentsDirIn(text.str(), home);
    if (!named.empty() && isDir(named)) return named;
  }
  if (isDir(home / "Documents")) return home / "Documents";
  return home;
}

}  // namespace

fs::path documentsDirIn(std::string_view userDirs, const fs::path& home) {
  constexpr std::string_view kKey = "XDG_DOCUMENTS_DIR=\"";
  fs::path found;
  size_t start = 0;
  while (start < userDirs.size()) {
    size_t end = userDirs.find('\n', start);
    if (end == std::string_view::npos) end = userDirs.size();
    std::string_view line = userDirs.substr(start, end - start);
    start = end + 1;
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.substr(0, kKey.size()) != kKey) continue;
    line.remove_prefix(kKey.size());
    std::string value;
    bool closed = false;
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '\\' && i + 1 < line.size()) {
        value += line[++i];
      } else if (line[i] == '"') {
        closed = true;
        break;
      } else {
        value += line[i];
      }
    }
    if (!closed) continue;
    // The file's format allows only these two forms; the last line that sets the key wins.
    if (value.rfind("$HOME/", 0) == 0) {
      found = home / value.substr(6);
    } else if (value == "$HOME") {
      found = home;
    } else if (!value.empty() && value.front() == '/') {
      found = value;
    }
  }
  return found;
}

AppPaths resolveAppPaths(const EnvLookup& env, const std::optional<std::string>& dataDirFlag,
                         const fs::path& exeDir) {
  AppPaths paths;
  // Installed layout first; the build tree falls back to the source tree it was built from.
  const auto share = exeDir.parent_path() / "share" / "unknot";
  const fs::path bundled = isDir(share / "routines") ? share : fs::path(UNKNOT_SOURCE_DIR);
  paths.routinesDir = bundled / "routines";
  paths.assetsDir = bundled / "assets";
  if (const auto config = configDir(env); !config.empty()) {
    paths.userRoutinesDir = config / "routines";
    paths.userPosesDir = config / "poses";
    paths.settingsFile = config / "settings.toml";
  }
  paths.data = dataDir(env, dataDirFlag);
  if (const char* home = env("HOME"); home && *home) paths.home = home;
  if (const auto cache = absoluteVar(env, "XDG_CACHE_HOME")) {
    paths.speechCacheDir = *cache / "unknot" / "speech";
  } else if (!paths.home.empty()) {
    paths.speechCacheDir = paths.home / ".cache" / "unknot" / "speech";
  }
  paths.documentsDir = documentsDir(env, paths.home);
  paths.executable = exeDir / "unknot";
  const fs::path installedModule = exeDir.parent_path() / UNKNOT_AUDIO_MODULE;
  paths.audioModule =
      fs::exists(installedModule) ? installedModule : exeDir / installedModule.filename();
  // The prefix's user-unit folder (not LIBDIR, which is multiarch on Debian).
  for (const fs::path& units :
       {exeDir.parent_path() / "lib" / "systemd" / "user", exeDir / "systemd"}) {
    std::error_code ec;
    if (fs::is_regular_file(units / "unknot-remind.timer", ec)) {
      paths.unitsDir = units;
      break;
    }
  }
  if (const fs::path config = xdgConfigHome(env); !config.empty())
    paths.autostartDir = config / "autostart";
  return paths;
}

std::string displayPath(const AppPaths& paths, const fs::path& path) {
  const std::string text = path.string();
  if (paths.home.empty()) return text;
  const std::string prefix = paths.home.string() + "/";
  return text.rfind(prefix, 0) == 0 ? "~/" + text.substr(prefix.size()) : text;
}

AppPaths findAppPaths(const std::optional<std::string>& dataDirFlag) {
  return resolveAppPaths([](const char* name) { return std::getenv(name); }, dataDirFlag,
                         executableDir());
}

}  // namespace unknot
