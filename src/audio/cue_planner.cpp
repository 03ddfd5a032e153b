#include "audio/cue_planner.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace unknot {

namespace {

// Boundary ranks: when cues meet at one instant, the more specific one plays.
constexpr int kRankChime = 1;
constexpr int kRankSwitch = 2;
constexpr int kRankRound = 3;
constexpr int kRankFinish = 4;

// Ticks sit under the voice; pips and the bell slightly under the chimes.
constexpr float kGainTick = 0.6f;
constexpr float kGainPip = 0.85f;
constexpr float kGainBell = 0.85f;

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// "Right shin forward" names a side already; "Pigeon pose" does not.
bool namesASide(const std::string& text) {
  std::string lower = text;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower.find("left") != std::string::npos || lower.find("right") != std::string::npos;
}

CueRequest cueRequest(const CueEvent& event, const SoundPtr& sound, SoundTag tag, float gain,
                      int rank) {
  CueRequest request;
  request.sound = sound;
  request.tag = tag;
  request.atMs = static_cast<double>(event.at.count());
  request.gain = gain;
  request.boundaryRank = rank;
  request.phaseIndex = event.phaseIndex;
  request.value = event.value;
  return request;
}

}  // namespace

const Phase* CuePlanner::phase(size_t index) const {
  return index < m_plan.phases.size() ? &m_plan.phases[index] : nullptr;
}

