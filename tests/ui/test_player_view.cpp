// The player and summary views at the level of intents: keys and model in, intent out, and
// the intent applied to a real engine, as the GUI runner does.
#include <catch2/catch.hpp>
#include <vector>

#include "app/session/session_commands.hpp"
#include "core/session_engine.hpp"
#include "imgui_harness.hpp"
#include "plans.hpp"
#include "support/fake_clock.hpp"
#include "support/recording_sink.hpp"
#include "ui/player_view.hpp"
#include "ui/summary_view.hpp"
#include "ui/theme.hpp"

using namespace unknot;
using namespace unknot::testing;
using namespace std::chrono_literals;

namespace {

struct Session {
  explicit Session(Plan p) : plan(std::move(p)), engine(plan, clock, sink) { engine.start(); }
  void advance(Millis by) {
    clock.advance(by);
    engine.update();
  }
  PlayerModel model(bool flash = false) const {
    return {&plan, engine.snapshot(), flash, std::nullopt, {}};
  }
  // One frame of the player with these keys; the intent goes to the engine like in the app.
  PlayerIntent press(ImGuiHarness& ui, std::vector<UiKey> keys) {
    const PlayerModel now = model();
    const PlayerIntent intent = ui.frame([&] { return drawPlayerView(now, ui.fonts(), keys); });
    if (const auto command = sessionCommandFor(intent)) {
      SessionControls controls{engine, nullptr, {}, {}};
      applySessionCommand(controls, *command);
    }
    return intent;
  }
  Plan plan;
  FakeClock clock;
  RecordingCueSink sink;
  SessionEngine engine;
};

}  // namespace

TEST_CASE("space pauses a running routine and space again resumes it") {
  ImGuiHarness ui;
  Session session(sidedPlan());
  CHECK(session.press(ui, {UiKey::Space}) == PlayerIntent::TogglePause);
  CHECK(session.engine.state() == SessionState::Paused);
  CHECK(session.press(ui, {UiKey::Space}) == PlayerIntent::TogglePause);
  CHECK(session.engine.state() == SessionState::Running);
}

TEST_CASE("the right arrow skips to the next phase") {
  ImGuiHarness ui;
  Session session(sidedPlan());
  CHECK(session.press(ui, {UiKey::Right}) == PlayerIntent::Skip);
  CHECK(session.engine.snapshot().phaseIndex == 1);
  CHECK(session.sink.of(CueType::PhaseEnded).at(0).value == 1);  // recorded as skipped
}

TEST_CASE("the left arrow early in a phase goes back to the previous one") {
  ImGuiHarness ui;
  Session session(sidedPlan());
  session.advance(6s);  // 1 s into the right side
  REQUIRE(session.engine.snapshot().phaseIndex == 1);
  CHECK(session.press(ui, {UiKey::Left}) == PlayerIntent::Back);
  CHECK(session.engine.snapshot().phaseIndex == 0);
}

TEST_CASE("enter marks a phase that waits for it done") {
  ImGuiHarness ui;
  Session session(manualPlan());
  REQUIRE(waitsForDone(session.model()));
  session.advance(40s);
  CHECK(session.engine.state() == SessionState::Running);  // no timer ends it
  CHECK(session.press(ui, {UiKey::Enter}) == PlayerIntent::Done);
  CHECK(session.engine.state() == SessionState::Finished);
}

TEST_CASE("enter does not cut a timed hold short") {
  ImGuiHarness ui;
  Session session(sidedPlan());
  session.advance(6s);
  CHECK(session.press(ui, {UiKey::Enter}) == PlayerIntent::None);
  CHECK(session.engine.snapshot().phaseIndex == 1);
  CHECK_FALSE(offersDone(session.model()));
}

TEST_CASE("escape stops the routine") {
  ImGuiHarness ui;
  Session session(sidedPlan());
  CHECK(session.press(ui, {UiKey::Escape}) == PlayerIntent::Stop);
  CHECK(session.engine.state() == SessionState::Stopped);
}

TEST_CASE("m asks for mute when the run has sound and does nothing in a silent run") {
  ImGuiHarness ui;
  Session session(sidedPlan());
  PlayerModel withSound = session.model();
  withSound.muted = false;
  const std::vector<UiKey> keys{UiKey::M};
  CHECK(ui.frame([&] { return drawPlayerView(withSound, ui.fonts(), keys); }) ==
        PlayerIntent::ToggleMute);
  withSound.muted = true;  // muted: the same key turns the sound back on
  CHECK(playerIntentForKey(UiKey::M, withSound) == PlayerIntent::ToggleMute);
  CHECK(session.press(ui, {UiKey::M}) == PlayerIntent::None);  // --no-audio: no sound to mute
  CHECK(session.engine.state() == SessionState::Running);
}

TEST_CASE("the first key that means something wins") {
  ImGuiHarness ui;
  Session session(sidedPlan());
  CHECK(session.press(ui, {UiKey::Up, UiKey::Right, UiKey::Space}) == PlayerIntent::Skip);
  CHECK(session.engine.state() == SessionState::Running);
}

TEST_CASE("player keys do nothing once the routine is over") {
  Session session(sidedPlan());
  session.engine.stop();
  for (UiKey key : {UiKey::Space, UiKey::Right, UiKey::Left, UiKey::Enter, UiKey::Escape}) {
    CHECK(playerIntentForKey(key, session.model()) == PlayerIntent::None);
  }
}

