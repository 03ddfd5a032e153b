// The settings screen's controller: opens it with what it shows (the installed voices, the
// locale's first weekday, the plan's day start), applies each change to this run at once and
// writes it to settings.toml atomically, unless the file had errors (then it is kept as it is
// and the screen says why).
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "app/session/app_paths.hpp"
#include "core/settings.hpp"
#include "ui/settings_model.hpp"
#include "ui/ui_types.hpp"

namespace unknot {

class GuiSettings {
 public:
  struct Options {
    Settings* settings = nullptr;         // the run's settings: changes land here first
    std::filesystem::path path;           // empty: not saved (the file has errors, or no home)
    std::vector<std::string> fileErrors;  // why `path` is empty
    std::function<void(const AudioSettings&)> applyAudio;  // may be empty (no sound)
    std::function<void(const std::string&)> speak;         // may be empty
    std::function<std::pair<std::string, std::vector<std::string>>(bool)> listVoices;
    std::optional<DataDir> dataDir;  // the record, for the plan's day start
    // Reminders with the app closed: {on, what is in place}; and turning them on or off:
    // {on, what was done}. Empty: not offered (a still).
    std::function<std::pair<bool, std::string>()> backgroundStatus;
    std::function<std::pair<bool, std::string>(bool on)> setBackground;
  };
  enum class Outcome { Stay, Close, NoticeAgain, EditDayStart };

  explicit GuiSettings(Options options);

  bool isOpen() const { return m_open; }
  void open();
  void close() { m_open = false; }
  Outcome draw(const UiFonts& fonts, std::span<const UiKey> keys);
  // What a drawn frame asked for; tests call it directly.
  Outcome apply(const SettingsIntent& intent);
  const SettingsScreenModel& model() const { return m_model; }
  int revision() const { return m_revision; }

 private:
  Options m_options;
  SettingsScreenModel m_model;
  bool m_open = false;
  int m_revision = 0;
};

}  // namespace unknot
