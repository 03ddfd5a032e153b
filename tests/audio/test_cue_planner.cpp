#include <catch2/catch.hpp>

#include "audio/cue_planner.hpp"
#include "fake_stream.hpp"
#include "support/routine_builder.hpp"

using namespace unknot;
using namespace unknot::testing;

namespace {

Plan planOf(const Routine& routine) {
  auto result = expand(routine, [](std::string_view) -> const Routine* { return nullptr; });
  REQUIRE(result.plan);
  return *result.plan;
}

// prepare 5 s, right 30 s, switch 5 s, left 30 s
Plan pigeonPlan() {
  return planOf(makeRoutine("pigeon", {holdStep("Pigeon", 30, Sides::Both)}, 5));
}

CueSounds allSounds() {
  CueSounds sounds;
  for (size_t i = 0; i < kCueSoundCount; ++i) sounds.cues[i] = testSound(10 + i);
  return sounds;
}

struct Planning {
  explicit Planning(Plan plan) : planner(std::move(plan)) {}
  std::vector<PlannedCue> operator()(CueType type, size_t phase = 0, int value = 0) const {
    const SpeechLookup speech = [this](const std::string& text) {
      return readyPrompts ? testSound(text.size() + 100) : nullptr;
    };
    return planner.plan(CueEvent{type, phase, value, Millis(5000)}, settings, sounds, phaseSounds,
                        speech);
  }
  CuePlanner planner;
  AudioSettings settings;
  CueSounds sounds = allSounds();
  std::map<std::filesystem::path, SoundPtr> phaseSounds;
  bool readyPrompts = true;
};

std::vector<SoundTag> tags(const std::vector<PlannedCue>& cues) {
  std::vector<SoundTag> out;
  for (const auto& cue : cues) out.push_back(cue.request.tag);
  return out;
}

}  // namespace

TEST_CASE("a phase start plays the chime, then says the step's prompt") {
  Planning planning(pigeonPlan());
  const auto cues = planning(CueType::PhaseStarted, 1);
  REQUIRE(tags(cues) == std::vector<SoundTag>{SoundTag::Chime, SoundTag::Speech});
  CHECK(cues[0].request.atMs == 5000.0);
  CHECK(cues[0].request.boundaryRank > 0);
  CHECK(cues[1].speechText == "Pigeon. Right side.");  // the first side is named
  CHECK(cues[1].request.speech);
  CHECK(cues[1].request.delayMs == CuePlanner::kPromptAfterCueMs);
  CHECK(planning(CueType::PhaseStarted, 0).at(1).speechText == "Get ready. First, Pigeon.");
}

TEST_CASE("a side switch has its own cue and names the side that comes next") {
  Planning planning(pigeonPlan());
  CHECK(planning(CueType::PhaseStarted, 2).empty());  // the switch event speaks for it
  const auto cues = planning(CueType::SideSwitch, 2);
  REQUIRE(tags(cues) == std::vector<SoundTag>{SoundTag::Switch, SoundTag::Speech});
  CHECK(cues[1].speechText == "Switch to the left side.");
  CHECK(cues[0].request.boundaryRank > planning(CueType::PhaseStarted, 1)[0].request.boundaryRank);
}

TEST_CASE("the switch prompt follows the side of the phase after it") {
  Plan plan = pigeonPlan();
  plan.phases[3].side = Side::Right;
  CHECK(CuePlanner(plan).switchPrompt(2) == "Switch to the right side.");
  plan.phases[3].side = Side::None;
  CHECK(CuePlanner(plan).switchPrompt(2) == "Switch to the left side.");  // the plan's own words
}

TEST_CASE("each engine event maps to its own cue sound") {
  Planning planning(pigeonPlan());
  CHECK(tags(planning(CueType::Halfway, 1)) == std::vector<SoundTag>{SoundTag::Bell});
  CHECK(tags(planning(CueType::CountdownPip, 1, 3)) == std::vector<SoundTag>{SoundTag::Pip});
  CHECK(tags(planning(CueType::RepTick, 1, 2)) == std::vector<SoundTag>{SoundTag::Tick});
  CHECK(tags(planning(CueType::RoundStarted, 1, 2)) == std::vector<SoundTag>{SoundTag::Round});
  CHECK(tags(planning(CueType::Finished, 3)) ==
        std::vector<SoundTag>{SoundTag::Finish, SoundTag::Speech});
  CHECK(planning(CueType::Paused).empty());
  CHECK(planning(CueType::Resumed).empty());
  CHECK(planning(CueType::PhaseEnded).empty());
}

