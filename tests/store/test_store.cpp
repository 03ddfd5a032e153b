// The store: files and modes, round trips, crash recovery, refusing files it must not touch.
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "store/schema.hpp"
#include "store_test_support.hpp"
#include "support/read_only_folder.hpp"

using namespace unknot;
using namespace unknot::testing;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

mode_t modeOf(const std::string& path) {
  struct stat info {};
  ::stat(path.c_str(), &info);
  return info.st_mode & 0777;
}

std::string openError(const std::string& dir) {
  try {
    Store store(dir);
  } catch (const StoreError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("a new data dir gets a 0700 directory and a 0600 database in WAL mode") {
  TempDir temp;
  const std::string dir = temp.file("deep/unknot");
  {
    Store store(dir);
    CHECK(store.schemaVersion() == latestSchemaVersion());
    store.addCheckin(checkin(3), at("2024-05-01", 12));
  }
  CHECK(modeOf(dir) == 0700);
  CHECK(modeOf(dir + "/unknot.db") == 0600);
  RawDb raw(dir + "/unknot.db");
  CHECK(raw.text("PRAGMA journal_mode") == "wal");
  CHECK(raw.integer("PRAGMA user_version") == latestSchemaVersion());
  CHECK(raw.integer("PRAGMA application_id") == kApplicationId);
  CHECK(raw.text("PRAGMA integrity_check") == "ok");
}

TEST_CASE("an existing database with loose permissions is tightened to 0600") {
  TempDir temp;
  { Store store(temp.path()); }
  ::chmod(temp.file("unknot.db").c_str(), 0644);
  { Store store(temp.path()); }
  CHECK(modeOf(temp.file("unknot.db")) == 0600);
}

TEST_CASE("foreign keys are enforced") {
  TempDir temp;
  Store store(temp.path());
  CHECK_THROWS_AS(store.addPhase(999, holdPhase(0, Side::Left, 45), at("2024-05-01", 12)),
                  StoreError);
}

TEST_CASE("a session, its phases and its outcome round-trip") {
  TempDir temp;
  Store store(temp.path());
  const auto id = store.beginSession(stretchSession(), at("2024-05-01", 9, 0, 2));
  store.addPhase(id, holdPhase(1, Side::Right, 44), at("2024-05-01", 9, 1, 2));
  store.addPhase(id, holdPhase(3, Side::Left, 3, true), at("2024-05-01", 9, 2, 2));
  store.endSession(id, SessionOutcome::Completed, at("2024-05-01", 9, 3, 2));

  const auto sessions = store.sessions({day("2024-05-01"), day("2024-05-01")});
  REQUIRE(sessions.size() == 1);
  const auto& s = sessions[0];
  CHECK(s.routineId == "pigeon-pose");
  CHECK(s.category == Category::Stretch);
  CHECK(s.planHash == "0123456789abcdef");
  CHECK(s.outcome == SessionOutcome::Completed);
  CHECK(formatIso8601(s.started) == "2024-05-01T09:00:00+02:00");
  CHECK(formatIso8601(*s.ended) == "2024-05-01T09:03:00+02:00");
  CHECK(s.phasesDone == 1);
  CHECK(s.phasesSkipped == 1);
  CHECK(s.active == Millis(44000));

  std::vector<PhaseRow> rows;
  store.forEachPhase([&](const PhaseRow& row) { rows.push_back(row); });
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].phase.index == 1);
  CHECK(rows[0].phase.side == Side::Right);
  CHECK(rows[0].phase.planned == Millis(45000));
  CHECK(rows[0].phase.actual == Millis(44000));
  CHECK_FALSE(rows[0].phase.skipped);
  CHECK(rows[1].phase.skipped);
  CHECK(rows[1].date == day("2024-05-01"));

  const auto parts = store.sessionParts({day("2024-05-01"), day("2024-05-01")});
  REQUIRE(parts.size() == 1);
  CHECK(parts[0].plannedWorkPhases == 2);
  CHECK(parts[0].doneWorkPhases == 1);
  CHECK(parts[0].rightHold == Millis(44000));
  CHECK(parts[0].leftHold == Millis(0));
}

