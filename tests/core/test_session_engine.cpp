#include <catch2/catch.hpp>

#include "core/session_engine.hpp"
#include "support/fake_clock.hpp"
#include "support/recording_sink.hpp"
#include "support/routine_builder.hpp"

using namespace unknot;
using namespace unknot::testing;
using namespace std::chrono_literals;

namespace {

Plan planOf(const Routine& routine) {
  auto result = expand(routine, [](std::string_view) -> const Routine* { return nullptr; });
  REQUIRE(result.plan);
  return *result.plan;
}

// prepare 5 s, right 30 s, switch 5 s, left 30 s
Plan pigeonPlan() {
  return planOf(makeRoutine("pigeon", {holdStep("Pigeon", 30, Sides::Both)}, 5));
}

struct Rig {
  explicit Rig(Plan p) : plan(std::move(p)), engine(plan, clock, sink) {}
  Millis t0() const { return Millis(1'000'000); }
  void advance(Millis by) {
    clock.advance(by);
    engine.update();
  }
  Plan plan;
  FakeClock clock;
  RecordingCueSink sink;
  SessionEngine engine;
};

}  // namespace

TEST_CASE("starting emits the first phase at the current instant") {
  Rig rig(pigeonPlan());
  rig.engine.start();
  REQUIRE(rig.sink.events.size() == 1);
  CHECK(rig.sink.events[0].type == CueType::PhaseStarted);
  CHECK(rig.sink.events[0].at == rig.t0());
  CHECK(rig.engine.snapshot().phaseRemaining == Millis(5s));
}

TEST_CASE("phases follow each other at their exact offsets") {
  Rig rig(pigeonPlan());
  rig.engine.start();
  rig.advance(200s);  // one late wake-up delivers everything, each at its due instant
  auto starts = rig.sink.of(CueType::PhaseStarted);
  REQUIRE(starts.size() == 4);
  CHECK(starts[1].at == rig.t0() + 5s);
  CHECK(starts[2].at == rig.t0() + 35s);
  CHECK(starts[3].at == rig.t0() + 40s);
  CHECK(rig.sink.of(CueType::Finished).at(0).at == rig.t0() + 70s);
  CHECK(rig.engine.state() == SessionState::Finished);
  CHECK(rig.engine.snapshot().progress == 1.0);
}

TEST_CASE("countdown pips come 3, 2, 1 seconds before the phase ends") {
  Rig rig(pigeonPlan());
  rig.engine.start();
  rig.advance(6s);
  rig.sink.clear();
  rig.advance(29s);  // to the end of the right side
  auto pips = rig.sink.of(CueType::CountdownPip);
  REQUIRE(pips.size() == 3);
  CHECK(pips[0].value == 3);
  CHECK(pips[0].at == rig.t0() + 32s);
  CHECK(pips[2].value == 1);
  CHECK(pips[2].at == rig.t0() + 34s);
}

TEST_CASE("halfway fires at half the phase time") {
  Rig rig(pigeonPlan());
  rig.engine.start();
  rig.advance(19s);
  REQUIRE(rig.sink.of(CueType::Halfway).empty());
  rig.advance(1s);
  auto halfway = rig.sink.of(CueType::Halfway);
  REQUIRE(halfway.size() == 1);
  CHECK(halfway[0].at == rig.t0() + 20s);
  CHECK(halfway[0].phaseIndex == 1);
}

TEST_CASE("a switch phase announces the side switch") {
  Rig rig(pigeonPlan());
  rig.engine.start();
  rig.advance(36s);
  auto switches = rig.sink.of(CueType::SideSwitch);
  REQUIRE(switches.size() == 1);
  CHECK(switches[0].at == rig.t0() + 35s);
  CHECK(rig.engine.nextPhase()->side == Side::Left);
}

TEST_CASE("pause freezes the countdown and resume shifts every deadline") {
  Rig rig(pigeonPlan());
  rig.engine.start();
  rig.advance(10s);  // 5 s into the right side
  rig.engine.pause();
  rig.advance(100s);
  CHECK(rig.engine.snapshot().phaseRemaining == Millis(25s));
  CHECK(rig.engine.untilNextChange() == std::nullopt);
  rig.engine.resume();
  rig.advance(24s);
  CHECK(rig.engine.currentPhase()->side == Side::Right);
  rig.advance(1s);
  CHECK(rig.engine.currentPhase()->kind == PhaseKind::Switch);
  CHECK(rig.sink.of(CueType::PhaseStarted).back().at == rig.t0() + 135s);
  CHECK(rig.sink.of(CueType::Paused).size() == 1);
  CHECK(rig.sink.of(CueType::Resumed).size() == 1);
}

