// Expansion at a dose: the level picks each step's overrides, and a sore side changes which side
// two-sided steps start on and where the extra holds go.
#include <catch2/catch.hpp>

#include "core/plan.hpp"
#include "support/routine_builder.hpp"

using namespace unknot;
using namespace unknot::testing;
using namespace std::chrono_literals;

namespace {

Plan expandAt(const Routine& routine, const Dose& dose) {
  auto result = expand(
      routine, [](std::string_view) -> const Routine* { return nullptr; }, dose);
  INFO((result.errors.empty() ? "" : result.errors.front().toString()));
  REQUIRE(result.plan);
  return *result.plan;
}

using Order = std::vector<std::pair<PhaseKind, Side>>;

Order orderOf(const Plan& plan) {
  Order order;
  for (const auto& p : plan.phases) order.emplace_back(p.kind, p.side);
  return order;
}

Step withLevels() {
  Step step = holdStep("Pigeon", 45, Sides::Both);
  step.switchTime = Millis(10s);
  StepOverride gentle;
  gentle.duration = Millis(30s);
  step.levels[static_cast<size_t>(Level::Gentle)] = gentle;
  StepOverride strong;
  strong.sets = 3;
  strong.name = "Deep pigeon";
  step.levels[static_cast<size_t>(Level::Strong)] = strong;
  return step;
}

}  // namespace

TEST_CASE("the dose's level picks each step's overrides") {
  const Routine routine = makeRoutine("p", {withLevels()});
  const Plan gentle = expandAt(routine, {Level::Gentle});
  CHECK(gentle.level == Level::Gentle);
  CHECK(gentle.total == 30s + 10s + 30s);
  const Plan standard = expandAt(routine, {});
  CHECK(standard.total == 45s + 10s + 45s);
  const Plan strong = expandAt(routine, {Level::Strong});
  CHECK(strong.phases.size() == 9);
  CHECK(strong.phases.front().label == "Deep pigeon");
  CHECK(strong.phases.back().set == 3);
  CHECK(strong.phases.back().setCount == 3);
}

TEST_CASE("a step skipped at a level adds no phase at that level") {
  Step extra = holdStep("Extra", 20);
  StepOverride skip;
  skip.skip = true;
  extra.levels[static_cast<size_t>(Level::Gentle)] = skip;
  const Routine routine = makeRoutine("p", {holdStep("Knee hug", 20), extra});
  CHECK(expandAt(routine, {Level::Gentle}).phases.size() == 1);
  CHECK(expandAt(routine, {Level::Strong}).phases.size() == 2);
}

TEST_CASE("the default dose expands exactly as before, with the same plan hash") {
  Step step = holdStep("Clamshell", 30, Sides::Both);
  step.sets = 2;
  step.rest = Millis(20s);
  const Routine routine = makeRoutine("clam", {step}, 5);
  const Plan plain =
      *expand(routine, [](std::string_view) -> const Routine* { return nullptr; }).plan;
  const Plan dosed = expandAt(routine, Dose{Level::Standard, Side::None, 2});
  CHECK(orderOf(plain) == orderOf(dosed));
  CHECK(planHash(plain) == planHash(dosed));
  CHECK(plain.level == Level::Standard);
  CHECK(plain.soreSide == Side::None);
}

TEST_CASE("right, left, right for a right sore side with one extra hold") {
  Step step = holdStep("Pigeon", 45, Sides::Both);
  const Plan plan = expandAt(makeRoutine("p", {step}), {Level::Standard, Side::Right, 1});
  const Order expected{{PhaseKind::Hold, Side::Right},
                       {PhaseKind::Switch, Side::Left},
                       {PhaseKind::Hold, Side::Left},
                       {PhaseKind::Switch, Side::Right},
                       {PhaseKind::Hold, Side::Right}};
  CHECK(orderOf(plan) == expected);
  CHECK(plan.soreSide == Side::Right);
  CHECK(plan.phases[3].text == "Change to the right side for Pigeon.");
  CHECK(plan.phases[3].say == "Switch to the right side.");
  // Each side counts its own holds: two on the right, one on the left.
  CHECK(plan.phases[0].set == 1);
  CHECK(plan.phases[0].setCount == 2);
  CHECK(plan.phases[2].setCount == 1);
  CHECK(plan.phases[4].set == 2);
  CHECK(plan.phases[4].setCount == 2);
}

