// The one owner of the XDG/HOME rules, checked with a made-up environment: nothing here reads
// or changes the test process's own variables. Also the routine folders' stamp.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "app/session/app_paths.hpp"
#include "app/session/library.hpp"
#include "support/process.hpp"

using namespace unknot;
namespace fs = std::filesystem;

namespace {

struct FakeEnv {
  std::map<std::string, std::string> vars;
  EnvLookup lookup() const {
    return [this](const char* name) -> const char* {
      const auto it = vars.find(name);
      return it == vars.end() ? nullptr : it->second.c_str();
    };
  }
};

AppPaths resolve(const FakeEnv& env, std::optional<std::string> flag = std::nullopt) {
  return resolveAppPaths(env.lookup(), flag, "/nowhere/bin");
}

}  // namespace

TEST_CASE("settings and your routines live under XDG_CONFIG_HOME, else ~/.config") {
  FakeEnv env{{{"HOME", "/home/someone"}, {"XDG_CONFIG_HOME", "/cfg"}}};
  CHECK(resolve(env).settingsFile == fs::path("/cfg/unknot/settings.toml"));
  CHECK(resolve(env).userRoutinesDir == fs::path("/cfg/unknot/routines"));
  for (const char* ignored : {"", "relative/cfg"}) {  // the XDG spec says to ignore these
    env.vars["XDG_CONFIG_HOME"] = ignored;
    CHECK(resolve(env).settingsFile == fs::path("/home/someone/.config/unknot/settings.toml"));
    CHECK(resolve(env).userRoutinesDir == fs::path("/home/someone/.config/unknot/routines"));
  }
}

TEST_CASE("without HOME or XDG_CONFIG_HOME there is no settings file and no routines folder") {
  const AppPaths paths = resolve(FakeEnv{});
  CHECK(paths.settingsFile.empty());
  CHECK(paths.userRoutinesDir.empty());
  CHECK(paths.home.empty());
}

TEST_CASE("the autostart folder is XDG_CONFIG_HOME/autostart, else ~/.config/autostart") {
  FakeEnv env{{{"HOME", "/home/someone"}, {"XDG_CONFIG_HOME", "/cfg"}}};
  CHECK(resolve(env).autostartDir == fs::path("/cfg/autostart"));
  env.vars.erase("XDG_CONFIG_HOME");
  CHECK(resolve(env).autostartDir == fs::path("/home/someone/.config/autostart"));
  CHECK(resolve(FakeEnv{}).autostartDir.empty());
}

TEST_CASE("the reminder units are found in the prefix's user-unit folder, else beside a build") {
  unknot::testing::TempDir root;
  const FakeEnv env{{{"HOME", "/home/someone"}}};
  const fs::path bin = fs::path(root.path()) / "bin";
  fs::create_directories(bin);
  CHECK(resolveAppPaths(env.lookup(), std::nullopt, bin).unitsDir.empty());
  root.write("bin/systemd/unknot-remind.timer", "");  // a build tree: build/systemd
  CHECK(resolveAppPaths(env.lookup(), std::nullopt, bin).unitsDir == bin / "systemd");
  root.write("lib/systemd/user/unknot-remind.timer", "");  // installed: P/lib/systemd/user
  const AppPaths installed = resolveAppPaths(env.lookup(), std::nullopt, bin);
  CHECK(installed.unitsDir == fs::path(root.path()) / "lib" / "systemd" / "user");
  CHECK(installed.executable == bin / "unknot");
}

TEST_CASE("the data folder is --data-dir, then UNKNOT_DATA_DIR, then XDG_DATA_HOME, then HOME") {
  FakeEnv env{{{"HOME", "/home/someone"},
               {"XDG_DATA_HOME", "/xdg-data"},
               {"UNKNOT_DATA_DIR", "/moved/record"}}};
  CHECK(resolve(env, "/flag/dir").data.path == fs::path("/flag/dir"));
  CHECK(resolve(env).data.path == fs::path("/moved/record"));
  env.vars.erase("UNKNOT_DATA_DIR");
  CHECK(resolve(env).data.path == fs::path("/xdg-data/unknot"));
  env.vars["XDG_DATA_HOME"] = "relative/data";  // ignored, as the XDG spec says
  CHECK(resolve(env).data.path == fs::path("/home/someone/.local/share/unknot"));
  CHECK(resolve(env).data.error.empty());
}

