#include "ui/settings_model.hpp"

#include <algorithm>
#include <cstdio>

namespace unknot {

namespace {

constexpr const char* kWeekdayLabels[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                          "Thursday", "Friday", "Saturday"};

}  // namespace

const char* verbosityLabel(Verbosity verbosity) {
  switch (verbosity) {
    case Verbosity::Cues:
      return "Cues only";
    case Verbosity::Instructions:
      return "Names, sides and instructions";
    case Verbosity::Names:
      break;
  }
  return "Names and sides";
}

std::string weekdayChoiceLabel(std::optional<int> day, int localeWeekday) {
  const auto label = [](int d) { return kWeekdayLabels[((d % 7) + 7) % 7]; };
  if (!day) return std::string("Locale (") + label(localeWeekday) + ")";
  return label(*day);
}

std::string hourLabel(int hour) {
  char text[8];
  std::snprintf(text, sizeof text, "%02d:00", std::clamp(hour, 0, 23));
  return text;
}

const char* themeLabel(ThemeName theme) {
  switch (theme) {
    case ThemeName::Light:
      return "Light";
    case ThemeName::HighContrast:
      return "High contrast";
    case ThemeName::Dark:
      break;
  }
  return "Dark";
}

std::vector<std::string> voiceOptions(const SettingsScreenModel& model) {
  std::vector<std::string> options{""};
  for (const std::string& voice : model.voices)
    if (!voice.empty() && isValidVoiceName(voice)) options.push_back(voice);
  const std::string& chosen = model.settings.audio.voiceName;
  if (std::find(options.begin(), options.end(), chosen) == options.end()) options.push_back(chosen);
  return options;
}

std::string saveStatusLine(const SettingsScreenModel& model) {
  if (!model.canSave) {
    std::string line =
        "Changes last until you close unknot: the settings file has errors and is kept as it is "
        "until you fix it";
    if (!model.fileErrors.empty()) line += " (" + model.fileErrors.front() + ")";
    return line + ".";
  }
  if (!model.saveError.empty()) return "Could not save: " + model.saveError;
  return "Every change is saved at once.";
}

std::string voiceSample(const AudioSettings& audio) {
  switch (audio.verbosity) {
    case Verbosity::Cues:
      return "Cues only: the voice speaks when you press W or I.";
    case Verbosity::Instructions:
      return "Pigeon pose. Right shin forward. Keep the hips square.";
    case Verbosity::Names:
      break;
  }
  return "Pigeon pose. Switch to the left side.";
}

}  // namespace unknot
