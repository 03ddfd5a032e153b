// User settings persisted in $XDG_CONFIG_HOME/unknot/settings.toml: sound, voice, window
// geometry, motion and whether the first-start safety notice was acknowledged. A garbage file is
// reported and defaults are used; saving is atomic (temp + rename). The file is meant to be
// edited by hand too; every key is listed in docs/gui.md.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/diagnostic.hpp"

namespace unknot {

// How much the voice says by itself (the where-am-I and instructions keys speak at any level).
enum class Verbosity {
  Cues,          // cue sounds only; no names (countdown words still follow say_countdown)
  Names,         // step names and sides, "Well done." at the end
  Instructions,  // names and sides, then each step's short instruction
};
inline constexpr Verbosity kVerbosities[] = {Verbosity::Cues, Verbosity::Names,
                                             Verbosity::Instructions};
// "cues", "names", "instructions": the names in settings.toml.
std::string_view toString(Verbosity verbosity);
std::optional<Verbosity> parseVerbosity(std::string_view text);

// Each cue's loudness, 0..1, relative to the master volume.
struct CueVolumes {
  double chime = 1.0;
  double pips = 1.0;
  double halfway = 1.0;
  double switchSides = 1.0;
  double finish = 1.0;
  double alarm = 1.0;
};

// The longest voice name accepted (espeak-ng and speech-dispatcher names are short).
inline constexpr size_t kMaxVoiceNameLength = 80;
// Voice names are the synthesizers' own ("Norwegian Bokmål", "K'iche'", "English (America, New
// York City)"): any text up to 80 bytes without control characters, quotes or backslashes, so
// settings.toml writes it as a plain string.
bool isValidVoiceName(std::string_view text);

struct AudioSettings {
  bool muted = false;
  double volume = 0.8;  // master, 0..1
  bool phaseChime = true;
  bool countdownPips = true;
  bool halfwayBell = true;
  bool switchCue = true;
  bool repTicks = true;
  bool roundCue = true;
  bool finishFanfare = true;
  bool voice = true;
  int voiceRate = 160;       // words per minute (espeak-ng 80..450)
  double voiceVolume = 1.0;  // 0..1, relative to master
  bool sayCountdown = false;
  Verbosity verbosity = Verbosity::Names;
  std::string voiceName;         // empty: the default voice (espeak-ng "en", the desktop's own)
  bool speechDispatcher = true;  // speak through speech-dispatcher when the desktop runs it
  CueVolumes volumes;
};

struct WindowSettings {
  int width = 1100;
  int height = 760;
  std::optional<int> x, y;  // unset: let the window manager place it
};

// The window sizes --size accepts (a screenshot may be smaller than a saved window).
inline constexpr int kMinWindowSide = 200, kMaxWindowSide = 16384;
// "1280x800" -> {1280, 800}; nullopt unless both are whole numbers in the limits above.
std::optional<std::pair<int, int>> parseWindowSize(std::string_view text);

struct SafetySettings {
  // The first-start notice (not medical advice; stop on sharp pain, numbness or tingling) was
  // read and acknowledged; false shows it again on the next start.
  bool noticeAcknowledged = false;
};

// The window's colour scheme; high contrast keeps every text at 7:1 or more (WCAG AAA).
enum class ThemeName { Dark, Light, HighContrast };
inline constexpr ThemeName kThemeNames[] = {ThemeName::Dark, ThemeName::Light,
                                            ThemeName::HighContrast};
// "dark", "light", "high-contrast": the names in settings.toml and on the command line.
std::string_view toString(ThemeName theme);
std::optional<ThemeName> parseThemeName(std::string_view text);

// The interface scale a person may choose (on top of the monitor's own content scale).
inline constexpr double kMinInterfaceScale = 0.75, kMaxInterfaceScale = 2.5;

struct DisplaySettings {
  // Pose figures switch between keyframes instead of moving, and nothing pulses or tints (for
  // people whom motion bothers, and for the slowest machines).
  bool reducedMotion = false;
  ThemeName theme = ThemeName::Dark;
  double scale = 1.0;  // kMinInterfaceScale..kMaxInterfaceScale
};

// Weekdays as in struct tm: 0 = Sunday .. 6 = Saturday.
// "monday" -> 1; nullopt for anything else (English names, any case).
std::optional<int> parseWeekday(std::string_view text);
std::string_view weekdayName(int weekday);  // 1 -> "monday"

struct CalendarSettings {
  // The first column of every calendar; unset follows the locale (LC_TIME).
  std::optional<int> firstWeekday;
};

struct Settings {
  AudioSettings audio;
  WindowSettings window;
  SafetySettings safety;
  DisplaySettings display;
  CalendarSettings calendar;
};

struct SettingsLoad {
  Settings settings;   // defaults where the file was missing or wrong
  Diagnostics errors;  // one line per problem; the file is left untouched
};

SettingsLoad loadSettings(const std::filesystem::path& path);
// How settings.toml writes a number: "0.8", "1.0" (always with a point, so it reads back as one).
std::string settingsNumber(double value);
// Writes atomically; returns an error message on failure.
std::optional<std::string> saveSettings(const Settings& settings,
                                        const std::filesystem::path& path);

}  // namespace unknot
