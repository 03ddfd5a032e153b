// Audio as the cue mixer plays it: mono 16-bit samples, shared read-only between the thread
// that made them and the audio callback.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace unknot {

// 16-bit, not float: the prompts synthesized ahead and the cue sounds are most of what sound
// adds to the app's memory, and the sources (WAV files, espeak-ng) are 16-bit anyway.
// Prompts stay at the synthesizer's rate (22,050 Hz for espeak-ng) and the mixer resamples them
// as they play: converted ahead they took twice the memory and a conversion per prompt.
// The samples are either the sound's own (made here) or read in place from a file mapped
// read-only (the cue sounds, prompts kept on disk): those live in the page cache, shared and
// reclaimable, not in the app's heap.
struct Sound {
  static constexpr float kFullScale = 32768.0f;
  std::span<const int16_t> samples;     // into `storage`
  int rate = 0;                         // samples a second; 0: the output's own rate
  std::shared_ptr<const void> storage;  // what `samples` points into, shared by every copy
  float sample(size_t i) const { return static_cast<float>(samples[i]) / kFullScale; }
  // A sound that owns these samples.
  static Sound owning(std::vector<int16_t> samples, int rate = 0);

  // What a sound read from a file may be: a rate a sound card could play, and a file a
  // cue or a prompt could need (over a minute of speech at the highest rate).
  static constexpr int kMinRate = 8000;
  static constexpr int kMaxRate = 192000;
  static constexpr size_t kMaxFileBytes = size_t{16} << 20;
  static constexpr bool plausibleRate(int64_t rate) { return rate >= kMinRate && rate <= kMaxRate; }
};
using SoundPtr = std::shared_ptr<const Sound>;

// The project's own cue sounds, assets/sounds/<name>.wav (made by scripts/make-sounds).
enum class CueSound { Chime, Pip, Bell, Switch, Tick, Round, Finish, Alarm };
inline constexpr size_t kCueSoundCount = 8;
const char* toString(CueSound sound);  // also the file stem

// What a scheduled sound is, for logs and tests.
enum class SoundTag { Chime, Pip, Bell, Switch, Tick, Round, Finish, Alarm, PhaseSound, Speech };
const char* toString(SoundTag tag);
inline SoundTag tagOf(CueSound sound) {
  return static_cast<SoundTag>(sound);
}

// Maps a WAV file of 16-bit mono PCM at any rate read-only and reads its samples in place;
// null, with why in `error`, for any other file (the caller converts those itself). Only for
// files nobody rewrites in place while they are open, such as the installed cue sounds (a
// package upgrade replaces a file, it does not truncate it): reading a mapped page that a
// truncation took away is a SIGBUS. At most `maxSeconds` are used.
SoundPtr mapPcmWav(const std::filesystem::path& path, double maxSeconds, std::string& error);

struct CueSounds {
  std::array<SoundPtr, kCueSoundCount> cues;  // null where a file failed to load
  const SoundPtr& operator[](CueSound sound) const { return cues[static_cast<size_t>(sound)]; }
  SoundPtr& operator[](CueSound sound) { return cues[static_cast<size_t>(sound)]; }
};

}  // namespace unknot
