// `unknot import`: shared routine files are checked as they will run once installed, then
// installed into the user's routines folder, all of them or none.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/process.hpp"

using namespace unknot::testing;
namespace fs = std::filesystem;

namespace {

const char* kDeskBreak =
    "schema = 1\nname = \"Desk break\"\ncategory = \"stretch\"\nprepare = 0\n\n"
    "[[steps]]\nname = \"Seated figure four\"\nduration = 30\nsides = \"both\"\n\n"
    "[[steps]]\nroutine = \"stand-up\"\n";
const char* kStandUp =
    "schema = 1\nname = \"Stand up\"\ncategory = \"posture\"\nprepare = 0\n\n"
    "[[steps]]\nname = \"Stand\"\nduration = 10\n";
const char* kBroken =
    "schema = 1\nname = \"Broken\"\ncategory = \"stretchy\"\n\n"
    "[[steps]]\nname = \"X\"\nduration = 30\n";

struct Home {
  TempDir dir;
  Home() {
    dir.write("share/desk-stretch.unknot.toml", kDeskBreak);
    dir.write("share/stand-up.unknot.toml", kStandUp);
    dir.write("share/broken.unknot.toml", kBroken);
  }
  std::string shared(const std::string& name) const { return dir.file("share/" + name); }
  fs::path routines() const { return fs::path(dir.file("config/unknot/routines")); }
  ProcessResult run(std::vector<std::string> args, const std::string& input = {}) const {
    args.insert(args.begin(), UNKNOT_BINARY);
    ProcessOptions options;
    options.env = {{"XDG_CONFIG_HOME", dir.file("config")},
                   {"XDG_DATA_HOME", dir.file("data")},
                   {"HOME", dir.path()}};
    options.input = input;
    return runProcess(args, options);
  }
};

bool contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("import installs shared files as <id>.toml and resolves embeds among them") {
  Home home;
  const auto result = home.run(
      {"import", home.shared("desk-stretch.unknot.toml"), home.shared("stand-up.unknot.toml")});
  INFO(result.err);
  REQUIRE(result.exitCode == 0);
  CHECK(contains(result.out, "Imported 2 routines into ~/config/unknot/routines:"));
  CHECK(slurp(home.routines() / "desk-stretch.toml") == kDeskBreak);
  CHECK(slurp(home.routines() / "stand-up.toml") == kStandUp);
  // No temporary or kept-aside file is left next to them.
  CHECK(std::distance(fs::directory_iterator(home.routines()), fs::directory_iterator()) == 2);
  const auto list = home.run({"list"});
  CHECK(contains(list.out, "desk-stretch"));
  CHECK(home.run({"validate"}).exitCode == 0);
}

TEST_CASE("a broken file is refused with its positioned errors and nothing is copied") {
  Home home;
  const std::string broken = home.shared("broken.unknot.toml");
  const auto result = home.run({"import", home.shared("stand-up.unknot.toml"), broken});
  CHECK(result.exitCode == 1);
  CHECK(contains(result.err, broken + ":3:12: category: expected one of"));
  CHECK(contains(result.err, "unknot: import: nothing was imported (1 error;"));
  CHECK(result.out.empty());
  CHECK_FALSE(fs::exists(home.routines()));

  // An embed that only the missing file would have provided is an error too.
  const auto alone = home.run({"import", home.shared("desk-stretch.unknot.toml")});
  CHECK(alone.exitCode == 1);
  CHECK(contains(alone.err,
                 "desk-stretch.unknot.toml:12:11: routine: no routine with id 'stand-up'"));
  CHECK_FALSE(fs::exists(home.routines()));
}

TEST_CASE("a file that would replace another asks on a terminal or else needs --replace") {
  Home home;
  REQUIRE(home.run({"import", home.shared("stand-up.unknot.toml")}).exitCode == 0);
  home.dir.write("share/v2/stand-up.unknot.toml",
                 std::string(kStandUp) + "\n[[steps]]\nname = \"Sit\"\nduration = 5\n");
  const std::string v2 = home.dir.file("share/v2/stand-up.unknot.toml");
  const auto refused = home.run({"import", v2});
  CHECK(refused.exitCode == 1);
  CHECK(refused.err == "unknot: import: " + v2 +
                           " would replace your routine ~/config/unknot/routines/stand-up.toml; "
                           "nothing was imported (add --replace to replace it)\n");
  CHECK(slurp(home.routines() / "stand-up.toml") == kStandUp);
  const auto replaced = home.run({"import", "--replace", v2});
  CHECK(replaced.exitCode == 0);
  CHECK(contains(slurp(home.routines() / "stand-up.toml"), "name = \"Sit\""));

  // On a terminal (util-linux's script gives it one) it asks; anything but y keeps the file.
  home.dir.write("share/v3/stand-up.unknot.toml", kStandUp);
  const std::string v3 = home.dir.file("share/v3/stand-up.unknot.toml");
  const auto onTerminal = [&](const std::string& answer) {
    ProcessOptions options;
    options.env = {{"XDG_CONFIG_HOME", home.dir.file("config")},
                   {"XDG_DATA_HOME", home.dir.file("data")},
                   {"HOME", home.dir.path()}};
    options.input = answer;
    return runProcess({"script", "-qec", std::string(UNKNOT_BINARY) + " import " + v3, "/dev/null"},
                      options);
  };
  const auto kept = onTerminal("\n");
  CHECK(kept.exitCode == 1);
  CHECK(contains(kept.out,
                 "Replace your routine ~/config/unknot/routines/stand-up.toml with "
                 "stand-up.unknot.toml? [y/N]"));
  CHECK(contains(kept.out,
                 "kept your routine ~/config/unknot/routines/stand-up.toml; nothing was "
                 "imported"));
  CHECK(contains(slurp(home.routines() / "stand-up.toml"), "name = \"Sit\""));
  const auto yes = onTerminal("y\n");
  CHECK(yes.exitCode == 0);
  CHECK(slurp(home.routines() / "stand-up.toml") == kStandUp);

  // A bundled routine is hidden only on request too.
  home.dir.write("share/pigeon-pose.toml", kStandUp);
  const auto hidden = home.run({"import", home.dir.file("share/pigeon-pose.toml")});
  CHECK(hidden.exitCode == 1);
  CHECK(contains(hidden.err, "would hide the bundled routine 'pigeon-pose'"));
  CHECK_FALSE(fs::exists(home.routines() / "pigeon-pose.toml"));
}

TEST_CASE("import refuses names and paths it cannot use before copying anything") {
  Home home;
  home.dir.write("share/notes.txt", "hello");
  home.dir.write("share/Bad Name.toml", kStandUp);
  const auto result =
      home.run({"import", home.shared("stand-up.unknot.toml"), home.shared("notes.txt"),
                home.shared("missing.toml"), home.shared("Bad Name.toml")});
  CHECK(result.exitCode == 1);
  CHECK(contains(result.err, "notes.txt: expected a routine file ending in .unknot.toml or .toml"));
  CHECK(contains(result.err, "missing.toml: no such file"));
  CHECK(contains(result.err, "Bad Name.toml:1:1: file name 'Bad Name.toml' is not a routine id"));
  CHECK_FALSE(fs::exists(home.routines()));
  const auto none = home.run({"import"});
  CHECK(none.exitCode == 2);
}
