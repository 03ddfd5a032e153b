#include "audio/sound.hpp"

namespace unknot {

const char* toString(CueSound sound) {
  return toString(tagOf(sound));
}

const char* toString(SoundTag tag) {
  switch (tag) {
    case SoundTag::Chime:
      return "chime";
    case SoundTag::Pip:
      return "pip";
    case SoundTag::Bell:
      return "bell";
    case SoundTag::Switch:
      return "switch";
    case SoundTag::Tick:
      return "tick";
    case SoundTag::Round:
      return "round";
    case SoundTag::Finish:
      return "finish";
    case SoundTag::Alarm:
      return "alarm";
    case SoundTag::PhaseSound:
      return "phase-sound";
    case SoundTag::Speech:
      return "speech";
  }
  return "?";
}

}  // namespace unknot