TEST_CASE("check-ins round-trip with symptoms, tightness and notes") {
  TempDir temp;
  Store store(temp.path());
  CheckinInput input;
  input.pain = 6;
  input.tightness = 4;
  input.symptoms = {Symptom::Numbness, Symptom::Swelling, Symptom::Numbness};
  input.note = "stiff after the drive, \"bad\" day";
  store.addCheckin(input, at("2024-05-01", 20, 0, -4));
  store.addCheckin(checkin(2), at("2024-05-02", 20, 0, -4));
  const auto records = store.checkins({day("2024-05-01"), day("2024-05-02")});
  REQUIRE(records.size() == 2);
  CHECK(records[0].pain == 6);
  CHECK(records[0].tightness == 4);
  CHECK(records[0].symptoms == std::vector<Symptom>{Symptom::Numbness, Symptom::Swelling});
  CHECK(records[0].note == input.note);
  CHECK(records[0].at.offset == std::chrono::hours(-4));
  CHECK_FALSE(records[1].tightness);
}

TEST_CASE("a symptom stays flagged until a later check-in says it has gone") {
  TempDir temp;
  Store store(temp.path());
  CheckinInput first = checkin(4, std::nullopt, {Symptom::Numbness, Symptom::BladderBowel});
  first.moment = CheckinMoment::Before;
  store.addCheckin(first, at("2024-05-01", 9));
  store.addCheckin(checkin(4), at("2024-06-20", 9));  // seven weeks on, says nothing
  auto snap = store.snapshot(at("2024-06-20", 10));
  REQUIRE(snap.symptomFlags().size() == 2);
  CHECK(snap.redFlags[0].symptom == Symptom::BladderBowel);  // urgent first
  CHECK(snap.redFlags[1].symptom == Symptom::Numbness);

  CheckinInput better = checkin(3);
  better.gone = {Symptom::BladderBowel};
  store.addCheckin(better, at("2024-06-21", 9));
  snap = store.snapshot(at("2024-06-21", 10));
  REQUIRE(snap.symptomFlags().size() == 1);
  CHECK(snap.symptomFlags()[0].symptom == Symptom::Numbness);
  CHECK(snap.symptomFlags()[0].date == day("2024-05-01"));

  const auto records = store.checkins({day("2024-05-01"), day("2024-06-21")});
  REQUIRE(records.size() == 3);
  CHECK(records[0].moment == CheckinMoment::Before);
  CHECK(records[2].gone == std::vector<Symptom>{Symptom::BladderBowel});
  CHECK(records[2].moment == CheckinMoment::Any);
}

TEST_CASE("a check-in cannot report a symptom and say it has gone at once") {
  TempDir temp;
  Store store(temp.path());
  CheckinInput both = checkin(3, std::nullopt, {Symptom::Fever});
  both.gone = {Symptom::Fever};
  CHECK(validateCheckin(both) == "fever cannot be both reported and gone");
  CHECK_THROWS_AS(store.addCheckin(both, at("2024-05-01", 9)), StoreError);
  CHECK(store.checkins({day("2024-05-01"), day("2024-05-01")}).empty());
}

TEST_CASE("the pain baseline is the first days with check-ins, read without a plan too") {
  TempDir temp;
  Store store(temp.path());
  for (int d = 1; d <= 9; ++d) {
    const std::string date = "2024-05-0" + std::to_string(d);
    store.addCheckin(checkin(d), at(date.c_str(), 9));
    store.addCheckin(checkin(d + 1), at(date.c_str(), 18));
  }
  const auto days = store.firstPainDays({day("2024-05-02"), day("2024-05-30")}, 7);
  REQUIRE(days.size() == 7);
  CHECK(days[0].date == day("2024-05-02"));
  CHECK(days[0].pain == Approx(2.5));
  CHECK(days[6].date == day("2024-05-08"));
  CHECK(store.firstPainDays({day("2024-05-09"), day("2024-05-01")}, 7).empty());
  // Without a plan the whole record is searched, up to the day before the last 7 days.
  const ProgressInput input = store.progressInput(at("2024-05-12", 12));
  REQUIRE(input.baseline.size() == 5);  // 1 to 5 May; the last 7 days are 6 to 12 May
  CHECK(input.baseline.front().date == day("2024-05-01"));
}