TEST_CASE("cue kinds switched off in the settings stay silent") {
  Planning planning(pigeonPlan());
  planning.settings.phaseChime = false;
  planning.settings.countdownPips = false;
  planning.settings.halfwayBell = false;
  planning.settings.repTicks = false;
  planning.settings.roundCue = false;
  planning.settings.finishFanfare = false;
  const auto start = planning(CueType::PhaseStarted, 1);
  REQUIRE(tags(start) == std::vector<SoundTag>{SoundTag::Speech});
  CHECK(start[0].request.delayMs == 0);  // nothing to wait for
  CHECK(planning(CueType::CountdownPip, 1, 2).empty());
  CHECK(planning(CueType::Halfway, 1).empty());
  CHECK(planning(CueType::RepTick, 1, 2).empty());
  CHECK(planning(CueType::RoundStarted, 1, 2).empty());
  CHECK(planning(CueType::Finished, 3).empty());

  planning.settings.switchCue = false;
  CHECK(tags(planning(CueType::SideSwitch, 2)) == std::vector<SoundTag>{SoundTag::Speech});
}

TEST_CASE("with the voice off only sounds play") {
  Planning planning(pigeonPlan());
  planning.settings.voice = false;
  CHECK(tags(planning(CueType::PhaseStarted, 1)) == std::vector<SoundTag>{SoundTag::Chime});
  CHECK(tags(planning(CueType::SideSwitch, 2)) == std::vector<SoundTag>{SoundTag::Switch});
  CHECK(planning.planner.promptsAhead(0, 4, planning.settings).empty());
}

TEST_CASE("prompts are asked for as far ahead as the phases starting within the horizon") {
  Planning planning(pigeonPlan());
  const auto& phases = planning.planner.currentPlan().phases;
  REQUIRE(phases.size() >= 4);
  // Nothing starts within a millisecond: the least is asked for.
  CHECK(planning.planner.phasesStartingWithin(0, Millis(1), 2, 4) == 2);
  // Everything starts within a day: the most is asked for.
  CHECK(planning.planner.phasesStartingWithin(0, Millis(86'400'000), 2, 4) == 4);
  // Up to the phase that starts just outside the horizon.
  const Millis third = phases[3].offset - phases[0].offset;
  CHECK(planning.planner.phasesStartingWithin(0, third, 2, 4) == 3);
  CHECK(planning.planner.phasesStartingWithin(0, third + Millis(1), 2, 4) == 4);
  // Never past the plan's end.
  CHECK(planning.planner.phasesStartingWithin(phases.size() - 1, Millis(86'400'000), 1, 4) == 1);
}

TEST_CASE("the countdown can be spoken after each pip") {
  Planning planning(pigeonPlan());
  planning.settings.sayCountdown = true;
  const auto cues = planning(CueType::CountdownPip, 1, 2);
  REQUIRE(tags(cues) == std::vector<SoundTag>{SoundTag::Pip, SoundTag::Speech});
  CHECK(cues[1].speechText == "two");
  CHECK(cues[1].request.delayMs == CuePlanner::kWordAfterPipMs);
}

TEST_CASE("a step's own sound plays instead of the chime") {
  Plan plan = pigeonPlan();
  plan.phases[1].sound = "/routines/gong.wav";
  Planning planning(plan);
  planning.phaseSounds["/routines/gong.wav"] = testSound(77);
  const auto cues = planning(CueType::PhaseStarted, 1);
  REQUIRE(tags(cues) == std::vector<SoundTag>{SoundTag::PhaseSound, SoundTag::Speech});
  CHECK(cues[0].request.sound->samples.size() == 77);

  SECTION("a step sound that failed to load falls back to the chime") {
    planning.phaseSounds["/routines/gong.wav"] = nullptr;
    CHECK(tags(planning(CueType::PhaseStarted, 1))[0] == SoundTag::Chime);
  }
}

TEST_CASE("a prompt not yet synthesized is planned without a sound") {
  Planning planning(pigeonPlan());
  planning.readyPrompts = false;
  const auto cues = planning(CueType::PhaseStarted, 1);
  REQUIRE(cues.size() == 2);
  CHECK(cues[1].request.sound == nullptr);
  CHECK(cues[1].speechText == "Pigeon. Right side.");
}

