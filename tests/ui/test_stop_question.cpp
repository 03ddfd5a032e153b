// Esc asks before a run ends: the keys a person presses go through the question to the player
// view and on to a real engine, as in the window.
#include <catch2/catch.hpp>
#include <vector>

#include "app/session/session_commands.hpp"
#include "imgui_harness.hpp"
#include "plans.hpp"
#include "support/fake_clock.hpp"
#include "support/recording_sink.hpp"
#include "ui/player_view.hpp"
#include "ui/stop_question.hpp"

using namespace unknot;
using namespace unknot::testing;

namespace {

struct Run {
  Run() : plan(sidedPlan()), engine(plan, clock, sink) { engine.start(); }
  // One frame: the keys pass the question first, the player's intent goes to the engine.
  void press(ImGuiHarness& ui, std::vector<UiKey> keys) {
    const std::vector<UiKey> passed = question.filter(keys);
    const PlayerModel model{&plan, engine.snapshot(), false, std::nullopt, {}};
    const PlayerIntent intent = ui.frame([&] {
      const PlayerIntent drawn = drawPlayerView(model, ui.fonts(), passed);
      drawStopQuestion(question, ui.fonts());
      return drawn;
    });
    if (const auto command = sessionCommandFor(intent)) {
      SessionControls controls{engine, nullptr, {}, {}};
      applySessionCommand(controls, *command);
    }
  }
  Plan plan;
  FakeClock clock;
  RecordingCueSink sink;
  SessionEngine engine;
  StopQuestion question;
};

}  // namespace

TEST_CASE("one stray Esc asks instead of ending the run, a second Esc stops it") {
  ImGuiHarness ui;
  Run run;
  run.press(ui, {UiKey::Escape});
  CHECK(run.question.asking());
  CHECK(run.engine.state() == SessionState::Running);
  CHECK(ui.vertexCount() > 200);  // the question is drawn over the player
  run.press(ui, {UiKey::Escape});
  CHECK_FALSE(run.question.asking());
  CHECK(run.engine.state() == SessionState::Stopped);
}

TEST_CASE("Enter after Esc goes on with the run and does nothing else") {
  ImGuiHarness ui;
  Run run;
  run.press(ui, {UiKey::Escape});
  run.press(ui, {UiKey::Enter});
  CHECK_FALSE(run.question.asking());
  CHECK(run.engine.state() == SessionState::Running);
  CHECK(run.engine.snapshot().phaseIndex == 0);
  run.press(ui, {UiKey::Escape});  // asks again: the question does not stay answered
  CHECK(run.question.asking());
  CHECK(run.engine.state() == SessionState::Running);
}

TEST_CASE("any other key after Esc answers go on and does what it always does") {
  StopQuestion question;
  const std::vector<UiKey> first{UiKey::Escape};
  CHECK(question.filter(first).empty());
  const std::vector<UiKey> space{UiKey::Space};
  CHECK(question.filter(space) == space);
  CHECK_FALSE(question.asking());
  const std::vector<UiKey> twice{UiKey::Escape, UiKey::Escape};  // a double press in one frame
  CHECK(question.filter(twice) == std::vector<UiKey>{UiKey::Escape});
}
