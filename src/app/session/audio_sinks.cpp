#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "app/session/audio_module_api.hpp"
#include "app/session/session_extras.hpp"
#include "audio/cue_player.hpp"
#include "audio/speech.hpp"
#include "audio/speech_service.hpp"

namespace unknot {

namespace {

// What the factory and the mute key share for the life of the process. A session's player may
// be made on a worker: `mutex` guards what that worker reads and writes here.
struct AudioState {
  std::mutex mutex;
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

// Writes the notices a player gave that this process has not printed yet.
void printNewNotices(AudioState& state, const std::string& said, std::ostream& notices) {
  std::istringstream lines(said);
  std::lock_guard lock(state.mutex);
  for (std::string line; std::getline(lines, line);)
    if (state.noticesGiven.insert(line).second) notices << line << '\n';
}

// The player for one session, plus whatever else the session listens with. At real speed the
// player is made on a worker, so a window's first frame does not wait for the sound stack
// (SDL, the device, the clock's calibration, the cue sounds, espeak-ng: 20-40 ms): events
// that come before it is ready are handed to it, in order, the moment it is, and the
// placement latency (CuePlayer::kLatencyMs) still lands them on their samples.
class PlayerSession final : public CueSink, public AlarmBell, public SinkWrapper {
 public:
  // The player and the notices it gave while it was made (printed by the owner's thread:
  // the standard streams are not for two threads at once).
  struct Made {
    std::unique_ptr<CuePlayer> player;
    std::string notices;
  };
  using MakePlayer = std::function<Made()>;
  PlayerSession(const MakePlayer& make, bool onWorker, std::unique_ptr<CueSink> other,
                std::shared_ptr<AudioState> state, std::ostream& notices)
      : m_other(std::move(other)), m_state(std::move(state)), m_notices(notices) {
    if (onWorker) {
      m_maker = std::thread([this, make] {
        publish(make());
        CuePlayer::releaseThreadState();
      });
    } else {
      publish(make());
      printNotices();
    }
  }
  ~PlayerSession() override {
    if (m_maker.joinable()) m_maker.join();
    printNotices();
    std::lock_guard lock(m_state->mutex);
    if (m_state->live == m_player.get()) m_state->live = nullptr;
    m_state->lingering = std::move(m_player);
  }
  PlayerSession(const PlayerSession&) = delete;
  PlayerSession& operator=(const PlayerSession&) = delete;

  void onCue(const CueEvent& event) override {
    printNotices();
    {
      std::lock_guard lock(m_mutex);
      if (m_player) {
        m_player->onCue(event);
      } else {
        m_early.push_back(event);
      }
    }
    if (m_other) m_other->onCue(event);
  }
  void onNextDue(std::optional<Millis> at) override {
    {
      std::lock_guard lock(m_mutex);
      if (m_player) {
        m_player->onNextDue(at);
      } else {
        m_earlyNextDue = at;
      }
    }
    if (m_other) m_other->onNextDue(at);
  }

  // The heat/ice switch alarm: two rings' worth of sound per AlarmSchedule ring.
  void ring(double gain) override { player().startAlarm(2, gain); }
  void silence() override { player().stopAlarm(); }
  bool audible() const override { return player().hasDevice(); }
  CueSink* wrapped() override { return m_other.get(); }

 private:
  // Called on the worker, or in the constructor: the events so far, then the live settings
  // (the mute key may have been pressed meanwhile), then the player is the live one.
  void publish(Made made) {
    {
      std::lock_guard lock(m_mutex);
      for (const CueEvent& event : m_early) made.player->onCue(event);
      m_early.clear();
      made.player->onNextDue(m_earlyNextDue);
      m_player = std::move(made.player);
      m_said = std::move(made.notices);
    }
    std::lock_guard lock(m_state->mutex);
    m_player->setSettings(m_state->settings);
    m_state->live = m_player.get();
  }

  // The owner's thread only: waits for the worker, which has published by the time it ends.
  CuePlayer& player() const {
    if (m_maker.joinable()) m_maker.join();
    return *m_player;
  }

  // The owner's thread only.
  void printNotices() {
    std::string said;
    {
      std::lock_guard lock(m_mutex);
      said = std::exchange(m_said, {});
    }
    if (!said.empty()) printNewNotices(*m_state, said, m_notices);
  }

  std::unique_ptr<CueSink> m_other;
  std::shared_ptr<AudioState> m_state;
  std::mutex m_mutex;  // guards m_player and m_early while the worker may publish
  std::unique_ptr<CuePlayer> m_player;
  std::vector<CueEvent> m_early;
  std::optional<Millis> m_earlyNextDue;  // the last told before the player was made
  std::string m_said;                    // notices the worker's player gave, not printed yet
  std::ostream& m_notices;
  mutable std::thread m_maker;  // last: ended before what it writes goes away
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
                            const AudioFolders& folders, std::ostream& notices,
                            SessionSinkFactory other) {
  auto state = std::make_shared<AudioState>();
  state->settings = settings;
  AudioHookup hookup;
  hookup.makeSessionSink = [state, timeScale, folders, &notices, other](
                               const Plan& plan, const Clock& clock) -> std::unique_ptr<CueSink> {
    {
      // One device per process: the new session takes it over from the last one's player.
      std::unique_ptr<CuePlayer> last;
      {
        std::lock_guard lock(state->mutex);
        last = std::move(state->lingering);
      }
    }
    AudioSettings settings;
    {
      std::lock_guard lock(state->mutex);
      settings = state->settings;
    }
    const auto make = [settings, timeScale, folders, &plan, &clock] {
      std::ostringstream said;
      auto player = CuePlayer::create(settings, clock, timeScale, folders, said,
                                      speechServiceFor(settings, timeScale));
      player->prepare(plan);
      return PlayerSession::Made{std::move(player), said.str()};
    };
    // At test speeds a late player would shift many cues: it is made before the session runs.
    return std::make_unique<PlayerSession>(make, timeScale == 1.0,
                                           other ? other(plan, clock) : nullptr, state, notices);
  };
  hookup.toggleMute = [state] {
    std::lock_guard lock(state->mutex);
    state->settings.muted = !state->settings.muted;
    if (state->live) state->live->setMuted(state->settings.muted);
    return state->settings.muted;
  };
  hookup.speak = [state, folders, &notices](const std::string& text) {
    {
      std::lock_guard lock(state->mutex);
      if (state->live) {
        state->live->say(text);
        return;
      }
    }
    // Between sessions: a player of its own, kept like a finished session's until the next
    // session takes the device.
    AudioSettings settings;
    {
      std::lock_guard lock(state->mutex);
      state->lingering.reset();
      settings = state->settings;
    }
    std::ostringstream said;
    auto player = CuePlayer::create(settings, state->idleClock, 1.0, folders, said,
                                    speechServiceFor(settings, 1.0));
    printNewNotices(*state, said.str(), notices);
    player->say(text);
    std::lock_guard lock(state->mutex);
    state->lingering = std::move(player);
  };
  hookup.applySettings = [state](const AudioSettings& audio) {
    std::lock_guard lock(state->mutex);
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
