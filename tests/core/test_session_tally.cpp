// The finish screen's figures, counted from a real engine's cues on a fake clock: counts that
// add up to the phase count, the time really spent, and words that fit the run.
#include <catch2/catch.hpp>

#include "core/session_engine.hpp"
#include "core/session_tally.hpp"
#include "support/fake_clock.hpp"
#include "support/routine_builder.hpp"

using namespace unknot;
using namespace unknot::testing;
using namespace std::chrono_literals;

namespace {

// prepare 5 s, right 30 s, switch 5 s, left 30 s
Plan sidedPlan() {
  auto result = expand(makeRoutine("pigeon", {holdStep("Pigeon", 30, Sides::Both)}, 5),
                       [](std::string_view) -> const Routine* { return nullptr; });
  REQUIRE(result.plan);
  return *result.plan;
}

struct Run {
  Plan plan = sidedPlan();
  FakeClock clock;
  TallyCounter counter{plan};
  SessionEngine engine{plan, clock, counter};
  void advance(Millis by) {
    clock.advance(by);
    engine.update();
  }
  int total(const SessionTally& t) const { return t.done + t.skipped + t.notReached; }
};

}  // namespace

TEST_CASE("a mostly skipped run counts each phase once, shows its real time and is not well done") {
  Run run;
  run.engine.start();
  run.advance(2s);
  run.engine.pause();
  run.advance(1s);  // paused time is not active time
  run.engine.resume();
  run.engine.pause();
  run.engine.resume();
  run.engine.skip();  // prepare, after 2 s of it
  run.engine.skip();  // right
  run.engine.back();  // straight back to the right side
  run.advance(5s);
  for (int i = 0; i < 6 && run.engine.state() != SessionState::Finished; ++i) run.engine.skip();
  REQUIRE(run.engine.state() == SessionState::Finished);

  const SessionTally tally = run.counter.tally();
  CHECK(run.total(tally) == 4);
  CHECK(tally.done == 0);
  CHECK(tally.skipped == 4);
  CHECK(tally.pauses == 2);
  CHECK(tally.active == 7s);  // 2 s of prepare and 5 s of the right side
  CHECK(tally.doneShare == 0.0);
  CHECK(verdictOf(tally, true) == RunVerdict::MostlySkipped);
  CHECK(std::string(headlineOf(verdictOf(tally, true))) == "Mostly skipped");
}

TEST_CASE("a run done in full is well done with the planned time") {
  Run run;
  run.engine.start();
  run.advance(70s);
  REQUIRE(run.engine.state() == SessionState::Finished);
  const SessionTally tally = run.counter.tally();
  CHECK(tally.done == 4);
  CHECK(tally.skipped == 0);
  CHECK(tally.notReached == 0);
  CHECK(tally.active == 70s);
  CHECK(tally.doneShare == 1.0);
  CHECK(verdictOf(tally, true) == RunVerdict::WellDone);
}

TEST_CASE("skipping only the short switch still counts as well done") {
  Run run;
  run.engine.start();
  run.advance(35s);  // prepare and the right side run out
  REQUIRE(run.engine.snapshot().phaseIndex == 2);
  run.engine.skip();
  run.advance(30s);
  REQUIRE(run.engine.state() == SessionState::Finished);
  const SessionTally tally = run.counter.tally();
  CHECK(tally.done == 3);
  CHECK(tally.skipped == 1);
  CHECK(tally.doneShare == Approx(65.0 / 70.0));
  CHECK(verdictOf(tally, true) == RunVerdict::WellDone);
}

TEST_CASE("half the run skipped is finished with some skipped") {
  Run run;
  run.engine.start();
  run.advance(35s);
  run.engine.skip();  // switch
  run.engine.skip();  // left
  REQUIRE(run.engine.state() == SessionState::Finished);
  CHECK(verdictOf(run.counter.tally(), true) == RunVerdict::PartlyDone);
}

TEST_CASE("a stopped run counts what it never reached") {
  Run run;
  run.engine.start();
  run.advance(10s);
  run.engine.stop();
  const SessionTally tally = run.counter.tally();
  CHECK(tally.done == 1);
  CHECK(tally.notReached == 3);  // the right side was under way, not finished
  CHECK(tally.active == 5s);     // the unfinished phase is left out, as the record does
  CHECK(verdictOf(tally, false) == RunVerdict::Stopped);
}

TEST_CASE("a restart counts the run afresh") {
  Run run;
  run.engine.start();
  run.engine.skip();
  run.engine.restart();
  run.counter.reset();
  run.advance(70s);
  const SessionTally tally = run.counter.tally();
  CHECK(tally.skipped == 0);
  CHECK(tally.done == 4);
  CHECK(run.counter.phaseStarts() == 6);  // prepare, right, prepare again, then all four
}