TEST_CASE("check-ins out of range are refused and nothing is written") {
  TempDir temp;
  Store store(temp.path());
  CHECK_THROWS_WITH(store.addCheckin(checkin(11), at("2024-05-01", 12)),
                    Catch::Contains("pain must be 0 to 10"));
  const CheckinInput bad = checkin(3, -1);
  CHECK_THROWS_WITH(store.addCheckin(bad, at("2024-05-01", 12)), Catch::Contains("tightness"));
  CHECK(store.checkins({day("2024-01-01"), day("2025-01-01")}).empty());
}

TEST_CASE("logical dates are fixed at write time and never run backwards") {
  TempDir temp;
  Store store(temp.path());
  store.addCheckin(checkin(3), at("2024-05-02", 3, 10));               // 03:10: the 2nd
  CHECK(store.dateFor(at("2024-05-02", 2, 40)) == day("2024-05-02"));  // clock set back
  store.addCheckin(checkin(4), at("2024-05-02", 2, 40));
  const auto records = store.checkins({day("2024-05-01"), day("2024-05-02")});
  REQUIRE(records.size() == 2);
  CHECK(records[1].date == day("2024-05-02"));
  // A late-night session counts for the day before when nothing later is recorded.
  TempDir fresh;
  Store other(fresh.path());
  CHECK(other.dateFor(at("2024-05-02", 1, 30)) == day("2024-05-01"));
}

TEST_CASE("the plan's day-start hour decides the date of new events") {
  TempDir temp;
  Store store(temp.path());
  PlanSettings settings = defaultPlanSettings();
  settings.dayStartHour = 0;
  store.startPlan(day("2024-05-01"), settings, at("2024-05-01", 12));
  CHECK(store.dateFor(at("2024-05-02", 1, 30)) == day("2024-05-02"));
}

