// The cue player behind core's CueSink, shared by the GUI and the terminal runner: chimes,
// pips, bells and spoken prompts, each started on the exact output sample of its moment.
// Without an audio device it stays silent and says so once; it never blocks its caller.
#pragma once

#include <filesystem>
#include <memory>
#include <ostream>

#include "audio/speech_service.hpp"
#include "core/clock.hpp"
#include "core/cue_sink.hpp"
#include "core/plan.hpp"
#include "core/settings.hpp"

namespace unknot {

// Where the player reads and keeps files. An empty speech cache synthesizes every prompt.
struct AudioFolders {
  AudioFolders(std::filesystem::path assetsDir, std::filesystem::path speechCacheDir = {})
      : assets(std::move(assetsDir)), speechCache(std::move(speechCacheDir)) {}
  std::filesystem::path assets;       // sounds/<cue>.wav
  std::filesystem::path speechCache;  // prompts spoken before (speech_cache.hpp)
};

class CuePlayer final : public CueSink {
 public:
  // Cue and prompt placement: sounds start this long after their engine time, so events that
  // runners deliver late (a few milliseconds normally, tens on a loaded machine) still land
  // on their exact sample, one device buffer (43 ms) ahead of it. Under what people notice
  // next to a screen that changes at the boundary: sound up to ~125 ms behind the picture
  // goes undetected (ITU-R BT.1359).
  static constexpr double kLatencyMs = 100;

  // Opens the audio device (SDL_AUDIODRIVER is honoured). On failure the player is silent and
  // ONE notice line goes to `notices`; so does a missing voice or missing cue sounds.
  // `clock` is the engine's clock running `timeScale` times faster than real time.
  // `folders` says where the cue sounds are and where prompts are kept. UNKNOT_AUDIO_LOG=<file>
  // logs every audio callback and cue placement (for the timing tests and the bench). With a
  // `speech` service (the desktop's speech-dispatcher) prompts are handed to it as text when due;
  // otherwise espeak-ng synthesizes them here in settings.voiceName.
  static std::unique_ptr<CuePlayer> create(const AudioSettings& settings, const Clock& clock,
                                           double timeScale, const AudioFolders& folders,
                                           std::ostream& notices,
                                           std::unique_ptr<SpeechService> speech = nullptr);
  // Cuts every sound, except after Finished: then it waits (at most 2.6 s) for the finish
  // fanfare and its prompt to play out, so a run that ends the process is still heard ending.
  ~CuePlayer() override;
  CuePlayer(const CuePlayer&) = delete;
  CuePlayer& operator=(const CuePlayer&) = delete;

  // Loads the plan's own step sounds (notices for bad ones) and starts synthesizing the first
  // prompts in the background. Call before the session starts.
  void prepare(const Plan& plan);
  // Never blocks on audio: the cue is queued for the audio callback.
  void onCue(const CueEvent& event) override;
  // Lets the device sleep until shortly before the next event, when nothing plays.
  void onNextDue(std::optional<Millis> at) override;

  // Speaks `text` now, cutting the prompt that plays: the where-am-I and instructions keys.
  // Heard whatever the verbosity or the voice switch (it was asked for), but not when muted.
  void say(const std::string& text);

  void setMuted(bool muted);
  bool muted() const;
  void setSettings(const AudioSettings& settings);
  AudioSettings settings() const;
  // False when the player fell back to silence.
  bool hasDevice() const;

  // The reminder alarm (heat/ice): plays `repeats` times (about 1.1 s each) unless stopped,
  // at `gain` times the set volume (the switch alarm grows louder ring by ring).
  void startAlarm(int repeats = 3, double gain = 1.0);
  void stopAlarm();

  struct Impl;

  // SDL keeps per-thread state (its error text) for threads it did not start and frees it
  // only when asked: a thread of ours that made a player calls this before it ends.
  static void releaseThreadState();

 private:
  explicit CuePlayer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace unknot
