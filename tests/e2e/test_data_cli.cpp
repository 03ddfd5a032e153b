// Your data, yours: `unknot data` lists the files, `forget --all` deletes the record (asking on a
// terminal, offering a backup), `restore` brings a backup back and keeps the record it replaces.
// Round trips are checked with `stats --json` at a fixed time.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/process.hpp"

using namespace unknot::testing;
namespace fs = std::filesystem;

namespace {

const std::string kNow = "2026-03-10T12:00";

struct Home {
  TempDir dir;
  ProcessResult run(std::vector<std::string> args, const std::string& input = {}) const {
    args.insert(args.begin(), UNKNOT_BINARY);
    ProcessOptions options;
    options.env = {{"XDG_CONFIG_HOME", dir.file("config")},
                   {"XDG_DATA_HOME", dir.file("data")},
                   {"HOME", dir.path()},
                   {"TZ", "UTC"}};
    options.input = input;
    return runProcess(args, options);
  }
  // The same command on a terminal (util-linux's script gives it one), answering with `input`.
  ProcessResult onTerminal(const std::string& command, const std::string& input) const {
    ProcessOptions options;
    options.env = {{"XDG_CONFIG_HOME", dir.file("config")},
                   {"XDG_DATA_HOME", dir.file("data")},
                   {"HOME", dir.path()},
                   {"TZ", "UTC"}};
    options.input = input;
    return runProcess({"script", "-qec", std::string(UNKNOT_BINARY) + " " + command, "/dev/null"},
                      options);
  }
  std::string stats() const { return run({"stats", "--json", "--now", kNow}).out; }
  fs::path record() const { return fs::path(dir.file("data/unknot/unknot.db")); }
  void seed() const {
    REQUIRE(run({"plan", "start", "--date", "2026-03-01", "--now", kNow}).exitCode == 0);
    for (int day = 1; day <= 9; ++day) {
      const std::string date = "2026-03-0" + std::to_string(day) + "T10:00";
      REQUIRE(run({"checkin", "--pain", std::to_string(8 - day / 2), "--now", date}).exitCode == 0);
    }
    REQUIRE(run({"flare", "--note", "long drive", "--now", "2026-03-08T18:00"}).exitCode == 0);
  }
};

bool contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

size_t keptCopies(const Home& home) {
  size_t count = 0;
  for (const auto& item : fs::directory_iterator(home.record().parent_path())) {
    count += item.path().filename().string().rfind("unknot-before-restore-", 0) == 0;
  }
  return count;
}

}  // namespace

TEST_CASE("restore of a backup gives the same stats --json and keeps the record it replaces") {
  Home home;
  home.seed();
  const std::string before = home.stats();
  REQUIRE(home.run({"backup", home.dir.file("b.db")}).exitCode == 0);
  REQUIRE(home.run({"checkin", "--pain", "1", "--now", kNow}).exitCode == 0);
  const std::string changed = home.stats();
  REQUIRE(changed != before);

  const auto restored = home.run({"restore", home.dir.file("b.db")});
  INFO(restored.err);
  REQUIRE(restored.exitCode == 0);
  CHECK(
      contains(restored.out, "Kept your previous record as ~/data/unknot/unknot-before-restore-"));
  CHECK(contains(restored.out,
                 "Restored " + home.dir.file("b.db") + ": 0 sessions, 9 check-ins, 1 plan."));
  CHECK(home.stats() == before);
  CHECK(keptCopies(home) == 1);

  // The kept copy is itself a backup: restoring it brings the changed record back.
  std::string kept;
  for (const auto& item : fs::directory_iterator(home.record().parent_path())) {
    if (item.path().filename().string().rfind("unknot-before-restore-", 0) == 0) {
      kept = item.path().string();
    }
  }
  REQUIRE(home.run({"restore", kept}).exitCode == 0);
  CHECK(home.stats() == changed);
}

