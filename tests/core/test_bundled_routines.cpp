// The bundled routines as a careful physiotherapist reads them (docs/routines.md, "How the
// bundled routines are written"): every two-sided step names the limb each side means and
// leaves time to change sides, every step that loads a joint says when to stop, pigeon pose
// offers an option that spares the knee, heat never goes on skin still cold from ice and rests
// on the body rather than under it, and the units are metric. Each rule holds at every level
// (docs/routines.md, "Levels"), and every work step names its muscles.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>

#include "core/figure/pose_loader.hpp"
#include "core/routine_library.hpp"

using namespace unknot;

namespace {

const figure::PoseLibrary& bundledPoses() {
  static const figure::PoseLibrary poses =
      figure::PoseLibrary::load({std::filesystem::path(UNKNOT_SOURCE_DIR) / "assets" / "poses"});
  return poses;
}

const RoutineLibrary& bundled() {
  static const RoutineLibrary library = [] {
    const std::filesystem::path source = UNKNOT_SOURCE_DIR;
    std::vector<std::string> ids;
    for (const figure::PoseEntry& entry : bundledPoses().entries()) ids.push_back(entry.id);
    return RoutineLibrary::load({source / "routines"}, {source / "assets", std::move(ids)});
  }();
  return library;
}

bool contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

// Every step of every bundled routine as done at every level (skipped steps left out).
template <typename Visit>
void forEachLevelStep(Visit visit) {
  for (const LibraryEntry& entry : bundled().entries()) {
    REQUIRE(entry.routine);
    for (Level level : kLevels) {
      for (const Step& written : entry.routine->steps) {
        if (const auto step = stepAtLevel(written, level)) visit(entry, level, *step);
      }
    }
  }
}

Plan planAt(const LibraryEntry& entry, Level level) {
  auto result = expand(*entry.routine,
                       [](std::string_view id) { return bundled().findRoutine(id); }, {level});
  INFO(entry.id << " at " << toString(level) << ": "
                << (result.errors.empty() ? "" : result.errors.front().toString()));
  REQUIRE(result.plan);
  return *result.plan;
}

}  // namespace

