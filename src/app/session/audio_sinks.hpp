// Wires the cue player into runs: the session-sink factory makes one player per session, and
// a mute switch (the M key) reaches whichever player is live, and remembers the choice. A
// finished session's player lives on until the next session (or the end of the process), so
// its finish fanfare is heard without the runner or the UI waiting for it. The player lives in
// the sound module (audio_module_api.hpp), loaded on first use or on a worker ahead of it.
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "app/session/session_sinks.hpp"
#include "audio/cue_player.hpp"
#include "core/settings.hpp"

namespace unknot {

struct AudioHookup {
  SessionSinkFactory makeSessionSink;  // wraps `other` (sinks made alongside the player)
  std::function<bool()> toggleMute;    // returns the new muted state
  // Speaks a sentence now through the live session's player, or between sessions through a
  // player of its own (the settings screen's Test voice).
  std::function<void(const std::string&)> speak;
  // New sound settings for the live player and every later one (the settings screen); the
  // voice and the speech backend take effect from the next session.
  std::function<void(const AudioSettings&)> applySettings;
};

// The voices the settings screen offers: speech-dispatcher's when it runs and is wanted
// (then the speed is the desktop's own), espeak-ng's otherwise. Empty without the module.
struct VoiceChoices {
  std::string backend;  // "speech-dispatcher" or "espeak-ng"
  std::vector<std::string> voices;
};
VoiceChoices voiceChoices(const std::filesystem::path& module, bool speechDispatcher);

// Notices (no device, no voice, unreadable step sounds, no sound module) go to `notices`, each
// at most once per process however many sessions run. `module` is AppPaths::audioModule. With
// `loadAhead` the module is loaded on a worker thread at once, so the first session does not
// wait for it; else when first needed. Without a module every run is silent, after one notice.
AudioHookup audioHookup(const std::filesystem::path& module, const AudioSettings& settings,
                        double timeScale, const AudioFolders& folders, std::ostream& notices,
                        SessionSinkFactory other = {}, bool loadAhead = false);

// Wraps a mute switch so that every change is also written to the settings file, and the
// next run starts muted or not as this one was left. Only for a file that could be read:
// a file with errors is never rewritten.
std::function<bool()> savingMuteChanges(std::function<bool()> toggle,
                                        std::filesystem::path settingsPath);

}  // namespace unknot
