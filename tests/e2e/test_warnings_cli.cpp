// The warnings end to end through the binary: worsening pain advised at once and kept in
// stats, not improving by day 21 of a 3-week plan, urgent signs first and kept until a
// check-in says they have gone, every flag in `stats --json` with its kind and date, and the
// terminal runner giving the advice before the timer (asking on a terminal, refusing an
// urgent one in a script unless --despite-warning). Days are chosen with the hidden --now.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "core/recovery/logical_day.hpp"
#include "support/process.hpp"

using namespace unknot::testing;

namespace {

const char* kQuickStretch =
    "schema = 1\nname = \"Quick stretch\"\ncategory = \"stretch\"\nprepare = 0\n\n"
    "[[steps]]\nname = \"Stretch\"\nduration = 2\n";

// "YYYY-MM-DD", `offset` days from today as the binary sees it with TZ=UTC: the logical day,
// which before the day-start hour is still yesterday's.
std::string dayFromToday(int offset) {
  using namespace std::chrono;
  const auto now = floor<milliseconds>(system_clock::now());
  const year_month_day ymd(unknot::logicalDate(now, seconds(0)) + days(offset));
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return text;
}

bool contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

struct Cli {
  TempDir home;
  Cli() { home.write("config/unknot/routines/quick-stretch.toml", kQuickStretch); }
  ProcessOptions options(std::string input = {}) const {
    ProcessOptions options;
    options.env = {{"XDG_CONFIG_HOME", home.file("config")},
                   {"UNKNOT_DATA_DIR", home.file("data")},
                   {"HOME", home.path()},
                   {"TZ", "UTC"},
                   {"SDL_AUDIODRIVER", "dummy"}};
    options.input = std::move(input);
    return options;
  }
  ProcessResult run(std::vector<std::string> args) const {
    args.insert(args.begin(), UNKNOT_BINARY);
    return runProcess(args, options());
  }
  // A check-in at noon, `offset` days from today.
  void checkinOn(int offset, std::vector<std::string> args) const {
    args.insert(args.begin(), {"checkin", "--now", dayFromToday(offset) + "T12:00"});
    const ProcessResult result = run(args);
    INFO(result.err);
    REQUIRE(result.exitCode == 0);
  }
  nlohmann::json stats() const {
    const ProcessResult result = run({"stats", "--json"});
    INFO(result.err);
    REQUIRE(result.exitCode == 0);
    return nlohmann::json::parse(result.out);
  }
  // Runs on a pseudo-terminal (script(1)), typing `input`.
  ProcessResult runOnTerminal(const std::string& args, const std::string& input) const {
    return runProcess({"script", "-qec", std::string(UNKNOT_BINARY) + " " + args, "/dev/null"},
                      options(input));
  }
  long long sessions() const {
    sqlite3* db = nullptr;
    long long n = -1;
    const std::string path = home.file("data/unknot.db");
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
      sqlite3_stmt* stmt = nullptr;
      if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sessions", -1, &stmt, nullptr) ==
              SQLITE_OK &&
          sqlite3_step(stmt) == SQLITE_ROW)
        n = sqlite3_column_int64(stmt, 0);
      sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return n;
  }
};