TEST_CASE("a session left open by a dead process is closed as interrupted, phases kept") {
  TempDir temp;
  { Store store(temp.path()); }
  const pid_t child = ::fork();
  if (child == 0) {
    Store store(temp.path());
    const auto id = store.beginSession(stretchSession(), at("2024-05-01", 9));
    store.addPhase(id, holdPhase(1, Side::Right, 45), at("2024-05-01", 9, 1));
    store.addPhase(id, holdPhase(3, Side::Left, 45), at("2024-05-01", 9, 2));
    ::kill(::getpid(), SIGKILL);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  REQUIRE(WIFSIGNALED(status));

  Store store(temp.path());
  CHECK(store.recoveredSessions() == 1);
  const auto sessions = store.sessions({day("2024-05-01"), day("2024-05-01")});
  REQUIRE(sessions.size() == 1);
  CHECK(sessions[0].outcome == SessionOutcome::Interrupted);
  CHECK(sessions[0].phasesDone == 2);
  CHECK(formatIso8601(*sessions[0].ended) == "2024-05-01T09:02:00+00:00");
  RawDb raw(temp.file("unknot.db"));
  CHECK(raw.text("PRAGMA integrity_check") == "ok");
  // The stale lock file is gone and a second open finds nothing more to close.
  CHECK(Store(temp.path()).recoveredSessions() == 0);
  for (const auto& entry : std::filesystem::directory_iterator(temp.path()))
    CHECK(entry.path().extension() != ".lock");
}

TEST_CASE("a session still running in another process is left open") {
  TempDir temp;
  { Store store(temp.path()); }
  int ready[2], release[2];
  REQUIRE(::pipe(ready) == 0);
  REQUIRE(::pipe(release) == 0);
  const pid_t child = ::fork();
  if (child == 0) {
    Store store(temp.path());
    const auto id = store.beginSession(stretchSession(), at("2024-05-01", 9));
    char c = 1;
    (void)!::write(ready[1], &c, 1);
    (void)!::read(release[0], &c, 1);
    store.endSession(id, SessionOutcome::Completed, at("2024-05-01", 9, 5));
    ::_exit(0);
  }
  char c = 0;
  REQUIRE(::read(ready[0], &c, 1) == 1);
  {
    Store store(temp.path());
    CHECK(store.recoveredSessions() == 0);
    CHECK_FALSE(store.sessions({day("2024-05-01"), day("2024-05-01")})[0].outcome);
  }
  (void)!::write(release[1], &c, 1);
  int status = 0;
  ::waitpid(child, &status, 0);
  Store store(temp.path());
  CHECK(store.sessions({day("2024-05-01"), day("2024-05-01")})[0].outcome ==
        SessionOutcome::Completed);
  for (int fd : {ready[0], ready[1], release[0], release[1]}) ::close(fd);
}

TEST_CASE("processes opening a new record at the same moment all get it", "[long]") {
  // A window and a terminal started together on a first day: one creates the tables while the
  // other looks at the file, which must never take a half-made record for another program's.
  int failures = 0;
  std::string firstError;
  constexpr int kProcesses = 4;
  for (int round = 0; round < 100; ++round) {
    TempDir temp;
    int go[2], errors[2];
    REQUIRE(::pipe(go) == 0);
    REQUIRE(::pipe(errors) == 0);
    std::vector<pid_t> children;
    for (int i = 0; i < kProcesses; ++i) {
      const pid_t child = ::fork();
      REQUIRE(child >= 0);
      if (child == 0) {
        ::close(go[1]);
        char c = 0;
        (void)!::read(go[0], &c, 1);
        try {
          Store store(temp.path());
          store.beginSession(stretchSession(), at("2024-05-01", 9));
        } catch (const StoreError& e) {
          const std::string line = std::string(e.what()) + "\n";
          (void)!::write(errors[1], line.data(), line.size());
          ::_exit(1);
        }
        ::_exit(0);
      }
      children.push_back(child);
    }
    ::close(errors[1]);
    ::close(go[1]);  // end of file: every child starts at once
    for (const pid_t child : children) {
      int status = 0;
      ::waitpid(child, &status, 0);
      if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) ++failures;
    }
    char buffer[512];
    const ssize_t n = ::read(errors[0], buffer, sizeof buffer);
    if (n > 0 && firstError.empty()) firstError.assign(buffer, static_cast<size_t>(n));
    for (int fd : {go[0], errors[0]}) ::close(fd);
    CHECK(RawDb(temp.file("unknot.db")).integer("SELECT count(*) FROM sessions") ==
          kProcesses - failures);
    if (failures > 0) break;
  }
  INFO(firstError);
  CHECK(failures == 0);
}

TEST_CASE("a store opened beside a recording one leaves its locks, so no phase is lost") {
  // The window records a session while it checks reminders and reads the Progress view, each
  // with a store of its own, and a terminal command ends meanwhile.
  TempDir temp;
  Store recorder(temp.path());
  const auto session = recorder.beginSession(stretchSession(), at("2024-05-01", 9));
  { Store reminders(temp.path()); }
  // Another process (not a fork of this one, which would share SQLite's view of its locks): as
  // the last connection it knows of, it checkpoints and removes the WAL, unless it sees ours.
  ProcessOptions options;
  options.env = {{"UNKNOT_DATA_DIR", temp.path()}, {"HOME", temp.path()}};
  const auto terminal = runProcess({UNKNOT_BINARY, "checkin", "--pain", "3"}, options);
  INFO(terminal.err);
  REQUIRE(terminal.exitCode == 0);
  recorder.addPhase(session, holdPhase(0, Side::Right, 45), at("2024-05-01", 9, 2));
  RawDb raw(temp.file("unknot.db"));
  CHECK(raw.integer("SELECT count(*) FROM phases") == 1);
  CHECK(raw.integer("SELECT count(*) FROM checkins") == 1);
  CHECK(raw.text("PRAGMA integrity_check") == "ok");
}

