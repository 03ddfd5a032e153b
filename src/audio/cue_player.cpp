#include "audio/cue_player.hpp"

#include <SDL.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "audio/audio_output.hpp"
#include "audio/cue_planner.hpp"
#include "audio/speech.hpp"
#include "audio/speech_service.hpp"

namespace unknot {

namespace {

using SteadyTime = std::chrono::steady_clock;

// Prompts that could not be synthesized in time are still worth hearing shortly after.
constexpr double kPromptStaleMs = 1500;
// A sentence asked for by a key is longer, and still wanted a little later.
constexpr double kAskedStaleMs = 5000;
// Prompts are synthesized for the phases starting within the next half minute (real time),
// at least two and at most four phases ahead: enough that espeak-ng keeps ahead of short
// phases at test speeds, while a slow routine holds only the next prompt or two (each is
// ~100 KiB a second of speech).
constexpr size_t kMinPromptLookahead = 2;
constexpr size_t kMaxPromptLookahead = 4;
constexpr double kPromptHorizonMs = 30'000;
// The longest a finished session's player waits, when destroyed, for its last sounds.
constexpr std::chrono::milliseconds kFinishDrain{2600};
// A cue is a second or two; the longest sound read in place is bounded like a converted one.
constexpr double kMaxCueSeconds = 60;

}  // namespace

struct CuePlayer::Impl {
  explicit Impl(std::ostream& out) : notices(out) {}
  ~Impl() {
    if (service) service->cancel();
    // The worker's ready-handler locks `mutex` and submits to `output`: its thread must end
    // while both still exist, and before `speech` itself goes.
    if (speech) speech->stop();
    speech.reset();
    if (output && finished) drain();
    output.reset();
  }

