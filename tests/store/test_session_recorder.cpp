// The session recorder: what the engine does becomes rows, pauses excluded, failures survived.
#include <catch2/catch.hpp>

#include "core/session_engine.hpp"
#include "store/session_recorder.hpp"
#include "store_test_support.hpp"
#include "support/fake_clock.hpp"
#include "support/read_only_folder.hpp"
#include "support/routine_builder.hpp"

using namespace unknot;
using namespace unknot::testing;

namespace {

// Pigeon pose both sides (right, switch, left) of 40 s holds, after a 5 s prepare.
Plan pigeonPlan() {
  Routine routine = makeRoutine("pigeon-pose", {holdStep("Pigeon pose", 40, Sides::Both)}, 5);
  routine.category = Category::Stretch;
  return *expand(routine, {}).plan;
}

struct Rig {
  TempDir temp;
  std::shared_ptr<Store> store = std::make_shared<Store>(temp.path());
  Plan plan = pigeonPlan();
  FakeClock clock;
  std::vector<std::string> errors;
  LocalInstant wall = at("2024-05-01", 9);
  std::unique_ptr<SessionRecorder> recorder;

  Rig() {
    SessionRecorder::Options options;
    options.now = [this] { return wall; };
    options.onError = [this](const std::string& e) { errors.push_back(e); };
    recorder = std::make_unique<SessionRecorder>(store, plan, options);
  }
  void advance(int seconds) {
    clock.advance(Millis(seconds * 1000LL));
    wall.utc += std::chrono::seconds(seconds);
  }
  std::vector<PhaseRow> phases() {
    std::vector<PhaseRow> rows;
    store->forEachPhase([&](const PhaseRow& row) { rows.push_back(row); });
    return rows;
  }
  SessionSummary session() { return store->sessions({day("2024-05-01"), day("2024-05-01")}).at(0); }
};

}  // namespace

TEST_CASE("a finished session is recorded with every phase and the outcome") {
  Rig rig;
  SessionEngine engine(rig.plan, rig.clock, *rig.recorder);
  engine.start();
  rig.advance(200);
  engine.update();
  REQUIRE(engine.state() == SessionState::Finished);
  const auto rows = rig.phases();
  REQUIRE(rows.size() == rig.plan.phases.size());
  CHECK(rows[1].phase.kind == PhaseKind::Hold);
  CHECK(rows[1].phase.side == Side::Right);
  CHECK(rows[1].phase.actual == Millis(40000));
  CHECK(rows[3].phase.side == Side::Left);
  const auto s = rig.session();
  CHECK(s.outcome == SessionOutcome::Completed);
  CHECK(s.planHash == planHash(rig.plan));
  CHECK(rig.errors.empty());
  const auto parts = rig.store->sessionParts({day("2024-05-01"), day("2024-05-01")});
  REQUIRE(parts.size() == 1);
  CHECK(parts[0].plannedWorkPhases == 2);
  CHECK(parts[0].doneWorkPhases == 2);
  CHECK(parts[0].leftHold == Millis(40000));
}

TEST_CASE("each phase is committed as it completes, before the session ends") {
  Rig rig;
  SessionEngine engine(rig.plan, rig.clock, *rig.recorder);
  engine.start();
  CHECK(rig.session().phasesDone == 0);  // the row exists from the start
  rig.advance(5);
  engine.update();
  CHECK(rig.phases().size() == 1);
  rig.advance(40);
  engine.update();
  CHECK(rig.phases().size() == 2);
  CHECK_FALSE(rig.session().outcome);
}

TEST_CASE("paused time is not counted as time in the phase") {
  Rig rig;
  SessionEngine engine(rig.plan, rig.clock, *rig.recorder);
  engine.start();
  rig.advance(5);
  engine.update();  // into the right-side hold
  rig.advance(10);
  engine.pause();
  rig.advance(300);
  engine.resume();
  rig.advance(30);
  engine.update();
  const auto rows = rig.phases();
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].phase.actual == Millis(40000));
}

