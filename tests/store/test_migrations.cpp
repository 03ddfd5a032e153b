// Migrations: from an empty file and from the previous schema, keeping every record.
#include <catch2/catch.hpp>

#include "store/schema.hpp"
#include "store_test_support.hpp"
#include "support/read_only_folder.hpp"

using namespace unknot;
using namespace unknot::testing;

namespace {

// A database exactly as schema 1 left it, with a finished stretch session of 4 hold phases
// (one skipped) and a stopped mixed session.
void makeVersion1(const std::string& path) {
  RawDb raw(path);
  raw.exec(std::string(migrations()[0]));
  raw.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
  raw.exec("PRAGMA user_version = 1");
  raw.exec(R"sql(
    INSERT INTO sessions VALUES (1, 'pigeon-pose', 'Pigeon pose', 'stretch', 'aaaa', 200000, 5,
      'terminal', NULL, 1714546800000, 7200, '2024-05-01', 1714547000000, 7200, 'completed');
    INSERT INTO phases (session_id, phase_index, kind, label, routine_id, category, side,
      planned_ms, actual_ms, skipped, ended_utc_ms, ended_offset_s, logical_date) VALUES
      (1, 0, 'prepare', 'Get ready', 'pigeon-pose', 'stretch', '', 5000, 5000, 0, 1714546805000, 7200, '2024-05-01'),
      (1, 1, 'hold', 'Pigeon pose', 'pigeon-pose', 'stretch', 'right', 45000, 45000, 0, 1714546850000, 7200, '2024-05-01'),
      (1, 3, 'hold', 'Pigeon pose', 'pigeon-pose', 'stretch', 'left', 45000, 45000, 0, 1714546900000, 7200, '2024-05-01'),
      (1, 4, 'hold', 'Pigeon pose', 'pigeon-pose', 'stretch', 'right', 45000, 45000, 0, 1714546950000, 7200, '2024-05-01'),
      (1, 6, 'hold', 'Pigeon pose', 'pigeon-pose', 'stretch', 'left', 45000, 2000, 1, 1714546952000, 7200, '2024-05-01');
    INSERT INTO sessions VALUES (2, 'daily-recovery', 'Daily recovery', 'mixed', 'bbbb', 900000, 30,
      'terminal', NULL, 1714633200000, 7200, '2024-05-02', 1714633300000, 7200, 'stopped');
    INSERT INTO phases (session_id, phase_index, kind, label, routine_id, category, side,
      planned_ms, actual_ms, skipped, ended_utc_ms, ended_offset_s, logical_date) VALUES
      (2, 1, 'hold', 'Foam roll', 'foam-roll-glutes', 'foam-roll', 'right', 60000, 60000, 0, 1714633260000, 7200, '2024-05-02');
    INSERT INTO checkins (at_utc_ms, at_offset_s, logical_date, pain, tightness, note)
      VALUES (1714547000000, 7200, '2024-05-01', 5, 4, 'before the change');
    INSERT INTO plans VALUES (1, '2024-05-01', 1714546000000, NULL);
    INSERT INTO plan_versions VALUES (1, 1, '2024-05-01', 6, 1, 3, 1714546000000);
    INSERT INTO plan_targets VALUES (1, 0, 'stretch=1'), (1, 1, 'foam-roll+massage=1');
  )sql");
}

}  // namespace

TEST_CASE("an empty file is migrated to the latest schema") {
  TempDir temp;
  temp.write("unknot.db", "");
  Store store(temp.path());
  CHECK(store.schemaVersion() == latestSchemaVersion());
  RawDb raw(temp.file("unknot.db"));
  CHECK(raw.integer("SELECT count(*) FROM sqlite_schema WHERE name = 'session_parts'") == 1);
}

TEST_CASE("a schema 1 database is upgraded with every record kept and parts backfilled") {
  TempDir temp;
  makeVersion1(temp.file("unknot.db"));
  Store store(temp.path());
  CHECK(store.schemaVersion() == latestSchemaVersion());
  const DateRange range{day("2024-05-01"), day("2024-05-02")};
  const auto sessions = store.sessions(range);
  REQUIRE(sessions.size() == 2);
  CHECK(sessions[0].phasesDone == 4);
  CHECK(sessions[0].phasesSkipped == 1);
  CHECK(store.checkins(range).size() == 1);
  CHECK(store.currentPlan()->targetsOn(day("2024-05-01")).size() == 2);

  const auto parts = store.sessionParts(range);
  REQUIRE(parts.size() == 2);
  CHECK(parts[0].routineId == "pigeon-pose");
  CHECK(parts[0].plannedWorkPhases == 4);  // the recorded hold phases; prepare is not work
  CHECK(parts[0].doneWorkPhases == 3);
  CHECK(parts[0].counts());
  CHECK(parts[1].routineId == "foam-roll-glutes");
  CHECK(parts[1].category == Category::FoamRoll);

  // The old records feed the stats like new ones: day 1 stretch, day 2 foam roll.
  const auto snap = store.snapshot(at("2024-05-02", 20, 0, 2));
  CHECK(snap.days[0].completion == Approx(0.5));
  CHECK(snap.days[1].completion == Approx(0.5));
  RawDb raw(temp.file("unknot.db"));
  CHECK(raw.text("PRAGMA integrity_check") == "ok");
  CHECK(raw.text("PRAGMA foreign_key_check") == "");
}

