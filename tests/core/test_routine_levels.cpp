// The loader's side of levels and muscles: [steps.gentle] and [steps.strong] override some of a
// step's keys, are checked like the step's own keys, and each mistake is positioned.
#include <catch2/catch.hpp>

#include "core/muscles.hpp"
#include "loader_helpers.hpp"

using namespace unknot;
using namespace unknot::testing;
using namespace std::chrono_literals;

namespace {

// Keys on lines 5-9, then the level tables from line 10.
const std::string kBridge =
    "name = \"Bridge\"\nkind = \"reps\"\nreps = 12\nrep_time = \"3s\"\nsets = 3\n";
const std::string kHold =
    "name = \"Pigeon\"\nduration = 45\nsides = \"both\"\nsets = 2\nrest = 10\n";

const StepOverride& levelOf(const Step& step, Level level) {
  const auto& override = step.levels[static_cast<size_t>(level)];
  REQUIRE(override);
  return *override;
}

}  // namespace

TEST_CASE("a strong override replaces reps and keeps the rest of the step") {
  const Routine routine =
      loadOk(parseText(withStep(kBridge + "[steps.strong]\nreps = 15\nrep_time = \"4s\"\n")));
  const Step& step = routine.steps.at(0);
  CHECK_FALSE(step.levels[static_cast<size_t>(Level::Gentle)]);
  CHECK_FALSE(step.levels[static_cast<size_t>(Level::Standard)]);
  CHECK(levelOf(step, Level::Strong).pos.line == 10);
  const auto strong = stepAtLevel(step, Level::Strong);
  REQUIRE(strong);
  CHECK(strong->reps == 15);
  CHECK(strong->repTime == Millis(4s));
  CHECK(strong->sets == 3);
  CHECK(strong->name == "Bridge");
  CHECK(stepAtLevel(step, Level::Standard)->reps == 12);
  CHECK(stepAtLevel(step, Level::Gentle)->reps == 12);
}

TEST_CASE("a level table may change each of name, duration, sets, rest, text and say") {
  const Routine routine =
      loadOk(parseText(withStep(
          kHold + "[steps.gentle]\nname = \"Easy pigeon\"\nduration = \"30s\"\nsets = 1\nrest = 0\n"
                  "text = \"Less deep.\"\nsay = \"Easy.\"\n")));
  const auto gentle = stepAtLevel(routine.steps.at(0), Level::Gentle);
  REQUIRE(gentle);
  CHECK(gentle->name == "Easy pigeon");
  CHECK(gentle->duration == Millis(30s));
  CHECK(gentle->sets == 1);
  CHECK(gentle->rest == 0s);
  CHECK(gentle->text == "Less deep.");
  CHECK(gentle->say == "Easy.");
  CHECK(gentle->sides == Sides::Both);
}

TEST_CASE("a level that renames a step without its own say speaks the new name") {
  const Routine plain =
      loadOk(parseText(withStep(kHold + "[steps.strong]\nname = \"Deep pigeon\"\n")));
  CHECK(stepAtLevel(plain.steps.at(0), Level::Strong)->say == "Deep pigeon");
  const Routine spoken = loadOk(
      parseText(withStep(kHold + "say = \"Pigeon pose.\"\n[steps.strong]\nname = \"Deep\"\n")));
  CHECK(stepAtLevel(spoken.steps.at(0), Level::Strong)->say == "Pigeon pose.");
}

TEST_CASE("skip = true leaves a step out at that level only") {
  const Routine routine = loadOk(parseText(
      withStep(kHold + "[steps.gentle]\nskip = true\n\n[[steps]]\nname = \"B\"\nduration = 5\n")));
  CHECK_FALSE(stepAtLevel(routine.steps.at(0), Level::Gentle));
  CHECK(stepAtLevel(routine.steps.at(0), Level::Strong));
  CHECK(stepAtLevel(routine.steps.at(1), Level::Gentle));
}

TEST_CASE("an unknown key in a level table is positioned and gets a suggestion") {
  CHECK(onlyError(parseText(withStep(kBridge + "[steps.strong]\nreps = 15\nrepz = 3\n"))) ==
        "x.toml:12:1: steps[1].strong: unknown key 'repz' (did you mean 'reps'?)");
  CHECK(onlyError(parseText(withStep(kBridge + "[steps.strong]\nfoo = 1\n"))) ==
        "x.toml:11:1: steps[1].strong: unknown key 'foo'");
}

TEST_CASE("a level cannot change what the exercise is") {
  CHECK(onlyError(parseText(withStep(kHold + "[steps.gentle]\nsides = \"left\"\n"))) ==
        "x.toml:11:1: steps[1].gentle.sides: a level cannot change it (a level table takes "
        "name, duration, reps, rep_time, sets, rest, text, say, pose and skip)");
}