TEST_CASE("a skipped phase is recorded as skipped with the time it ran") {
  Rig rig;
  SessionEngine engine(rig.plan, rig.clock, *rig.recorder);
  engine.start();
  rig.advance(5);
  engine.update();
  rig.advance(12);
  engine.skip();
  const auto rows = rig.phases();
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].phase.skipped);
  CHECK(rows[1].phase.actual == Millis(12000));
}

TEST_CASE("stopping records the outcome and leaves out the unfinished phase") {
  Rig rig;
  SessionEngine engine(rig.plan, rig.clock, *rig.recorder);
  engine.start();
  rig.advance(20);
  engine.update();
  engine.stop();
  CHECK(rig.phases().size() == 1);
  CHECK(rig.session().outcome == SessionOutcome::Stopped);
}

TEST_CASE("a recorder dropped mid-session closes it as stopped") {
  Rig rig;
  {
    SessionEngine engine(rig.plan, rig.clock, *rig.recorder);
    engine.start();
    rig.advance(6);
    engine.update();
  }
  rig.recorder.reset();
  CHECK(rig.session().outcome == SessionOutcome::Stopped);
}

TEST_CASE("a failing write is reported once and the timer carries on") {
  Rig rig;
  SessionEngine engine(rig.plan, rig.clock, *rig.recorder);
  engine.start();
  RawDb(rig.temp.file("unknot.db")).exec("DROP TABLE phases");
  rig.advance(200);
  engine.update();
  CHECK(engine.state() == SessionState::Finished);
  REQUIRE(rig.errors.size() == 1);
  CHECK_THAT(rig.errors[0], Catch::Contains("phases"));
  CHECK(rig.recorder->failed());
}

TEST_CASE("a folder turned read-only mid-session is told once and its files are left alone") {
  Rig rig;
  {
    SessionEngine engine(rig.plan, rig.clock, *rig.recorder);
    engine.start();
    rig.advance(5);
    engine.update();
    REQUIRE(rig.phases().size() == 1);
    // Immutable holds for root too; writes through open files then fail, as on a file system
    // the kernel turned read-only.
    const ReadOnlyFolder readOnly(rig.temp.path(), ReadOnlyFolder::Way::Immutable);
    if (!readOnly.active()) {
      WARN("skipped: no immutable attribute here (not root, or a file system without it)");
      return;
    }
    rig.advance(200);
    engine.update();
    CHECK(engine.state() == SessionState::Finished);
    REQUIRE(rig.errors.size() == 1);
    CHECK(rig.errors[0] == rig.temp.path() + " became read-only");
    // Closing used to checkpoint, writing into the -shm file SQLite maps: a SIGBUS here.
    rig.recorder.reset();
    rig.store.reset();
  }
  RawDb raw(rig.temp.file("unknot.db"));
  CHECK(raw.integer("SELECT count(*) FROM phases") == 1);
  CHECK(raw.text("PRAGMA integrity_check") == "ok");
}

TEST_CASE("embedded routines are recorded under their own id and category") {
  Routine roll = makeRoutine("foam-roll-glutes", {holdStep("Roll", 30, Sides::Both)});
  roll.category = Category::FoamRoll;
  Routine mixed = makeRoutine("daily", {holdStep("Breathe", 20), embedStep("foam-roll-glutes")});
  mixed.category = Category::Mixed;
  const Plan plan = *expand(mixed, [&](std::string_view id) -> const Routine* {
                       return id == roll.id ? &roll : nullptr;
                     }).plan;
  const auto start = describeSession(plan, [&](std::string_view id) -> std::optional<Category> {
    if (id == roll.id) return roll.category;
    return std::nullopt;
  });
  REQUIRE(start.parts.size() == 2);
  CHECK(start.parts[0].routineId == "daily");
  CHECK(start.parts[0].category == Category::Mixed);
  CHECK(start.parts[0].workPhases == 1);
  CHECK(start.parts[1].routineId == "foam-roll-glutes");
  CHECK(start.parts[1].category == Category::FoamRoll);
  CHECK(start.parts[1].workPhases == 2);
}