TEST_CASE("a file that is not a database is reported and left untouched") {
  TempDir temp;
  const std::string garbage(5000, 'x');
  temp.write("unknot.db", garbage);
  const std::string error = openError(temp.path());
  CHECK_THAT(error, Catch::Contains(temp.file("unknot.db")));
  CHECK_THAT(error, Catch::Contains("not a database"));
  CHECK_THAT(error, Catch::Contains("left as it is"));
  CHECK(slurp(temp.file("unknot.db")) == garbage);
  CHECK_FALSE(std::filesystem::exists(temp.file("unknot.db-wal")));
}

TEST_CASE("a database from a newer unknot is refused and left untouched") {
  TempDir temp;
  { Store store(temp.path()); }
  { RawDb(temp.file("unknot.db")).exec("PRAGMA user_version = 99"); }
  const std::string before = slurp(temp.file("unknot.db"));
  CHECK_THAT(openError(temp.path()), Catch::Contains("newer unknot (schema 99"));
  CHECK(slurp(temp.file("unknot.db")) == before);
}

TEST_CASE("another program's SQLite database is refused") {
  TempDir temp;
  {
    RawDb(temp.file("unknot.db"))
        .exec("CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('mine')");
  }
  CHECK_THAT(openError(temp.path()), Catch::Contains("another program"));
  CHECK(RawDb(temp.file("unknot.db")).text("SELECT x FROM notes") == "mine");
}

TEST_CASE("a data dir that cannot be created gives a clear error") {
  TempDir temp;
  temp.write("file", "not a directory");
  CHECK_THAT(openError(temp.file("file/unknot")),
             Catch::Contains("cannot create the data directory"));
  CHECK_THAT(openError(temp.file("file")), Catch::Contains("is not a directory"));
}

TEST_CASE("a read-only store creates nothing: a missing database reads as an empty record") {
  TempDir temp;
  const std::string dir = temp.file("not/yet");
  Store store(dir, Store::Access::ReadOnly);
  CHECK(store.sessions({day("2024-05-01"), day("2024-05-31")}).empty());
  CHECK_FALSE(store.currentPlan());
  CHECK(store.snapshot(at("2024-05-31", 12)).days.size() == 28);
  CHECK_THROWS_AS(store.addCheckin(checkin(2), at("2024-05-31", 12)), StoreError);
  CHECK_FALSE(std::filesystem::exists(temp.file("not")));
}

TEST_CASE("a read-only store reads a current database and writes not a byte, nor a side file") {
  TempDir temp;
  {
    Store store(temp.path());
    store.addCheckin(checkin(4), at("2024-05-01", 12));
    store.addReminder(8 * 60, "stretch", at("2024-05-01", 12));
  }
  const auto before = folderBytes(temp.path());
  {
    Store store(temp.path(), Store::Access::ReadOnly);
    CHECK(store.checkins({day("2024-05-01"), day("2024-05-01")}).size() == 1);
    CHECK(store.reminders().size() == 1);
    CHECK(store.recoveredSessions() == 0);
    CHECK_THROWS_AS(store.addReminder(9 * 60, "stretch", at("2024-05-01", 13)), StoreError);
    CHECK_THROWS_AS(store.startPlan(day("2024-05-01"), defaultPlanSettings(), at("2024-05-01", 13)),
                    StoreError);
  }
  CHECK(folderBytes(temp.path()) == before);
}

TEST_CASE("a folder or database that cannot be written is told apart from other problems") {
  TempDir temp;
  CHECK(Store::writable(temp.path()));
  CHECK(Store::writable(temp.file("missing/deeper")));
  temp.write("file", "not a directory");
  CHECK(Store::writable(temp.file("file/unknot")));  // the opening reports what is wrong
  { Store store(temp.file("data")); }
  {
    // Root ignores modes, so as root the immutable attribute stands in for them.
    const ReadOnlyFolder readOnly(temp.file("data"), ::geteuid() == 0
                                                         ? ReadOnlyFolder::Way::Immutable
                                                         : ReadOnlyFolder::Way::Modes);
    if (readOnly.active()) {
      CHECK_FALSE(Store::writable(temp.file("data")));
      CHECK_FALSE(Store::writable(temp.file("data/below")));
    } else {
      WARN("this file system has no immutable attribute: skipped");
    }
  }
  CHECK(Store::writable(temp.file("data")));
}

