// The window's look: --theme and --scale hold for the run without being saved, the scale keys
// step from what is shown and save at once, and a settings change is followed while open.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "app/gui/gui_look.hpp"
#include "support/process.hpp"

using namespace unknot;
using namespace unknot::testing;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("a one-run --theme and --scale hold for the run and write nothing") {
  TempDir home;
  Settings settings;
  settings.display.theme = ThemeName::Light;
  settings.display.scale = 1.3;
  const GuiLook look({&settings, home.file("settings.toml"), ThemeName::HighContrast, 2.0});
  CHECK(look.wanted().theme == ThemeName::HighContrast);
  CHECK(look.scale() == Approx(2.0));
  CHECK(settings.display.scale == Approx(1.3));
  CHECK_FALSE(std::filesystem::exists(home.file("settings.toml")));
}

TEST_CASE("Ctrl+= steps from the scale shown and saves display.scale at once") {
  TempDir home;
  Settings settings;
  settings.display.scale = 1.0;
  GuiLook look({&settings, home.file("settings.toml"), std::nullopt, std::nullopt});
  look.zoom({1, 1});
  CHECK(look.scale() == Approx(1.2));
  CHECK(settings.display.scale == Approx(1.2));
  const SettingsLoad saved = loadSettings(home.file("settings.toml"));
  CHECK(saved.errors.empty());
  CHECK(saved.settings.display.scale == Approx(1.2));
  look.zoom({0});
  CHECK(loadSettings(home.file("settings.toml")).settings.display.scale == Approx(1.0));
  for (int i = 0; i < 5; ++i) look.zoom({-1});
  CHECK(look.scale() == Approx(0.75));
  CHECK(slurp(home.file("settings.toml")).find("scale = 0.75") != std::string::npos);
}

TEST_CASE("the keys step from --scale too, and then the result is the setting") {
  TempDir home;
  Settings settings;
  GuiLook look({&settings, home.file("settings.toml"), std::nullopt, 2.0});
  look.zoom({1});
  CHECK(look.scale() == Approx(2.1));
  CHECK(loadSettings(home.file("settings.toml")).settings.display.scale == Approx(2.1));
}

TEST_CASE("a theme changed in the settings while the window is open is followed") {
  ImGui::CreateContext();
  Settings settings;
  const GuiLook look({&settings, {}, std::nullopt, std::nullopt});
  CHECK_FALSE(look.apply());  // dark is already the default look
  settings.display.theme = ThemeName::HighContrast;
  settings.display.reducedMotion = true;
  CHECK(look.apply());
  CHECK(currentLook().theme == ThemeName::HighContrast);
  CHECK(reducedMotion());
  CHECK_FALSE(look.apply());
  ImGui::DestroyContext();
}
