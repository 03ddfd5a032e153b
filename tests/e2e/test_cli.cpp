// End-to-end tests of the unknot binary's routine commands and the terminal runner.
#include <catch2/catch.hpp>
#include <fstream>
#include <regex>
#include <sstream>

#include "support/process.hpp"

using namespace unknot::testing;

namespace {

// Every run gets its own config and data dirs, so the user's files never leak into tests.
struct Cli {
  TempDir home;
  ProcessResult run(std::vector<std::string> args, std::string input = "") const {
    args.insert(args.begin(), UNKNOT_BINARY);
    ProcessOptions options;
    options.env = {{"XDG_CONFIG_HOME", home.file("config")},
                   {"XDG_DATA_HOME", home.file("data")},
                   {"HOME", home.path()},
                   {"SDL_AUDIODRIVER", "dummy"}};
    options.input = std::move(input);
    return runProcess(args, options);
  }
  void addUserRoutine(const std::string& name, const std::string& text) const {
    home.write("config/unknot/routines/" + name, text);
  }
};

const std::vector<std::string> kBundled{
    "pigeon-pose",      "seated-forward-bend", "figure-four-stretch",
    "foam-roll-glutes", "ball-massage",        "glute-strength",
    "heat-ice",         "desk-break",          "daily-recovery",
    "sore-day",         "hip-strength"};

size_t count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("list shows every bundled routine with its total time") {
  Cli cli;
  auto result = cli.run({"list"});
  CHECK(result.exitCode == 0);
  for (const auto& id : kBundled) {
    INFO(id);
    CHECK(std::regex_search(result.out, std::regex("\\n" + id + " +[^\\n]+ +[0-9]+[hms]")));
  }
}

TEST_CASE("validate accepts the bundled routines") {
  Cli cli;
  auto result = cli.run({"validate", std::string(UNKNOT_SOURCE_DIR) + "/routines"});
  INFO(result.err);
  CHECK(result.exitCode == 0);
  CHECK(result.out.find(" 0 errors") != std::string::npos);
}

TEST_CASE("validate rejects a typo'd key with its position and exits 1") {
  Cli cli;
  cli.home.write("typo.toml",
                 "schema = 1\nname = \"Typo\"\n\n[[steps]]\nname = \"Hold\"\nduraton = \"30s\"\n");
  auto result = cli.run({"validate", cli.home.file("typo.toml")});
  CHECK(result.exitCode == 1);
  CHECK(result.err.find(cli.home.file("typo.toml") + ":6:1: ") != std::string::npos);
  CHECK(result.err.find("duraton") != std::string::npos);
}

TEST_CASE("validate rejects a negative duration at the value") {
  Cli cli;
  cli.home.write("neg.toml",
                 "schema = 1\nname = \"Neg\"\n\n[[steps]]\nname = \"Hold\"\nduration = -5\n");
  auto result = cli.run({"validate", cli.home.file("neg.toml")});
  CHECK(result.exitCode == 1);
  CHECK(result.err.find(cli.home.file("neg.toml") + ":6:12: ") != std::string::npos);
}

TEST_CASE("validate rejects bad TOML syntax with the parser's position") {
  Cli cli;
  cli.home.write("bad.toml", "schema = 1\nname = \"Bad\n");
  auto result = cli.run({"validate", cli.home.file("bad.toml")});
  CHECK(result.exitCode == 1);
  CHECK(std::regex_search(result.err, std::regex("bad\\.toml:2:[0-9]+: ")));
}

TEST_CASE("validate warns, without failing, when a user's hold or reps step has no pose") {
  Cli cli;
  cli.addUserRoutine("mine.toml",
                     "schema = 1\nname = \"Mine\"\n\n[[steps]]\nname = \"Hold\"\n"
                     "duration = 30\n\n[[steps]]\nname = \"Drawn\"\nduration = 30\n"
                     "pose = \"pigeon\"\n");
  const std::string file = cli.home.file("config/unknot/routines/mine.toml");
  auto result = cli.run({"validate", file});
  INFO(result.err);
  CHECK(result.exitCode == 0);
  CHECK(result.err == "warning: " + file +
                          ":4:1: steps[1]: no pose, so the player shows only words; add e.g. "
                          "pose = \"pigeon\" (see unknot poses)\n");
}

TEST_CASE("an unknown pose fails validate at its value; a pose of the user's own folder loads") {
  Cli cli;
  cli.addUserRoutine("mine.toml",
                     "schema = 1\nname = \"Mine\"\n\n[[steps]]\nname = \"Hold\"\n"
                     "duration = 30\npose = \"my-stretch\"\n");
  const std::string file = cli.home.file("config/unknot/routines/mine.toml");
  auto unknown = cli.run({"validate", file});
  CHECK(unknown.exitCode == 1);
  CHECK(unknown.err.find(file + ":7:8: steps[1].pose: unknown pose 'my-stretch'") !=
        std::string::npos);
  // The user's own pose: a copy of the bundled knee hug under another id.
  std::ifstream bundled(std::string(UNKNOT_SOURCE_DIR) + "/assets/poses/knee-hug.toml");
  std::stringstream text;
  text << bundled.rdbuf();
  cli.home.write("config/unknot/poses/my-stretch.toml", text.str());
  auto known = cli.run({"validate", file});
  INFO(known.err);
  CHECK(known.exitCode == 0);
  CHECK(known.err.empty());
  CHECK(cli.run({"poses"}).out.find("my-stretch") != std::string::npos);
}

TEST_CASE("validate reports a missing path in one line, with no summary, and exits 1") {
  Cli cli;
  auto result = cli.run({"validate", cli.home.file("nope.toml")});
  CHECK(result.exitCode == 1);
  CHECK(result.err ==
        "unknot: validate: " + cli.home.file("nope.toml") + ": no such file or folder\n");
  CHECK(result.out.empty());
}

TEST_CASE("a broken user routine is listed with its error and the others still list") {
  Cli cli;
  cli.addUserRoutine(
      "broken.toml",
      "schema = 1\nname = \"Broken\"\n[[steps]]\nname = \"x\"\nduration = \"1m1m\"\n");
  auto result = cli.run({"list"});
  CHECK(result.exitCode == 0);
  CHECK(std::regex_search(result.out, std::regex("broken +ERROR: .*broken\\.toml:5:12: ")));
  for (const auto& id : kBundled) CHECK(result.out.find("\n" + id + " ") != std::string::npos);
}

TEST_CASE("a user routine with a bundled id replaces the bundled one") {
  Cli cli;
  cli.addUserRoutine(
      "pigeon-pose.toml",
      "schema = 1\nname = \"My pigeon\"\n[[steps]]\nname = \"Hold\"\nduration = 20\n");
  auto result = cli.run({"show", "pigeon-pose"});
  CHECK(result.exitCode == 0);
  CHECK(result.out.rfind("My pigeon", 0) == 0);
}

TEST_CASE("show lists the expanded phases with start times") {
  Cli cli;
  auto result = cli.run({"show", "pigeon-pose"});
  CHECK(result.exitCode == 0);
  CHECK(result.out.find("Get ready") != std::string::npos);
  CHECK(result.out.find("(right)") < result.out.find("Switch sides"));
  CHECK(result.out.find("Switch sides") < result.out.find("(left)"));
  CHECK(std::regex_search(result.out, std::regex("\\n1 +00:00 ")));
}

TEST_CASE("show of an unknown routine says so and exits 2") {
  Cli cli;
  auto result = cli.run({"show", "no-such-routine"});
  CHECK(result.exitCode == 2);
  CHECK(result.err.find("no routine 'no-such-routine'") != std::string::npos);
}

TEST_CASE("a terminal run of pigeon pose goes right side then left to the end") {
  Cli cli;
  auto result = cli.run({"run", "pigeon-pose", "--terminal", "--time-scale", "60"});
  INFO(result.out << result.err);
  CHECK(result.exitCode == 0);
  const auto right = result.out.find("(right)");
  const auto sw = result.out.find("switch to the left side");
  const auto left = result.out.find("(left)");
  REQUIRE(right != std::string::npos);
  REQUIRE(sw != std::string::npos);
  REQUIRE(left != std::string::npos);
  CHECK(right < sw);
  CHECK(sw < left);
  CHECK(result.out.find("Finished Pigeon pose") != std::string::npos);
  CHECK(count(result.out, "] 1\n") >= 3);  // the last countdown pip of several phases
}

TEST_CASE("piped keys drive the terminal runner: quit stops the run") {
  Cli cli;
  auto result = cli.run({"run", "pigeon-pose", "--terminal"}, "q");
  CHECK(result.exitCode == 0);
  CHECK(result.out.find("Stopped.") != std::string::npos);
  CHECK(result.out.find("Finished") == std::string::npos);
}

TEST_CASE("piped keys drive the terminal runner: skip moves on") {
  Cli cli;
  auto result = cli.run({"run", "seated-forward-bend", "--terminal", "--time-scale", "100"}, "nn");
  CHECK(result.exitCode == 0);
  CHECK(count(result.out, "] skipped") == 2);
  CHECK(result.out.find("Finished") != std::string::npos);
}

TEST_CASE("help and version behave as users expect") {
  Cli cli;
  auto help = cli.run({"--help"});
  CHECK(help.exitCode == 0);
  CHECK(help.out.find("validate") != std::string::npos);
  auto version = cli.run({"--version"});
  CHECK(version.exitCode == 0);
  CHECK(std::regex_search(version.out, std::regex("^unknot [0-9]+\\.[0-9]+\\.[0-9]+")));
}

TEST_CASE("unknown commands and bad arguments exit 2 with a clear message") {
  Cli cli;
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"frobnicate"},
           {"show"},
           {"run", "pigeon-pose", "--terminal", "--time-scale", "-3"},
           {"run", "pigeon-pose", "--time-scale", "fast"},
           {"--bogus"}}) {
    auto result = cli.run(args);
    INFO(args.front() << " -> " << result.err);
    CHECK(result.exitCode == 2);
    CHECK(result.err.rfind("unknot: ", 0) == 0);
  }
}

TEST_CASE("a run without a sound card prints unknot's one audio notice and nothing from ALSA") {
  Cli cli;
  // An empty ALSA configuration has no devices on any machine, so ALSA fails to open the
  // default device just as it does on a computer without a sound card, and says so on stderr.
  cli.home.write("alsa.conf", "");
  ProcessOptions options;
  options.env = {{"XDG_CONFIG_HOME", cli.home.file("config")},
                 {"XDG_DATA_HOME", cli.home.file("data")},
                 {"HOME", cli.home.path()},
                 {"SDL_AUDIODRIVER", "alsa"},
                 {"ALSA_CONFIG_PATH", cli.home.file("alsa.conf")}};
  const auto result = runProcess(
      {UNKNOT_BINARY, "run", "pigeon-pose", "--terminal", "--time-scale", "200"}, options);
  INFO(result.err);
  CHECK(result.exitCode == 0);
  CHECK(result.out.find("Finished Pigeon pose") != std::string::npos);
  CHECK(count(result.err, "ALSA lib") == 0);
  CHECK(count(result.err, "\n") == 1);
  CHECK(result.err.rfind("unknot: no audio device (", 0) == 0);
  CHECK(result.err.find("continuing without sound\n") != std::string::npos);
}
