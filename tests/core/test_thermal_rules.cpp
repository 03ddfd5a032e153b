// The heat/ice safety rules: which applications need an explicit confirmation (over 20
// minutes each), how cycles are counted, and the prompt at the last switch.
#include <catch2/catch.hpp>

#include "core/thermal/thermal_rules.hpp"
#include "support/routine_builder.hpp"

using namespace unknot;
using namespace unknot::testing;

namespace {

Step thermalStep(std::string name, StepKind kind, int seconds) {
  Step step = holdStep(std::move(name), seconds);
  step.kind = kind;
  return step;
}

Plan planOf(std::vector<Step> steps, int rounds = 1) {
  Routine routine = makeRoutine("t", std::move(steps));
  routine.rounds = rounds;
  auto result = expand(routine, [](std::string_view) { return nullptr; });
  REQUIRE(result.plan);
  return *result.plan;
}

}  // namespace

TEST_CASE("an application over 20 minutes needs an explicit confirmation, 20 minutes does not") {
  const Plan twenty = planOf(
      {thermalStep("Heat", StepKind::Heat, 20 * 60), thermalStep("Ice", StepKind::Ice, 20 * 60)});
  CHECK_FALSE(needsLongThermalConfirmation(twenty));
  CHECK(longThermalWarning(twenty).empty());

  const Plan longIce = planOf({thermalStep("Heat", StepKind::Heat, 15 * 60),
                               thermalStep("Ice", StepKind::Ice, 20 * 60 + 1)},
                              3);
  CHECK(needsLongThermalConfirmation(longIce));
  REQUIRE(longApplications(longIce).size() == 1);  // once per step, not per round
  CHECK(longApplications(longIce)[0].kind == PhaseKind::Ice);
  CHECK(longThermalWarning(longIce).find("20 minutes") != std::string::npos);

  // A long hold is not heat or ice: no confirmation.
  CHECK_FALSE(needsLongThermalConfirmation(planOf({holdStep("Hold", 30 * 60)})));
}

TEST_CASE("cycles count applications of the first thermal kind") {
  const Plan plan =
      planOf({thermalStep("Heat", StepKind::Heat, 60), thermalStep("Ice", StepKind::Ice, 60)}, 3);
  // phases: heat, ice, heat, ice, heat, ice (no round rest)
  CHECK(thermalCycle(plan, 0).number == 1);
  CHECK(thermalCycle(plan, 1).number == 1);
  CHECK(thermalCycle(plan, 2).number == 2);
  CHECK(thermalCycle(plan, 5).number == 3);
  CHECK(thermalCycle(plan, 5).count == 3);
  CHECK(thermalCycle(planOf({holdStep("Hold", 30)}), 0).count == 0);
  CHECK(isThermalPlan(plan));
  CHECK_FALSE(isThermalPlan(planOf({holdStep("Hold", 30)})));
}

TEST_CASE("the last switch says the cycle is complete and still asks for a skin check") {
  const Plan plan =
      planOf({thermalStep("Heat", StepKind::Heat, 60), thermalStep("Ice", StepKind::Ice, 60)});
  const SwitchPrompt last = switchPrompt(plan, plan.phases.size() - 1);
  CHECK(last.title == "Ice is done: take the pack off");
  CHECK(last.nextKind.empty());
  CHECK(last.next.find("last application") != std::string::npos);
  CHECK(last.skin.rfind("Check your skin:", 0) == 0);
}
