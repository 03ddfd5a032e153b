// Small plans for the view tests, built in code so they do not depend on routine files.
#pragma once

#include <catch2/catch.hpp>

#include "core/plan.hpp"
#include "support/routine_builder.hpp"

namespace unknot::testing {

inline Plan planOf(const Routine& routine) {
  auto result = expand(routine, [](std::string_view) -> const Routine* { return nullptr; });
  REQUIRE(result.plan);
  return *result.plan;
}

// prepare 5 s, right 30 s, switch 5 s, left 30 s
inline Plan sidedPlan() {
  return planOf(makeRoutine("pigeon", {holdStep("Pigeon", 30, Sides::Both)}, 5));
}

// A manual step with no time limit: it waits for Done.
inline Plan manualPlan() {
  Step step;
  step.name = "Find the tender spot";
  step.say = step.name;
  step.kind = StepKind::Manual;
  return planOf(makeRoutine("manual", {step}, 0));
}

}  // namespace unknot::testing
