// The settings screen's controller: each change reaches the run and is saved at once (a
// dragged slider once, when let go), a settings file with errors is never overwritten and the
// screen says why, and the screen draws and answers its keys.
#ifdef UNKNOT_HAVE_GUI
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/gui/gui_settings.hpp"
#include "support/process.hpp"
#include "ui/imgui_harness.hpp"

using namespace unknot;
using namespace unknot::testing;

namespace {

std::string readText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Screen {
  explicit Screen(const TempDir& dir, bool fileOk = true) {
    GuiSettings::Options options;
    options.settings = &settings;
    if (fileOk) {
      options.path = dir.file("settings.toml");
    } else {
      options.fileErrors = {dir.file("settings.toml") + ":2:1: unknown key 'volum'"};
    }
    options.applyAudio = [this](const AudioSettings& audio) { applied.push_back(audio); };
    options.speak = [this](const std::string& text) { said.push_back(text); };
    options.listVoices = [](bool) {
      return std::pair<std::string, std::vector<std::string>>{"espeak-ng",
                                                              {"English (Great Britain)"}};
    };
    controller.emplace(options);
    controller->open();
  }
  GuiSettings::Outcome change(const std::function<void(Settings&)>& edit, bool commit = true) {
    SettingsIntent intent{SettingsIntent::Kind::Changed, controller->model().settings, commit};
    edit(intent.settings);
    return controller->apply(intent);
  }
  Settings settings;
  std::vector<AudioSettings> applied;
  std::vector<std::string> said;
  std::optional<GuiSettings> controller;
};

}  // namespace

TEST_CASE("a change on the settings screen reaches the run and is saved at once") {
  TempDir dir;
  Screen screen(dir);
  CHECK(screen.controller->model().canSave);
  CHECK(screen.controller->model().voices == std::vector<std::string>{"English (Great Britain)"});
  screen.change([](Settings& s) {
    s.audio.verbosity = Verbosity::Instructions;
    s.audio.volumes.alarm = 0.4;
    s.display.theme = ThemeName::HighContrast;
    s.calendar.firstWeekday = 1;
  });
  CHECK(screen.settings.audio.verbosity == Verbosity::Instructions);  // the run's own settings
  REQUIRE(screen.applied.size() == 1);
  CHECK(screen.applied[0].volumes.alarm == 0.4);  // the live player
  const SettingsLoad saved = loadSettings(dir.file("settings.toml"));
  CHECK(saved.errors.empty());
  CHECK(saved.settings.audio.verbosity == Verbosity::Instructions);
  CHECK(saved.settings.audio.volumes.alarm == 0.4);
  CHECK(saved.settings.display.theme == ThemeName::HighContrast);
  CHECK(saved.settings.calendar.firstWeekday == 1);
  CHECK(saveStatusLine(screen.controller->model()) == "Every change is saved at once.");
}

TEST_CASE("a slider being dragged is applied at once and saved when let go") {
  TempDir dir;
  Screen screen(dir);
  screen.change([](Settings& s) { s.audio.volume = 0.3; }, false);
  CHECK(screen.applied.back().volume == 0.3);
  CHECK_FALSE(std::filesystem::exists(dir.file("settings.toml")));
  screen.change([](Settings& s) { s.audio.volume = 0.35; }, true);
  CHECK(loadSettings(dir.file("settings.toml")).settings.audio.volume == 0.35);
}

TEST_CASE("a settings file with errors is kept as it is and the screen says why") {
  TempDir dir;
  dir.write("settings.toml", "[audio]\nvolum = 0.5\n");
  Screen screen(dir, false);
  CHECK_FALSE(screen.controller->model().canSave);
  screen.change([](Settings& s) { s.audio.muted = true; });
  CHECK(screen.settings.audio.muted);  // this run follows the change
  CHECK(readText(dir.file("settings.toml")) == "[audio]\nvolum = 0.5\n");
  const std::string status = saveStatusLine(screen.controller->model());
  CHECK(status.find("has errors and is kept as it is") != std::string::npos);
  CHECK(status.find("unknown key 'volum'") != std::string::npos);
}

