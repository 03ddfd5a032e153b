#include <memory>
#include <set>
#include <sstream>
#include <string>

#include "app/session/audio_module_api.hpp"
#include "app/session/session_extras.hpp"
#include "audio/cue_player.hpp"
#include "audio/speech.hpp"
#include "audio/speech_service.hpp"

namespace unknot {

namespace {

// What the factory and the mute key share for the life of the process.
struct AudioState {
  AudioSettings settings;
  CuePlayer* live = nullptr;  // the current session's player, owned by its sink
  // The last session's player, kept so its finish fanfare plays out without anyone waiting
  // for it; it gives the device up when the next session starts or the process ends.
  std::unique_ptr<CuePlayer> lingering;
  std::set<std::string> noticesGiven;
  // The clock of a player made between sessions to say one sentence (the settings screen's
  // Test voice); it outlives that player.
  SteadyClock idleClock;
};

// The player for one session, plus whatever else the session listens with.
class PlayerSession final : public CueSink, public AlarmBell, public SinkWrapper {
 public:
  PlayerSession(std::unique_ptr<CuePlayer> player, std::unique_ptr<CueSink> other,
                std::shared_ptr<AudioState> state)
      : m_player(std::move(player)), m_other(std::move(other)), m_state(std::move(state)) {
    m_state->live = m_player.get();
  }
  ~PlayerSession() override {
    if (m_state->live == m_player.get()) m_state->live = nullptr;
    m_state->lingering = std::move(m_player);
  }
  PlayerSession(const PlayerSession&) = delete;
  PlayerSession& operator=(const PlayerSession&) = delete;

  void onCue(const CueEvent& event) override {
    m_player->onCue(event);
    if (m_other) m_other->onCue(event);
  }

  // The heat/ice switch alarm: two rings' worth of sound per AlarmSchedule ring.
  void ring(double gain) override { m_player->startAlarm(2, gain); }
  void silence() override { m_player->stopAlarm(); }
  bool audible() const override { return m_player->hasDevice(); }
  CueSink* wrapped() override { return m_other.get(); }

 private:
  std::unique_ptr<CuePlayer> m_player;
  std::unique_ptr<CueSink> m_other;
  std::shared_ptr<AudioState> m_state;
};

// The desktop's own voice when it runs (never at test speeds, where prompts must land on
// their samples); null for espeak-ng.
std::unique_ptr<SpeechService> speechServiceFor(const AudioSettings& settings, double timeScale) {
  if (!settings.speechDispatcher || timeScale != 1.0) return nullptr;
  std::string ignored;  // not running is the usual case, not worth a notice
  return connectSpeechDispatcher(settings.voiceName, ignored);
}

}  // namespace

AudioHookup makeAudioHookup(const AudioSettings& settings, double timeScale,
                            const std::filesystem::path& assetsDir, std::ostream& notices,
                            SessionSinkFactory other) {
  auto state = std::make_shared<AudioState>();
  state->settings = settings;
  AudioHookup hookup;
  hookup.makeSessionSink = [state, timeScale, assetsDir, &notices, other](
                               const Plan& plan, const Clock& clock) -> std::unique_ptr<CueSink> {
    state->lingering.reset();  // one device per process: the new session takes it over
    std::ostringstream said;
    // The desktop's own voice when it runs (never at test speeds, where prompts must land on
    // their samples); espeak-ng otherwise.
    std::unique_ptr<SpeechService> service;
    if (state->settings.speechDispatcher && timeScale == 1.0) {
      std::string ignored;  // not running is the usual case, not worth a notice
      service = connectSpeechDispatcher(state->settings.voiceName, ignored);
    }
    auto player =
        CuePlayer::create(state->settings, clock, timeScale, assetsDir, said, std::move(service));
    player->prepare(plan);
    std::istringstream lines(said.str());
    for (std::string line; std::getline(lines, line);)
      if (state->noticesGiven.insert(line).second) notices << line << '\n';
    return std::make_unique<PlayerSession>(std::move(player), other ? other(plan, clock) : nullptr,
                                           state);
  };
  hookup.toggleMute = [state] {
    state->settings.muted = !state->settings.muted;
    if (state->live) state->live->setMuted(state->settings.muted);
    return state->settings.muted;
  };
  hookup.speak = [state, assetsDir, &notices](const std::string& text) {
    if (state->live) {
      state->live->say(text);
      return;
    }
    // Between sessions: a player of its own, kept like a finished session's until the next
    // session takes the device.
    state->lingering.reset();
    std::ostringstream said;
    state->lingering = CuePlayer::create(state->settings, state->idleClock, 1.0, assetsDir, said,
                                         speechServiceFor(state->settings, 1.0));
    std::istringstream lines(said.str());
    for (std::string line; std::getline(lines, line);)
      if (state->noticesGiven.insert(line).second) notices << line << '\n';
    state->lingering->say(text);
  };
  hookup.applySettings = [state](const AudioSettings& audio) {
    state->settings = audio;
    if (state->live) state->live->setSettings(audio);
  };
  return hookup;
}

VoiceChoices listVoiceChoices(bool speechDispatcher) {
  if (speechDispatcher) {
    std::string ignored;
    if (auto service = connectSpeechDispatcher({}, ignored)) {
      VoiceChoices choices{service->name(), service->voices()};
      if (!choices.voices.empty()) return choices;
    }
  }
  return {"espeak-ng", espeakVoices()};
}

extern "C" [[gnu::visibility("default")]] const AudioModuleEntry* unknotAudioModule() {
  static constexpr AudioModuleEntry entry{kAudioModuleAbi, &makeAudioHookup, &listVoiceChoices};
  return &entry;
}

}  // namespace unknot