TEST_CASE("prompts are prepared a few phases ahead, without repeats") {
  Planning planning(pigeonPlan());
  CHECK(planning.planner.promptsAhead(0, 4, planning.settings) ==
        std::vector<std::string>{"Get ready. First, Pigeon.", "Pigeon. Right side.",
                                 "Switch to the left side.", "Pigeon"});
  CHECK(planning.planner.promptsAhead(3, 4, planning.settings) ==
        std::vector<std::string>{"Pigeon"});  // after the switch, which named the side
  CHECK(planning.planner.promptsAhead(9, 4, planning.settings).empty());
  planning.settings.sayCountdown = true;
  CHECK(planning.planner.standingPrompts(planning.settings) ==
        std::vector<std::string>{"three", "two", "one", CuePlanner::kFinishPrompt});
}

TEST_CASE("an event for a phase the plan does not have is ignored") {
  Planning planning(pigeonPlan());
  CHECK(planning(CueType::PhaseStarted, 99).empty());
  CHECK(tags(planning(CueType::SideSwitch, 99)) ==
        std::vector<SoundTag>{SoundTag::Switch, SoundTag::Speech});
  CHECK(planning(CueType::SideSwitch, 99)[1].speechText == "Switch sides.");
}

TEST_CASE("verbosity decides what the voice says by itself") {
  Plan plan = pigeonPlan();
  plan.phases[1].text = "Keep the hips square.";
  Planning planning(plan);
  const auto spoken = [&](CueType type, size_t phase) {
    std::vector<std::string> texts;
    for (const PlannedCue& cue : planning(type, phase))
      if (cue.request.speech) texts.push_back(cue.speechText);
    return texts;
  };
  using Texts = std::vector<std::string>;

  planning.settings.verbosity = Verbosity::Cues;
  CHECK(spoken(CueType::PhaseStarted, 1).empty());
  CHECK(tags(planning(CueType::PhaseStarted, 1)) == std::vector<SoundTag>{SoundTag::Chime});
  CHECK(spoken(CueType::SideSwitch, 2).empty());
  CHECK(spoken(CueType::Finished, 3).empty());
  CHECK(planning.planner.promptsAhead(0, 4, planning.settings).empty());
  CHECK(planning.planner.standingPrompts(planning.settings).empty());

  planning.settings.verbosity = Verbosity::Names;
  CHECK(spoken(CueType::PhaseStarted, 1) == Texts{"Pigeon. Right side."});
  CHECK(spoken(CueType::PhaseStarted, 3) == Texts{"Pigeon"});  // the switch said "left"
  CHECK(spoken(CueType::SideSwitch, 2) == Texts{"Switch to the left side."});
  CHECK(spoken(CueType::Finished, 3) == Texts{CuePlanner::kFinishPrompt});

  planning.settings.verbosity = Verbosity::Instructions;
  CHECK(spoken(CueType::PhaseStarted, 1) == Texts{"Pigeon. Right side. Keep the hips square."});
  CHECK(spoken(CueType::SideSwitch, 2) == Texts{"Switch to the left side."});
  const auto ahead = planning.planner.promptsAhead(1, 1, planning.settings);
  CHECK(ahead ==
        Texts{"Pigeon. Right side. Keep the hips square."});  // synthesized ahead as it is said
}

TEST_CASE("each cue plays at its own volume, and not at all at zero") {
  Planning planning(pigeonPlan());
  planning.settings.volumes.chime = 0.5;
  planning.settings.volumes.switchSides = 0.25;
  planning.settings.volumes.pips = 0.0;
  const auto chime = planning(CueType::PhaseStarted, 1);
  REQUIRE(tags(chime) == std::vector<SoundTag>{SoundTag::Chime, SoundTag::Speech});
  CHECK(chime[0].request.gain == Approx(0.5));
  CHECK(chime[1].request.gain == Approx(1.0));  // the voice has its own volume
  CHECK(planning(CueType::SideSwitch, 2).at(0).request.gain == Approx(0.25));
  CHECK(planning(CueType::CountdownPip, 1, 3).empty());
  planning.settings.sayCountdown = true;
  const auto word = planning(CueType::CountdownPip, 1, 3);
  REQUIRE(tags(word) == std::vector<SoundTag>{SoundTag::Speech});  // the word still comes
  CHECK(word[0].request.delayMs == 0);
}

TEST_CASE("a first side named in the step's own words is not named twice") {
  Plan plan = pigeonPlan();
  plan.phases[1].say = "Right shin forward.";
  CHECK(CuePlanner(plan).startPrompt(1) == "Right shin forward.");
  plan.phases[1].side = Side::Left;
  plan.phases[1].say = "Pigeon pose";
  CHECK(CuePlanner(plan).startPrompt(1) == "Pigeon pose. Left side.");
}
