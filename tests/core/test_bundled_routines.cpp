// The bundled routines as a careful physiotherapist reads them (docs/routines.md, "How the
// bundled routines are written"): every two-sided step names the limb each side means and
// leaves time to change sides, every step that loads a joint says when to stop, pigeon pose
// offers an option that spares the knee, heat never goes on skin still cold from ice and rests
// on the body rather than under it, and the units are metric.
#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>

#include "core/routine_library.hpp"

using namespace unknot;

namespace {

const RoutineLibrary& bundled() {
  static const RoutineLibrary library = [] {
    const std::filesystem::path source = UNKNOT_SOURCE_DIR;
    return RoutineLibrary::load({source / "routines"}, {source / "assets"});
  }();
  return library;
}

bool contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("every two-sided bundled step names the limb each side means and gives 10 s to switch") {
  int twoSided = 0;
  for (const LibraryEntry& entry : bundled().entries()) {
    REQUIRE(entry.routine);
    for (const Step& step : entry.routine->steps) {
      if (step.sides != Sides::Both) continue;
      INFO(entry.id << ": " << step.name);
      ++twoSided;
      // "Right side: right knee forward; left side: left knee forward."
      REQUIRE(step.text.rfind("Right side: ", 0) == 0);
      const size_t left = step.text.find("; left side: ");
      REQUIRE(left != std::string::npos);
      CHECK(contains(step.text.substr(12, left - 12), "right"));
      CHECK(step.switchTime >= Millis(10'000));
    }
  }
  CHECK(twoSided >= 8);
}

TEST_CASE(
    "every bundled step that loads a joint says to stop on sharp pain, numbness or tingling") {
  for (const LibraryEntry& entry : bundled().entries()) {
    for (const Step& step : entry.routine->steps) {
      if (!step.embeddedId.empty()) continue;
      if (step.kind != StepKind::Hold && step.kind != StepKind::Reps &&
          step.kind != StepKind::Manual)
        continue;
      INFO(entry.id << ": " << step.name << "\n" << step.text);
      CHECK(contains(step.text, "sharp"));
      CHECK(std::regex_search(step.text, std::regex("numbness\\s+or\\s+tingling")));
    }
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
    REQUIRE(entry.plan);
    std::optional<Millis> iceEnded;
    for (const Phase& phase : entry.plan->phases) {
      if (phase.kind == PhaseKind::Ice)
        iceEnded = phase.offset + phase.duration.value_or(Millis(0));
      if (phase.kind != PhaseKind::Heat) continue;
      INFO(entry.id << ": " << phase.label << " at " << phase.offset.count() / 1000 << " s");
      if (iceEnded) CHECK(phase.offset - *iceEnded >= Millis(20 * 60'000));
      CHECK(contains(phase.text, "Do not lie or sit on it"));
      CHECK(contains(phase.text, "reduced feeling"));
      CHECK(contains(phase.text, "never put heat on skin that is still cold or numb from ice"));
    }
    for (const Phase& phase : entry.plan->phases) {
      if (phase.kind == PhaseKind::Ice) CHECK(contains(phase.text, "reduced feeling"));
    }
  }
  const Routine* heatIce = bundled().findRoutine("heat-ice");
  REQUIRE(heatIce);
  CHECK(heatIce->rounds == 1);
}

TEST_CASE("bundled texts use metric units") {
  const std::regex imperial("\\b(inch|inches|yard|yards|pound|pounds|lb|lbs|ounce|ounces)\\b",
                            std::regex::icase);
  for (const LibraryEntry& entry : bundled().entries()) {
    for (const Step& step : entry.routine->steps) {
      INFO(entry.id << ": " << step.name);
      CHECK_FALSE(std::regex_search(step.text, imperial));
    }
  }
  const Routine* roll = bundled().findRoutine("foam-roll-glutes");
  REQUIRE(roll);
  CHECK(contains(roll->steps.at(0).text, "2–3 cm a second"));
}
