// The plan's level end to end through the binary: a good first week (runs of the real binary,
// check-ins on their days with the hidden --now) raises the level, `plan show`, the terminal
// runner and `stats --json` show it with its reason and the side balance, and `unknot flare`
// keeps the streak, uses no rest day and lowers the level from the next day.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "support/csv_reader.hpp"
#include "support/process.hpp"

using namespace unknot::testing;

namespace {

const char* kQuickStretch =
    "schema = 1\nname = \"Quick stretch\"\ncategory = \"stretch\"\nprepare = 0\n\n"
    "[[steps]]\nname = \"Stretch\"\nduration = 4\nsides = \"both\"\nswitch = 1\n";

// The logical day `offset` days from today, as the binary sees it with TZ=UTC (days start 03:00).
std::string logicalDay(int offset) {
  using namespace std::chrono;
  const year_month_day ymd(floor<days>(system_clock::now() - hours(3)) + days(offset));
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return text;
}

// Runs that straddle the day start would land on two dates; wait until we are clear of it.
void avoidDayStart() {
  using namespace std::chrono;
  while (true) {
    const auto now = system_clock::now();
    if (abs((now - floor<days>(now)) - hours(3)) > minutes(2)) return;
    std::this_thread::sleep_for(seconds(5));
  }
}

bool contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

struct Cli {
  TempDir home;
  Cli() {
    avoidDayStart();
    home.write("config/unknot/routines/quick-stretch.toml", kQuickStretch);
  }
  ProcessResult run(std::vector<std::string> args) const {
    args.insert(args.begin(), UNKNOT_BINARY);
    ProcessOptions options;
    options.env = {{"XDG_CONFIG_HOME", home.file("config")},
                   {"UNKNOT_DATA_DIR", home.file("data")},
                   {"HOME", home.path()},
                   {"TZ", "UTC"},
                   {"SDL_AUDIODRIVER", "dummy"}};
    return runProcess(args, options);
  }
  ProcessResult ok(std::vector<std::string> args) const {
    ProcessResult result = run(std::move(args));
    INFO(result.out << result.err);
    REQUIRE(result.exitCode == 0);
    return result;
  }
  nlohmann::json stats(int offset) const {
    return nlohmann::json::parse(
        ok({"stats", "--json", "--now", logicalDay(offset) + "T12:00"}).out);
  }
  void sql(const std::string& statement) const {
    sqlite3* db = nullptr;
    sqlite3_open(home.file("data/unknot.db").c_str(), &db);
    sqlite3_busy_timeout(db, 5000);
    char* error = nullptr;
    sqlite3_exec(db, statement.c_str(), nullptr, nullptr, &error);
    INFO((error ? error : ""));
    CHECK(error == nullptr);
    sqlite3_free(error);
    sqlite3_close(db);
  }
};

}  // namespace

TEST_CASE("a good week raises the level, a flare keeps the streak and lowers tomorrow's level",
          "[long]") {
  Cli cli;
  const std::string now = logicalDay(0) + "T12:00";
  cli.ok({"plan", "start", "--date", logicalDay(-7), "--side", "right", "--target", "stretch=1",
          "--now", now});
  // The week before the plan at pain 4, week 1 at pain 3.
  for (int offset = -14; offset <= -1; ++offset) {
    cli.ok({"checkin", "--pain", offset < -7 ? "4" : "3", "--now", logicalDay(offset) + "T12:00"});
  }
  // Seven real runs, then dated onto week 1's days (the binary records them today).
  for (int i = 0; i < 7; ++i) {
    const ProcessResult run = cli.ok({"run", "quick-stretch", "--terminal", "--time-scale", "20"});
    CHECK(contains(run.out, "Level: gentle"));
  }
  cli.sql(
      "UPDATE sessions SET logical_date = date(logical_date, '-' || (8 - id) || ' days');"
      "UPDATE phases SET logical_date = (SELECT logical_date FROM sessions s WHERE s.id = "
      "phases.session_id);");

  const ProcessResult show = cli.ok({"plan", "show", "--now", now});
  CHECK(contains(show.out, "Sore side: right (starts there, 1 extra hold on it)"));
  CHECK(contains(show.out, "Level: standard since "));
  CHECK(contains(show.out, " — 7 of 7 days done, pain 4 → 3"));
  CHECK(contains(show.out, "week 1 starts gentle"));

  const ProcessResult today = cli.ok({"run", "quick-stretch", "--terminal", "--time-scale", "20"});
  CHECK(contains(today.out, "Level: standard since "));
  CHECK(contains(today.out, "sore side right"));

  nlohmann::json stats = cli.stats(0);
  CHECK(stats["level"]["today"] == "standard");
  CHECK(stats["level"]["since"] == logicalDay(0));
  CHECK(stats["level"]["reason"] == "7 of 7 days done, pain 4 → 3");
  CHECK(stats["level"]["sore_side"] == "right");
  CHECK(stats["streak"]["current"] == 8);
  const auto& balance = stats["hold_balance"]["window"]["minutes_by_side"];
  CHECK(balance["right"].get<double>() > 0);
  CHECK(balance["left"].get<double>() > 0);
  CHECK(stats["hold_balance"]["last_7_days"]["minutes_by_side"]["right"].get<double>() > 0);

  cli.ok({"export", "--csv", cli.home.file("csv")});
  std::ifstream file(cli.home.file("csv/sessions.csv"));
  std::stringstream text;
  text << file.rdbuf();
  const auto sessions = csvRecords(text.str());
  REQUIRE(sessions.size() == 8);
  CHECK(sessions[0].at("level") == "gentle");
  CHECK(sessions[7].at("level") == "standard");
  CHECK(sessions[7].at("sore_side") == "right");

  // Tomorrow is a flare: it bridges the streak, uses no rest day and lowers the day after.
  const ProcessResult flare =
      cli.ok({"flare", "--note", "sat all day", "--now", logicalDay(1) + "T12:00"});
  CHECK(contains(flare.out, "keeps your streak like a rest day"));
  CHECK(contains(flare.out, "From tomorrow the level is gentle"));
  CHECK(contains(flare.out, "unknot run sore-day"));

  stats = cli.stats(3);
  CHECK(stats["days"][8]["date"] == logicalDay(1));
  CHECK(stats["days"][8]["state"] == "flare");
  CHECK(stats["days"][9]["state"] == "rest");  // the week's rest day is still there
  CHECK(stats["streak"]["current"] == 8);
  CHECK(stats["level"]["today"] == "gentle");
  CHECK(stats["level"]["since"] == logicalDay(2));
  CHECK(stats["level"]["history"].back()["cause"] == "flare");
  CHECK(stats["flare_days"][0]["note"] == "sat all day");

  // The person's own choice wins, and auto hands back to the rules.
  CHECK(contains(cli.ok({"plan", "level", "strong", "--now", logicalDay(3) + "T12:00"}).out,
                 "Level set to strong"));
  CHECK(cli.stats(3)["level"]["today"] == "strong");
  const ProcessResult bad = cli.run({"plan", "level", "hard"});
  CHECK(bad.exitCode == 2);
  CHECK(contains(bad.err, "hard"));
  const ProcessResult badSide = cli.run({"plan", "edit", "--side", "middle"});
  CHECK(badSide.exitCode == 2);
  const ProcessResult badNote = cli.run({"flare", "--note", "a\x1b[2Jb"});
  CHECK(badNote.exitCode == 2);
  CHECK(contains(badNote.err, "control character"));
}
