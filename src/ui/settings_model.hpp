// The settings screen's state and words, apart from drawing, so they are tested without a
// window: what it shows (the settings, the voices, what "Locale" means here, the plan's day
// start) and what a change asks of its controller.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/settings.hpp"

namespace unknot {

struct SettingsScreenModel {
  Settings settings;  // as shown and edited
  // False when the settings file has errors: changes then hold for this run only, and the
  // file is kept as it is for the person to fix.
  bool canSave = true;
  std::vector<std::string> fileErrors;  // why it cannot be saved, one line each
  std::string saveError;                // the last save failed: why
  std::string voiceBackend;             // "espeak-ng" or "speech-dispatcher"
  std::vector<std::string> voices;      // the installed voices to choose from
  int localeWeekday = 0;                // the locale's first weekday (0 = Sunday)
  std::optional<int> dayStartHour;      // the plan's; nullopt: the record cannot be read
  bool hasSound = true;                 // false: this run has no audio (--no-audio, a still)
  // Reminders with the app closed (the systemd user timer or the autostart entry): on or off,
  // and a plain sentence on which; nullopt: not offered in this run (a still).
  std::optional<bool> backgroundReminders;
  std::string backgroundText;
};

struct SettingsIntent {
  enum class Kind {
    None,
    Changed,       // `settings` holds the new values; `commit`: the edit is complete (save it)
    Close,         // back to the library
    TestVoice,     // say a sample sentence as set
    NoticeAgain,   // show the first-start notice again
    EditDayStart,  // the day's start hour belongs to the plan: open the plan editor
    BackgroundReminders,  // turn reminders with the app closed on or off (`backgroundOn`)
  } kind = Kind::None;
  Settings settings;
  bool commit = true;
  bool backgroundOn = false;  // BackgroundReminders: the state asked for
};

// "Cues only", "Names and sides", "Names, sides and instructions".
const char* verbosityLabel(Verbosity verbosity);
// "Locale (Monday)" for unset, else "Monday".
std::string weekdayChoiceLabel(std::optional<int> day, int localeWeekday);
// "03:00"
std::string hourLabel(int hour);
// "Dark", "Light", "High contrast".
const char* themeLabel(ThemeName theme);
// What the voice list offers: the default first ("" shown as "Default voice"), then the
// installed ones, and the chosen one even when it is not installed (so it is not lost).
std::vector<std::string> voiceOptions(const SettingsScreenModel& model);
// The line under the title: where changes go, or why they do not.
std::string saveStatusLine(const SettingsScreenModel& model);
// The sample the Test voice button says.
std::string voiceSample(const AudioSettings& audio);

}  // namespace unknot