TEST_CASE("the player draws every phase of a routine, paused or not") {
  ImGuiHarness ui;
  Session session(
      planOf(makeRoutine("mix", {holdStep("Hold", 20, Sides::Both), holdStep("Sit", 5)}, 3)));
  size_t drawn = 0;
  while (session.engine.state() == SessionState::Running) {
    for (bool paused : {false, true}) {
      if (paused) session.engine.pause();
      const PlayerModel model = session.model(paused);
      CHECK(ui.frame([&] { return drawPlayerView(model, ui.fonts(), {}); }) == PlayerIntent::None);
      CHECK(ui.vertexCount() > 200);
      if (paused) session.engine.resume();
    }
    ++drawn;
    session.engine.skip();
  }
  CHECK(drawn == session.plan.phases.size());
}

TEST_CASE("the finish screen goes back to the library or runs the routine again") {
  ImGuiHarness ui;
  Session session(sidedPlan());
  session.advance(200s);
  REQUIRE(session.engine.state() == SessionState::Finished);
  const SummaryModel model{&session.plan, session.engine.snapshot(),
                           SessionTally{4, 0, 0, 0, Millis(70000), 1.0}};
  auto press = [&](UiKey key) {
    const std::vector<UiKey> keys{key};
    return ui.frame([&] { return drawSummaryView(model, ui.fonts(), keys); });
  };
  CHECK(press(UiKey::Enter) == PlayerIntent::Library);
  CHECK(press(UiKey::Escape) == PlayerIntent::Library);
  CHECK(press(UiKey::R) == PlayerIntent::Again);
  CHECK(press(UiKey::Space) == PlayerIntent::None);
  CHECK(ui.vertexCount() > 200);
}

TEST_CASE("the clock counts down in timed phases and up in phases that wait for done") {
  Session timed(sidedPlan());
  timed.advance(2500ms);
  CHECK(clockText(timed.model()) == "00:03");  // 2.5 s left shows as 3 until it is 2
  Session manual(manualPlan());
  manual.advance(72700ms);
  CHECK(clockText(manual.model()) == "01:12");
}

TEST_CASE("the last seconds of a phase keep the background warm until the phase ends") {
  Session session(sidedPlan());
  session.advance(5s + 26500ms);  // 3.5 s left on the right side
  CHECK_FALSE(inLastSeconds(session.model()));
  CHECK(playerBackground(session.model()) == palette().background);
  for (int shown : {3, 2, 1}) {
    INFO("shows " << shown);
    session.advance(1s);  // 2.5, 1.5, 0.5 s left
    CHECK(inLastSeconds(session.model()));
    CHECK(playerBackground(session.model()) == palette().countdownBackground);
  }
  session.engine.pause();
  CHECK_FALSE(inLastSeconds(session.model()));
  CHECK(playerBackground(session.model()) == palette().background);
}

TEST_CASE("a phase change flashes the background") {
  Session session(sidedPlan());
  CHECK(playerBackground(session.model(true)) == palette().flashBackground);
  CHECK(playerBackground(session.model(false)) == palette().background);
}

TEST_CASE("with reduced motion the player's background neither flashes nor tints") {
  ImGuiHarness ui;  // the look lives in the ImGui context
  useLook(Look{ThemeName::Dark, true});
  Session session(sidedPlan());
  CHECK(playerBackground(session.model(true)) == palette().background);
  session.advance(5s + 27500ms);  // 2.5 s left: the countdown would tint now
  REQUIRE(inLastSeconds(session.model()));
  CHECK(playerBackground(session.model()) == palette().background);
  session.advance(1s);
  CHECK(playerBackground(session.model()) == palette().background);
}

TEST_CASE("the side is spelled out and next up says what follows") {
  Session session(sidedPlan());
  CHECK(nextUpText(session.model(), "-") == "Next: Pigeon - right side - 30s");
  session.engine.skip();
  CHECK(std::string(sideLabel(currentPhase(session.model())->side)) == "RIGHT SIDE");
  CHECK(nextUpText(session.model(), "-") == "Next: Switch sides - 5s");
  session.engine.skip();
  session.engine.skip();
  CHECK(std::string(sideLabel(currentPhase(session.model())->side)) == "LEFT SIDE");
  CHECK(nextUpText(session.model(), "-") == "Next: finish");
}

TEST_CASE("counters show only rounds and sets above one") {
  Phase phase;
  CHECK(countersText(phase, "-").empty());
  phase.round = 2;
  phase.roundCount = 3;
  phase.set = 1;
  phase.setCount = 2;
  CHECK(countersText(phase, "-") == "Round 2 of 3 - Set 1 of 2");
}

TEST_CASE("time left is honest about steps that wait for done") {
  Session timed(sidedPlan());
  CHECK(remainingText(timed.model(), "-") == "0% - 01:10 left");
  Session manual(manualPlan());
  CHECK(remainingText(manual.model(), "-") == "0% - until you are done");
  Step wait;
  wait.name = "Find the tender spot";
  wait.kind = StepKind::Manual;
  Session mixed(planOf(makeRoutine("mixed", {holdStep("Hold", 30), wait}, 0)));
  CHECK(remainingText(mixed.model(), "-") == "0% - 00:30+ left");
  CHECK(totalText(mixed.plan.total, mixed.plan.hasUntimedPhases) == "30s+");
  CHECK(totalText(timed.plan.total, timed.plan.hasUntimedPhases) == "1m10s");
}
