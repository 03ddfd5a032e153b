// Decides what the user hears for each engine event: which cue sound, which spoken prompt,
// and how far after the boundary the prompt starts, honouring the per-kind settings. Pure,
// so the choice of cues is tested without a device.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "audio/cue_mixer.hpp"
#include "audio/sound.hpp"
#include "core/cue_sink.hpp"
#include "core/plan.hpp"
#include "core/settings.hpp"

namespace unknot {

struct PlannedCue {
  CueRequest request;
  // For prompts: what to say. request.sound is null when the speech is not synthesized yet.
  std::string speechText;
};

// Returns the synthesized prompt for a text, or null when it is not ready.
using SpeechLookup = std::function<SoundPtr(const std::string& text)>;

class CuePlanner {
 public:
  CuePlanner() = default;
  explicit CuePlanner(Plan plan) : m_plan(std::move(plan)) {}

  std::vector<PlannedCue> plan(const CueEvent& event, const AudioSettings& settings,
                               const CueSounds& sounds,
                               const std::map<std::filesystem::path, SoundPtr>& phaseSounds,
                               const SpeechLookup& speech) const;

  // How many phases from `from` on start within `horizon` of it (engine time), counting at
  // least `atLeast` and at most `atMost`, and no further than the plan goes.
  size_t phasesStartingWithin(size_t from, Millis horizon, size_t atLeast, size_t atMost) const;
  // The prompts phases [from, from + count) will speak, in the order they are needed.
  std::vector<std::string> promptsAhead(size_t from, size_t count,
                                        const AudioSettings& settings) const;
  // The fixed prompts (countdown words, the closing line) worth having ready at start.
  std::vector<std::string> standingPrompts(const AudioSettings& settings) const;

  // "Switch to the left side." — the side comes from the phase after the switch.
  std::string switchPrompt(size_t switchPhase) const;
  // What a phase says as it starts at this verbosity: nothing for cues only, its `say` text
  // for names, with "Right side." on a step's first side unless the text names one (the
  // switch before the other side names that), and for instructions its `text` after that.
  std::string startPrompt(size_t phase, Verbosity verbosity = Verbosity::Names) const;

  const Plan& currentPlan() const { return m_plan; }

  static std::string countdownWord(int seconds);
  static constexpr const char* kFinishPrompt = "Well done.";
  // Prompts start this long after a boundary sound, so the cue's attack is heard clearly.
  static constexpr double kPromptAfterCueMs = 450;
  static constexpr double kWordAfterPipMs = 100;

 private:
  const Phase* phase(size_t index) const;

  Plan m_plan;
};

CueRequest alarmRequest(const CueSounds& sounds, double atMs, int repeats);

}  // namespace unknot
