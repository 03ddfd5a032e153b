#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <system_error>

#include "core/settings.hpp"

// Writing settings.toml: every key with a comment on what it may be, so the file stays
// hand-editable, and the atomic replace (temp file + rename).
namespace unknot {

namespace {

std::string render(const Settings& settings) {
  const AudioSettings& a = settings.audio;
  const auto flag = [](bool value) { return value ? "true" : "false"; };
  std::ostringstream out;
  out << "# unknot settings. Written by the app; edit while it is closed.\n\n"
      << "[audio]\n"
      << "muted = " << flag(a.muted) << "\n"
      << "volume = " << settingsNumber(a.volume) << "          # 0 to 1\n"
      << "voice = " << flag(a.voice) << "          # spoken prompts\n"
      << "voice_rate = " << a.voiceRate << "       # words per minute, 80 to 450\n"
      << "voice_volume = " << settingsNumber(a.voiceVolume) << "    # 0 to 1, relative to volume\n"
      << "say_countdown = " << flag(a.sayCountdown) << "\n"
      << "verbosity = \"" << toString(a.verbosity)
      << "\"   # what the voice says: cues, names or instructions\n"
      << "voice_name = \"" << a.voiceName << "\"   # empty: the default voice\n"
      << "speech_dispatcher = " << flag(a.speechDispatcher)
      << "   # use the desktop's speech-dispatcher when it runs\n\n"
      << "[audio.cues]\n"
      << "phase_chime = " << flag(a.phaseChime) << "\n"
      << "countdown_pips = " << flag(a.countdownPips) << "\n"
      << "halfway_bell = " << flag(a.halfwayBell) << "\n"
      << "switch_sides = " << flag(a.switchCue) << "\n"
      << "rep_ticks = " << flag(a.repTicks) << "\n"
      << "round_start = " << flag(a.roundCue) << "\n"
      << "finish_fanfare = " << flag(a.finishFanfare) << "\n\n"
      << "[audio.volumes]   # each cue 0 to 1, relative to volume\n"
      << "chime = " << settingsNumber(a.volumes.chime) << "\n"
      << "countdown_pips = " << settingsNumber(a.volumes.pips) << "\n"
      << "halfway_bell = " << settingsNumber(a.volumes.halfway) << "\n"
      << "switch_sides = " << settingsNumber(a.volumes.switchSides) << "\n"
      << "finish_fanfare = " << settingsNumber(a.volumes.finish) << "\n"
      << "alarm = " << settingsNumber(a.volumes.alarm) << "\n\n"
      << "[window]\n"
      << "width = " << settings.window.width << "\n"
      << "height = " << settings.window.height << "\n";
  if (settings.window.x) out << "x = " << *settings.window.x << "\n";
  if (settings.window.y) out << "y = " << *settings.window.y << "\n";
  out << "\n[safety]\n"
      << "notice_acknowledged = " << flag(settings.safety.noticeAcknowledged)
      << "   # the first-start notice was read; false shows it again\n"
      << "\n[display]\n"
      << "reduced_motion = " << flag(settings.display.reducedMotion)
      << "   # figures switch between keyframes; nothing pulses\n"
      << "theme = \"" << toString(settings.display.theme) << "\"   # dark, light or high-contrast\n"
      << "scale = " << settingsNumber(settings.display.scale) << "   # 0.75 to 2.5\n"
      << "\n[calendar]\n"
      << "first_weekday = \""
      << (settings.calendar.firstWeekday ? weekdayName(*settings.calendar.firstWeekday)
                                         : std::string_view("locale"))
      << "\"   # monday ... sunday, or locale\n";
  return out.str();
}

std::string tempSuffix() {
  std::random_device device;
  std::ostringstream out;
  out << ".tmp-" << std::hex << device() << device();
  return out.str();
}

}  // namespace

std::optional<std::string> saveSettings(const Settings& settings,
                                        const std::filesystem::path& path) {
  if (path.empty()) return "no settings path: neither XDG_CONFIG_HOME nor HOME is set";
  std::error_code ec;
  const auto dir = path.parent_path();
  if (!dir.empty()) std::filesystem::create_directories(dir, ec);
  if (ec) return dir.string() + ": cannot create the folder: " + ec.message();
  std::filesystem::path temp = path;
  temp += tempSuffix();
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << render(settings);
    out.close();
    if (!out) {
      std::filesystem::remove(temp, ec);
      return temp.string() + ": cannot write the settings";
    }
  }
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(temp, ignored);
    return path.string() + ": cannot replace the settings file: " + ec.message();
  }
  return std::nullopt;
}

}  // namespace unknot