TEST_CASE("the settings screen draws, tests the voice and answers its keys") {
  TempDir dir;
  Screen screen(dir);
  ImGuiHarness ui(ImVec2(1280, 800));
  const auto frame = [&](std::vector<UiKey> keys) {
    return ui.frame([&] { return screen.controller->draw(ui.fonts(), keys); });
  };
  CHECK(frame({}) == GuiSettings::Outcome::Stay);
  CHECK(ui.vertexCount() > 0);
  CHECK(frame({UiKey::W}) == GuiSettings::Outcome::Stay);
  REQUIRE(screen.said.size() == 1);
  CHECK(screen.said[0] == "Pigeon pose. Switch to the left side.");
  CHECK(frame({UiKey::E}) == GuiSettings::Outcome::EditDayStart);
  CHECK(frame({UiKey::F}) == GuiSettings::Outcome::NoticeAgain);
  CHECK(frame({UiKey::Escape}) == GuiSettings::Outcome::Close);
  CHECK_FALSE(screen.controller->isOpen());
}

TEST_CASE("the settings screen shows the plan's day start, reading the record only") {
  TempDir dir;
  GuiSettings::Options options;
  options.dataDir = DataDir{dir.file("data"), {}};
  GuiSettings none(options);
  none.open();
  CHECK(none.model().dayStartHour == 3);  // no record: the default rule
  CHECK_FALSE(std::filesystem::exists(dir.file("data")));
  REQUIRE(runProcess(
              {UNKNOT_BINARY, "plan", "start", "--day-start", "5", "--data-dir", dir.file("data")})
              .exitCode == 0);
  GuiSettings planned(options);
  planned.open();
  CHECK(planned.model().dayStartHour == 5);
}

TEST_CASE("the settings screen names the locale's first weekday") {
  CHECK(weekdayChoiceLabel(std::nullopt, 1) == "Locale (Monday)");
  CHECK(weekdayChoiceLabel(0, 1) == "Sunday");
  CHECK(hourLabel(3) == "03:00");
}
#endif

TEST_CASE("the settings screen turns reminders with the app closed on and off with R") {
  TempDir dir;
  Settings settings;
  bool on = false;
  std::vector<bool> asked;
  GuiSettings::Options options;
  options.settings = &settings;
  options.path = dir.file("settings.toml");
  options.backgroundStatus = [&] {
    return std::pair<bool, std::string>{on, on ? "The timer is on." : "Off."};
  };
  options.setBackground = [&](bool want) {
    asked.push_back(want);
    on = want;
    return std::pair<bool, std::string>{on, on ? "Turned the timer on." : "Turned it off."};
  };
  GuiSettings controller(options);
  controller.open();
  CHECK(controller.model().backgroundReminders == false);
  CHECK(controller.model().backgroundText == "Off.");
  ImGuiHarness ui(ImVec2(1280, 800));
  const auto frame = [&](std::vector<UiKey> keys) {
    return ui.frame([&] { return controller.draw(ui.fonts(), keys); });
  };
  CHECK(frame({UiKey::R}) == GuiSettings::Outcome::Stay);
  CHECK(asked == std::vector<bool>{true});
  CHECK(controller.model().backgroundReminders == true);
  CHECK(controller.model().backgroundText == "Turned the timer on.");
  CHECK(frame({UiKey::R}) == GuiSettings::Outcome::Stay);
  CHECK(asked == std::vector<bool>{true, false});
  CHECK(controller.model().backgroundText == "Turned it off.");
}

TEST_CASE("a still offers no reminders switch and R does nothing there") {
  TempDir dir;
  Screen screen(dir);
  CHECK_FALSE(screen.controller->model().backgroundReminders.has_value());
  ImGuiHarness ui(ImVec2(1280, 800));
  const std::vector<UiKey> keys{UiKey::R};
  CHECK(ui.frame([&] { return screen.controller->draw(ui.fonts(), keys); }) ==
        GuiSettings::Outcome::Stay);
}
