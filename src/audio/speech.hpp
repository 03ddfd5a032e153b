// Spoken prompts: espeak-ng renders text off the timer and UI threads, ahead of need, into
// sounds at its own rate (the mixer resamples them), kept in a small cache the cue player
// looks prompts up in.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "audio/sound.hpp"
#include "audio/speech_cache.hpp"

namespace unknot {

// espeak-ng keeps its state in process globals, so there is one voice per process; this
// type serialises access to it. Synthesis returns 16-bit mono PCM at sampleRate().
class SpeechSynth {
 public:
  // Checks that espeak-ng's data is there; on failure returns null and says why in `error`.
  // The data (about 1 MiB of memory) is loaded by the first synthesis: prompts kept on disk
  // need none. `voice` is an espeak-ng voice name (espeakVoices()); empty, or one espeak-ng
  // does not know, speaks "en" (an unknown one is named in `notice`).
  static std::unique_ptr<SpeechSynth> create(std::string& error, const std::string& voice = {},
                                             std::string* notice = nullptr);
  // The rate of what synthesize() returned; 0 before the first synthesis.
  int sampleRate() const;
  // What makes one rendering of a text differ from another: engine, version and voice.
  std::string identity() const;
  // `cancel` is polled while synthesizing so shutdown never waits for a long prompt.
  std::optional<std::vector<int16_t>> synthesize(const std::string& text, int wordsPerMinute,
                                                 const std::atomic<bool>& cancel,
                                                 std::string& error) const;

 private:
  explicit SpeechSynth(std::string voice) : m_voice(std::move(voice)) {}
  std::string m_voice;  // espeak-ng's voice name; "en" when none was chosen
};

// The voices espeak-ng has installed, by the names SpeechSynth::create accepts
// ("English (America)"), sorted.
std::vector<std::string> espeakVoices();

// Trims the silence espeak puts around a prompt, so it is heard the moment it is scheduled.
Sound speechToSound(const std::vector<int16_t>& pcm, int rate);

class SpeechWorker {
 public:
  // With a `disk` cache, a prompt spoken in an earlier run is read from it instead of
  // synthesized, and a new one is written to it.
  explicit SpeechWorker(std::unique_ptr<SpeechSynth> synth,
                        std::unique_ptr<SpeechCache> disk = nullptr);
  ~SpeechWorker();
  SpeechWorker(const SpeechWorker&) = delete;
  SpeechWorker& operator=(const SpeechWorker&) = delete;

  // Replaces the wish list: these prompts, in this order, at this speaking rate. Cached
  // prompts not on it are let go.
  void want(const std::vector<std::string>& texts, int wordsPerMinute);
  // Moves one prompt to the front of the queue (it is needed now).
  void urgent(const std::string& text, int wordsPerMinute);
  SoundPtr find(const std::string& text, int wordsPerMinute) const;
  // What a prompt is kept under on disk: this engine and voice, this rate, this text.
  static std::string diskKey(const SpeechSynth& synth, const std::string& text, int wordsPerMinute);
  // Called on the worker thread after each prompt is ready (not under the worker's lock), with
  // the prompt's sound, so the handler needs nothing else from the worker.
  void onReady(std::function<void(const std::string& text, SoundPtr sound)> handler);
  // Ends the worker thread and waits for it: no handler runs after this returns. Whoever owns
  // what the handler touches calls it before tearing that down.
  void stop();
  // The first synthesis failure, if any (reported once by the player).
  std::optional<std::string> takeError();

 private:
  struct Entry {
    SoundPtr sound;
    uint64_t lastUse = 0;
  };
  static std::string key(const std::string& text, int wordsPerMinute);
  void run();
  void store(const std::string& cacheKey, SoundPtr sound);
  SoundPtr render(const std::string& text, int wordsPerMinute, std::string& error);

  static constexpr size_t kCacheSize = 48;
  std::unique_ptr<SpeechSynth> m_synth;
  std::unique_ptr<SpeechCache> m_disk;  // null: every prompt is synthesized
  mutable std::mutex m_mutex;
  std::condition_variable m_wake;
  std::deque<std::pair<std::string, int>> m_queue;
  mutable std::map<std::string, Entry> m_cache;
  mutable uint64_t m_useCounter = 0;
  std::function<void(const std::string&, SoundPtr)> m_onReady;
  std::optional<std::string> m_error;
  bool m_errorTaken = false;
  std::atomic<bool> m_stop{false};
  std::thread m_thread;
};

}  // namespace unknot
