// The sound module's entry point. The cue player and its libraries (SDL, SDL_mixer, espeak-ng,
// speech-dispatcher, and the ~75 libraries they bring) live in libunknot-audio.so, which the
// binary loads when a run first needs sound (audio_sinks.hpp), so a start without sound never
// waits for them and the window's first frame does not either. docs/architecture.md has why.
#pragma once

#include <filesystem>
#include <ostream>

#include "app/session/audio_sinks.hpp"

namespace unknot {

// Both sides are built together; a module from another build (another layout of these types)
// is refused. Bump the first number when the entry changes.
inline constexpr unsigned long kAudioModuleAbi = (2ul << 48) | (sizeof(AudioHookup) << 32) |
                                                 (sizeof(AudioSettings) << 16) |
                                                 sizeof(VoiceChoices);

struct AudioModuleEntry {
  unsigned long abi;
  AudioHookup (*hookup)(const AudioSettings& settings, double timeScale,
                        const AudioFolders& folders, std::ostream& notices,
                        SessionSinkFactory other);
  VoiceChoices (*voices)(bool speechDispatcher);
};

// The name dlsym looks up: extern "C" const AudioModuleEntry* unknotAudioModule().
inline constexpr char kAudioModuleSymbol[] = "unknotAudioModule";

// Inside the module only.
AudioHookup makeAudioHookup(const AudioSettings& settings, double timeScale,
                            const AudioFolders& folders, std::ostream& notices,
                            SessionSinkFactory other);
VoiceChoices listVoiceChoices(bool speechDispatcher);

}  // namespace unknot