  // The finish fanfare (and "Well done.") should be heard even when the run ends the process
  // right away; anything else is cut at once.
  void drain() const {
    const auto deadline = SteadyTime::now() + kFinishDrain;
    while (!output->idle() && SteadyTime::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }

  void applyGains();
  void requestPrompts(size_t fromPhase, const std::vector<std::string>& urgent);
  void promptReady(const std::string& text, const SoundPtr& sound);

  std::ostream& notices;
  mutable std::mutex mutex;  // callers' side only; the audio callback never takes it
  AudioSettings settings;
  EngineTimeBase time;
  std::unique_ptr<AudioOutput> output;  // null: silent fallback
  CueSounds sounds;
  std::map<std::filesystem::path, SoundPtr> phaseSounds;
  CuePlanner planner;
  size_t currentPhase = 0;
  bool finished = false;                   // the last event was Finished: let its fanfare play out
  std::vector<PlannedCue> pendingPrompts;  // waiting for synthesis
  std::unique_ptr<SpeechWorker> speech;    // null when espeak-ng is unavailable
  std::unique_ptr<SpeechService> service;  // the desktop's speech-dispatcher, when it runs
  std::set<std::string> asked;             // sentences waiting for synthesis for say()
};

void CuePlayer::Impl::applyGains() {
  if (!output) return;
  // Squared: a slider position maps closer to perceived loudness than raw amplitude.
  const auto master = static_cast<float>(settings.muted ? 0.0 : settings.volume * settings.volume);
  output->setGains(master, static_cast<float>(settings.voiceVolume));
}

void CuePlayer::Impl::requestPrompts(size_t fromPhase, const std::vector<std::string>& urgent) {
  if (!speech) return;
  const Millis horizon(std::llround(kPromptHorizonMs * time.scale));  // engine time
  const size_t count =
      planner.phasesStartingWithin(fromPhase, horizon, kMinPromptLookahead, kMaxPromptLookahead);
  std::vector<std::string> texts = planner.promptsAhead(fromPhase, count, settings);
  for (const std::string& text : planner.standingPrompts(settings)) texts.push_back(text);
  speech->want(texts, settings.voiceRate);  // replaces the queue: keep what was asked for
  for (const std::string& text : asked) speech->urgent(text, settings.voiceRate);
  for (const std::string& text : urgent) speech->urgent(text, settings.voiceRate);
}

void CuePlayer::Impl::promptReady(const std::string& text, const SoundPtr& sound) {
  std::lock_guard lock(mutex);
  const double now = time.nowMs();
  auto& pending = pendingPrompts;
  for (auto it = pending.begin(); it != pending.end();) {
    const double lateMs = (now - it->request.atMs) / time.scale - it->request.delayMs;
    const bool wasAsked = asked.count(it->speechText) > 0;
    if (lateMs > (wasAsked ? kAskedStaleMs : kPromptStaleMs)) {
      asked.erase(it->speechText);
      it = pending.erase(it);
    } else if (it->speechText == text) {
      it->request.sound = sound;
      if (it->request.sound && (settings.voice || wasAsked)) output->submit(std::move(it->request));
      asked.erase(text);
      it = pending.erase(it);
    } else {
      ++it;
    }
  }
}

CuePlayer::CuePlayer(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
CuePlayer::~CuePlayer() = default;

std::unique_ptr<CuePlayer> CuePlayer::create(const AudioSettings& settings, const Clock& clock,
                                             double timeScale, const AudioFolders& folders,
                                             std::ostream& notices,
                                             std::unique_ptr<SpeechService> speech) {
  auto impl = std::make_unique<Impl>(notices);
  impl->settings = settings;
  impl->service = std::move(speech);
  impl->time = calibrateEngineTime(clock, timeScale > 0 ? timeScale : 1.0);
  OutputOptions options;
  options.latencyMs = kLatencyMs;
  options.time = impl->time;
  if (const char* log = std::getenv("UNKNOT_AUDIO_LOG"); log && *log) options.logPath = log;
  std::string error;
  impl->output = AudioOutput::open(options, error);
  if (!impl->output) {
    notices << "unknot: no audio device (" << error << "); continuing without sound\n";
    return std::unique_ptr<CuePlayer>(new CuePlayer(std::move(impl)));
  }

  std::string missing;
  for (size_t i = 0; i < kCueSoundCount; ++i) {
    const auto cue = static_cast<CueSound>(i);
    // Our own cue sounds are 16-bit mono WAV, read in place; a file of another kind (a
    // replaced asset) is converted like a step's sound.
    const auto file = folders.assets / "sounds" / (std::string(toString(cue)) + ".wav");
    impl->sounds[cue] = mapPcmWav(file, kMaxCueSeconds, error);
    if (!impl->sounds[cue]) impl->sounds[cue] = impl->output->load(file, error);
    if (!impl->sounds[cue]) missing += (missing.empty() ? "" : ", ") + std::string(toString(cue));
  }
  if (!missing.empty())
    notices << (folders.assets / "sounds").string() << ": cannot load cue sounds (" << missing
            << "); those cues are silent\n";

  if (impl->service) {
    impl->applyGains();
    return std::unique_ptr<CuePlayer>(new CuePlayer(std::move(impl)));
  }
  std::string voiceNotice;
  auto synth = SpeechSynth::create(error, settings.voiceName, &voiceNotice);
  if (!voiceNotice.empty()) notices << "unknot: " << voiceNotice << '\n';
  if (!synth) {
    notices << "unknot: voice prompts are off (" << error << "); chimes still play\n";
  } else {
    impl->speech = std::make_unique<SpeechWorker>(
        std::move(synth),
        folders.speechCache.empty() ? nullptr : std::make_unique<SpeechCache>(folders.speechCache));
    impl->speech->onReady([raw = impl.get()](const std::string& text, SoundPtr sound) {
      raw->promptReady(text, sound);
    });
  }
  impl->applyGains();
  return std::unique_ptr<CuePlayer>(new CuePlayer(std::move(impl)));
}

void CuePlayer::prepare(const Plan& plan) {
  Impl& d = *m_impl;
  std::lock_guard lock(d.mutex);
  d.planner = CuePlanner(plan);
  d.currentPhase = 0;
  d.pendingPrompts.clear();
  if (!d.output) return;
  std::set<std::filesystem::path> files;
  for (const Phase& phase : plan.phases)
    if (!phase.sound.empty()) files.insert(phase.sound);
  for (const auto& file : files) {
    if (d.phaseSounds.count(file)) continue;
    std::string error;
    SoundPtr sound = d.output->load(file, error);
    if (!sound)
      d.notices << file.string() << ": cannot play this sound (" << error
                << "); the chime plays instead\n";
    d.phaseSounds[file] = std::move(sound);
  }
  d.requestPrompts(0, {});
}

void CuePlayer::onCue(const CueEvent& event) {
  Impl& d = *m_impl;
  if (!d.output) return;
  d.output->logArrival(toString(event.type), event.phaseIndex,
                       static_cast<double>(event.at.count()));
  std::lock_guard lock(d.mutex);
  d.finished = event.type == CueType::Finished;
  if (event.type == CueType::Stopped) {
    d.output->stopAll();
    d.pendingPrompts.clear();
    if (d.service) d.service->cancel();
    return;
  }
  const int rate = d.settings.voiceRate;
  const SpeechLookup lookup = [&](const std::string& text) {
    return d.speech ? d.speech->find(text, rate) : nullptr;
  };
  std::vector<std::string> urgent;
  for (PlannedCue& cue : d.planner.plan(event, d.settings, d.sounds, d.phaseSounds, lookup)) {
    if (d.service && cue.request.speech) {
      // The desktop's speech places itself; muted means silent there too.
      if (!d.settings.muted) d.service->say(cue.speechText);
    } else if (cue.request.sound) {
      d.output->submit(std::move(cue.request));
    } else if (d.speech && !cue.speechText.empty()) {
      urgent.push_back(cue.speechText);
      d.pendingPrompts.push_back(std::move(cue));
    }
  }
  if (event.type == CueType::PhaseStarted) {
    d.currentPhase = event.phaseIndex;
    d.requestPrompts(event.phaseIndex + 1, urgent);
  } else if (!urgent.empty()) {
    d.requestPrompts(d.currentPhase + 1, urgent);
  }
}

void CuePlayer::onNextDue(std::optional<Millis> at) {
  if (!m_impl->output) return;
  m_impl->output->expectNext(at ? std::optional<double>(static_cast<double>(at->count()))
                                : std::nullopt);
}

void CuePlayer::say(const std::string& text) {
  Impl& d = *m_impl;
  std::lock_guard lock(d.mutex);
  if (text.empty() || d.settings.muted) return;
  if (d.service) {
    d.service->say(text);
    return;
  }
  if (!d.output || !d.speech) return;
  CueRequest request;
  request.tag = SoundTag::Speech;
  request.speech = true;
  request.atMs = d.time.nowMs();
  request.sound = d.speech->find(text, d.settings.voiceRate);
  if (request.sound) {
    d.output->submit(std::move(request));
    return;
  }
  d.asked.insert(text);
  d.pendingPrompts.push_back({std::move(request), text});
  d.speech->urgent(text, d.settings.voiceRate);
}

void CuePlayer::setMuted(bool muted) {
  std::lock_guard lock(m_impl->mutex);
  m_impl->settings.muted = muted;
  m_impl->applyGains();
}

bool CuePlayer::muted() const {
  std::lock_guard lock(m_impl->mutex);
  return m_impl->settings.muted;
}

void CuePlayer::setSettings(const AudioSettings& settings) {
  Impl& d = *m_impl;
  std::lock_guard lock(d.mutex);
  const bool promptsChanged = settings.voiceRate != d.settings.voiceRate ||
                              settings.voice != d.settings.voice ||
                              settings.sayCountdown != d.settings.sayCountdown;
  d.settings = settings;
  d.applyGains();
  if (promptsChanged) d.requestPrompts(d.currentPhase, {});
}

AudioSettings CuePlayer::settings() const {
  std::lock_guard lock(m_impl->mutex);
  return m_impl->settings;
}

bool CuePlayer::hasDevice() const {
  return m_impl->output != nullptr;
}

void CuePlayer::startAlarm(int repeats, double gain) {
  Impl& d = *m_impl;
  if (!d.output) return;
  std::lock_guard lock(d.mutex);
  CueRequest request = alarmRequest(d.sounds, d.time.nowMs(), repeats);
  request.gain = static_cast<float>(std::clamp(gain, 0.0, 1.0) * d.settings.volumes.alarm);
  d.output->submit(std::move(request));
}

void CuePlayer::releaseThreadState() {
  SDL_TLSCleanup();
}

void CuePlayer::stopAlarm() {
  if (m_impl->output) m_impl->output->stopAlarm();
}

}  // namespace unknot