TEST_CASE("a left sore side starts on the left and names the right side at the switch") {
  Step step = holdStep("Pigeon", 45, Sides::Both);
  const Plan plan = expandAt(makeRoutine("p", {step}), {Level::Standard, Side::Left, 0});
  const Order expected{{PhaseKind::Hold, Side::Left},
                       {PhaseKind::Switch, Side::Right},
                       {PhaseKind::Hold, Side::Right}};
  CHECK(orderOf(plan) == expected);
  CHECK(plan.phases[1].text == "Change to the right side for Pigeon.");
  CHECK(plan.total == 95s);
}

TEST_CASE(
    "extra sore holds come after all sets, with rest between the extra holds and counters per "
    "side") {
  Step step = holdStep("Clamshell", 30, Sides::Both);
  step.sets = 2;
  step.rest = Millis(20s);
  const Plan plan = expandAt(makeRoutine("c", {step}), {Level::Standard, Side::Left, 2});
  const Order expected{{PhaseKind::Hold, Side::Left},  {PhaseKind::Switch, Side::Right},
                       {PhaseKind::Hold, Side::Right}, {PhaseKind::Rest, Side::None},
                       {PhaseKind::Hold, Side::Left},  {PhaseKind::Switch, Side::Right},
                       {PhaseKind::Hold, Side::Right}, {PhaseKind::Switch, Side::Left},
                       {PhaseKind::Hold, Side::Left},  {PhaseKind::Rest, Side::None},
                       {PhaseKind::Hold, Side::Left}};
  CHECK(orderOf(plan) == expected);
  // A rest counts toward the side that comes next, the sore one.
  CHECK(plan.phases[3].text == "Rest before set 2 of 4 of Clamshell.");
  CHECK(plan.phases[9].text == "Rest before set 4 of 4 of Clamshell.");
  CHECK(plan.phases[10].set == 4);
  CHECK(plan.phases[10].setCount == 4);
  CHECK(plan.phases[6].set == 2);
  CHECK(plan.phases[6].setCount == 2);
}

TEST_CASE("extra sore holds are capped at two") {
  const Step step = holdStep("Pigeon", 45, Sides::Both);
  const Plan plan = expandAt(makeRoutine("p", {step}), {Level::Standard, Side::Right, 7});
  CHECK(plan.phases.back().setCount == 3);
}

TEST_CASE("sides = sore works the sore side only, or both sides when there is none") {
  const Step step = holdStep("Ball pressure", 45, Sides::Sore);
  const Routine routine = makeRoutine("b", {step});
  const Plan sore = expandAt(routine, {Level::Standard, Side::Left, 2});
  CHECK(orderOf(sore) == Order{{PhaseKind::Hold, Side::Left}});
  const Plan none = expandAt(routine, {});
  const Order both{{PhaseKind::Hold, Side::Right},
                   {PhaseKind::Switch, Side::Left},
                   {PhaseKind::Hold, Side::Left}};
  CHECK(orderOf(none) == both);
}

TEST_CASE("work phases carry the step's muscles, switch and rest phases none") {
  Step step = holdStep("Clamshell", 30, Sides::Both);
  step.muscles = {"gluteus-medius", "gluteus-minimus"};
  const Plan plan = expandAt(makeRoutine("c", {step}), {});
  CHECK(plan.phases[0].muscles == step.muscles);
  CHECK(plan.phases[1].muscles.empty());
  CHECK(plan.phases[2].muscles == step.muscles);
}

TEST_CASE("embedded routines are expanded at the same dose") {
  const Routine child = makeRoutine("child", {withLevels()});
  const Routine parent = makeRoutine("parent", {embedStep("child")});
  auto result =
      expand(parent, [&](std::string_view id) { return id == "child" ? &child : nullptr; },
             {Level::Gentle, Side::Left, 1});
  REQUIRE(result.plan);
  CHECK(result.plan->phases.front().side == Side::Left);
  CHECK(result.plan->phases.front().duration == Millis(30s));
  CHECK(result.plan->phases.size() == 5);
}
