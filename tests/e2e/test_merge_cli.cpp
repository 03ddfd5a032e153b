// Two computers, one record: `unknot merge OTHER.db` brings in the other record's sessions,
// check-ins, flare days and plans by stable ids (schema 7), never twice; of two plans the newer
// is kept and the command says so. Rows made before schema 7 get their ids from the migration.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>
#include <string>

#include "store/schema.hpp"
#include "support/process.hpp"

using namespace unknot;
using namespace unknot::testing;
namespace fs = std::filesystem;

namespace {

struct Computer {
  const TempDir& home;
  std::string name;
  std::string dir() const { return home.file(name); }
  std::string db() const { return dir() + "/unknot.db"; }
  ProcessResult run(std::vector<std::string> args) const {
    args.insert(args.begin(), UNKNOT_BINARY);
    args.insert(args.end(), {"--data-dir", dir()});
    ProcessOptions options;
    options.env = {{"HOME", home.path()},
                   {"XDG_CONFIG_HOME", home.file("config")},
                   {"TZ", "UTC"},
                   {"SDL_AUDIODRIVER", "dummy"}};
    return runProcess(args, options);
  }
  std::string stats() const { return run({"stats", "--json"}).out; }
};

bool contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

std::string scalar(const std::string& db, const std::string& sql) {
  sqlite3* handle = nullptr;
  sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* stmt = nullptr;
  std::string out = "<error>";
  if (sqlite3_prepare_v2(handle, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK) {
    out = sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0)
              ? reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0))
              : "";
  }
  sqlite3_finalize(stmt);
  sqlite3_close(handle);
  return out;
}

// A desktop and a laptop, each with its own plan, check-ins, a flare day and a routine run.
void seed(const Computer& desktop, const Computer& laptop) {
  REQUIRE(desktop.run({"plan", "start", "--date", "2026-03-01", "--now", "2026-03-01T08:00"})
              .exitCode == 0);
  REQUIRE(desktop.run({"checkin", "--pain", "6", "--now", "2026-03-02T10:00"}).exitCode == 0);
  REQUIRE(desktop.run({"run", "pigeon-pose", "--terminal", "--no-audio", "--time-scale", "500"})
              .exitCode == 0);
  REQUIRE(
      laptop.run({"plan", "start", "--date", "2026-03-02", "--now", "2026-03-02T08:00"}).exitCode ==
      0);
  REQUIRE(laptop
              .run({"checkin", "--pain", "5", "--symptom", "numbness", "--note", "laptop", "--now",
                    "2026-03-03T10:00"})
              .exitCode == 0);
  REQUIRE(laptop.run({"flare", "--note", "long drive", "--now", "2026-03-03T20:00"}).exitCode == 0);
  REQUIRE(
      laptop.run({"run", "figure-four-stretch", "--terminal", "--no-audio", "--time-scale", "500"})
          .exitCode == 0);
}

}  // namespace

TEST_CASE("merging a second computer's record twice gives the same stats as merging it once") {
  TempDir home;
  const Computer desktop{home, "desktop"}, laptop{home, "laptop"};
  seed(desktop, laptop);
  const auto once = desktop.run({"merge", laptop.db()});
  INFO(once.err);
  REQUIRE(once.exitCode == 0);
  CHECK(contains(once.out, "Merged " + laptop.db() +
                               ": 1 session, 1 check-in, 1 flare day, 1 plan and 1 plan change "
                               "new."));
  CHECK(contains(once.out,
                 "Note: two plans: kept the newer one, started 2026-03-02 on the other "
                 "computer; yours (started 2026-03-01) now ends 2026-03-01."));
  const std::string afterOnce = desktop.stats();
  const auto twice = desktop.run({"merge", laptop.db()});
  REQUIRE(twice.exitCode == 0);
  CHECK(contains(twice.out,
                 ": 0 sessions, 0 check-ins, 0 flare days, 0 plans and 0 plan "
                 "changes new; 2 already here."));
  CHECK(desktop.stats() == afterOnce);
  CHECK(scalar(desktop.db(), "SELECT count(*) FROM sessions") == "2");
  CHECK(scalar(desktop.db(),
               "SELECT count(*) FROM phases WHERE session_id = (SELECT id FROM "
               "sessions WHERE routine_id = 'figure-four-stretch')") ==
        scalar(laptop.db(), "SELECT count(*) FROM phases"));
  CHECK(scalar(desktop.db(), "SELECT count(*) FROM checkin_symptoms") == "1");
  CHECK(contains(afterOnce, "\"flare_days\":[{\"date\":\"2026-03-03\",\"note\":\"long drive\"}]"));

  // The other way round the laptop keeps its own (newer) plan and gains the desktop's work.
  const auto back = laptop.run({"merge", desktop.db()});
  REQUIRE(back.exitCode == 0);
  CHECK(contains(back.out,
                 "Note: kept your plan started 2026-03-02: the other record's plan "
                 "started 2026-03-01 is older and was not merged."));
  CHECK(scalar(laptop.db(), "SELECT count(*) FROM sessions") == "2");
  CHECK(scalar(laptop.db(), "SELECT count(*) FROM checkins") == "2");
  // The same record on both, but for the plan's row number, which is each database's own.
  const std::regex planRow("\"plan\":\\{\"id\":[0-9]+,");
  CHECK(std::regex_replace(laptop.stats(), planRow, "") ==
        std::regex_replace(desktop.stats(), planRow, ""));
}

