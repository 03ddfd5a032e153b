// When the GUI wakes up: at the next change of the shown second or the next cue, never in a
// busy loop. Simulated over a whole routine with a fake clock.
#include <catch2/catch.hpp>

#include "core/session_engine.hpp"
#include "plans.hpp"
#include "support/fake_clock.hpp"
#include "support/recording_sink.hpp"
#include "ui/frame_timing.hpp"
#include "ui/player_model.hpp"

using namespace unknot;
using namespace unknot::testing;
using namespace std::chrono_literals;

namespace {

SessionSnapshot running(std::optional<Millis> remaining, Millis elapsed = 0ms) {
  SessionSnapshot snap;
  snap.state = SessionState::Running;
  snap.phaseRemaining = remaining;
  snap.phaseElapsed = elapsed;
  return snap;
}

}  // namespace

TEST_CASE("the clock's next change is when the shown second drops") {
  CHECK(untilDisplayChange(running(2500ms)) == 500ms);   // shows 3 until 2000 ms are left
  CHECK(untilDisplayChange(running(2000ms)) == 1000ms);  // shows 2 until 1000 ms are left
  CHECK(untilDisplayChange(running(2001ms)) == 1ms);
  CHECK(untilDisplayChange(running(1ms)) == 1ms);
  CHECK(untilDisplayChange(running(0ms)) == 0ms);
}

TEST_CASE("a phase that waits for done ticks every whole second of elapsed time") {
  CHECK(untilDisplayChange(running(std::nullopt, 1200ms)) == 800ms);
  CHECK(untilDisplayChange(running(std::nullopt, 0ms)) == 1000ms);
}

TEST_CASE("nothing moves while paused, finished or stopped") {
  for (SessionState state :
       {SessionState::Paused, SessionState::Finished, SessionState::Stopped, SessionState::Ready}) {
    SessionSnapshot snap = running(2500ms);
    snap.state = state;
    CHECK_FALSE(untilDisplayChange(snap));
  }
}

TEST_CASE("earliest picks the sooner deadline and ignores missing ones") {
  CHECK(earliest(3ms, 5ms) == 3ms);
  CHECK(earliest(std::nullopt, 5ms) == 5ms);
  CHECK(earliest(3ms, std::nullopt) == 3ms);
  CHECK_FALSE(earliest(std::nullopt, std::nullopt));
}

TEST_CASE(
    "a runner sleeping until the next change wakes about once a second and sees each second") {
  Plan plan = sidedPlan();  // 70 s
  FakeClock clock;
  RecordingCueSink sink;
  SessionEngine engine(plan, clock, sink);
  engine.start();
  int wakes = 0;
  long long lastShown = -1;
  int shownChanges = 0;
  while (engine.state() == SessionState::Running && wakes < 10000) {
    const auto sleep = earliest(engine.untilNextChange(), untilDisplayChange(engine.snapshot()));
    REQUIRE(sleep);
    clock.advance(*sleep);
    engine.update();
    ++wakes;
    const long long shown =
        shownSeconds(PlayerModel{&plan, engine.snapshot(), false, std::nullopt, {}});
    if (shown != lastShown) ++shownChanges;
    lastShown = shown;
  }
  CHECK(engine.state() == SessionState::Finished);
  // One wake per shown second (70) plus the phase boundaries; cues fall on whole seconds.
  CHECK(wakes >= 70);
  CHECK(wakes <= 80);
  CHECK(shownChanges >= 70);
}