TEST_CASE("starting a plan cuts off the previous one, and editing keeps past days' targets") {
  TempDir temp;
  Store store(temp.path());
  CHECK_FALSE(store.currentPlan());
  const auto first = store.startPlan(day("2024-05-01"), defaultPlanSettings(), at("2024-05-01", 9));
  CHECK(first.end() == day("2024-06-11"));
  PlanSettings harder = defaultPlanSettings();
  harder.targets = {Target{"", {Category::Stretch}, 3, 1}};
  harder.weeks = 4;
  const auto edited = store.editPlan(day("2024-05-10"), harder, at("2024-05-10", 9));
  CHECK(edited.id == first.id);
  REQUIRE(edited.versions.size() == 2);
  CHECK(edited.targetsOn(day("2024-05-09")).size() == 3);  // day 9: strength has begun
  CHECK(edited.targetsOn(day("2024-05-10"))[0].perDay == 3);
  CHECK(edited.end() == day("2024-05-28"));
  // Editing again the same day replaces that day's version.
  harder.targets[0].perDay = 1;
  CHECK(store.editPlan(day("2024-05-10"), harder, at("2024-05-10", 10)).versions.size() == 2);

  const auto second =
      store.startPlan(day("2024-05-20"), defaultPlanSettings(), at("2024-05-20", 9));
  CHECK(second.id != first.id);
  const auto all = store.plans();
  REQUIRE(all.size() == 2);
  CHECK(all[0].end() == day("2024-05-19"));
  CHECK(store.currentPlan()->id == second.id);
}

TEST_CASE("invalid plan settings are refused and nothing is written") {
  TempDir temp;
  Store store(temp.path());
  PlanSettings bad = defaultPlanSettings();
  bad.weeks = 9;
  CHECK_THROWS_WITH(store.startPlan(day("2024-05-01"), bad, at("2024-05-01", 9)),
                    Catch::Contains("2 to 6 weeks"));
  CHECK(store.plans().empty());
  CHECK_THROWS_WITH(store.editPlan(day("2024-05-01"), defaultPlanSettings(), at("2024-05-01", 9)),
                    Catch::Contains("no plan to edit"));
}

TEST_CASE("backup writes a complete, consistent copy and never over the live database") {
  TempDir temp;
  Store store(temp.file("data"));
  store.startPlan(day("2024-05-01"), defaultPlanSettings(), at("2024-05-01", 9));
  const auto id = store.beginSession(stretchSession(), at("2024-05-01", 9));
  store.addPhase(id, holdPhase(1, Side::Right, 45), at("2024-05-01", 9, 1));
  store.addCheckin(checkin(5), at("2024-05-01", 10));
  store.backup(temp.file("copy.db"));
  CHECK(modeOf(temp.file("copy.db")) == 0600);
  {
    RawDb copy(temp.file("copy.db"));
    CHECK(copy.text("PRAGMA integrity_check") == "ok");
    CHECK(copy.integer("SELECT count(*) FROM phases") == 1);
    CHECK(copy.integer("SELECT count(*) FROM checkins") == 1);
    CHECK(copy.integer("SELECT count(*) FROM plans") == 1);
  }
  CHECK_THROWS_WITH(store.backup(temp.file("data/unknot.db")), Catch::Contains("live database"));
  CHECK_THROWS_WITH(store.backup(temp.file("missing/dir/copy.db")),
                    Catch::Contains("cannot write"));
  // Onto a folder: the reason the rename gave, not the errno of the clean-up after it.
  std::filesystem::create_directories(temp.file("folder"));
  CHECK_THROWS_WITH(store.backup(temp.file("folder")),
                    Catch::Contains("cannot write") && !Catch::Contains("Success"));
  // Leftover temporary files would mean a half-written backup could be mistaken for one.
  for (const auto& entry : std::filesystem::directory_iterator(temp.path()))
    CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
}
