// Wires the cue player into runs: the session-sink factory makes one player per session, and
// a mute switch (the M key) reaches whichever player is live, and remembers the choice. A
// finished session's player lives on until the next session (or the end of the process), so
// its finish fanfare is heard without the runner or the UI waiting for it.
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "app/session/session_sinks.hpp"
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
// (then the speed is the desktop's own), espeak-ng's otherwise.
struct VoiceChoices {
  std::string backend;  // "speech-dispatcher" or "espeak-ng"
  std::vector<std::string> voices;
};
VoiceChoices voiceChoices(bool speechDispatcher);

// Notices (no device, no voice, unreadable step sounds) go to `notices`, each at most once
// per process however many sessions run.
AudioHookup audioHookup(const AudioSettings& settings, double timeScale,
                        const std::filesystem::path& assetsDir, std::ostream& notices,
                        SessionSinkFactory other = {});

// Wraps a mute switch so that every change is also written to the settings file, and the
// next run starts muted or not as this one was left. Only for a file that could be read:
// a file with errors is never rewritten.
std::function<bool()> savingMuteChanges(std::function<bool()> toggle,
                                        std::filesystem::path settingsPath);

}  // namespace unknot