const nlohmann::json* flagOf(const nlohmann::json& stats, const std::string& kind) {
  for (const auto& flag : stats["red_flags"]) {
    if (flag["kind"] == kind) return &flag;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("a check-in of pain 9 gives the worsening advice at once and stats keeps it") {
  Cli cli;
  const ProcessResult checkin = cli.run({"checkin", "--pain", "9"});
  INFO(checkin.err);
  REQUIRE(checkin.exitCode == 0);
  CHECK(contains(checkin.out, "Severe pain (pain 9 on " + dayFromToday(0) + ")"));
  CHECK(contains(checkin.out, "stop the routine that brings it on"));
  CHECK(contains(checkin.out, "see a physiotherapist or doctor"));
  CHECK(contains(cli.run({"stats"}).out, "Severe pain (pain 9 on"));
  const auto stats = cli.stats();
  const auto* flag = flagOf(stats, "pain-high");
  REQUIRE(flag);
  CHECK((*flag)["date"] == dayFromToday(0));
  CHECK((*flag)["level"] == "ease-off");
}

TEST_CASE("a 3-week plan with pain steady at 6 every day shows not improving by day 21") {
  Cli cli;
  REQUIRE(cli.run({"plan", "start", "--weeks", "3", "--date", dayFromToday(-20)}).exitCode == 0);
  for (int offset = -20; offset <= -1; ++offset) cli.checkinOn(offset, {"--pain", "6"});
  // On day 20 the plan has not had its time yet.
  const ProcessResult before = cli.run({"stats", "--json", "--now", dayFromToday(-1) + "T20:00"});
  CHECK(nlohmann::json::parse(before.out)["plan"]["day"] == 20);
  CHECK_FALSE(flagOf(nlohmann::json::parse(before.out), "pain-not-improving"));
  cli.checkinOn(0, {"--pain", "6"});
  const auto stats = cli.stats();
  CHECK(stats["plan"]["day"] == 21);
  const auto* flag = flagOf(stats, "pain-not-improving");
  REQUIRE(flag);
  CHECK((*flag)["date"] == dayFromToday(0));
  CHECK((*flag)["reason"] == "7-day mean 6, at the start 6");
  CHECK(stats["pain"]["baseline"] == 6);
  CHECK(stats["red_flags"].size() == 1);
  CHECK(contains(cli.run({"stats"}).out, "See a professional: pain not improving"));
}

TEST_CASE("rising pain, a severe check-in and a session that hurt are each in stats --json") {
  Cli cli;
  for (int offset = -20; offset <= -8; ++offset) cli.checkinOn(offset, {"--pain", "3"});
  for (int offset = -6; offset <= -1; ++offset) cli.checkinOn(offset, {"--pain", "5"});
  const std::string today = dayFromToday(0);
  REQUIRE(
      cli.run({"checkin", "--now", today + "T09:00", "--pain", "5", "--before-session"}).exitCode ==
      0);
  const ProcessResult after =
      cli.run({"checkin", "--now", today + "T10:00", "--pain", "8", "--after-session"});
  CHECK(contains(after.out, "Pain rose after a session (pain 5 before, 8 after on " + today));
  const auto stats = cli.stats();
  for (const char* kind : {"pain-rising", "pain-high", "pain-after-session"}) {
    INFO(kind);
    const auto* flag = flagOf(stats, kind);
    REQUIRE(flag);
    CHECK((*flag)["date"] == today);
    CHECK((*flag)["urgent"] == false);
  }
  CHECK(flagOf(stats, "pain-rising")->at("reason") == "7-day mean 5.2, at the start 3");
}

TEST_CASE("an urgent sign is printed first and stays in stats until a check-in says it has gone") {
  Cli cli;
  const ProcessResult checkin = cli.run({"checkin", "--pain", "4", "--symptom", "bladder-bowel"});
  INFO(checkin.err);
  REQUIRE(checkin.exitCode == 0);
  CHECK(checkin.out.rfind("!!! Urgent: new trouble passing or holding urine or stools", 0) == 0);
  CHECK(checkin.out.find("Get emergency care now") < checkin.out.find("Check-in saved"));
  CHECK(contains(checkin.out, "--gone bladder-bowel"));

  cli.checkinOn(3, {"--pain", "3"});  // three days on, says nothing about it
  const ProcessResult later = cli.run({"stats", "--json", "--now", dayFromToday(20) + "T12:00"});
  const auto stats = nlohmann::json::parse(later.out);
  REQUIRE(stats["red_flags"].size() == 1);
  CHECK(stats["red_flags"][0]["kind"] == "symptom");
  CHECK(stats["red_flags"][0]["symptom"] == "bladder-bowel");
  CHECK(stats["red_flags"][0]["level"] == "emergency");
  CHECK(stats["red_flags"][0]["urgent"] == true);
  CHECK(stats["red_flags"][0]["date"] == dayFromToday(0));

  const ProcessResult gone =
      cli.run({"checkin", "--now", dayFromToday(4) + "T12:00", "--pain", "2", "--gone", "bladder"});
  CHECK(contains(gone.out, "Marked gone: new trouble passing or holding urine or stools."));
  CHECK(nlohmann::json::parse(
            cli.run({"stats", "--json", "--now", dayFromToday(4) + "T13:00"}).out)["red_flags"]
            .empty());
}

TEST_CASE("check-in options that cannot be are one line and exit 2, with nothing written") {
  Cli cli;
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"checkin", "--pain", "3", "--gone", "numbnes"},
           {"checkin", "--pain", "3", "--symptom", "fever", "--gone", "fever"},
           {"checkin", "--pain", "3", "--before-session", "--after-session"},
           {"checkin", "--pain", "3", "--now", "yesterday"}}) {
    const ProcessResult result = cli.run(args);
    INFO(result.err);
    CHECK(result.exitCode == 2);
    CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
    CHECK(result.err.rfind("unknot: checkin: ", 0) == 0);
  }
  CHECK(contains(cli.run({"checkin", "--pain", "3", "--gone", "numbnes"}).err,
                 "did you mean 'numbness'"));
  CHECK(cli.sessions() == -1);  // no database was made
}

