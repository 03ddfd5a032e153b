// Installs the build into a temporary prefix, as a packager or `cmake --install` user would, and
// checks that the installed binary finds its routines and assets from its own location.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "support/process.hpp"

using namespace unknot::testing;
namespace fs = std::filesystem;

namespace {

size_t tomlFilesIn(const fs::path& dir) {
  size_t count = 0;
  for (const auto& item : fs::directory_iterator(dir)) count += item.path().extension() == ".toml";
  return count;
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Installed {
  TempDir root;
  fs::path prefix = fs::path(root.path()) / "prefix";
  ProcessResult install =
      runProcess({"cmake", "--install", UNKNOT_BUILD_DIR, "--prefix", prefix.string()});

  // Runs the installed binary from an unrelated folder with empty config and data dirs.
  ProcessResult run(std::vector<std::string> args) const {
    args.insert(args.begin(), (prefix / "bin" / "unknot").string());
    ProcessOptions options;
    options.env = {{"XDG_CONFIG_HOME", root.file("config")},
                   {"XDG_DATA_HOME", root.file("data")},
                   {"HOME", root.path()},
                   {"SDL_AUDIODRIVER", "dummy"}};
    options.workDir = root.path();
    return runProcess(args, options);
  }
};

}  // namespace

TEST_CASE("cmake --install lays out binary, routines, assets, menu entry and icons") {
  Installed installed;
  INFO(installed.install.out << installed.install.err);
  REQUIRE(installed.install.exitCode == 0);
  const fs::path share = installed.prefix / "share";
  CHECK(fs::is_regular_file(installed.prefix / "bin" / "unknot"));
  CHECK(tomlFilesIn(share / "unknot" / "routines") ==
        tomlFilesIn(fs::path(UNKNOT_SOURCE_DIR) / "routines"));
  CHECK(fs::is_regular_file(share / "unknot" / "assets" / "icons" / "unknot.svg"));
  for (const auto& item :
       fs::directory_iterator(fs::path(UNKNOT_SOURCE_DIR) / "assets" / "sounds")) {
    INFO(item.path().filename().string());
    CHECK(fs::is_regular_file(share / "unknot" / "assets" / "sounds" / item.path().filename()));
  }
  const fs::path desktop = share / "applications" / "unknot.desktop";
  REQUIRE(fs::is_regular_file(desktop));
  const std::string entry = slurp(desktop);
  CHECK(entry.rfind("[Desktop Entry]\n", 0) == 0);
  CHECK(entry.find("\nExec=unknot --open %f\n") != std::string::npos);
  CHECK(entry.find("\nMimeType=application/x-unknot-routine;\n") != std::string::npos);
  CHECK(entry.find("\nIcon=unknot\n") != std::string::npos);
  CHECK(fs::is_regular_file(share / "icons/hicolor/scalable/apps/unknot.svg"));
  CHECK(fs::is_regular_file(share / "metainfo/org.example.unknot.metainfo.xml"));
  CHECK(fs::is_regular_file(share / "bash-completion/completions/unknot"));
  CHECK(fs::is_regular_file(share / "zsh/vendor-completions/_unknot"));
  CHECK(fs::is_regular_file(share / "doc/unknot/copyright"));
  CHECK(fs::is_regular_file(share / "doc/unknot/changelog.gz"));
  // The prefix's user-unit folder, where unknot reminders enable finds them.
  const fs::path units = installed.prefix / "lib/systemd/user";
  CHECK(fs::is_regular_file(units / "unknot-remind.timer"));
  CHECK(slurp(units / "unknot-remind.service").find("\nExecStart=") != std::string::npos);
#ifdef UNKNOT_HAVE_MAN_PAGE
  CHECK(fs::is_regular_file(share / "man/man1/unknot.1.gz"));
#endif
  for (const char* size : {"48x48", "128x128", "256x256"}) {
    const fs::path png = share / "icons/hicolor" / size / "apps/unknot.png";
    INFO(png.string());
    REQUIRE(fs::is_regular_file(png));
    CHECK(slurp(png).rfind("\x89PNG\r\n\x1a\n", 0) == 0);
  }
}

TEST_CASE("the installed unknot lists the routines installed next to it") {
  Installed installed;
  REQUIRE(installed.install.exitCode == 0);
  // A routine only the installed copy has proves the binary reads its own share folder and
  // not the source tree it was built from.
  std::ofstream(installed.prefix / "share/unknot/routines/installed-only.toml")
      << "schema = 1\nname = \"Installed only\"\n\n[[steps]]\nname = \"Hold\"\nduration = 30\n";
  auto list = installed.run({"list"});
  INFO(list.out << list.err);
  CHECK(list.exitCode == 0);
  CHECK(list.out.find("ERROR") == std::string::npos);
  for (const auto& item : fs::directory_iterator(fs::path(UNKNOT_SOURCE_DIR) / "routines")) {
    const std::string id = item.path().stem().string();
    INFO(id);
    CHECK(std::regex_search(list.out, std::regex("\\n" + id + " +[^\\n]+ +[0-9]+[hms]")));
  }
  CHECK(std::regex_search(list.out,
                          std::regex("\\ninstalled-only +Installed only +mixed +[0-9]+s\\n")));
}

TEST_CASE("the installed unknot looks sounds up in its installed assets") {
  Installed installed;
  REQUIRE(installed.install.exitCode == 0);
  const fs::path routine = fs::path(installed.root.path()) / "mine" / "with-sound.toml";
  fs::create_directories(routine.parent_path());
  std::ofstream(routine) << "schema = 1\nname = \"With sound\"\n\n[[steps]]\nname = \"Hold\"\n"
                            "duration = 30\nsound = \"no-such-sound.wav\"\n";
  auto validate = installed.run({"validate", routine.string()});
  CHECK(validate.exitCode == 1);
  const std::string assets = (installed.prefix / "share/unknot/assets").string();
  CHECK(validate.err.find(assets) != std::string::npos);
  CHECK(validate.err.find(UNKNOT_SOURCE_DIR) == std::string::npos);
}

TEST_CASE(
    "cmake --install into a DESTDIR registers *.unknot.toml as application/x-unknot-routine") {
  TempDir root;
  ProcessOptions options;
  options.env = {{"DESTDIR", root.file("stage")}};
  const auto install =
      runProcess({"cmake", "--install", UNKNOT_BUILD_DIR, "--prefix", "/usr/local"}, options);
  INFO(install.out << install.err);
  REQUIRE(install.exitCode == 0);
  const fs::path mime = fs::path(root.file("stage")) / "usr/local/share/mime";
  const fs::path xml = mime / "packages/unknot-routine.xml";
  REQUIRE(fs::is_regular_file(xml));
  CHECK_FALSE(fs::exists(fs::path(root.file("stage")) /
                         "usr/local/share/unknot/assets/unknot-routine.xml"));
  // Someone else's parsers: xmllint for the XML, update-mime-database for what it registers.
  const auto lint = runProcess({"xmllint", "--noout", xml.string()});
  INFO(lint.err);
  CHECK(lint.exitCode == 0);
  const auto update = runProcess({"update-mime-database", mime.string()});
  INFO(update.err);
  REQUIRE(update.exitCode == 0);
  const std::string globs = slurp(mime / "globs2");
  CHECK(globs.find("60:application/x-unknot-routine:*.unknot.toml") != std::string::npos);
  CHECK(slurp(mime / "application/x-unknot-routine.xml").find("unknot routine") !=
        std::string::npos);
}
