// The window's look: theme and reduced motion from the settings (followed while the window is
// open) under this run's --theme, and the interface scale from --scale or the settings, stepped
// by Ctrl+= / Ctrl+- / Ctrl+0 and saved to settings.toml at once.
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include "core/settings.hpp"
#include "ui/theme.hpp"

namespace unknot {

class GuiLook {
 public:
  struct Options {
    Settings* settings = nullptr;        // may be null: defaults
    std::filesystem::path settingsPath;  // empty: never saved
    std::optional<ThemeName> theme;      // --theme
    std::optional<double> scale;         // --scale
  };
  explicit GuiLook(Options options);

  Look wanted() const;   // theme and motion: settings, then --theme
  double scale() const;  // --scale or the keys' last step this run, else the setting
  // Makes the ImGui context use wanted(); true when that changed what is shown (restyle).
  bool apply() const;
  // Steps from what is shown (1 larger, -1 smaller, 0 back to 100 %) and saves the setting.
  void zoom(const std::vector<int>& steps);

 private:
  Options m_options;
};

}  // namespace unknot
