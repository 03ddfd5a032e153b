// The recovery plan: default targets, target specs, validation and versions by date.
#include <catch2/catch.hpp>

#include "core/recovery/recovery_plan.hpp"

using namespace unknot;
using std::chrono::days;

namespace {

LogicalDate date(const char* text) {
  return *parseDate(text);
}

Target parse(const char* spec) {
  std::string error;
  auto target = parseTargetSpec(spec, error);
  INFO(error);
  REQUIRE(target);
  return *target;
}

}  // namespace

TEST_CASE("the default plan is six weeks of stretch x2, roll or massage x1, strength from week 2") {
  const PlanSettings settings = defaultPlanSettings();
  CHECK(settings.weeks == 6);
  CHECK(settings.restDaysPerWeek == 1);
  CHECK(settings.dayStartHour == 3);
  REQUIRE(settings.targets.size() == 3);
  CHECK(targetSpec(settings.targets[0]) == "stretch=2");
  CHECK(targetSpec(settings.targets[1]) == "foam-roll+massage=1");
  CHECK(targetSpec(settings.targets[2]) == "strength=1@2");
  CHECK(describeTarget(settings.targets[1]) == "foam-roll or massage");
  CHECK_FALSE(validatePlanSettings(settings));
  for (const auto& target : settings.targets)
    CHECK_FALSE(target.matches("heat-ice", Category::Thermal));
}

TEST_CASE("target specs round-trip and match routines or categories") {
  for (const char* spec : {"stretch=2", "foam-roll+massage=1", "strength=1@2",
                           "routine:pigeon-pose=3", "thermal=1@6", "any=1"}) {
    CHECK(targetSpec(parse(spec)) == spec);
  }
  const Target byRoutine = parse("routine:pigeon-pose=1");
  CHECK(byRoutine.matches("pigeon-pose", Category::Stretch));
  CHECK_FALSE(byRoutine.matches("seated-forward-bend", Category::Stretch));
  CHECK(describeTarget(parse("any=2")) == "any routine");
  CHECK(parse("any=1").matches("heat-ice", Category::Thermal));
  const Target byCategory = parse("foam-roll+massage=1");
  CHECK(byCategory.matches("ball-massage", Category::Massage));
  CHECK_FALSE(byCategory.matches("pigeon-pose", Category::Stretch));
}

TEST_CASE("bad target specs are refused with the reason") {
  const std::pair<const char*, const char*> cases[] = {
      {"stretch", "expected WHAT=N"},
      {"stretch=0", "1 to 10"},
      {"stretch=11", "1 to 10"},
      {"stretch=two", "1 to 10"},
      {"yoga=1", "unknown category 'yoga'"},
      {"stretch+=1", "unknown category ''"},
      {"stretch=1@0", "week after @"},
      {"stretch=1@7", "week after @"},
      {"routine:Pigeon=1", "routine id"},
      {"routine:=1", "routine id"},
  };
  for (const auto& [spec, message] : cases) {
    std::string error;
    INFO(spec);
    CHECK_FALSE(parseTargetSpec(spec, error));
    CHECK_THAT(error, Catch::Contains(message));
    CHECK_THAT(error, Catch::Contains(spec));
  }
}

TEST_CASE("a mistyped category in a target gets a did you mean") {
  std::string error;
  CHECK_FALSE(parseTargetSpec("strech=2", error));
  CHECK_THAT(error, Catch::EndsWith("unknown category 'strech' (did you mean 'stretch'?)"));
  CHECK_FALSE(parseTargetSpec("foam-rol+massage=1", error));
  CHECK_THAT(error, Catch::Contains("(did you mean 'foam-roll'?)"));
  CHECK_FALSE(parseTargetSpec("yoga=1", error));  // nothing close: the list of words instead
  CHECK_THAT(error, !Catch::Contains("did you mean") && Catch::Contains("stretch, foam-roll"));
  CHECK_FALSE(parseTargetWhat("strenght", error));
  CHECK_THAT(error, Catch::Contains("(did you mean 'strength'?)"));
}