TEST_CASE("the terminal runner gives the advice before the timer and starts in a script") {
  Cli cli;
  REQUIRE(cli.run({"checkin", "--pain", "9"}).exitCode == 0);
  const ProcessResult run = cli.run({"run", "quick-stretch", "--terminal", "--time-scale", "20"});
  INFO(run.err);
  CHECK(run.exitCode == 0);
  const size_t advice = run.out.find("Before you start Quick stretch:");
  REQUIRE(advice != std::string::npos);
  CHECK(advice < run.out.find("Severe pain"));
  CHECK(run.out.find("Severe pain") < run.out.find("Quick stretch - "));  // the header comes after
  CHECK(contains(run.out, "Choose a gentler routine today"));
  CHECK(cli.sessions() == 1);
}

TEST_CASE("with an urgent sign and no terminal the runner refuses unless --despite-warning") {
  Cli cli;
  REQUIRE(cli.run({"checkin", "--pain", "3", "--symptom", "saddle-numbness"}).exitCode == 0);
  const ProcessResult refused = cli.run({"run", "quick-stretch", "--terminal"});
  CHECK(refused.exitCode == 1);
  CHECK(contains(refused.out, "!!! Urgent: numbness in the groin, buttocks or inner thighs"));
  CHECK(contains(refused.out, "Please do not exercise today"));
  CHECK(contains(refused.err, "unknot: run: quick-stretch: an urgent warning is on your record"));
  CHECK(contains(refused.err, "--despite-warning"));
  CHECK(cli.sessions() == 0);

  const ProcessResult anyway =
      cli.run({"run", "quick-stretch", "--terminal", "--time-scale", "20", "--despite-warning"});
  INFO(anyway.err);
  CHECK(anyway.exitCode == 0);
  CHECK(contains(anyway.out, "Starting anyway (--despite-warning)."));
  CHECK(cli.sessions() == 1);
}

TEST_CASE("on a terminal the runner asks after the advice and starts only on yes") {
  Cli cli;
  REQUIRE(cli.run({"checkin", "--pain", "3", "--symptom", "fever"}).exitCode == 0);
  const std::string args = "run quick-stretch --terminal --no-audio --time-scale 20";
  // The first start shows the notice first (Enter), then the advice and its question (n).
  const ProcessResult no = cli.runOnTerminal(args, "\nn\n");
  CHECK(no.exitCode == 1);
  CHECK(no.out.find("Before you begin:") < no.out.find("Urgent: fever"));
  CHECK(no.out.find("Urgent: fever") < no.out.find("Start Quick stretch anyway? [y/N]"));
  CHECK(contains(no.out, "Not started."));
  CHECK(cli.sessions() == 0);

  const ProcessResult yes = cli.runOnTerminal(args, "y\n");
  CHECK(yes.exitCode == 0);
  CHECK_FALSE(contains(yes.out, "Before you begin:"));  // acknowledged once, remembered
  CHECK(yes.out.find("anyway? [y/N]") < yes.out.find("Quick stretch - "));
  CHECK(cli.sessions() == 1);
}

TEST_CASE("the first-start notice on a terminal is acknowledged once and kept in settings.toml") {
  Cli cli;
  const std::string args = "run quick-stretch --terminal --no-audio --time-scale 20";
  const ProcessResult first = cli.runOnTerminal(args, "\n");
  CHECK(first.exitCode == 0);
  CHECK(contains(first.out, "not medical advice"));
  CHECK(contains(first.out, "Stop any exercise at once if it causes sharp pain, numbness or"));
  std::ifstream in(cli.home.file("config/unknot/settings.toml"));
  const std::string settings((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
  CHECK(contains(settings, "notice_acknowledged = true"));
  CHECK_FALSE(contains(cli.runOnTerminal(args, "").out, "Before you begin:"));
  // Without a terminal nobody could acknowledge it: scripts are not held up by it.
  Cli script;
  const ProcessResult piped = script.run({"run", "quick-stretch", "--terminal"});
  CHECK(piped.exitCode == 0);
  CHECK_FALSE(contains(piped.out, "Before you begin:"));
}
