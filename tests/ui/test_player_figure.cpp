// Which picture of its pose the player shows: reps move between keyframes in the rep tempo
// (up, squeeze, down), holds stay still on the held keyframe, getting ready and switching show
// the start on the side to come, reduced motion only switches, and the window is asked to
// redraw only while reps move (at most 30 times a second).
#include <catch2/catch.hpp>

#include "core/figure/pose.hpp"
#include "plans.hpp"
#include "ui/player_figure.hpp"

using namespace unknot;
using namespace unknot::testing;

namespace {

figure::Pose twoKeyframes() {
  figure::Pose pose;
  pose.id = "bridge";
  pose.keyframes.resize(2);
  pose.keyframes[0].name = "down";
  pose.keyframes[1].name = "up";
  return pose;
}

Plan repsPlan() {
  Step step;
  step.name = "Bridge";
  step.say = step.name;
  step.kind = StepKind::Reps;
  step.reps = 10;
  step.repTime = Millis(4000);
  step.sides = Sides::Both;
  step.pose = "bridge";
  return planOf(makeRoutine("bridge", {step}, 5));
}

PlayerModel at(const Plan& plan, size_t phase, Millis elapsed,
               SessionState state = SessionState::Running) {
  PlayerModel model;
  model.plan = &plan;
  model.snapshot.state = state;
  model.snapshot.phaseIndex = phase;
  model.snapshot.phaseCount = plan.phases.size();
  model.snapshot.phaseElapsed = elapsed;
  return model;
}

}  // namespace

TEST_CASE("a rep goes up, holds the squeeze and comes down in the rep's tempo") {
  CHECK(repTween(0.0, false) == 0.0f);
  CHECK(repTween(0.175, false) == Approx(0.5f));
  CHECK(repTween(0.35, false) == 1.0f);
  CHECK(repTween(0.5, false) == 1.0f);
  CHECK(repTween(0.825, false) == Approx(0.5f));
  CHECK(repTween(0.999, false) == Approx(0.0f).margin(1e-3));
  float previous = 0;
  for (int i = 1; i <= 35; ++i) {  // rises steadily on the way up
    const float t = repTween(i / 100.0, false);
    CHECK(t >= previous);
    previous = t;
  }

  const Plan plan = repsPlan();
  REQUIRE(plan.phases[1].kind == PhaseKind::Reps);
  const figure::Pose pose = twoKeyframes();
  // 4 s a rep: 0.7 s into the third rep is halfway up; 2 s in, the squeeze.
  const FigureFrame rising = playerFigureFrame(at(plan, 1, Millis(8700)), pose, false);
  CHECK(rising.from == 0);
  CHECK(rising.to == 1);
  CHECK(rising.t == Approx(0.5f));
  const FigureFrame squeeze = playerFigureFrame(at(plan, 1, Millis(10'000)), pose, false);
  CHECK(squeeze.from == 1);  // on the top keyframe
  CHECK(squeeze.to == 1);
  CHECK(repFraction(plan.phases[1], at(plan, 1, Millis(9000)).snapshot) == Approx(0.25));
}

TEST_CASE("reduced motion switches keyframes halfway through a rep and never tweens") {
  for (int i = 0; i <= 100; ++i) {
    const float t = repTween(i / 100.0, true);
    CHECK((t == 0.0f || t == 1.0f));
  }
  CHECK(repTween(0.49, true) == 0.0f);
  CHECK(repTween(0.5, true) == 1.0f);
  const Plan plan = repsPlan();
  const figure::Pose pose = twoKeyframes();
  // The next redraw is the switch itself, not a 30 fps stream.
  CHECK(untilFigureChange(at(plan, 1, Millis(500)), pose, true) == Millis(1500));
  CHECK(untilFigureChange(at(plan, 1, Millis(2500)), pose, true) == Millis(1500));
}

TEST_CASE("reps ask for frames at most 30 times a second; holds and pauses ask for none") {
  const Plan plan = repsPlan();
  const figure::Pose pose = twoKeyframes();
  const auto interval = untilFigureChange(at(plan, 1, Millis(100)), pose, false);
  REQUIRE(interval);
  CHECK(*interval >= Millis(1000) / 30);
  CHECK_FALSE(untilFigureChange(at(plan, 1, Millis(100), SessionState::Paused), pose, false));
  const Plan hold = sidedPlan();
  CHECK_FALSE(untilFigureChange(at(hold, 1, Millis(100)), pose, false));
  // A hold keeps its figure on the held keyframe, still.
  const FigureFrame still = playerFigureFrame(at(hold, 1, Millis(12'000)), pose, false);
  CHECK(still.from == 1);
  CHECK(still.to == 1);
  CHECK(figureFrameKey(still) ==
        figureFrameKey(playerFigureFrame(at(hold, 1, Millis(20'000)), pose, false)));
}

TEST_CASE("getting ready shows the first step's start, switching the other side's start") {
  const Plan plan = sidedPlan();  // prepare, right, switch, left
  const figure::Pose pose = twoKeyframes();
  const FigureFrame ready = playerFigureFrame(at(plan, 0, Millis(1000)), pose, false);
  CHECK(ready.from == 0);
  CHECK(ready.to == 0);
  CHECK(ready.side == figure::BodySide::Right);
  REQUIRE(plan.phases[2].kind == PhaseKind::Switch);
  const FigureFrame change = playerFigureFrame(at(plan, 2, Millis(1000)), pose, false);
  CHECK(change.from == 0);
  CHECK(change.side == figure::BodySide::Left);
  CHECK(playerFigureFrame(at(plan, 3, Millis(1000)), pose, false).side == figure::BodySide::Left);
}

TEST_CASE("a rep is drawn as a few still steps each way, not a new picture every frame") {
  const Plan plan = repsPlan();
  const figure::Pose pose = twoKeyframes();
  std::vector<long long> keys;
  for (int ms = 0; ms < 4000; ms += 10) {  // one 4 s rep, looked at every 10 ms
    const long long key = figureFrameKey(playerFigureFrame(at(plan, 1, Millis(ms)), pose, false));
    if (keys.empty() || keys.back() != key) keys.push_back(key);
  }
  CHECK(keys.size() <= 2 * kTweenSteps + 1);
  CHECK(keys.size() >= 2 * kTweenSteps - 1);
}
