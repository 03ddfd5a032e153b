// The cue player with SDL in the same process: fallbacks and controls. Sound itself is
// checked end to end (test_audio_e2e.cpp) through the disk driver.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <optional>
#include <sstream>
#include <string>
#include <thread>

#include "audio/audio_output.hpp"
#include "audio/cue_player.hpp"
#include "support/fake_clock.hpp"
#include "support/routine_builder.hpp"

using namespace unknot;
using namespace unknot::testing;

namespace {

const std::filesystem::path kAssets = std::filesystem::path(UNKNOT_SOURCE_DIR) / "assets";

// Sets an environment variable for one test and restores it afterwards.
class EnvOverride {
 public:
  EnvOverride(std::string name, const char* value) : m_name(std::move(name)) {
    if (const char* old = std::getenv(m_name.c_str())) m_old = old;
    setenv(m_name.c_str(), value, 1);
  }
  ~EnvOverride() {
    if (m_old)
      setenv(m_name.c_str(), m_old->c_str(), 1);
    else
      unsetenv(m_name.c_str());
  }

 private:
  std::string m_name;
  std::optional<std::string> m_old;
};

Plan pigeonPlan() {
  auto result = expand(makeRoutine("pigeon", {holdStep("Pigeon", 30, Sides::Both)}, 5),
                       [](std::string_view) -> const Routine* { return nullptr; });
  REQUIRE(result.plan);
  return *result.plan;
}

size_t lines(const std::string& text) {
  return static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

TEST_CASE("without an audio device the player stays silent and says so once") {
  EnvOverride driver("SDL_AUDIODRIVER", "no-such-driver");
  FakeClock clock;
  std::ostringstream notices;
  auto player = CuePlayer::create(AudioSettings{}, clock, 1.0, kAssets, notices);
  REQUIRE(player);
  CHECK_FALSE(player->hasDevice());
  CHECK(lines(notices.str()) == 1);
  CHECK(notices.str().find("no audio device") != std::string::npos);
  CHECK(notices.str().find("continuing without sound") != std::string::npos);

  // Everything still works, silently, and says nothing more.
  const Plan plan = pigeonPlan();
  player->prepare(plan);
  for (CueType type : {CueType::PhaseStarted, CueType::SideSwitch, CueType::CountdownPip,
                       CueType::Halfway, CueType::Finished, CueType::Stopped})
    player->onCue(CueEvent{type, 2, 1, clock.now()});
  player->startAlarm();
  player->stopAlarm();
  player->setMuted(true);
  CHECK(player->muted());
  CHECK(lines(notices.str()) == 1);
}

TEST_CASE("only one player holds the device and a second one falls back to silence") {
  EnvOverride driver("SDL_AUDIODRIVER", "dummy");
  FakeClock clock;
  std::ostringstream first, second;
  auto player = CuePlayer::create(AudioSettings{}, clock, 1.0, kAssets, first);
  REQUIRE(player->hasDevice());
  auto other = CuePlayer::create(AudioSettings{}, clock, 1.0, kAssets, second);
  CHECK_FALSE(other->hasDevice());
  CHECK(second.str().find("already in use") != std::string::npos);
  other.reset();
  player.reset();
  auto again = CuePlayer::create(AudioSettings{}, clock, 1.0, kAssets, second);
  CHECK(again->hasDevice());  // released with the first
}

TEST_CASE("missing cue sounds are reported in one line and the player still runs") {
  EnvOverride driver("SDL_AUDIODRIVER", "dummy");
  FakeClock clock;
  std::ostringstream notices;
  auto player = CuePlayer::create(AudioSettings{}, clock, 1.0,
                                  std::filesystem::path("/nonexistent/assets"), notices);
  CHECK(player->hasDevice());
  const std::string text = notices.str();
  CHECK(std::count(text.begin(), text.end(), '\n') == 1);
  CHECK(text.find("/nonexistent/assets/sounds: cannot load cue sounds (chime, pip, bell") == 0);
  player->prepare(pigeonPlan());
  player->onCue(CueEvent{CueType::PhaseStarted, 0, 0, clock.now()});
}

TEST_CASE("a player destroyed with prompts in flight never reaches its own remains, 500 times",
          "[long]") {
  // The speech worker's ready-handler runs on its own thread and submits into the player: a
  // player torn down while a prompt is being synthesized must stop that thread first.
  EnvOverride driver("SDL_AUDIODRIVER", "dummy");
  FakeClock clock;
  const Plan plan = pigeonPlan();
  for (int i = 0; i < 500; ++i) {
    std::ostringstream notices;
    auto player = CuePlayer::create(AudioSettings{}, clock, 1.0, kAssets, notices);
    player->prepare(plan);
    player->onCue(CueEvent{CueType::PhaseStarted, 0, 0, clock.now()});
    // Vary where in a synthesis the player goes away: 0 to 4 ms.
    std::this_thread::sleep_for(std::chrono::microseconds(i % 5 * 1000));
    player.reset();
  }
  SUCCEED("500 players created, cued and destroyed mid-prompt");
}

TEST_CASE("a step sound that cannot be played is reported and the chime is used") {
  EnvOverride driver("SDL_AUDIODRIVER", "dummy");
  FakeClock clock;
  std::ostringstream notices;
  auto player = CuePlayer::create(AudioSettings{}, clock, 1.0, kAssets, notices);
  Plan plan = pigeonPlan();
  plan.phases[1].sound = std::filesystem::path(UNKNOT_SOURCE_DIR) / "README.md";  // not audio
  player->prepare(plan);
  CHECK(notices.str().find("README.md: cannot play this sound (") != std::string::npos);
  CHECK(notices.str().find("the chime plays instead") != std::string::npos);
}

TEST_CASE("mute and settings changes are kept") {
  EnvOverride driver("SDL_AUDIODRIVER", "dummy");
  FakeClock clock;
  std::ostringstream notices;
  AudioSettings settings;
  settings.volume = 0.5;
  auto player = CuePlayer::create(settings, clock, 1.0, kAssets, notices);
  CHECK_FALSE(player->muted());
  player->setMuted(true);
  CHECK(player->muted());
  settings.voiceRate = 200;
  settings.muted = false;
  player->setSettings(settings);
  CHECK_FALSE(player->muted());
  CHECK(player->settings().voiceRate == 200);
  CHECK(player->settings().volume == 0.5);
}

TEST_CASE("the engine clock is located to well under a millisecond") {
  // Clock::now() counts whole milliseconds; cue placement needs the fraction too.
  for (double scale : {1.0, 3.0, 20.0}) {
    const SteadyClock clock(scale);
    const EngineTimeBase base = calibrateEngineTime(clock, scale);
    for (int i = 0; i < 20; ++i) {
      const auto before = static_cast<double>(clock.now().count());
      const double precise = base.nowMs();
      const auto after = static_cast<double>(clock.now().count());
      INFO("scale " << scale << ": " << before << " <= " << precise << " < " << after + 1);
      // The true engine time lies in [before, after + 1); allow 0.5 engine ms either side (a
      // machine loaded four times over its cores measured up to 0.4 ms; an idle one 0.1 ms;
      // cue onsets are checked to 2-3 ms).
      CHECK(precise >= before - 0.5);
      CHECK(precise < after + 1.5);
      std::this_thread::sleep_for(std::chrono::microseconds(700));
    }
  }
}

TEST_CASE("a clock that does not move is anchored at its reading") {
  FakeClock clock;
  const EngineTimeBase base = calibrateEngineTime(clock, 2.0);
  CHECK(base.nowMs() == Approx(static_cast<double>(clock.now().count())).margin(20.0));
}

namespace {

// Stands in for speech-dispatcher: records what it was asked to say.
class FakeSpeechService final : public SpeechService {
 public:
  explicit FakeSpeechService(std::vector<std::string>& said) : m_said(said) {}
  void say(const std::string& text) override { m_said.push_back(text); }
  void cancel() override { m_said.push_back("<cancel>"); }
  std::vector<std::string> voices() override { return {"Fake voice"}; }
  std::string name() const override { return "fake"; }

 private:
  std::vector<std::string>& m_said;
};

}  // namespace

TEST_CASE("with the desktop's speech, prompts and asked sentences go to it as text") {
  EnvOverride driver("SDL_AUDIODRIVER", "dummy");
  FakeClock clock;
  std::ostringstream notices;
  std::vector<std::string> said;
  auto player = CuePlayer::create(AudioSettings{}, clock, 1.0, kAssets, notices,
                                  std::make_unique<FakeSpeechService>(said));
  player->prepare(pigeonPlan());
  player->onCue({CueType::PhaseStarted, 1, 0, Millis(5000)});
  player->onCue({CueType::SideSwitch, 2, 0, Millis(35000)});
  player->say("Pigeon, right side. 30 seconds left.");
  CHECK(said == std::vector<std::string>{"Pigeon. Right side.", "Switch to the left side.",
                                         "Pigeon, right side. 30 seconds left."});
  said.clear();
  player->setMuted(true);
  player->say("not heard");
  player->onCue({CueType::PhaseStarted, 3, 0, Millis(40000)});
  CHECK(said.empty());
  player->onCue({CueType::Stopped, 3, 0, Millis(41000)});
  CHECK(said == std::vector<std::string>{"<cancel>"});
}

TEST_CASE("a sentence asked for is spoken even when the voice prompts are off") {
  EnvOverride driver("SDL_AUDIODRIVER", "dummy");
  FakeClock clock;
  std::ostringstream notices;
  std::vector<std::string> said;
  AudioSettings settings;
  settings.voice = false;
  settings.verbosity = Verbosity::Cues;
  auto player = CuePlayer::create(settings, clock, 1.0, kAssets, notices,
                                  std::make_unique<FakeSpeechService>(said));
  player->prepare(pigeonPlan());
  player->onCue({CueType::PhaseStarted, 1, 0, Millis(5000)});
  CHECK(said.empty());
  player->say("Pigeon, right side.");
  CHECK(said == std::vector<std::string>{"Pigeon, right side."});
}