TEST_CASE("a relative data folder is made absolute and tidied") {
  const AppPaths paths = resolve(FakeEnv{}, "some/./record/../record");
  CHECK(paths.data.path == fs::current_path() / "some" / "record");
}

TEST_CASE("no usable data folder says what to set instead of guessing") {
  const AppPaths none = resolve(FakeEnv{});
  CHECK(none.data.path.empty());
  CHECK(none.data.error.find("--data-dir") != std::string::npos);
  const AppPaths empty = resolve(FakeEnv{}, "");
  CHECK(empty.data.path.empty());
  CHECK(empty.data.error == "--data-dir: expected a directory, found an empty string");
}

TEST_CASE("paths under the home folder are shown with a tilde") {
  FakeEnv env{{{"HOME", "/home/someone"}}};
  const AppPaths paths = resolve(env);
  CHECK(displayPath(paths, "/home/someone/.config/unknot/routines") == "~/.config/unknot/routines");
  CHECK(displayPath(paths, "/home/someoneelse/x") == "/home/someoneelse/x");
  CHECK(displayPath(resolve(FakeEnv{}), "/home/someone/x") == "/home/someone/x");
}

TEST_CASE("bundled routines come from the source tree when the binary is not installed") {
  const AppPaths paths = resolve(FakeEnv{});
  CHECK(paths.routinesDir == fs::path(UNKNOT_SOURCE_DIR) / "routines");
  CHECK(paths.assetsDir == fs::path(UNKNOT_SOURCE_DIR) / "assets");
}

TEST_CASE("the routine folders' stamp changes when a routine file is added, edited or removed") {
  const fs::path dir = fs::temp_directory_path() / ("unknot-stamp-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const auto write = [&](const std::string& text) {
    std::ofstream(dir / "mine.toml", std::ios::trunc) << text;
  };
  const std::string empty = routineFilesStamp({dir, fs::path{}});
  write("schema = 1\n");
  const std::string added = routineFilesStamp({dir});
  CHECK(added != empty);
  write("schema = 1\nname = \"Mine\"\n");
  const std::string edited = routineFilesStamp({dir});
  CHECK(edited != added);
  CHECK(routineFilesStamp({dir}) == edited);  // nothing changed: nothing to load again
  fs::remove(dir / "mine.toml");
  CHECK(routineFilesStamp({dir}) == empty);
  fs::remove_all(dir);
}

TEST_CASE("the documents folder is read from user-dirs.dirs as xdg-user-dir reads it") {
  const fs::path home = "/home/someone";
  CHECK(documentsDirIn("XDG_DOCUMENTS_DIR=\"$HOME/Dokumente\"\n", home) == home / "Dokumente");
  CHECK(documentsDirIn("# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Desktop\"\n"
                       "  XDG_DOCUMENTS_DIR=\"/srv/papers\"\n",
                       home) == fs::path("/srv/papers"));
  CHECK(documentsDirIn("XDG_DOCUMENTS_DIR=\"$HOME/My \\\"Docs\\\"\"", home) ==
        home / "My \"Docs\"");
  CHECK(documentsDirIn("XDG_DOCUMENTS_DIR=\"$HOME\"\n", home) == home);
  // Neither "$HOME/..." nor absolute, or never closed: not a folder the spec allows.
  CHECK(documentsDirIn("XDG_DOCUMENTS_DIR=\"Documents\"\n", home).empty());
  CHECK(documentsDirIn("XDG_DOCUMENTS_DIR=\"$HOME/Docs\n", home).empty());
  CHECK(documentsDirIn("", home).empty());
}

TEST_CASE("reports go to the XDG documents folder when it exists, else ~/Documents, else HOME") {
  const unknot::testing::TempDir dir;
  const fs::path home = dir.path();
  FakeEnv env{{{"HOME", home.string()}, {"XDG_CONFIG_HOME", (home / "cfg").string()}}};
  CHECK(resolve(env).documentsDir == home);
  fs::create_directories(home / "Documents");
  CHECK(resolve(env).documentsDir == home / "Documents");
  fs::create_directories(home / "cfg");
  std::ofstream(home / "cfg" / "user-dirs.dirs") << "XDG_DOCUMENTS_DIR=\"$HOME/Papiere\"\n";
  // Named but missing: the next place that exists.
  CHECK(resolve(env).documentsDir == home / "Documents");
  fs::create_directories(home / "Papiere");
  CHECK(resolve(env).documentsDir == home / "Papiere");
  CHECK(resolve(FakeEnv{}).documentsDir.empty());
}