TEST_CASE("skip during a hold moves to the next phase") {
  Rig rig(pigeonPlan());
  rig.engine.start();
  rig.advance(8s);
  rig.engine.skip();
  CHECK(rig.engine.currentPhase()->kind == PhaseKind::Switch);
  CHECK(rig.sink.of(CueType::PhaseEnded).back().value == 1);
  CHECK(rig.engine.snapshot().phaseRemaining == Millis(5s));
}

TEST_CASE("skip while paused stays paused on the next phase") {
  Rig rig(pigeonPlan());
  rig.engine.start();
  rig.engine.pause();
  rig.engine.skip();
  CHECK(rig.engine.state() == SessionState::Paused);
  CHECK(rig.engine.snapshot().phaseIndex == 1);
  CHECK(rig.engine.snapshot().phaseRemaining == Millis(30s));
  rig.advance(60s);
  CHECK(rig.engine.snapshot().phaseRemaining == Millis(30s));
}

TEST_CASE("back restarts the current phase, or goes to the previous one early on") {
  Rig rig(pigeonPlan());
  rig.engine.start();
  rig.advance(15s);  // 10 s into the right side
  rig.engine.back();
  CHECK(rig.engine.snapshot().phaseIndex == 1);
  CHECK(rig.engine.snapshot().phaseRemaining == Millis(30s));
  rig.advance(1s);
  rig.engine.back();
  CHECK(rig.engine.snapshot().phaseIndex == 0);
  CHECK(rig.engine.snapshot().phaseRemaining == Millis(5s));
}

TEST_CASE("restart goes back to the first phase from anywhere, even after finishing") {
  Rig rig(pigeonPlan());
  rig.engine.start();
  rig.advance(100s);
  REQUIRE(rig.engine.state() == SessionState::Finished);
  rig.engine.restart();
  CHECK(rig.engine.state() == SessionState::Running);
  CHECK(rig.engine.snapshot().phaseIndex == 0);
  CHECK(rig.engine.snapshot().phaseRemaining == Millis(5s));
}

TEST_CASE("a manual phase waits for done") {
  Step manual;
  manual.name = "Find the tender spot";
  manual.kind = StepKind::Manual;
  Rig rig(planOf(makeRoutine("m", {manual, holdStep("Press", 30)})));
  rig.engine.start();
  CHECK(rig.engine.untilNextChange() == std::nullopt);
  rig.advance(10min);
  CHECK(rig.engine.snapshot().phaseIndex == 0);
  CHECK_FALSE(rig.engine.snapshot().phaseRemaining.has_value());
  rig.engine.done();
  CHECK(rig.engine.snapshot().phaseIndex == 1);
  CHECK(rig.sink.of(CueType::PhaseEnded).back().value == 0);
  CHECK(rig.engine.untilNextChange() == Millis(15s));  // the halfway cue comes first
}

TEST_CASE("a manual phase with a cap moves on by itself") {
  Step manual;
  manual.name = "Find the tender spot";
  manual.kind = StepKind::Manual;
  manual.duration = Millis(60s);
  Rig rig(planOf(makeRoutine("m", {manual, holdStep("Press", 30)})));
  rig.engine.start();
  rig.advance(60s);
  CHECK(rig.engine.snapshot().phaseIndex == 1);
}

TEST_CASE("timed reps tick once per rep after the first") {
  Step reps;
  reps.name = "Bridge";
  reps.kind = StepKind::Reps;
  reps.reps = 4;
  reps.repTime = Millis(3s);
  reps.countdown = 0;
  Rig rig(planOf(makeRoutine("b", {reps})));
  rig.engine.start();
  rig.advance(4s);
  CHECK(rig.engine.snapshot().currentRep == 2);
  rig.advance(10s);
  auto ticks = rig.sink.of(CueType::RepTick);
  REQUIRE(ticks.size() == 3);
  CHECK(ticks[0].value == 2);
  CHECK(ticks[2].at == rig.t0() + 9s);
}

