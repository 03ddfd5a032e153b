// The real binary under Xvfb opens the progress screens with --view: a seeded record gives a
// progress screenshot with the heat map, the figures and the red-flag box; the view draws only
// when something changes; a bad --view name is a one-line error before any window opens. With a
// warning on the record a routine waits on its advice, the library keeps a banner and urgent
// advice comes first in red; until the first-start notice is acknowledged nothing starts.
#include <stb_image.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>

#include "support/process.hpp"

using namespace unknot::testing;

namespace {

struct Rgb {
  int r, g, b;
};

// Colours from ui/theme.hpp and ui/progress_model.cpp.
constexpr Rgb kText{0xF1, 0xF4, 0xF6};
constexpr Rgb kAccent{0x4C, 0xC2, 0xB0};
constexpr Rgb kWarning{0xF2, 0xC1, 0x4E};
constexpr Rgb kMissed{0x9A, 0x3F, 0x3A};
constexpr Rgb kUrgent{0xA8, 0x1E, 0x1E};
constexpr Rgb kWarningPanel{0x33, 0x2A, 0x16};

// Pixels near `c` in rows [top, bottom) of a PNG; -1 when it cannot be read.
long countColour(const std::string& path, Rgb c, int top, int bottom, int* width = nullptr) {
  int w = 0, h = 0, channels = 0;
  std::unique_ptr<unsigned char, void (*)(void*)> pixels(
      stbi_load(path.c_str(), &w, &h, &channels, 3), stbi_image_free);
  if (!pixels) return -1;
  if (width) *width = w;
  long n = 0;
  for (int y = top; y < std::min(bottom, h); ++y) {
    for (int x = 0; x < w; ++x) {
      const unsigned char* p = pixels.get() + (static_cast<size_t>(y) * w + x) * 3;
      n += std::abs(p[0] - c.r) <= 10 && std::abs(p[1] - c.g) <= 10 && std::abs(p[2] - c.b) <= 10;
    }
  }
  return n;
}

ProcessOptions isolated(const TempDir& home) {
  ProcessOptions options;
  options.env = {{"XDG_CONFIG_HOME", home.file("config")},
                 {"XDG_DATA_HOME", home.file("xdg-data")},
                 {"UNKNOT_DATA_DIR", home.file("data")}};
  return options;
}

ProcessResult runUnknot(const TempDir& home, std::vector<std::string> args, bool xvfb = false) {
  std::vector<std::string> command = {UNKNOT_BINARY};
  if (xvfb) command.insert(command.begin(), {"xvfb-run", "-a", "-s", "-screen 0 1280x800x24"});
  command.insert(command.end(), args.begin(), args.end());
  ProcessResult result;
  for (int attempt = 0; attempt < 3; ++attempt) {
    result = runProcess(command, isolated(home));
    if (result.err.find("Xvfb failed to start") == std::string::npos) break;
  }
  return result;
}

std::string daysAgo(int days) {
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day ymd(today - std::chrono::days(days));
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return text;
}

}  // namespace

TEST_CASE("the progress screenshot of a seeded record shows the calendar, figures and advice") {
  REQUIRE(std::filesystem::exists("/usr/bin/xvfb-run"));
  TempDir home;
  REQUIRE(runUnknot(home, {"plan", "start", "--date", daysAgo(9)}).exitCode == 0);
  REQUIRE(runUnknot(home, {"checkin", "--pain", "6", "--symptom", "numbness"}).exitCode == 0);
  const std::string png = home.file("progress.png");
  const ProcessResult run =
      runUnknot(home, {"--view", "progress", "--screenshot", png, "--size", "1280x800"}, true);
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  int width = 0;
  CHECK(countColour(png, kText, 0, 800, &width) > 2000);  // figures, labels, advice
  CHECK(width == 1280);
  CHECK(countColour(png, kAccent, 0, 80) > 300);     // the "Your progress" title
  CHECK(countColour(png, kWarning, 60, 300) > 300);  // the red-flag box right under the header
  CHECK(countColour(png, kMissed, 0, 800) > 3000);   // unmet past days of the plan as cells
}

TEST_CASE("the check-in and plan screens open with --view") {
  const std::string view = GENERATE(std::string("checkin"), std::string("plan"));
  TempDir home;
  const std::string png = home.file(view + ".png");
  const ProcessResult run =
      runUnknot(home, {"--view", view, "--screenshot", png, "--size", "800x600"}, true);
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  CHECK(countColour(png, kAccent, 0, 80) > 200);  // the screen's title
  CHECK(countColour(png, kText, 0, 600) > 1000);
}

