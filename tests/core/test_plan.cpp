#include <catch2/catch.hpp>

#include "core/plan.hpp"
#include "support/routine_builder.hpp"

using namespace unknot;
using namespace unknot::testing;
using namespace std::chrono_literals;

namespace {

RoutineResolver noEmbedding() {
  return [](std::string_view) -> const Routine* { return nullptr; };
}

Plan expandOk(const Routine& routine, const RoutineResolver& resolve = noEmbedding()) {
  auto result = expand(routine, resolve);
  INFO((result.errors.empty() ? "" : result.errors.front().toString()));
  REQUIRE(result.plan);
  return *result.plan;
}

}  // namespace

TEST_CASE("both sides expand to right, switch, left with offsets") {
  auto routine = makeRoutine("pigeon", {holdStep("Pigeon pose", 45, Sides::Both)}, 10);
  const Plan plan = expandOk(routine);
  REQUIRE(plan.phases.size() == 4);
  CHECK(plan.phases[0].kind == PhaseKind::Prepare);
  CHECK(plan.phases[0].offset == 0ms);
  CHECK(plan.phases[1].side == Side::Right);
  CHECK(plan.phases[1].offset == 10s);
  CHECK(plan.phases[2].kind == PhaseKind::Switch);
  CHECK(plan.phases[2].offset == 55s);
  CHECK(plan.phases[3].side == Side::Left);
  CHECK(plan.phases[3].offset == 60s);
  CHECK(plan.total == 105s);
  CHECK(plan.phases[0].text.find("Pigeon pose") != std::string::npos);
}

TEST_CASE("sets alternate sides within each set with rest between sets") {
  Step step = holdStep("Clamshell", 30, Sides::Both);
  step.sets = 2;
  step.rest = Millis(20s);
  step.switchTime = Millis(3s);
  const Plan plan = expandOk(makeRoutine("clam", {step}));
  std::vector<std::pair<PhaseKind, Side>> order;
  for (const auto& p : plan.phases) order.emplace_back(p.kind, p.side);
  const std::vector<std::pair<PhaseKind, Side>> expected{
      {PhaseKind::Hold, Side::Right}, {PhaseKind::Switch, Side::Left},
      {PhaseKind::Hold, Side::Left},  {PhaseKind::Rest, Side::None},
      {PhaseKind::Hold, Side::Right}, {PhaseKind::Switch, Side::Left},
      {PhaseKind::Hold, Side::Left}};
  CHECK(order == expected);
  CHECK(plan.phases[4].set == 2);
  CHECK(plan.phases[4].setCount == 2);
  CHECK(plan.phases[6].offset == 30s + 3s + 30s + 20s + 30s + 3s);
  CHECK(plan.total == 146s);
}

TEST_CASE("rounds repeat all steps with a round rest between them") {
  auto routine = makeRoutine("r", {holdStep("A", 20), holdStep("B", 10)});
  routine.rounds = 3;
  routine.restBetweenRounds = Millis(15s);
  const Plan plan = expandOk(routine);
  REQUIRE(plan.phases.size() == 8);
  CHECK(plan.phases[2].kind == PhaseKind::RoundRest);
  CHECK(plan.phases[3].round == 2);
  CHECK(plan.phases[3].roundCount == 3);
  CHECK(plan.phases[7].round == 3);
  CHECK(plan.total == 3 * 30s + 2 * 15s);
}

TEST_CASE("timed reps last reps times rep_time and untimed reps wait for Done") {
  Step timed;
  timed.name = "Bridge";
  timed.kind = StepKind::Reps;
  timed.reps = 12;
  timed.repTime = Millis(3s);
  Step untimed = timed;
  untimed.repTime.reset();
  const Plan plan = expandOk(makeRoutine("s", {timed, untimed}));
  CHECK(plan.phases[0].duration == Millis(36s));
  CHECK_FALSE(plan.phases[1].duration.has_value());
  CHECK(plan.hasUntimedPhases);
  CHECK(plan.total == 36s);
}

TEST_CASE("halfway defaults on for timed steps of 20 s or more") {
  auto plan = expandOk(makeRoutine("h", {holdStep("Long", 20), holdStep("Short", 19)}));
  CHECK(plan.phases[0].halfway);
  CHECK_FALSE(plan.phases[1].halfway);
  Step off = holdStep("Off", 60);
  off.halfway = false;
  CHECK_FALSE(expandOk(makeRoutine("o", {off})).phases[0].halfway);
}

