// Heat/ice cycles with a fake clock: the session holds at each switch, the alarm repeats
// (louder each time) until acknowledged, and the next phase only starts counting then; the
// cycle resumes from a stored wall-clock deadline and catches up after a suspend.
#include <catch2/catch.hpp>

#include "core/thermal/thermal_controller.hpp"
#include "support/fake_clock.hpp"
#include "support/recording_sink.hpp"
#include "support/routine_builder.hpp"

using namespace unknot;
using namespace unknot::testing;

namespace {

constexpr Millis kMinute{60'000};

Step thermalStep(std::string name, StepKind kind, int minutes) {
  Step step = holdStep(std::move(name), minutes * 60);
  step.kind = kind;
  return step;
}

Step restStep(std::string name, int seconds) {
  Step step = holdStep(std::move(name), seconds);
  step.kind = StepKind::Rest;
  return step;
}

// Heat 15 / swap 30 s / ice 10, twice, with 30 s between rounds: like routines/heat-ice.toml.
Plan heatIcePlan() {
  Routine routine =
      makeRoutine("heat-ice", {thermalStep("Heat", StepKind::Heat, 15), restStep("Swap to ice", 30),
                               thermalStep("Ice", StepKind::Ice, 10)});
  routine.rounds = 2;
  routine.restBetweenRounds = Millis(30'000);
  auto result = expand(routine, [](std::string_view) { return nullptr; });
  REQUIRE(result.plan);
  return *result.plan;
}

struct Cycle {
  Plan plan = heatIcePlan();
  FakeClock clock;
  RecordingCueSink sink;
  SessionEngine engine{plan, clock, sink};
  ThermalController thermal{engine, clock};

  ThermalTick step(Millis by) {
    clock.advance(by);
    engine.update();
    return thermal.update();
  }
  size_t phase() const { return engine.snapshot().phaseIndex; }
};

}  // namespace

TEST_CASE("a heat phase that runs out holds at the switch and the next phase does not count") {
  Cycle c;
  c.engine.start();
  REQUIRE(c.plan.phases[0].kind == PhaseKind::Heat);
  auto tick = c.step(15 * kMinute);
  CHECK(tick.holdStarted);
  REQUIRE(tick.ring);
  CHECK(tick.ring->number == 1);
  REQUIRE(c.thermal.hold());
  CHECK(c.thermal.hold()->phaseIndex == 0);
  CHECK(c.engine.snapshot().held);
  CHECK(c.sink.of(CueType::PhaseEnded).size() == 1);

  c.step(5 * kMinute);  // nobody came: still on the heat phase, nothing else started
  CHECK(c.phase() == 0);
  CHECK(c.sink.of(CueType::PhaseStarted).size() == 1);
  CHECK(c.engine.snapshot().phaseRemaining == Millis(0));
  CHECK_FALSE(c.engine.untilNextChange());
}

TEST_CASE("the switch alarm repeats every 30 s, louder up to the set volume, until acknowledged") {
  Cycle c;
  c.engine.start();
  std::vector<AlarmRing> rings;
  auto tick = c.step(15 * kMinute);
  rings.push_back(*tick.ring);
  for (int i = 0; i < 8; ++i) {
    CHECK(c.thermal.untilNextChange() == Millis(30'000));
    tick = c.step(Millis(30'000));
    REQUIRE(tick.ring);
    rings.push_back(*tick.ring);
  }
  for (size_t i = 0; i < rings.size(); ++i) CHECK(rings[i].number == static_cast<int>(i) + 1);
  CHECK(rings[0].volume < rings[1].volume);
  CHECK(rings[1].volume < rings[2].volume);
  CHECK(rings[3].volume == Approx(1.0));
  CHECK(rings[8].volume == Approx(1.0));

  c.thermal.acknowledge();
  CHECK_FALSE(c.thermal.alarmActive());
  CHECK_FALSE(c.thermal.hold());
  tick = c.step(Millis(30'000));
  CHECK_FALSE(tick.ring);
}

TEST_CASE("acknowledging starts the next phase with its full time from that moment") {
  Cycle c;
  c.engine.start();
  c.step(15 * kMinute);
  c.step(3 * kMinute);  // the user came back three minutes late
  c.thermal.acknowledge();
  CHECK(c.phase() == 1);
  CHECK(c.engine.snapshot().phaseRemaining == Millis(30'000));
  const auto started = c.sink.of(CueType::PhaseStarted);
  CHECK(started.back().at == c.clock.now());
  c.step(Millis(29'999));
  CHECK(c.phase() == 1);
  c.step(Millis(1));
  CHECK(c.phase() == 2);  // the swap rest hands over by itself
  CHECK(c.plan.phases[2].kind == PhaseKind::Ice);
}

TEST_CASE("the cycle holds at every heat and ice switch, the last one included") {
  Cycle c;
  c.engine.start();
  int holds = 0;
  for (int guard = 0; guard < 200 && c.engine.state() == SessionState::Running; ++guard) {
    const auto tick = c.step(Millis(30'000));
    if (tick.holdStarted) {
      ++holds;
      CHECK(isThermalPhase(c.plan.phases[c.thermal.hold()->phaseIndex]));
      c.thermal.acknowledge();
    }
  }
  CHECK(holds == 4);  // heat, ice, heat, ice
  CHECK(c.engine.state() == SessionState::Finished);
}

TEST_CASE("skip during a hold moves to the next phase and silences the alarm") {
  Cycle c;
  c.engine.start();
  c.step(15 * kMinute);
  c.engine.skip();
  const auto tick = c.thermal.update();
  CHECK(tick.holdEnded);
  CHECK_FALSE(c.thermal.alarmActive());
  CHECK(c.phase() == 1);
}

TEST_CASE("back during a hold runs the same application again and pause does nothing") {
  Cycle c;
  c.engine.start();
  c.step(15 * kMinute);
  c.engine.pause();
  CHECK(c.engine.state() == SessionState::Running);
  CHECK(c.engine.held());
  c.engine.back();
  CHECK(c.thermal.update().holdEnded);
  CHECK(c.phase() == 0);
  CHECK(c.engine.snapshot().phaseRemaining == 15 * kMinute);
}

TEST_CASE("the held state carries the skin check and what comes next") {
  Cycle c;
  c.engine.start();
  c.step(15 * kMinute);
  const SwitchPrompt& heat = c.thermal.hold()->prompt;
  CHECK(heat.title == "Heat is done: switch to ice");
  CHECK(heat.skin.rfind("Check your skin:", 0) == 0);
  CHECK(heat.skin.find("keep a cloth between skin and ice") != std::string::npos);
  CHECK(heat.next == "Next: Swap to ice (30s), then Ice (10m).");
  CHECK(heat.nextKind == "ice");
  c.thermal.acknowledge();
  c.step(Millis(30'000));
  c.step(10 * kMinute);
  const SwitchPrompt& ice = c.thermal.hold()->prompt;
  CHECK(ice.title == "Ice is done: switch to heat");
  CHECK(ice.skin.find("keep a cloth between skin and ice") != std::string::npos);
  CHECK(ice.next.find("Heat (15m)") != std::string::npos);
}

TEST_CASE("a resumed cycle continues the phase with the time the wall clock leaves") {
  Cycle c;
  ThermalCheckpoint stored;
  stored.phaseIndex = 2;  // ice
  stored.deadlineUtcMs = 1'000'000 + 4 * 60'000;
  const auto point = resumePoint(c.plan, stored, 1'000'000, 1.0);
  CHECK_FALSE(point.overdue);
  CHECK(point.elapsed == 6 * kMinute);
  c.thermal.resume(point);
  CHECK(c.phase() == 2);
  CHECK(c.engine.snapshot().phaseRemaining == 4 * kMinute);
  CHECK(c.sink.of(CueType::Halfway).empty());  // cues already past are not replayed
  CHECK_FALSE(c.step(4 * kMinute - Millis(1)).holdStarted);
  CHECK(c.step(Millis(1)).holdStarted);
}

TEST_CASE("a resumed cycle whose switch is overdue holds and rings at once, softly first") {
  Cycle c;
  ThermalCheckpoint stored;
  stored.phaseIndex = 0;
  stored.deadlineUtcMs = 1'000'000;
  const auto point = resumePoint(c.plan, stored, 1'000'000 + 25 * 60'000, 1.0);
  CHECK(point.overdue);
  c.thermal.resume(point);
  c.engine.update();
  const auto tick = c.thermal.update();
  CHECK(tick.holdStarted);
  REQUIRE(tick.ring);
  CHECK(tick.ring->number == 51);           // one every 30 s since it fell due, 25 minutes ago
  CHECK(tick.ring->volume == Approx(0.4));  // but the first one heard: soft
  CHECK(c.thermal.hold()->since == c.clock.now() - 25 * kMinute);
  CHECK(c.phase() == 0);
  CHECK(c.sink.of(CueType::PhaseEnded).size() == 1);  // the heat ended in the closed app's time
}

TEST_CASE("a cycle resumed held at its switch holds from when it first fell due, ending nothing") {
  Cycle c;
  ThermalCheckpoint stored;
  stored.phaseIndex = 2;  // ice: the earlier run recorded its end and held
  stored.state = ThermalState::Held;
  stored.heldSinceUtcMs = 1'000'000;
  const auto point = resumePoint(c.plan, stored, 1'000'000 + 40'000, 1.0);
  CHECK(point.overdue);
  CHECK(point.held);
  CHECK(point.elapsed == 10 * kMinute + Millis(40'000));
  c.thermal.resume(point);
  auto tick = c.step(Millis(0));
  CHECK(tick.holdStarted);
  REQUIRE(c.thermal.hold());
  CHECK(c.thermal.hold()->phaseIndex == 2);
  CHECK(c.thermal.hold()->since == c.clock.now() - Millis(40'000));
  // Nothing started or ended again: the record already has this application.
  CHECK(c.sink.events.empty());
  REQUIRE(tick.ring);
  CHECK(tick.ring->number == 2);  // due at 0 s and 30 s
  CHECK(tick.ring->volume == Approx(0.4));
  CHECK(c.thermal.untilNextChange() == Millis(20'000));  // the next at 60 s, on the same beat
  tick = c.step(Millis(20'000));
  REQUIRE(tick.ring);
  CHECK(tick.ring->number == 3);
  CHECK(tick.ring->volume > 0.4);

  c.thermal.acknowledge();
  CHECK(c.phase() == 3);
  CHECK(c.sink.of(CueType::PhaseEnded).empty());
  CHECK(c.sink.of(CueType::PhaseStarted).size() == 1);
}

TEST_CASE("back at a resumed hold runs the same application again in full") {
  Cycle c;
  ThermalCheckpoint stored;
  stored.phaseIndex = 0;
  stored.state = ThermalState::Held;
  stored.heldSinceUtcMs = 1'000'000;
  c.thermal.resume(resumePoint(c.plan, stored, 1'000'000 + 5'000, 1.0));
  c.step(Millis(0));
  c.engine.back();
  CHECK(c.thermal.update().holdEnded);
  CHECK(c.phase() == 0);
  CHECK(c.engine.snapshot().phaseRemaining == 15 * kMinute);
  CHECK(c.step(15 * kMinute).holdStarted);
  CHECK(c.sink.of(CueType::PhaseEnded).size() == 1);  // the repeat, recorded once
}

TEST_CASE("a resumed pause stays paused with the time it had left") {
  Cycle c;
  ThermalCheckpoint stored;
  stored.phaseIndex = 0;
  stored.state = ThermalState::Paused;
  stored.remaining = 7 * kMinute;
  c.thermal.resume(resumePoint(c.plan, stored, 5'000'000, 1.0));
  CHECK(c.engine.state() == SessionState::Paused);
  CHECK(c.engine.snapshot().phaseRemaining == 7 * kMinute);
}

TEST_CASE("an overdue rest phase resumes by starting the next phase in full, not skipping it") {
  Cycle c;
  ThermalCheckpoint stored;
  stored.phaseIndex = 1;  // the swap rest
  stored.deadlineUtcMs = 1'000'000;
  c.thermal.resume(resumePoint(c.plan, stored, 1'000'000 + 60 * 60'000, 1.0));
  c.engine.update();
  CHECK(c.phase() == 2);
  CHECK(c.engine.snapshot().phaseRemaining == 10 * kMinute);
}

TEST_CASE("a checkpoint round-trips through the wall clock at any time scale") {
  Cycle c;
  c.engine.start();
  c.step(5 * kMinute);
  auto cp = c.thermal.checkpoint(2'000'000, 60.0);
  CHECK(cp.state == ThermalState::Running);
  CHECK(cp.deadlineUtcMs == 2'000'000 + 10 * 60'000 / 60);
  const auto point = resumePoint(c.plan, cp, 2'000'000 + 5'000, 60.0);  // 5 real s = 5 min
  CHECK(point.elapsed == 10 * kMinute);
  c.step(10 * kMinute);
  c.step(Millis(30'000));
  cp = c.thermal.checkpoint(3'000'000, 1.0);
  CHECK(cp.state == ThermalState::Held);
  CHECK(cp.heldSinceUtcMs == 3'000'000 - 30'000);
}

TEST_CASE("after a suspend the phase keeps to its wall-clock deadline and the switch rings") {
  Cycle c;
  c.engine.start();
  c.step(5 * kMinute);
  // The machine slept 20 minutes: the steady clock saw none of it, the wall clock did.
  CHECK_FALSE(c.thermal.keepToWall(10 * kMinute - Millis(500), Millis(2000)));  // jitter
  CHECK(c.thermal.keepToWall(-10 * kMinute, Millis(2000)));
  const auto tick = c.thermal.update();
  CHECK(tick.holdStarted);
  REQUIRE(tick.ring);
  CHECK(c.phase() == 0);
  CHECK(c.sink.of(CueType::Halfway).empty());  // no stale halfway bell after waking
}

TEST_CASE("a short suspend shortens the phase by the time that passed") {
  Cycle c;
  c.engine.start();
  c.step(5 * kMinute);
  CHECK(c.thermal.keepToWall(7 * kMinute, Millis(2000)));
  CHECK(c.engine.snapshot().phaseRemaining == 7 * kMinute);
  CHECK_FALSE(c.engine.held());
}
