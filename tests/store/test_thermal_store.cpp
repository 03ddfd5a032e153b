// Heat/ice deadlines in the store: the wall-clock checkpoint round trip, the v3 -> v4
// migration, which open sessions stay resumable after their process died, and a cycle left
// held at a switch and taken over by the next run keeping one record per application.
#include <catch2/catch.hpp>
#include <chrono>

#include "core/thermal/thermal_controller.hpp"
#include "store/schema.hpp"
#include "store/session_recorder.hpp"
#include "store_test_support.hpp"
#include "support/fake_clock.hpp"
#include "support/routine_builder.hpp"

using namespace unknot;
using namespace unknot::testing;

namespace {

std::int64_t nowMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

SessionStart thermalSession() {
  SessionStart start = stretchSession("heat-ice", 4);
  start.routineName = "Heat and ice";
  start.category = Category::Thermal;
  start.parts = {{"heat-ice", Category::Thermal, 4}};
  return start;
}

// Heat 1 min, then ice 1 min.
Plan heatIcePlan() {
  Step heat = holdStep("Heat", 60);
  heat.kind = StepKind::Heat;
  Step ice = holdStep("Ice", 60);
  ice.kind = StepKind::Ice;
  Routine routine = makeRoutine("heat-ice", {heat, ice});
  routine.category = Category::Thermal;
  return *expand(routine, {}).plan;
}

// One run of a heat/ice cycle, recorded in the store at `dir`, on its own clock as after a
// restart of the app.
struct ThermalRunRig {
  ThermalRunRig(const std::string& dir, const Plan& plan)
      : store(std::make_shared<Store>(dir)),
        recorder(store, plan, {}),
        engine(plan, clock, recorder) {}
  void advance(Millis by) {
    clock.advance(by);
    engine.update();
    thermal.update();
  }
  std::shared_ptr<Store> store;
  SessionRecorder recorder;
  FakeClock clock;  // before the engine, which keeps a reference
  SessionEngine engine;
  ThermalController thermal{engine, clock};
};

ThermalCheckpoint runningUntil(std::int64_t deadline, size_t phase = 1) {
  ThermalCheckpoint point;
  point.phaseIndex = phase;
  point.deadlineUtcMs = deadline;
  point.timeScale = 60;
  return point;
}

}  // namespace