TEST_CASE("embedded routines bring their steps and rounds but not their prepare") {
  auto child = makeRoutine("child", {holdStep("Child hold", 30)}, 10);
  child.rounds = 2;
  auto parent = makeRoutine("parent", {holdStep("First", 10), embedStep("child")}, 5);
  auto resolve = [&](std::string_view id) -> const Routine* {
    return id == "child" ? &child : nullptr;
  };
  const Plan plan = expandOk(parent, resolve);
  REQUIRE(plan.phases.size() == 4);
  CHECK(plan.phases[0].kind == PhaseKind::Prepare);
  CHECK(plan.phases[2].label == "Child hold");
  CHECK(plan.phases[2].routineId == "child");
  CHECK(plan.phases[3].label == "Child hold");
  CHECK(plan.total == 5s + 10s + 60s);
}

TEST_CASE("an embedding cycle is an error naming the whole cycle") {
  auto a = makeRoutine("a", {embedStep("b")});
  auto b = makeRoutine("b", {embedStep("c")});
  auto c = makeRoutine("c", {embedStep("a")});
  auto resolve = [&](std::string_view id) -> const Routine* {
    return id == "a" ? &a : id == "b" ? &b : id == "c" ? &c : nullptr;
  };
  auto result = expand(a, resolve);
  REQUIRE_FALSE(result.plan);
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].toString() == "c.toml:7:12: routine: embedding cycle a -> b -> c -> a");
}

TEST_CASE("a routine embedding itself is a cycle") {
  auto a = makeRoutine("a", {embedStep("a")});
  auto result = expand(a, [&](std::string_view) { return &a; });
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].message == "routine: embedding cycle a -> a");
}

TEST_CASE("embedding an unknown id is an error at the routine key") {
  auto result = expand(makeRoutine("p", {embedStep("nope")}), noEmbedding());
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].toString() == "p.toml:7:12: routine: no routine with id 'nope' to embed");
}

TEST_CASE("more than 500 phases is an error") {
  Step step = holdStep("Tiny", 1, Sides::Both);
  step.sets = 50;
  auto routine = makeRoutine("big", {step, step});
  routine.rounds = 3;
  auto result = expand(routine, noEmbedding());
  REQUIRE_FALSE(result.plan);
  CHECK(result.errors[0].message.find("more than 500 phases") != std::string::npos);
}

TEST_CASE("a routine longer than 6 hours is an error") {
  auto routine = makeRoutine("long", {holdStep("Two hours", 7200), holdStep("Two hours", 7200)});
  routine.rounds = 2;
  auto result = expand(routine, noEmbedding());
  REQUIRE_FALSE(result.plan);
  CHECK(result.errors[0].message == "routine lasts 8h, the limit is 6h");
}

TEST_CASE("the plan hash changes when what the user does changes") {
  auto a = expandOk(makeRoutine("x", {holdStep("Hold", 30)}));
  auto b = expandOk(makeRoutine("x", {holdStep("Hold", 31)}));
  auto c = expandOk(makeRoutine("x", {holdStep("Hold", 30)}));
  CHECK(planHash(a) != planHash(b));
  CHECK(planHash(a) == planHash(c));
  CHECK(planHash(a).size() == 16);
}

TEST_CASE("the lead-in and the rests between sets say what to do, not a second next line") {
  Step bridge = holdStep("Glute bridge", 30);
  bridge.sets = 2;
  bridge.rest = Millis(20'000);
  auto result = expand(makeRoutine("strength", {bridge}, 10),
                       [](std::string_view) -> const Routine* { return nullptr; });
  REQUIRE(result.plan);
  const auto& phases = result.plan->phases;
  REQUIRE(phases.size() == 4);
  CHECK(phases[0].text == "Get into position for Glute bridge.");
  CHECK(phases[2].kind == PhaseKind::Rest);
  CHECK(phases[2].text == "Rest before set 2 of 2 of Glute bridge.");
  for (const Phase& phase : phases) CHECK(phase.text.rfind("Next:", 0) == std::string::npos);
}