TEST_CASE("level values follow the rules of the step's own keys") {
  CHECK(onlyError(parseText(withStep(kHold + "[steps.strong]\nreps = 10\n"))) ==
        "x.toml:11:8: steps[1].strong.reps: only used by kind \"reps\", this step is \"hold\"");
  CHECK(onlyError(parseText(withStep(kBridge + "[steps.gentle]\nduration = 30\n"))) ==
        "x.toml:11:12: steps[1].gentle.duration: not used by kind \"reps\": a reps step lasts "
        "reps x rep_time");
  CHECK(onlyError(parseText(withStep(kHold + "[steps.strong]\nsets = 0\n"))) ==
        "x.toml:11:8: steps[1].strong.sets: expected a whole number from 1 to 50, found 0");
  CHECK(onlyError(parseText(withStep(kHold + "[steps.gentle]\nduration = \"soon\"\n"))) ==
        "x.toml:11:12: steps[1].gentle.duration: expected a duration like 45, \"45s\" or "
        "\"1m30s\", found \"soon\"");
  CHECK(onlyError(parseText(withStep(kHold + "[steps.gentle]\nskip = \"yes\"\n"))) ==
        "x.toml:11:8: steps[1].gentle.skip: expected true or false, found \"yes\"");
  CHECK(
      onlyError(parseText(withStep(kBridge + "[steps.strong]\nreps = 500\nrep_time = \"1m\"\n"))) ==
      "x.toml:12:12: steps[1].strong.rep_time: 500 reps x 1m = 8h20m, expected at most 2h per "
      "set");
}

TEST_CASE("a level must be a table, and the standard level is the step itself") {
  CHECK(onlyError(parseText(withStep(kHold + "gentle = \"short\"\n"))) ==
        "x.toml:10:10: steps[1].gentle: expected a table of what this level changes (e.g. "
        "[steps.gentle] with duration = \"30s\"), found \"short\"");
  CHECK(onlyError(parseText(withStep(kHold + "[steps.standard]\nduration = 30\n"))) ==
        "x.toml:10:1: steps[1].standard: the step's own keys are its standard level; only "
        "[steps.gentle] and [steps.strong] change it");
  CHECK(onlyError(parseText(withStep(kHold + "[steps.medium]\nduration = 30\n"))) ==
        "x.toml:10:8: steps[1]: unknown key 'medium'");
}

TEST_CASE("skip together with other keys is an error") {
  CHECK(onlyError(parseText(withStep(kHold + "[steps.gentle]\nskip = true\nsets = 1\n"))) ==
        "x.toml:10:1: steps[1].gentle: skip = true leaves the step out at this level, so its "
        "other keys would do nothing; remove them");
}

TEST_CASE("a level that leaves every step out is an error at the routine") {
  CHECK(onlyError(parseText(withStep(kHold + "[steps.strong]\nskip = true\n"))) ==
        "x.toml:1:1: level strong: every step has skip = true, so nothing is left to do; keep "
        "at least one step at this level");
}

TEST_CASE("an embedded routine's step takes no level table") {
  CHECK(onlyError(parseText(withStep("routine = \"pigeon\"\n[steps.gentle]\nskip = true\n"))) ==
        "x.toml:6:8: steps[1].gentle: not allowed together with 'routine' (an embedded routine "
        "brings its own steps; change them in its file)");
}

TEST_CASE("sides = \"sore\" loads") {
  const Routine routine =
      loadOk(parseText(withStep("name = \"Ball\"\nduration = 30\nsides = \"sore\"\n")));
  CHECK(routine.steps.at(0).sides == Sides::Sore);
}

TEST_CASE("muscles load from the fixed vocabulary") {
  const Routine routine = loadOk(parseText(withStep(
      "name = \"Clam\"\nduration = 30\nmuscles = [\"gluteus-medius\", \"piriformis\"]\n")));
  CHECK(routine.steps.at(0).muscles == std::vector<std::string>{"gluteus-medius", "piriformis"});
  CHECK(isKnownMuscle("tensor-fasciae-latae"));
  CHECK_FALSE(isKnownMuscle("glutes"));
}

TEST_CASE("an unknown or repeated muscle is positioned at its item") {
  CHECK(onlyError(parseText(withStep(
            "name = \"A\"\nduration = 30\nmuscles = [\"gluteus-medius\", \"piriformus\"]\n"))) ==
        "x.toml:7:30: steps[1].muscles[2]: unknown muscle 'piriformus' (did you mean "
        "'piriformis'?)");
  CHECK(onlyError(parseText(withStep("name = \"A\"\nduration = 30\nmuscles = [\"calves\"]\n"))) ==
        "x.toml:7:12: steps[1].muscles[1]: unknown muscle 'calves' (see docs/routines.md, "
        "\"Muscles\", for the names)");
  CHECK(onlyError(parseText(withStep(
            "name = \"A\"\nduration = 30\nmuscles = [\"hamstrings\", \"hamstrings\"]\n"))) ==
        "x.toml:7:26: steps[1].muscles[2]: 'hamstrings' is listed twice");
  CHECK(onlyError(parseText(withStep("name = \"A\"\nduration = 30\nmuscles = \"piriformis\"\n"))) ==
        "x.toml:7:11: steps[1].muscles: expected an array of strings like [\"glutes\", \"hips\"], "
        "found \"piriformis\"");
}

TEST_CASE("a level's long heat gets the same warning as the step's own") {
  const Routine routine = loadOk(parseText(
      withStep("name = \"Heat\"\nkind = \"heat\"\nduration = \"10m\"\n[steps.strong]\nduration = "
               "\"25m\"\n")));
  REQUIRE(routine.warnings.size() == 1);
  CHECK(routine.warnings.front().toString() ==
        "x.toml:9:12: steps[1].strong.duration: heat for 25m: more than 20 minutes per "
        "application risks skin damage; keep a cloth between skin and the heat pack");
}