TEST_CASE("every session, check-in and plan has a stable id and the device that wrote it") {
  TempDir home;
  const Computer desktop{home, "desktop"}, laptop{home, "laptop"};
  seed(desktop, laptop);
  const std::string device = scalar(desktop.db(), "SELECT id FROM device");
  CHECK(device.size() == 32);
  for (const char* table : {"sessions", "checkins", "plans"}) {
    INFO(table);
    CHECK(scalar(desktop.db(), std::string("SELECT count(*) FROM ") + table +
                                   " WHERE uuid IS NULL OR length(uuid) != 32 OR device != '" +
                                   device + "'") == "0");
  }
  CHECK(scalar(laptop.db(), "SELECT id FROM device") != device);
}

TEST_CASE("rows recorded before schema 7 get their ids when the record is first opened") {
  TempDir home;
  const Computer old{home, "old"};
  fs::create_directories(old.dir());
  sqlite3* db = nullptr;
  sqlite3_open(old.db().c_str(), &db);
  std::string sql;
  for (int version = 0; version < 6; ++version) sql += std::string(migrations()[version]);
  sql += "PRAGMA application_id = " + std::to_string(kApplicationId) +
         "; PRAGMA user_version = 6;"
         "INSERT INTO checkins (at_utc_ms, at_offset_s, logical_date, pain) "
         "VALUES (1772445600000, 0, '2026-03-02', 5);";
  REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  // Merging it as it is would give its rows new ids each time: refused, with what to do.
  const Computer desktop{home, "desktop"};
  REQUIRE(desktop.run({"checkin", "--pain", "4"}).exitCode == 0);
  const auto refused = desktop.run({"merge", old.db()});
  CHECK(refused.exitCode == 1);
  CHECK(contains(refused.err, "it is from an older unknot and has no record ids yet"));
  REQUIRE(old.run({"stats"}).exitCode == 0);  // opening it migrates it
  CHECK(scalar(old.db(), "SELECT length(uuid) FROM checkins") == "32");
  const auto merged = desktop.run({"merge", old.db()});
  CHECK(merged.exitCode == 0);
  CHECK(contains(merged.out, "1 check-in"));
}

TEST_CASE("merge refuses what it cannot read and the record itself") {
  TempDir home;
  const Computer desktop{home, "desktop"};
  REQUIRE(desktop.run({"checkin", "--pain", "4"}).exitCode == 0);
  home.write("text.db", "not a database");
  const auto text = desktop.run({"merge", home.file("text.db")});
  CHECK(text.exitCode == 1);
  CHECK(contains(text.err, "unknot: merge: " + home.file("text.db") + ": not an unknot record"));
  const auto missing = desktop.run({"merge", home.file("none.db")});
  CHECK(missing.exitCode == 1);
  CHECK(contains(missing.err, "none.db: no such file"));
  const auto itself = desktop.run({"merge", desktop.db()});
  CHECK(itself.exitCode == 1);
  CHECK(contains(itself.err, "is this computer's record itself"));
  CHECK(desktop.run({"merge"}).exitCode == 2);
}