TEST_CASE("a new round is announced when its first phase starts") {
  auto routine = makeRoutine("r", {holdStep("A", 10)});
  routine.rounds = 2;
  routine.restBetweenRounds = Millis(5s);
  Rig rig(planOf(routine));
  rig.engine.start();
  rig.advance(30s);
  auto rounds = rig.sink.of(CueType::RoundStarted);
  REQUIRE(rounds.size() == 1);
  CHECK(rounds[0].value == 2);
  CHECK(rounds[0].at == rig.t0() + 15s);
}

TEST_CASE("untilNextChange tells the runner how long it may sleep") {
  Rig rig(pigeonPlan());
  CHECK(rig.engine.untilNextChange() == std::nullopt);
  rig.engine.start();
  CHECK(rig.engine.untilNextChange() == Millis(2s));  // the prepare phase's first pip
  rig.advance(5s);
  CHECK(rig.engine.untilNextChange() == Millis(15s));  // halfway of the right side
}

TEST_CASE("stop ends the session and reports it once") {
  Rig rig(pigeonPlan());
  rig.engine.start();
  rig.advance(3s);
  rig.engine.stop();
  rig.engine.stop();
  CHECK(rig.engine.state() == SessionState::Stopped);
  CHECK(rig.sink.of(CueType::Stopped).size() == 1);
  rig.advance(100s);
  CHECK(rig.sink.of(CueType::Finished).empty());
}

TEST_CASE("a 6-hour routine ends on the exact millisecond despite irregular wake-ups") {
  std::vector<Step> steps;
  for (int i = 0; i < 60; ++i)
    steps.push_back(holdStep("Hold " + std::to_string(i), 359, Sides::None));
  auto routine = makeRoutine("six", std::move(steps), 60);  // 60 x 359 s + 60 s = 6 h
  Rig rig(planOf(routine));
  REQUIRE(rig.plan.total == 6h);
  rig.engine.start();
  long long step = 1;
  while (rig.engine.state() == SessionState::Running) {
    rig.advance(Millis(step));
    step = step * 7 % 997 + 1;  // wake-ups of 1..997 ms, never aligned to phases
  }
  const auto finished = rig.sink.of(CueType::Finished);
  REQUIRE(finished.size() == 1);
  CHECK(finished[0].at == rig.t0() + 6h);
}

TEST_CASE("the snapshot reports progress over the whole routine") {
  Rig rig(pigeonPlan());
  rig.engine.start();
  rig.advance(35s);
  auto snap = rig.engine.snapshot();
  CHECK(snap.routineElapsed == 35s);
  CHECK(snap.routineRemaining == 35s);
  CHECK(snap.progress == Approx(0.5));
}

TEST_CASE("the sink is told when the next event falls due, and nothing while paused") {
  Rig rig(pigeonPlan());
  rig.clock.set(rig.t0());
  rig.engine.start();
  REQUIRE_FALSE(rig.sink.nextDue.empty());
  const auto first = rig.sink.nextDue.back();
  REQUIRE(first);
  CHECK(*first == rig.engine.nextDueAt());
  CHECK(*first - rig.t0() == *rig.engine.untilNextChange());
  CHECK(*first > rig.t0());

  // Nothing moved: nothing is said again.
  const size_t told = rig.sink.nextDue.size();
  rig.advance(Millis(100));
  CHECK(rig.sink.nextDue.size() == told);

  // Each event that falls due moves it on to the following one.
  rig.advance(*first - rig.clock.now());
  REQUIRE(rig.sink.nextDue.size() == told + 1);
  CHECK(rig.sink.nextDue.back() > first);

  rig.engine.pause();
  CHECK(rig.sink.nextDue.back() == std::nullopt);
  const auto beforeResume = rig.engine.snapshot().phaseRemaining;
  rig.clock.advance(Millis(10'000));
  rig.engine.resume();
  REQUIRE(rig.sink.nextDue.back());
  // Shifted by the pause: still due at the same point of the phase.
  CHECK(*rig.sink.nextDue.back() - rig.clock.now() == *rig.engine.untilNextChange());
  CHECK(rig.engine.snapshot().phaseRemaining == beforeResume);

  rig.engine.stop();
  CHECK(rig.sink.nextDue.back() == std::nullopt);
}