TEST_CASE("opening a current database again changes nothing") {
  TempDir temp;
  {
    Store store(temp.path());
    store.addCheckin(checkin(3), at("2024-05-01", 12));
  }
  Store again(temp.path());
  CHECK(again.schemaVersion() == latestSchemaVersion());
  CHECK(again.checkins({day("2024-05-01"), day("2024-05-01")}).size() == 1);
}

TEST_CASE("a schema 1 database opened read-only is upgraded in memory and left as it is") {
  TempDir temp;
  makeVersion1(temp.file("unknot.db"));
  const auto before = folderBytes(temp.path());
  {
    Store store(temp.path(), Store::Access::ReadOnly);
    CHECK(store.readOnly());
    CHECK(store.schemaVersion() == latestSchemaVersion());
    const DateRange range{day("2024-05-01"), day("2024-05-02")};
    CHECK(store.sessions(range).size() == 2);
    CHECK(store.sessionParts(range).size() == 2);  // backfilled in the copy
    CHECK(store.checkins(range).size() == 1);
    CHECK(store.reminders().empty());  // a table schema 1 did not have
    CHECK_THROWS_AS(store.addCheckin(checkin(2), at("2024-05-03", 12)), StoreError);
  }
  CHECK(folderBytes(temp.path()) == before);
  CHECK(RawDb(temp.file("unknot.db")).integer("PRAGMA user_version") == 1);
}

TEST_CASE("a schema 4 database gains gone marks, and its old symptoms are flagged until gone") {
  TempDir temp;
  {
    RawDb raw(temp.file("unknot.db"));
    for (int v = 0; v < 4; ++v) raw.exec(std::string(migrations()[static_cast<size_t>(v)]));
    raw.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    raw.exec("PRAGMA user_version = 4");
    raw.exec(R"sql(
      INSERT INTO checkins (id, at_utc_ms, at_offset_s, logical_date, pain, moment)
        VALUES (1, 1714546800000, 7200, '2024-05-01', 5, 'before');
      INSERT INTO checkin_symptoms VALUES (1, 'radiating');
    )sql");
  }
  Store store(temp.path());
  CHECK(store.schemaVersion() == latestSchemaVersion());
  // Months later it is still up: under schema 4 it would have gone quietly after 14 days.
  auto snap = store.snapshot(at("2024-09-01", 12));
  REQUIRE(snap.redFlags.size() == 1);
  CHECK(snap.redFlags[0].symptom == Symptom::Radiating);
  CHECK(store.checkins({day("2024-05-01"), day("2024-05-01")})[0].moment == CheckinMoment::Before);
  CheckinInput gone = checkin(2);
  gone.gone = {Symptom::Radiating};
  store.addCheckin(gone, at("2024-09-01", 13));
  CHECK(store.snapshot(at("2024-09-01", 14)).redFlags.empty());
}

