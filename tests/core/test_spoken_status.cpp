#include <catch2/catch.hpp>

#include "core/spoken_status.hpp"
#include "support/fake_clock.hpp"
#include "support/recording_sink.hpp"
#include "support/routine_builder.hpp"

using namespace unknot;
using namespace unknot::testing;

namespace {

Plan planOf(Routine routine) {
  auto result = expand(routine, [](std::string_view) -> const Routine* { return nullptr; });
  REQUIRE(result.plan);
  return *result.plan;
}

}  // namespace

TEST_CASE("spoken durations round up as the clock shows them") {
  CHECK(spokenDuration(Millis(0)) == "0 seconds");
  CHECK(spokenDuration(Millis(400)) == "1 second");
  CHECK(spokenDuration(Millis(45'000)) == "45 seconds");
  CHECK(spokenDuration(Millis(60'000)) == "1 minute");
  CHECK(spokenDuration(Millis(125'000)) == "2 minutes 5 seconds");
}

TEST_CASE("where am I names the step, side, counters, time left and the next step") {
  Step pigeon = holdStep("Pigeon pose", 90, Sides::Both);
  Routine routine = makeRoutine("pigeon", {pigeon, holdStep("Rest", 10)}, 5);
  routine.rounds = 2;
  const Plan plan = planOf(routine);
  SessionSnapshot snapshot;
  snapshot.state = SessionState::Running;
  snapshot.phaseIndex = 1;
  snapshot.phaseRemaining = Millis(65'000);
  CHECK(whereAmISentence(plan, snapshot) ==
        "Pigeon pose, right side. Round 1 of 2. 1 minute 5 seconds left. Next: Switch sides.");
  snapshot.phaseIndex = plan.phases.size() - 1;
  snapshot.phaseRemaining.reset();
  const std::string last = whereAmISentence(plan, snapshot);
  CHECK(last.find("No timer") != std::string::npos);
  CHECK(last.find("This is the last step.") != std::string::npos);
  snapshot.state = SessionState::Finished;
  CHECK(whereAmISentence(plan, snapshot) == "The routine is finished.");
}

TEST_CASE("the instructions sentence reads the step's whole text, or says there is none") {
  Step pigeon = holdStep("Pigeon pose", 30);
  pigeon.text = "Keep the hips square. Breathe out slowly";
  const Plan plan = planOf(makeRoutine("pigeon", {pigeon}, 0));
  SessionSnapshot snapshot;
  CHECK(instructionsSentence(plan, snapshot) ==
        "Pigeon pose. Keep the hips square. Breathe out slowly");
  Plan bare = plan;
  bare.phases[0].text.clear();
  CHECK(instructionsSentence(bare, snapshot) == "Pigeon pose. This step has no instructions.");
}
