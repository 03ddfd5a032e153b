// A step's `pose`: checked against the pose library the app passes in, positioned and with
// "did you mean"; a level may name its own; expansion carries it to every phase it draws.
#include <catch2/catch.hpp>

#include "core/plan.hpp"
#include "loader_helpers.hpp"

using namespace unknot;
using namespace unknot::testing;

namespace {

LoaderOptions withPoses() {
  return {{}, std::vector<std::string>{"pigeon", "glute-bridge", "single-leg-bridge"}};
}

}  // namespace

TEST_CASE("a step's pose is read and carried to its work, switch and prepare phases") {
  const Routine routine = loadOk(parseText(withStep("name = \"Pigeon\"\nduration = 30\n"
                                                    "sides = \"both\"\npose = \"pigeon\"\n"),
                                           "x.toml", withPoses()));
  REQUIRE(routine.steps.front().pose == "pigeon");
  const ExpandResult expanded = expand(routine, [](std::string_view) { return nullptr; });
  REQUIRE(expanded.plan);
  for (const Phase& phase : expanded.plan->phases) {
    INFO(toString(phase.kind));
    CHECK(phase.pose == "pigeon");
  }
}

TEST_CASE("an unknown pose id is an error at its value, with did-you-mean") {
  const auto result = parseText(withStep("name = \"P\"\nduration = 30\npose = \"pigeom\"\n"),
                                "x.toml", withPoses());
  CHECK(onlyError(result) ==
        "x.toml:7:8: steps[1].pose: unknown pose 'pigeom' (did you mean "
        "'pigeon'?)");
  const auto far = parseText(withStep("name = \"P\"\nduration = 30\npose = \"handstand\"\n"),
                             "x.toml", withPoses());
  CHECK(onlyError(far) ==
        "x.toml:7:8: steps[1].pose: unknown pose 'handstand' (see unknot poses for the ids)");
  const auto notId = parseText(withStep("name = \"P\"\nduration = 30\npose = 3\n"));
  CHECK(onlyError(notId).rfind("x.toml:7:8: steps[1].pose: expected the id of a pose", 0) == 0);
}

TEST_CASE("a level may draw the step with another pose, checked the same way") {
  const std::string step =
      "name = \"Bridge\"\nkind = \"reps\"\nreps = 10\npose = \"glute-bridge\"\n"
      "[steps.strong]\npose = \"single-leg-bridge\"\n[steps.gentle]\npose = \"glute-bridje\"\n";
  const auto bad = parseText(withStep(step), "x.toml", withPoses());
  CHECK(onlyError(bad) ==
        "x.toml:12:8: steps[1].gentle.pose: unknown pose 'glute-bridje' (did you "
        "mean 'glute-bridge'?)");
  const std::string good =
      "name = \"Bridge\"\nkind = \"reps\"\nreps = 10\npose = \"glute-bridge\"\n"
      "[steps.strong]\npose = \"single-leg-bridge\"\n";
  const Routine routine = loadOk(parseText(withStep(good), "x.toml", withPoses()));
  CHECK(stepAtLevel(routine.steps.front(), Level::Strong)->pose == "single-leg-bridge");
  CHECK(stepAtLevel(routine.steps.front(), Level::Gentle)->pose == "glute-bridge");
}

TEST_CASE("without a pose library any well-formed pose id loads") {
  const Routine routine =
      loadOk(parseText(withStep("name = \"P\"\nduration = 30\npose = \"my-own\"\n")));
  CHECK(routine.steps.front().pose == "my-own");
}

TEST_CASE("a hold or reps step without a pose is warned about once, a rest step is not") {
  const Routine routine =
      loadOk(parseText("schema = 1\nname = \"X\"\n\n[[steps]]\nname = \"A\"\nduration = 30\n\n"
                       "[[steps]]\nname = \"B\"\nkind = \"rest\"\nduration = 10\n\n"
                       "[[steps]]\nname = \"C\"\nkind = \"reps\"\nreps = 5\npose = \"p\"\n"
                       "[steps.strong]\npose = \"q\"\n"));
  const Diagnostics warnings = stepsWithoutPose(routine);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings.front().toString().rfind("x.toml:4:1: steps[1]: no pose", 0) == 0);
}