TEST_CASE("setting one target keeps the others and removing one drops only it") {
  std::vector<Target> targets = defaultTargets();
  setTarget(targets, parse("stretch=3"));
  REQUIRE(targets.size() == 3);
  CHECK(targetSpec(targets[0]) == "stretch=3");
  CHECK(targetSpec(targets[1]) == "foam-roll+massage=1");
  CHECK(targetSpec(targets[2]) == "strength=1@2");
  setTarget(targets, parse("massage+foam-roll=2"));  // the same categories in another order
  CHECK(targets.size() == 3);
  CHECK(targets[1].perDay == 2);
  setTarget(targets, parse("routine:pigeon-pose=1"));
  CHECK(targets.size() == 4);
  std::string error;
  CHECK(removeTarget(targets, *parseTargetWhat("strength", error)));
  CHECK_FALSE(removeTarget(targets, *parseTargetWhat("posture", error)));
  REQUIRE(targets.size() == 3);
  CHECK(targetSpec(targets[2]) == "routine:pigeon-pose=1");
}

TEST_CASE("plan settings outside the limits are refused") {
  PlanSettings settings = defaultPlanSettings();
  settings.weeks = 1;
  CHECK_THAT(*validatePlanSettings(settings), Catch::Contains("2 to 6 weeks"));
  settings.weeks = 7;
  CHECK(validatePlanSettings(settings));
  settings = defaultPlanSettings();
  settings.weeks = 2;
  settings.targets.push_back(parse("thermal=1@3"));
  CHECK_THAT(*validatePlanSettings(settings), Catch::Contains("starts after the plan ends"));
  settings = defaultPlanSettings();
  settings.targets.clear();
  CHECK(validatePlanSettings(settings));
  settings = defaultPlanSettings();
  settings.restDaysPerWeek = 4;
  CHECK(validatePlanSettings(settings));
  settings = defaultPlanSettings();
  settings.dayStartHour = 13;
  CHECK(validatePlanSettings(settings));
}

TEST_CASE("plan days and weeks count civil dates from the start") {
  RecoveryPlan plan;
  plan.start = date("2024-03-25");
  plan.versions = {{plan.start, defaultPlanSettings()}};
  CHECK(plan.end() == date("2024-05-05"));  // 42 days, across the March DST change
  CHECK(plan.dayCount() == 42);
  CHECK(plan.dayNumber(date("2024-03-25")) == 1);
  CHECK(plan.dayNumber(date("2024-04-01")) == 8);
  CHECK(plan.weekNumber(date("2024-03-31")) == 1);
  CHECK(plan.weekNumber(date("2024-04-01")) == 2);
  CHECK(plan.targetsOn(date("2024-03-31")).size() == 2);  // strength starts in week 2
  CHECK(plan.targetsOn(date("2024-04-01")).size() == 3);
  CHECK_FALSE(plan.contains(date("2024-05-06")));
}

TEST_CASE("an edited plan keeps the targets past days had") {
  RecoveryPlan plan;
  plan.start = date("2024-03-01");
  PlanSettings edited = defaultPlanSettings();
  edited.targets = {parse("stretch=3")};
  edited.weeks = 4;
  plan.versions = {{plan.start, defaultPlanSettings()}, {date("2024-03-10"), edited}};
  CHECK(plan.settingsOn(date("2024-03-09")).targets.size() == 3);
  CHECK(plan.settingsOn(date("2024-03-10")).targets.size() == 1);
  CHECK(plan.targetsOn(date("2024-03-09"))[0].perDay == 2);
  CHECK(plan.targetsOn(date("2024-03-10"))[0].perDay == 3);
  CHECK(plan.end() == date("2024-03-28"));  // the current length applies to the whole plan
}

TEST_CASE("a plan replaced by a newer one ends the day before") {
  RecoveryPlan plan;
  plan.start = date("2024-03-01");
  plan.versions = {{plan.start, defaultPlanSettings()}};
  plan.cutOff = date("2024-03-09");
  CHECK(plan.end() == date("2024-03-09"));
  CHECK(plan.dayCount() == 9);
  plan.cutOff = date("2024-02-20");  // replaced before it began: no days at all
  CHECK(plan.dayCount() == 0);
  CHECK_FALSE(plan.contains(date("2024-03-01")));
}