TEST_CASE("the settings screen opens with --view and a still writes no settings") {
  TempDir home;
  const std::string png = home.file("settings.png");
  const ProcessResult run =
      runUnknot(home, {"--view", "settings", "--screenshot", png, "--size", "1280x800"}, true);
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  CHECK(countColour(png, kText, 0, 800) > 2000);  // labels and values in two columns
  CHECK_FALSE(std::filesystem::exists(home.file("config/unknot/settings.toml")));
  CHECK_FALSE(std::filesystem::exists(home.file("data")));  // the day's start is only read
}

TEST_CASE("an unknown --view is a one-line error") {
  TempDir home;
  ProcessOptions options = isolated(home);
  options.env["DISPLAY"] = "";
  const ProcessResult run =
      runProcess({UNKNOT_BINARY, "--view", "stats", "--screenshot", home.file("x.png")}, options);
  CHECK(run.exitCode == 2);
  CHECK_THAT(run.err, Catch::Contains("--view") && Catch::Contains("'stats'"));
  CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
}

TEST_CASE("the progress view sleeps while nothing changes") {
  TempDir home;
  const ProcessResult run =
      runUnknot(home, {"--view", "progress", "--exit-after", "3s", "--gui-stats"}, true);
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  const size_t at = run.err.find("gui.frames ");
  REQUIRE(at != std::string::npos);
  const long frames = std::stol(run.err.substr(at + 11));
  CHECK(frames >= 1);
  CHECK(frames <= 8);  // a loop at 60 Hz would draw 180
}

namespace {

void acknowledged(const TempDir& home) {
  home.write("config/unknot/settings.toml", "[safety]\nnotice_acknowledged = true\n");
}

bool ranPigeonPose(const TempDir& home) {
  const ProcessResult history = runUnknot(home, {"history", "--days", "1"});
  return history.out.find("Pigeon pose") != std::string::npos;
}

}  // namespace

TEST_CASE("in the window a routine started while a warning is up waits on its advice") {
  const bool warning = GENERATE(false, true);
  INFO((warning ? "with" : "without") << " a warning");
  TempDir home;
  acknowledged(home);
  if (warning) REQUIRE(runUnknot(home, {"checkin", "--pain", "9"}).exitCode == 0);
  const ProcessResult run =
      runUnknot(home, {"--run", "pigeon-pose", "--no-audio", "--exit-after", "3s"}, true);
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  CHECK(ranPigeonPose(home) == !warning);  // the timer ran only without one
}

TEST_CASE("until the first-start notice is acknowledged no routine starts in the window") {
  TempDir home;
  const ProcessResult run =
      runUnknot(home, {"--run", "pigeon-pose", "--no-audio", "--exit-after", "3s"}, true);
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  CHECK_FALSE(ranPigeonPose(home));
  const std::string png = home.file("notice.png");
  REQUIRE(runUnknot(home, {"--view", "notice", "--screenshot", png, "--size", "800x600"}, true)
              .exitCode == 0);
  CHECK(countColour(png, kAccent, 0, 150) > 300);  // the title, "Before you begin"
}

TEST_CASE("the library keeps a banner for a warning and shows urgent advice first, in red") {
  TempDir home;
  acknowledged(home);
  REQUIRE(runUnknot(home, {"checkin", "--pain", "4", "--symptom", "numbness"}).exitCode == 0);
  const std::string library = home.file("library.png");
  REQUIRE(runUnknot(home, {"--screenshot", library, "--size", "1280x800"}, true).exitCode == 0);
  CHECK(countColour(library, kWarningPanel, 60, 110) > 20000);  // the banner under the header
  CHECK(countColour(library, kUrgent, 0, 800) == 0);

  REQUIRE(runUnknot(home, {"checkin", "--pain", "4", "--symptom", "bladder-bowel"}).exitCode == 0);
  REQUIRE(runUnknot(home, {"--screenshot", library, "--size", "1280x800"}, true).exitCode == 0);
  CHECK(countColour(library, kUrgent, 0, 400) > 50000);  // the urgent advice before the library
  const std::string progress = home.file("progress.png");
  REQUIRE(
      runUnknot(home, {"--view", "progress", "--screenshot", progress, "--size", "1280x800"}, true)
          .exitCode == 0);
  CHECK(countColour(progress, kUrgent, 70, 230) > 50000);         // the red box first, at the top
  CHECK(countColour(progress, kWarningPanel, 230, 500) > 20000);  // then the others

  REQUIRE(
      runUnknot(home, {"checkin", "--pain", "2", "--gone", "bladder-bowel", "--gone", "numbness"})
          .exitCode == 0);
  REQUIRE(runUnknot(home, {"--screenshot", library, "--size", "1280x800"}, true).exitCode == 0);
  CHECK(countColour(library, kUrgent, 0, 800) == 0);
  CHECK(countColour(library, kWarningPanel, 60, 110) < 1000);  // no banner once they are gone
}