std::string CuePlanner::countdownWord(int seconds) {
  static constexpr std::array<const char*, 11> kWords{
      "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
  if (seconds < 0 || seconds >= static_cast<int>(kWords.size())) return std::to_string(seconds);
  return kWords[static_cast<size_t>(seconds)];
}

std::string CuePlanner::switchPrompt(size_t switchPhase) const {
  const Phase* next = phase(switchPhase + 1);
  if (next && next->side == Side::Left) return "Switch to the left side.";
  if (next && next->side == Side::Right) return "Switch to the right side.";
  const Phase* self = phase(switchPhase);
  return self && !trimmed(self->say).empty() ? trimmed(self->say) : "Switch sides.";
}

std::string CuePlanner::startPrompt(size_t index, Verbosity verbosity) const {
  const Phase* p = phase(index);
  if (!p || verbosity == Verbosity::Cues) return {};
  if (p->kind == PhaseKind::Switch) return switchPrompt(index);
  std::string text = trimmed(p->say);
  // The first side of a step is named here; the switch before the other one names that.
  const Phase* before = index > 0 ? phase(index - 1) : nullptr;
  const bool afterSwitch = before && before->kind == PhaseKind::Switch;
  if (p->side != Side::None && !afterSwitch && !namesASide(text)) {
    if (!text.empty() && std::string(".!?").find(text.back()) == std::string::npos) text += '.';
    text += std::string(text.empty() ? "" : " ") +
            (p->side == Side::Left ? "Left side." : "Right side.");
  }
  const std::string instruction = trimmed(p->text);
  if (verbosity == Verbosity::Instructions && !instruction.empty())
    text += (text.empty() ? "" : " ") + instruction;
  return text;
}

size_t CuePlanner::phasesStartingWithin(size_t from, Millis horizon, size_t atLeast,
                                        size_t atMost) const {
  const auto& phases = m_plan.phases;
  size_t count = atLeast;
  while (count < atMost && from + count < phases.size() &&
         phases[from + count].offset - phases[from].offset < horizon)
    ++count;
  return count;
}

std::vector<std::string> CuePlanner::promptsAhead(size_t from, size_t count,
                                                  const AudioSettings& settings) const {
  std::vector<std::string> texts;
  if (!settings.voice) return texts;
  for (size_t i = from; i < std::min(from + count, m_plan.phases.size()); ++i) {
    std::string text = startPrompt(i, settings.verbosity);
    if (!text.empty() && std::find(texts.begin(), texts.end(), text) == texts.end())
      texts.push_back(std::move(text));
  }
  return texts;
}

std::vector<std::string> CuePlanner::standingPrompts(const AudioSettings& settings) const {
  std::vector<std::string> texts;
  if (!settings.voice) return texts;
  if (settings.sayCountdown) {
    int longest = 0;
    for (const Phase& p : m_plan.phases) longest = std::max(longest, p.countdown);
    for (int n = std::min(longest, 10); n >= 1; --n) texts.push_back(countdownWord(n));
  }
  if (settings.finishFanfare && settings.verbosity != Verbosity::Cues)
    texts.emplace_back(kFinishPrompt);
  return texts;
}

std::vector<PlannedCue> CuePlanner::plan(
    const CueEvent& event, const AudioSettings& s, const CueSounds& sounds,
    const std::map<std::filesystem::path, SoundPtr>& phaseSounds,
    const SpeechLookup& speech) const {
  std::vector<PlannedCue> out;
  const auto addPrompt = [&](const std::string& text, double delayMs) {
    if (!s.voice || text.empty()) return;
    PlannedCue cue{cueRequest(event, speech ? speech(text) : nullptr, SoundTag::Speech, 1.0f, 0),
                   text};
    cue.request.speech = true;
    cue.request.delayMs = delayMs;
    out.push_back(std::move(cue));
  };
  // A cue set to 0 is not played at all, so the one below it in rank is not cut for silence.
  const auto addCue = [&](const SoundPtr& sound, SoundTag tag, float gain, int rank,
                          double volume) {
    if (!sound || volume <= 0) return false;
    out.push_back({cueRequest(event, sound, tag, gain * static_cast<float>(volume), rank), {}});
    return true;
  };
  const CueVolumes& v = s.volumes;

  switch (event.type) {
    case CueType::PhaseStarted: {
      const Phase* p = phase(event.phaseIndex);
      // A switch phase is announced by its SideSwitch event.
      if (!p || p->kind == PhaseKind::Switch) break;
      bool played = false;
      const auto own = p->sound.empty() ? phaseSounds.end() : phaseSounds.find(p->sound);
      if (own != phaseSounds.end() && own->second)
        played = addCue(own->second, SoundTag::PhaseSound, 1.0f, kRankChime, v.chime);
      else if (s.phaseChime)
        played = addCue(sounds[CueSound::Chime], SoundTag::Chime, 1.0f, kRankChime, v.chime);
      addPrompt(startPrompt(event.phaseIndex, s.verbosity), played ? kPromptAfterCueMs : 0);
      break;
    }
    case CueType::SideSwitch: {
      bool played = false;
      if (s.switchCue)
        played =
            addCue(sounds[CueSound::Switch], SoundTag::Switch, 1.0f, kRankSwitch, v.switchSides);
      else if (s.phaseChime)
        played = addCue(sounds[CueSound::Chime], SoundTag::Chime, 1.0f, kRankChime, v.chime);
      if (s.verbosity != Verbosity::Cues)
        addPrompt(switchPrompt(event.phaseIndex), played ? kPromptAfterCueMs : 0);
      break;
    }
    case CueType::Halfway:
      if (s.halfwayBell) addCue(sounds[CueSound::Bell], SoundTag::Bell, kGainBell, 0, v.halfway);
      break;
    case CueType::CountdownPip: {
      const bool played =
          s.countdownPips && addCue(sounds[CueSound::Pip], SoundTag::Pip, kGainPip, 0, v.pips);
      if (s.sayCountdown) addPrompt(countdownWord(event.value), played ? kWordAfterPipMs : 0);
      break;
    }
    case CueType::RepTick:
      if (s.repTicks) addCue(sounds[CueSound::Tick], SoundTag::Tick, kGainTick, 0, 1.0);
      break;
    case CueType::RoundStarted:
      if (s.roundCue) addCue(sounds[CueSound::Round], SoundTag::Round, 1.0f, kRankRound, 1.0);
      break;
    case CueType::Finished:
      if (s.finishFanfare) {
        addCue(sounds[CueSound::Finish], SoundTag::Finish, 1.0f, kRankFinish, v.finish);
        if (s.verbosity != Verbosity::Cues) addPrompt(kFinishPrompt, 1200);
      }
      break;
    case CueType::PhaseEnded:
    case CueType::Paused:
    case CueType::Resumed:
    case CueType::Stopped:
      break;
  }
  return out;
}

CueRequest alarmRequest(const CueSounds& sounds, double atMs, int repeats) {
  CueRequest request;  // the caller scales gain by the alarm's own volume
  request.sound = sounds[CueSound::Alarm];
  request.tag = SoundTag::Alarm;
  request.atMs = atMs;
  request.repeats = std::max(1, repeats);
  return request;
}

}  // namespace unknot