TEST_CASE("every earlier schema version upgrades to the latest with its records kept") {
  for (int version = 1; version < latestSchemaVersion(); ++version) {
    CAPTURE(version);
    TempDir temp;
    {
      RawDb raw(temp.file("unknot.db"));
      for (int v = 0; v < version; ++v) raw.exec(std::string(migrations()[static_cast<size_t>(v)]));
      raw.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
      raw.exec("PRAGMA user_version = " + std::to_string(version));
      raw.exec(R"sql(
        INSERT INTO sessions (id, routine_id, routine_name, category, plan_hash, planned_ms,
          phase_count, runner, lock_token, started_utc_ms, started_offset_s, logical_date,
          ended_utc_ms, ended_offset_s, outcome) VALUES (1, 'pigeon-pose', 'Pigeon pose',
          'stretch', 'aaaa', 200000, 5, 'terminal', NULL, 1714546800000, 7200, '2024-05-01',
          1714547000000, 7200, 'completed');
        INSERT INTO phases (session_id, phase_index, kind, label, routine_id, category, side,
          planned_ms, actual_ms, skipped, ended_utc_ms, ended_offset_s, logical_date) VALUES
          (1, 1, 'hold', 'Pigeon pose', 'pigeon-pose', 'stretch', 'right', 45000, 45000, 0,
           1714546850000, 7200, '2024-05-01');
        INSERT INTO plans (id, start_date, created_utc_ms, cut_off_date)
          VALUES (1, '2024-05-01', 1714546000000, NULL);
        INSERT INTO plan_versions (id, plan_id, effective_from, weeks, rest_days_per_week,
          day_start_hour, created_utc_ms) VALUES (1, 1, '2024-05-01', 6, 1, 3, 1714546000000);
        INSERT INTO plan_targets VALUES (1, 0, 'stretch=1');
      )sql");
    }
    Store store(temp.path());
    CHECK(store.schemaVersion() == latestSchemaVersion());
    const DateRange range{day("2024-05-01"), day("2024-05-02")};
    const auto sessions = store.sessions(range);
    REQUIRE(sessions.size() == 1);
    CHECK_FALSE(sessions[0].level);  // recorded before levels: the routine as written
    CHECK_FALSE(sessions[0].soreSide);
    const auto plan = store.currentPlan();
    REQUIRE(plan);
    CHECK(plan->current().soreSide == Side::None);
    CHECK(plan->current().extraSoreHolds == 1);
    CHECK(store.levelOverrides(plan->id).empty());
    CHECK(store.flareDays(range).empty());
    const auto holds = store.holdRecords(range);
    REQUIRE(holds.size() == 1);
    CHECK(holds[0].muscles.empty());
    const auto snap = store.snapshot(at("2024-05-02", 12, 0, 2));
    CHECK(snap.dose.level == Level::Gentle);
    CHECK(snap.balanceWindow.total.right == Millis(45000));
    RawDb raw(temp.file("unknot.db"));
    CHECK(raw.text("PRAGMA integrity_check") == "ok");
    CHECK(raw.text("PRAGMA foreign_key_check") == "");
    // Schema 7: what was recorded before gets its stable id and this database's device.
    for (const char* table : {"sessions", "plans"}) {
      CHECK(raw.text(std::string("SELECT count(*) FROM ") + table +
                     " WHERE length(uuid) != 32 OR device != (SELECT id FROM device)") == "0");
    }
  }
}

TEST_CASE("schema 6 keeps the sore side, levels set by hand, flare days and each phase's muscles") {
  TempDir temp;
  Store store(temp.path());
  PlanSettings settings = defaultPlanSettings();
  settings.soreSide = Side::Right;
  settings.extraSoreHolds = 2;
  const RecoveryPlan plan = store.startPlan(day("2024-05-01"), settings, at("2024-05-01", 9));
  CHECK(plan.current().soreSide == Side::Right);
  CHECK(plan.current().extraSoreHolds == 2);
  store.setLevelOverride(Level::Strong, day("2024-05-03"), at("2024-05-03", 9));
  store.setLevelOverride(std::nullopt, day("2024-05-05"), at("2024-05-05", 9));
  const auto overrides = store.levelOverrides(plan.id);
  REQUIRE(overrides.size() == 2);
  CHECK(overrides[0].level == Level::Strong);
  CHECK_FALSE(overrides[1].level);
  store.markFlare(day("2024-05-04"), "first", at("2024-05-04", 9));
  store.markFlare(day("2024-05-04"), "sat all day", at("2024-05-04", 10));
  const auto flares = store.flareDays({day("2024-05-01"), day("2024-05-10")});
  REQUIRE(flares.size() == 1);
  CHECK(flares[0].note == "sat all day");
  CHECK_THROWS_AS(store.markFlare(day("2024-05-05"), "bad\x1b[2J", at("2024-05-05", 9)),
                  StoreError);

  SessionStart start = stretchSession();
  start.level = Level::Strong;
  start.soreSide = Side::Right;
  const auto id = store.beginSession(start, at("2024-05-03", 10));
  PhaseRecord hold = holdPhase(1, Side::Right, 60);
  hold.muscles = {"piriformis", "gluteus-medius"};
  store.addPhase(id, hold, at("2024-05-03", 10, 1));
  store.endSession(id, SessionOutcome::Completed, at("2024-05-03", 10, 2));
  const auto sessions = store.sessions({day("2024-05-03"), day("2024-05-03")});
  REQUIRE(sessions.size() == 1);
  CHECK(sessions[0].level == Level::Strong);
  CHECK(sessions[0].soreSide == Side::Right);
  const auto holds = store.holdRecords({day("2024-05-03"), day("2024-05-03")});
  REQUIRE(holds.size() == 1);
  CHECK(holds[0].muscles == std::vector<std::string>{"piriformis", "gluteus-medius"});
  const auto snap = store.snapshot(at("2024-05-04", 12));
  CHECK(snap.dose.level == Level::Strong);
  CHECK(snap.dose.soreSide == Side::Right);
  CHECK(snap.days[3].state == DayState::Flare);
}