TEST_CASE("every two-sided bundled step names the limb each side means and gives 10 s to switch") {
  int twoSided = 0;
  forEachLevelStep([&](const LibraryEntry& entry, Level level, const Step& step) {
    // A sore-side step runs on both sides when the plan names no sore side.
    if (step.sides != Sides::Both && step.sides != Sides::Sore) return;
    INFO(entry.id << " at " << toString(level) << ": " << step.name);
    if (level == Level::Standard) ++twoSided;
    // "Right side: right knee forward; left side: left knee forward."
    REQUIRE(step.text.rfind("Right side: ", 0) == 0);
    const size_t left = step.text.find("; left side: ");
    REQUIRE(left != std::string::npos);
    CHECK(contains(step.text.substr(12, left - 12), "right"));
    CHECK(step.switchTime >= Millis(10'000));
  });
  CHECK(twoSided >= 8);
}

TEST_CASE(
    "every bundled step that loads a joint says to stop on sharp pain, numbness or tingling") {
  forEachLevelStep([](const LibraryEntry& entry, Level level, const Step& step) {
    if (!step.embeddedId.empty()) return;
    if (step.kind != StepKind::Hold && step.kind != StepKind::Reps && step.kind != StepKind::Manual)
      return;
    INFO(entry.id << " at " << toString(level) << ": " << step.name << "\n" << step.text);
    CHECK(contains(step.text, "sharp"));
    CHECK(std::regex_search(step.text, std::regex("numbness\\s+or\\s+tingling")));
  });
}

TEST_CASE("every bundled work step names the muscles it works") {
  forEachLevelStep([](const LibraryEntry& entry, Level, const Step& step) {
    if (!step.embeddedId.empty()) return;
    if (step.kind != StepKind::Hold && step.kind != StepKind::Reps && step.kind != StepKind::Manual)
      return;
    INFO(entry.id << ": " << step.name);
    CHECK_FALSE(step.muscles.empty());
  });
}

TEST_CASE("every bundled routine expands at every level, gentle to strong in order of time") {
  for (const LibraryEntry& entry : bundled().entries()) {
    INFO(entry.id);
    const Plan gentle = planAt(entry, Level::Gentle);
    const Plan standard = planAt(entry, Level::Standard);
    const Plan strong = planAt(entry, Level::Strong);
    CHECK(planHash(standard) == planHash(*entry.plan));
    CHECK(gentle.total <= standard.total);
    CHECK(standard.total <= strong.total);
  }
}

TEST_CASE("the gentle level has no loaded single-leg work, bands or weights") {
  const std::regex loaded(
      "single-leg|\\bband\\b|holding a (light )?weight|stand on the (right|left) leg",
      std::regex::icase);
  forEachLevelStep([&](const LibraryEntry& entry, Level level, const Step& step) {
    if (level != Level::Gentle) return;
    INFO(entry.id << ": " << step.name << "\n" << step.text);
    CHECK_FALSE(std::regex_search(step.name + " " + step.text, loaded));
  });
}

TEST_CASE("massage and rolling work the sore side when the plan names one") {
  for (const char* id : {"ball-massage", "foam-roll-glutes", "sore-day"}) {
    INFO(id);
    const Routine* routine = bundled().findRoutine(id);
    REQUIRE(routine);
    CHECK(std::any_of(routine->steps.begin(), routine->steps.end(),
                      [](const Step& s) { return s.sides == Sides::Sore; }));
  }
}

TEST_CASE("pigeon pose offers the figure-four when it is hard on the knee") {
  const Routine* pigeon = bundled().findRoutine("pigeon-pose");
  REQUIRE(pigeon);
  CHECK(contains(pigeon->steps.at(0).text, "If pigeon is hard on your knee, do the figure-four"));
  CHECK(bundled().findRoutine("figure-four-stretch"));
}

TEST_CASE("bundled heat never follows ice within 20 minutes and rests on the body, not under it") {
  for (const LibraryEntry& entry : bundled().entries()) {
    for (Level level : kLevels) {
      const Plan plan = planAt(entry, level);
      std::optional<Millis> iceEnded;
      for (const Phase& phase : plan.phases) {
        if (phase.kind == PhaseKind::Ice)
          iceEnded = phase.offset + phase.duration.value_or(Millis(0));
        if (phase.kind != PhaseKind::Heat) continue;
        INFO(entry.id << ": " << phase.label << " at " << phase.offset.count() / 1000 << " s");
        if (iceEnded) CHECK(phase.offset - *iceEnded >= Millis(20 * 60'000));
        CHECK(contains(phase.text, "Do not lie or sit on it"));
        CHECK(contains(phase.text, "reduced feeling"));
        CHECK(contains(phase.text, "never put heat on skin that is still cold or numb from ice"));
      }
      for (const Phase& phase : plan.phases) {
        if (phase.kind == PhaseKind::Ice) CHECK(contains(phase.text, "reduced feeling"));
      }
    }
  }
  const Routine* heatIce = bundled().findRoutine("heat-ice");
  REQUIRE(heatIce);
  CHECK(heatIce->rounds == 1);
}

TEST_CASE("bundled texts use metric units") {
  const std::regex imperial("\\b(inch|inches|yard|yards|pound|pounds|lb|lbs|ounce|ounces)\\b",
                            std::regex::icase);
  forEachLevelStep([&](const LibraryEntry& entry, Level, const Step& step) {
    INFO(entry.id << ": " << step.name);
    CHECK_FALSE(std::regex_search(step.text, imperial));
  });
  const Routine* roll = bundled().findRoutine("foam-roll-glutes");
  REQUIRE(roll);
  CHECK(contains(roll->steps.at(0).text, "2–3 cm a second"));
}

TEST_CASE("every bundled step is drawn: it names a pose of the library at every level") {
  int steps = 0;
  forEachLevelStep([&](const LibraryEntry& entry, Level level, const Step& step) {
    if (!step.embeddedId.empty()) return;
    INFO(entry.id << " at " << toString(level) << ": " << step.name);
    ++steps;
    REQUIRE_FALSE(step.pose.empty());
    CHECK(bundledPoses().find(step.pose) != nullptr);
  });
  CHECK(steps > 30);
  for (const LibraryEntry& entry : bundled().entries()) {
    INFO(entry.id);
    CHECK(stepsWithoutPose(*entry.routine).empty());
  }
}

TEST_CASE("the strong level's bridge is the single-leg bridge, drawn as one") {
  const Routine* routine = bundled().findRoutine("glute-strength");
  REQUIRE(routine);
  CHECK(stepAtLevel(routine->steps.front(), Level::Standard)->pose == "glute-bridge");
  CHECK(stepAtLevel(routine->steps.front(), Level::Strong)->pose == "single-leg-bridge");
}
