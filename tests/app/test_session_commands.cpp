// The one function both runners call for pause, skip, back, restart, done, stop, leave, mute
// and "I've switched": applied to a real engine on a fake clock, with and without a heat/ice
// cycle around it.
#include <catch2/catch.hpp>

#include "app/session/session_commands.hpp"
#include "support/fake_clock.hpp"
#include "support/recording_sink.hpp"
#include "support/routine_builder.hpp"

using namespace unknot;
using namespace unknot::testing;

namespace {

constexpr Millis kMinute{60'000};

Plan planOf(Routine routine) {
  auto result = expand(routine, [](std::string_view) -> const Routine* { return nullptr; });
  REQUIRE(result.plan);
  return *result.plan;
}

// Heat 1 min, then ice 1 min.
Plan heatIcePlan() {
  Step heat = holdStep("Heat", 60);
  heat.kind = StepKind::Heat;
  Step ice = holdStep("Ice", 60);
  ice.kind = StepKind::Ice;
  return planOf(makeRoutine("heat-ice", {heat, ice}));
}

struct Run {
  explicit Run(Plan p) : plan(std::move(p)) {}
  void apply(SessionCommand command) {
    SessionControls controls{engine, thermal ? &*thermal : nullptr, [this] { ++mutes; }, {}};
    applySessionCommand(controls, command);
    engine.update();
  }
  Plan plan;
  FakeClock clock;
  RecordingCueSink sink;
  SessionEngine engine{plan, clock, sink};
  std::optional<ThermalRun> thermal;
  int mutes = 0;
};

ThermalRun::Options quietThermal() {
  ThermalRun::Options options;
  options.wallNowMs = [] { return std::int64_t{1'800'000'000'000}; };
  options.resume = false;
  return options;
}

}  // namespace

TEST_CASE("session commands pause, skip, go back and restart the engine") {
  Run run(planOf(makeRoutine("pigeon", {holdStep("Pigeon", 30, Sides::Both)}, 5)));
  run.engine.start();
  run.apply(SessionCommand::TogglePause);
  CHECK(run.engine.state() == SessionState::Paused);
  run.apply(SessionCommand::TogglePause);
  CHECK(run.engine.state() == SessionState::Running);
  run.apply(SessionCommand::Skip);
  run.apply(SessionCommand::Skip);
  CHECK(run.engine.snapshot().phaseIndex == 2);
  run.apply(SessionCommand::Back);
  CHECK(run.engine.snapshot().phaseIndex == 1);
  run.apply(SessionCommand::Restart);
  CHECK(run.engine.snapshot().phaseIndex == 0);
  CHECK(run.mutes == 0);
}

TEST_CASE("mute only toggles the sound, and does nothing in a run without sound") {
  Run run(planOf(makeRoutine("pigeon", {holdStep("Pigeon", 30)})));
  run.engine.start();
  run.apply(SessionCommand::ToggleMute);
  CHECK(run.mutes == 1);
  CHECK(run.engine.state() == SessionState::Running);
  SessionControls silent{run.engine, nullptr, {}};
  applySessionCommand(silent, SessionCommand::ToggleMute);  // no mute control: nothing happens
  CHECK(run.engine.state() == SessionState::Running);
}

TEST_CASE("done ends a phase that waits for it, stop and leave end an ordinary session") {
  Step manual;
  manual.name = "Find the tender spot";
  manual.kind = StepKind::Manual;
  Run run(planOf(makeRoutine("manual", {manual, holdStep("Hold", 30)})));
  run.engine.start();
  run.apply(SessionCommand::Done);
  CHECK(run.engine.snapshot().phaseIndex == 1);
  run.apply(SessionCommand::Acknowledge);  // no switch to acknowledge: nothing happens
  CHECK(run.engine.snapshot().phaseIndex == 1);
  run.apply(SessionCommand::Leave);  // nothing to come back to: the same as stop
  CHECK(run.engine.state() == SessionState::Stopped);
}

TEST_CASE("at a heat/ice switch, done and acknowledge both mean I've switched") {
  for (const SessionCommand command : {SessionCommand::Done, SessionCommand::Acknowledge}) {
    INFO(toString(command));
    Run run(heatIcePlan());
    run.thermal.emplace(run.engine, run.clock, nullptr, quietThermal());
    run.thermal->start(std::nullopt);
    run.clock.advance(kMinute);
    run.engine.update();
    run.thermal->tick();
    REQUIRE(run.thermal->controller().hold());
    run.apply(command);
    run.thermal->tick();
    CHECK_FALSE(run.thermal->controller().hold());
    CHECK(run.engine.snapshot().phaseIndex == 1);
    CHECK(run.engine.state() == SessionState::Running);
  }
}

TEST_CASE("leaving mid heat/ice cycle keeps it to resume instead of stopping it for good") {
  Run run(heatIcePlan());
  run.thermal.emplace(run.engine, run.clock, nullptr, quietThermal());
  run.thermal->start(std::nullopt);
  run.apply(SessionCommand::Leave);
  CHECK(run.thermal->left());
  CHECK(run.engine.state() == SessionState::Stopped);

  Run stopped(heatIcePlan());
  stopped.thermal.emplace(stopped.engine, stopped.clock, nullptr, quietThermal());
  stopped.thermal->start(std::nullopt);
  stopped.apply(SessionCommand::Stop);
  CHECK_FALSE(stopped.thermal->left());
}

TEST_CASE("every session command has a name that reads back") {
  for (const SessionCommand command :
       {SessionCommand::TogglePause, SessionCommand::Skip, SessionCommand::Back,
        SessionCommand::Restart, SessionCommand::Done, SessionCommand::Stop, SessionCommand::Leave,
        SessionCommand::ToggleMute, SessionCommand::Acknowledge, SessionCommand::SayWhere,
        SessionCommand::SayInstructions}) {
    CHECK(sessionCommandFromString(toString(command)) == command);
  }
  CHECK_FALSE(sessionCommandFromString("jump"));
}

TEST_CASE("the where-am-I key speaks the step, side, time left and what is next") {
  Step pigeon = holdStep("Pigeon pose", 30, Sides::Both);
  pigeon.text = "Keep the hips square.";
  Run run(planOf(makeRoutine("pigeon", {pigeon}, 5)));
  std::vector<std::string> said;  // the fake voice
  const auto ask = [&](SessionCommand command) {
    SessionControls controls{run.engine, nullptr, {}, {}};
    controls.speak = [&](const std::string& sentence) { said.push_back(sentence); };
    applySessionCommand(controls, command);
  };
  run.engine.start();
  run.clock.advance(Millis(5000 + 12'400));  // 12.4 s into the right side
  run.engine.update();
  ask(SessionCommand::SayWhere);
  REQUIRE(said.size() == 1);
  CHECK(said[0] == "Pigeon pose, right side. 18 seconds left. Next: Switch sides.");
  ask(SessionCommand::SayInstructions);
  CHECK(said.at(1) == "Pigeon pose, right side. Keep the hips square.");
  run.apply(SessionCommand::TogglePause);
  ask(SessionCommand::SayWhere);
  CHECK(said.at(2).rfind("Paused. Pigeon pose, right side.", 0) == 0);
  CHECK(run.engine.state() == SessionState::Paused);  // asking changes nothing
  CHECK(run.engine.snapshot().phaseIndex == 1);
}

TEST_CASE("asking where you are in a run without a voice does nothing") {
  Run run(planOf(makeRoutine("pigeon", {holdStep("Pigeon", 30)})));
  run.engine.start();
  run.apply(SessionCommand::SayWhere);  // no speak function: no sound this run
  run.apply(SessionCommand::SayInstructions);
  CHECK(run.engine.state() == SessionState::Running);
}
