// Audio as the cue mixer plays it: mono float samples at the output stream's rate, shared
// read-only between the thread that made them and the audio callback.
#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <vector>

namespace unknot {

struct Sound {
  std::vector<float> samples;
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

struct CueSounds {
  std::array<SoundPtr, kCueSoundCount> cues;  // null where a file failed to load
  const SoundPtr& operator[](CueSound sound) const { return cues[static_cast<size_t>(sound)]; }
  SoundPtr& operator[](CueSound sound) { return cues[static_cast<size_t>(sound)]; }
};

}  // namespace unknot