TEST_CASE("restore refuses what is not a whole unknot record and changes nothing") {
  Home home;
  home.seed();
  const std::string before = home.stats();
  home.dir.write("text.db", "not a database at all");
  REQUIRE(home.run({"backup", home.dir.file("newer.db")}).exitCode == 0);
  sqlite3* db = nullptr;
  sqlite3_open(home.dir.file("newer.db").c_str(), &db);
  sqlite3_exec(db, "PRAGMA user_version = 999", nullptr, nullptr, nullptr);
  sqlite3_close(db);

  const auto text = home.run({"restore", home.dir.file("text.db")});
  CHECK(text.exitCode == 1);
  CHECK(text.err == "unknot: restore: " + home.dir.file("text.db") +
                        ": not an unknot record (cannot prepare a query: file is not a "
                        "database)\n");
  const auto newer = home.run({"restore", home.dir.file("newer.db")});
  CHECK(newer.exitCode == 1);
  CHECK(contains(newer.err, "newer.db: it was written by a newer unknot (schema 999;"));
  const auto missing = home.run({"restore", home.dir.file("missing.db")});
  CHECK(missing.exitCode == 1);
  CHECK(contains(missing.err, "missing.db: no such file"));
  const auto itself = home.run({"restore", home.record().string()});
  CHECK(itself.exitCode == 1);
  CHECK(contains(itself.err, "is the record itself"));
  CHECK(home.stats() == before);
  CHECK(keptCopies(home) == 0);
}

TEST_CASE("forget --all --yes deletes the record and a backup made first restores it") {
  Home home;
  home.seed();
  const std::string before = home.stats();
  const auto forgot = home.run({"forget", "--all", "--yes", "--backup", home.dir.file("last.db")});
  INFO(forgot.err);
  REQUIRE(forgot.exitCode == 0);
  CHECK(contains(forgot.out, "Backed up your record to " + home.dir.file("last.db")));
  CHECK(contains(forgot.out, "Deleted your record"));
  CHECK_FALSE(fs::exists(home.record()));
  CHECK(contains(home.run({"data"}).out, "  nothing yet\n"));
  REQUIRE(home.run({"restore", home.dir.file("last.db")}).exitCode == 0);
  CHECK(home.stats() == before);
}

TEST_CASE("forget asks for the typed word on a terminal and refuses without one") {
  Home home;
  home.seed();
  const auto unasked = home.run({"forget", "--all"});
  CHECK(unasked.exitCode == 1);
  CHECK(unasked.err ==
        "unknot: forget: this deletes your whole record; confirm on a terminal, or add --yes\n");
  CHECK(home.run({"forget"}).exitCode == 2);

  // No backup, then a word that is not "forget": nothing is deleted.
  const auto declined = home.onTerminal("forget --all", "n\nyes\n");
  CHECK(declined.exitCode == 1);
  CHECK(contains(declined.out, "This deletes your whole record (0 sessions, 9 check-ins, 1 plan)"));
  CHECK(contains(declined.out, "Write a backup to ~/unknot-backup-"));
  CHECK(contains(declined.out, "not confirmed; nothing was deleted"));
  CHECK(fs::exists(home.record()));

  // The backup offered (Enter takes it), then the word.
  const auto confirmed = home.onTerminal("forget --all", "\nforget\n");
  CHECK(confirmed.exitCode == 0);
  CHECK(contains(confirmed.out, "Backed up your record to " + home.dir.path() + "/unknot-backup-"));
  CHECK_FALSE(fs::exists(home.record()));
}

TEST_CASE("unknot data lists every file kept, with its size") {
  Home home;
  home.seed();
  home.dir.write("config/unknot/routines/mine.toml", "schema = 1\n");
  const auto data = home.run({"data"});
  REQUIRE(data.exitCode == 0);
  CHECK(contains(data.out, "(~/data/unknot):\n  unknot.db  "));
  CHECK(contains(data.out, "KiB\n"));
  CHECK(contains(data.out, "(~/config/unknot):\n  routines/mine.toml  11 B\n"));
  CHECK(contains(data.out, "Nothing leaves this computer"));
  // Listing creates nothing.
  Home empty;
  CHECK(contains(empty.run({"data"}).out, "In all 0 files, 0 B."));
  CHECK_FALSE(fs::exists(empty.dir.file("data/unknot")));
}
