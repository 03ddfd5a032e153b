// Routine files, notes and command-line words are untrusted: no control character from them
// reaches the terminal. The loader refuses them with a positioned error, a note with one is
// refused, and anything already in the record or typed on the command line is shown visibly.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "support/process.hpp"

using namespace unknot::testing;

namespace {

// An escape sequence that recolours, an OSC 52 clipboard write, and a C1 CSI (U+009B).
const std::string kRecolour = "\x1b[31m";
const std::string kClipboard = "\x1b]52;c;ZWNobyBoaQ==\x07";
const std::string kC1 = "\xc2\x9b";

struct Cli {
  TempDir home;
  ProcessResult run(std::vector<std::string> args) const {
    args.insert(args.begin(), UNKNOT_BINARY);
    ProcessOptions options;
    options.env = {{"XDG_CONFIG_HOME", home.file("config")},
                   {"UNKNOT_DATA_DIR", home.file("data")},
                   {"HOME", home.path()},
                   {"SDL_AUDIODRIVER", "dummy"}};
    return runProcess(args, options);
  }
};

// No ESC, BEL or C1 control byte anywhere in what a command printed.
bool clean(const ProcessResult& result) {
  for (const std::string* stream : {&result.out, &result.err}) {
    if (stream->find('\x1b') != std::string::npos) return false;
    if (stream->find('\x07') != std::string::npos) return false;
    if (stream->find(kC1) != std::string::npos) return false;
  }
  return true;
}

const char* const kHostileRoutine =
    "schema = 1\n"
    "name = \"Hostile\"\n"
    "summary = \"x\\u001b[31mred\"\n"
    "tags = [\"glutes\", \"\\u009b2J\"]\n"
    "[[steps]]\n"
    "name = \"Hold\"\n"
    "duration = 5\n"
    "text = \"t\\u001b]52;c;ZWNobyBoaQ==\\u0007\"\n"
    "say = \"s\\u001b[2J\"\n";

}  // namespace

TEST_CASE("a routine with escape sequences is refused at the line and column of each") {
  Cli cli;
  cli.home.write("hostile.toml", kHostileRoutine);
  const ProcessResult result = cli.run({"validate", cli.home.file("hostile.toml")});
  CHECK(result.exitCode == 1);
  CHECK(clean(result));
  const std::string file = cli.home.file("hostile.toml");
  CHECK_THAT(result.err, Catch::Contains(file + ":3:11: summary: expected text without control "
                                                "characters, found \\x1b"));
  CHECK_THAT(result.err, Catch::Contains(file + ":4:19: tags[2]: expected text without control "
                                                "characters, found \\u009b"));
  CHECK_THAT(result.err, Catch::Contains(file + ":8:8: steps[1].text:"));
  CHECK_THAT(result.err, Catch::Contains(file + ":9:7: steps[1].say:"));
}

TEST_CASE("list, show and run never write a control character from a routine file") {
  Cli cli;
  cli.home.write("config/unknot/routines/hostile.toml", kHostileRoutine);
  cli.home.write("config/unknot/routines/bad" + kRecolour + "name.toml", kHostileRoutine);
  for (const std::vector<std::string>& args : {std::vector<std::string>{"list"},
                                               {"show", "hostile"},
                                               {"validate"},
                                               {"run", "hostile", "--terminal", "--no-audio"},
                                               {"show", "bad" + kRecolour + "name"}}) {
    const ProcessResult result = cli.run(args);
    INFO(args.front() << ": " << result.out << result.err);
    CHECK(clean(result));
  }
}

TEST_CASE("a note with a control character is refused and one already stored is shown visibly") {
  Cli cli;
  const ProcessResult refused = cli.run({"checkin", "--pain", "3", "--note", "hi" + kClipboard});
  CHECK(refused.exitCode == 2);
  CHECK(clean(refused));
  CHECK_THAT(refused.err, Catch::Contains("control character (\\x1b)"));

  // A record written by another tool (or an older unknot) may hold anything.
  REQUIRE(cli.run({"checkin", "--pain", "3", "--note", "placeholder"}).exitCode == 0);
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(cli.home.file("data/unknot.db").c_str(), &db) == SQLITE_OK);
  const std::string sql =
      "UPDATE checkins SET note = 'sore" + kRecolour + kClipboard + kC1 + "hip';";
  CHECK(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"history"}, {"stats"}, {"stats", "--json"}}) {
    const ProcessResult result = cli.run(args);
    INFO(args.front() << ": " << result.out << result.err);
    CHECK(result.exitCode == 0);
    CHECK(clean(result));
  }
  CHECK_THAT(cli.run({"history"}).out, Catch::Contains("sore\\x1b[31m"));
}

TEST_CASE("words typed on the command line come back in errors without their control bytes") {
  Cli cli;
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"show", "x" + kClipboard},
        {"run", "x" + kRecolour, "--terminal"},
        {"reminders", "add", "8:00" + kRecolour, "--target", "stretch"},
        {"checkin", "--pain", "3", "--symptom", "numb" + kC1},
        {"--size", kRecolour},
        {"no-such-command" + kRecolour}}) {
    const ProcessResult result = cli.run(args);
    INFO(args.front() << ": " << result.err);
    CHECK(result.exitCode != 0);
    CHECK(clean(result));
    CHECK_FALSE(result.err.empty());
  }
}
