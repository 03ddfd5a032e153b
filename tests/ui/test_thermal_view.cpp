// The heat/ice player state: at the level of intents (Enter says "I've switched" only while
// held, nothing pauses a hold) and as screenshots of the real binary (HEAT warm, ICE cool,
// the held state with the skin check), pixel-checked.
#include <stb_image.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>

#include "core/thermal/thermal_controller.hpp"
#include "imgui_harness.hpp"
#include "support/fake_clock.hpp"
#include "support/process.hpp"
#include "support/recording_sink.hpp"
#include "support/routine_builder.hpp"
#include "ui/reminder_banner.hpp"
#include "ui/theme.hpp"
#include "ui/thermal_dialogs.hpp"
#include "ui/thermal_view.hpp"

using namespace unknot;
using namespace unknot::testing;

namespace {

Plan heatThenIce() {
  Step heat = holdStep("Heat", 60);
  heat.kind = StepKind::Heat;
  Step ice = holdStep("Ice", 60);
  ice.kind = StepKind::Ice;
  return *expand(makeRoutine("hot-cold", {heat, ice}), {}).plan;
}

struct Held {
  Plan plan = heatThenIce();
  FakeClock clock;
  RecordingCueSink sink;
  SessionEngine engine{plan, clock, sink};
  ThermalController thermal{engine, clock};
  Held() {
    engine.start();
    clock.advance(Millis(60'000));
    engine.update();
    thermal.update();
  }
  ThermalViewModel model() const {
    ThermalViewModel out;
    out.player = PlayerModel{&plan, engine.snapshot(), false, std::nullopt, {}};
    out.held = engine.held();
    out.heldTitle = "Heat is done: switch to ice";
    return out;
  }
};

struct Rgb {
  int r, g, b;
};
constexpr Rgb kHeat{0xF0, 0x7A, 0x5A};
constexpr Rgb kIce{0x8C, 0xD8, 0xF0};
constexpr Rgb kWarning{0xF2, 0xC1, 0x4E};

// Rows that hold at least a few pixels of colour `c`: the height of what is drawn in it.
int rowsWith(const std::string& png, Rgb c) {
  int width = 0, height = 0, channels = 0;
  std::unique_ptr<unsigned char, void (*)(void*)> data(
      stbi_load(png.c_str(), &width, &height, &channels, 3), stbi_image_free);
  if (!data) return -1;
  int rows = 0;
  for (int y = 0; y < height; ++y) {
    int hits = 0;
    for (int x = 0; x < width; ++x) {
      const unsigned char* p = data.get() + (static_cast<size_t>(y) * width + x) * 3;
      hits +=
          std::abs(p[0] - c.r) <= 14 && std::abs(p[1] - c.g) <= 14 && std::abs(p[2] - c.b) <= 14;
    }
    rows += hits > 4;
  }
  return rows;
}

ProcessResult screenshot(const TempDir& home, const std::string& at, const std::string& png) {
  REQUIRE(std::filesystem::exists("/usr/bin/xvfb-run"));
  ProcessOptions options;
  options.env = {{"XDG_CONFIG_HOME", home.file("config")},
                 {"XDG_DATA_HOME", home.file("data")},
                 {"UNKNOT_DATA_DIR", home.file("data/unknot")}};
  ProcessResult result;
  for (int attempt = 0; attempt < 3; ++attempt) {
    result = runProcess({"xvfb-run", "-a", "-s", "-screen 0 1280x800x24", UNKNOT_BINARY, "--run",
                         "heat-ice", "--at", at, "--screenshot", png, "--size", "1280x800"},
                        options);
    if (result.err.find("Xvfb failed to start") == std::string::npos) break;
  }
  return result;
}

}  // namespace

TEST_CASE("Enter says I've switched only while held at a switch") {
  Held held;
  REQUIRE(held.engine.held());
  ThermalViewModel model = held.model();
  CHECK(thermalIntentForKey(UiKey::Enter, model).acknowledge);
  CHECK(thermalIntentForKey(UiKey::Space, model).player == PlayerIntent::None);  // nothing to pause
  CHECK(thermalIntentForKey(UiKey::Escape, model).player == PlayerIntent::Stop);
  model.held = false;
  CHECK_FALSE(thermalIntentForKey(UiKey::Enter, model).acknowledge);
  CHECK(thermalIntentForKey(UiKey::Space, model).player == PlayerIntent::TogglePause);
}

TEST_CASE("a heat/ice cycle answers where-am-I and instructions, and R restarts nothing") {
  Held held;
  ThermalViewModel model = held.model();
  CHECK(thermalIntentForKey(UiKey::W, model).player == PlayerIntent::SayWhere);
  CHECK(thermalIntentForKey(UiKey::I, model).player == PlayerIntent::SayInstructions);
  CHECK(thermalIntentForKey(UiKey::R, model).player == PlayerIntent::None);
  model.held = false;
  CHECK(thermalIntentForKey(UiKey::R, model).player == PlayerIntent::None);
}

TEST_CASE("the held thermal view draws and its button acknowledges through the key") {
  Held held;
  ImGuiHarness ui;
  const ThermalViewModel model = held.model();
  const std::vector<UiKey> enter{UiKey::Enter};
  const ThermalIntent intent = ui.frame([&] { return drawThermalView(model, ui.fonts(), enter); });
  CHECK(intent.acknowledge);
  CHECK(ui.vertexCount() > 100);
  ThermalViewModel running;
  running.player = model.player;
  CHECK(thermalBackground(model) != thermalBackground(running));
}

TEST_CASE("with reduced motion a held switch does not tint or blink the background") {
  Held held;
  ImGuiHarness ui;
  useLook(Look{ThemeName::HighContrast, true});
  ThermalViewModel model = held.model();
  for (const long long ms : {0LL, 1000LL, 2000LL}) {
    model.heldFor = Millis(ms);
    CHECK(thermalBackground(model) == palette().background);
  }
}

TEST_CASE("the line under a held switch says whether the alarm is heard and how long it waited") {
  ThermalViewModel model;
  model.held = true;
  model.heldFor = Millis(40'000);
  model.ring = 2;
  CHECK(heldFooter(model, "-") == "Alarm ringing, ring 2 - due 00:40 ago");
  model.alarm = AlarmSound::Muted;
  CHECK(heldFooter(model, "-") == "Alarm muted (M to hear it) - due 00:40 ago");
  model.alarm = AlarmSound::Silent;  // --no-audio or no device: nothing rings, so no ring count
  CHECK(heldFooter(model, "-") == "No alarm sound - due 00:40 ago");
}

TEST_CASE("the long-application confirmation starts only once the box is ticked") {
  ImGuiHarness ui;
  bool understood = false;
  const std::vector<UiKey> enter{UiKey::Enter}, escape{UiKey::Escape};
  CHECK(ui.frame([&] {
    return drawLongThermalConfirm("Long heat", "lasts 25m", understood, ui.fonts(), enter);
  }) == ConfirmIntent::None);
  understood = true;
  CHECK(ui.frame([&] {
    return drawLongThermalConfirm("Long heat", "lasts 25m", understood, ui.fonts(), enter);
  }) == ConfirmIntent::Start);
  CHECK(ui.frame([&] {
    return drawLongThermalConfirm("Long heat", "lasts 25m", understood, ui.fonts(), escape);
  }) == ConfirmIntent::Cancel);
}

TEST_CASE("the heat/ice screenshots show HEAT warm, ICE cool and the held switch") {
  TempDir home;
  const std::string heat = home.file("heat.png"), ice = home.file("ice.png"),
                    held = home.file("held.png");
  REQUIRE(screenshot(home, "5m", heat).exitCode == 0);
  REQUIRE(screenshot(home, "20m", ice).exitCode == 0);
  REQUIRE(screenshot(home, "16m", held).exitCode == 0);
  // The time left is drawn in the kind's colour, a quarter of the window tall.
  CHECK(rowsWith(heat, kHeat) > 800 / 4);
  CHECK(rowsWith(heat, kIce) < 10);
  CHECK(rowsWith(ice, kIce) > 800 / 4);
  CHECK(rowsWith(ice, kHeat) < 10);
  // Held: the switch title and the time since it fell due in the warning colour.
  CHECK(rowsWith(held, kWarning) > 800 / 4);
}

TEST_CASE("the reminder banner draws its text and buttons and asks for nothing unclicked") {
  ImGuiHarness ui;
  const BannerIntent intent = ui.frame([&] {
    return drawReminderBanner("08:00 reminder: time for stretch (0 of 2 done today)", ui.fonts());
  });
  CHECK(intent == BannerIntent::None);
  CHECK(ui.vertexCount() > 100);
}