TEST_CASE("a thermal checkpoint round-trips through the store in each state") {
  TempDir temp;
  Store store(temp.path());
  const auto id = store.beginSession(thermalSession(), localNow());
  CHECK_FALSE(store.thermalCheckpoint(id));

  store.saveThermal(id, runningUntil(1'700'000'123'456), nowMs());
  auto back = store.thermalCheckpoint(id);
  REQUIRE(back);
  CHECK(back->state == ThermalState::Running);
  CHECK(back->phaseIndex == 1);
  CHECK(back->deadlineUtcMs == 1'700'000'123'456);
  CHECK(back->timeScale == 60);

  ThermalCheckpoint paused;
  paused.phaseIndex = 3;
  paused.state = ThermalState::Paused;
  paused.remaining = Millis(123'000);
  store.saveThermal(id, paused, nowMs());  // replaces, one row per session
  back = store.thermalCheckpoint(id);
  CHECK(back->state == ThermalState::Paused);
  CHECK(back->remaining == Millis(123'000));
  CHECK(back->deadlineUtcMs == 0);

  ThermalCheckpoint held;
  held.phaseIndex = 3;
  held.state = ThermalState::Held;
  held.heldSinceUtcMs = 1'700'000'000'000;
  store.saveThermal(id, held, nowMs());
  back = store.thermalCheckpoint(id);
  CHECK(back->state == ThermalState::Held);
  CHECK(back->heldSinceUtcMs == 1'700'000'000'000);
  RawDb raw(temp.file("unknot.db"));
  CHECK(raw.integer("SELECT count(*) FROM thermal_deadlines") == 1);

  store.endSession(id, SessionOutcome::Completed, localNow());
  CHECK_FALSE(store.thermalCheckpoint(id));  // an ended session leaves nothing to resume
}

TEST_CASE("a schema 3 database is migrated to the latest with its records kept") {
  TempDir temp;
  {
    RawDb raw(temp.file("unknot.db"));
    for (int v = 0; v < 3; ++v) raw.exec(std::string(migrations()[static_cast<size_t>(v)]));
    raw.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    raw.exec("PRAGMA user_version = 3");
    raw.exec(R"sql(
      INSERT INTO sessions VALUES (1, 'heat-ice', 'Heat and ice', 'thermal', 'aaaa', 3150000, 8,
        'terminal', NULL, 1714546800000, 7200, '2024-05-01', 1714550000000, 7200, 'completed');
      INSERT INTO reminders VALUES (1, 480, 'stretch', 1714546000000);
    )sql");
  }
  Store store(temp.path());
  CHECK(store.schemaVersion() == latestSchemaVersion());
  RawDb raw(temp.file("unknot.db"));
  CHECK(raw.integer("SELECT count(*) FROM sqlite_schema WHERE name = 'thermal_deadlines'") == 1);
  CHECK(raw.integer("SELECT count(*) FROM sessions WHERE outcome = 'completed'") == 1);
  CHECK(store.reminders().size() == 1);
  const auto id = store.beginSession(thermalSession(), localNow());
  store.saveThermal(id, runningUntil(nowMs() + 60'000), nowMs());
  CHECK(store.thermalCheckpoint(id));
}

TEST_CASE("a thermal session whose process died stays open and resumable, others close") {
  TempDir temp;
  std::int64_t thermal = 0;
  const std::int64_t deadline = nowMs() + 5 * 60'000;
  {
    Store first(temp.path());
    thermal = first.beginSession(thermalSession(), localNow());
    first.saveThermal(thermal, runningUntil(deadline), nowMs());
    first.beginSession(stretchSession(), localNow());
    // A second store (another process) must not take over a session still running.
    Store other(temp.path());
    CHECK_FALSE(other.resumableThermal("heat-ice", nowMs()));
    CHECK_THROWS_AS(other.adoptSession(thermal), StoreError);
  }  // the first process dies: its locks go
  Store second(temp.path());
  CHECK(second.recoveredSessions() == 1);  // only the stretch session
  const auto found = second.resumableThermal("heat-ice", nowMs());
  REQUIRE(found);
  CHECK(found->sessionId == thermal);
  CHECK(found->planHash == "0123456789abcdef");
  CHECK(found->checkpoint.deadlineUtcMs == deadline);
  CHECK_FALSE(second.resumableThermal("pigeon-pose", nowMs()));

  second.adoptSession(thermal);
  Store third(temp.path());
  CHECK_FALSE(third.resumableThermal("heat-ice", nowMs()));  // taken over again
  CHECK(third.recoveredSessions() == 0);
}

TEST_CASE("a thermal session left far past its switch is closed as interrupted") {
  TempDir temp;
  {
    Store first(temp.path());
    const auto id = first.beginSession(thermalSession(), localNow());
    first.saveThermal(id, runningUntil(nowMs() - 3 * 3600'000), nowMs() - 3 * 3600'000);
  }
  Store second(temp.path());
  CHECK(second.recoveredSessions() == 1);
  CHECK_FALSE(second.resumableThermal("heat-ice", nowMs()));
  RawDb raw(temp.file("unknot.db"));
  CHECK(raw.integer("SELECT count(*) FROM thermal_deadlines") == 0);
}

TEST_CASE("a cycle left held at a switch and resumed records each application once") {
  TempDir temp;
  const Plan plan = heatIcePlan();
  const std::int64_t due = nowMs();
  {
    ThermalRunRig first(temp.path(), plan);
    first.engine.start();
    first.advance(Millis(60'000));
    REQUIRE(first.thermal.hold());
    first.recorder.saveThermal(first.thermal.checkpoint(due, 1.0), due);
    first.recorder.leaveOpen();  // the app closed at "Heat is done"
  }
  ThermalRunRig second(temp.path(), plan);
  const std::int64_t back = due + 40'000;  // opened again 40 s later
  const auto stored = second.recorder.findResumable(back);
  REQUIRE(stored);
  REQUIRE(second.recorder.adopt(stored->sessionId));
  second.thermal.resume(resumePoint(plan, stored->checkpoint, back, 1.0));
  second.advance(Millis(0));
  REQUIRE(second.thermal.hold());
  second.thermal.acknowledge();
  second.advance(Millis(60'000));
  REQUIRE(second.thermal.hold());
  second.thermal.acknowledge();
  REQUIRE(second.engine.state() == SessionState::Finished);

  RawDb raw(temp.file("unknot.db"));
  CHECK(raw.integer("SELECT count(*) FROM sessions") == 1);
  CHECK(raw.text("SELECT outcome FROM sessions") == "completed");
  CHECK(raw.integer("SELECT count(*) FROM phases WHERE kind = 'heat'") == 1);
  CHECK(raw.integer("SELECT count(*) FROM phases WHERE kind = 'ice'") == 1);
  CHECK(raw.integer("SELECT sum(actual_ms) FROM phases") == 120'000);
}
