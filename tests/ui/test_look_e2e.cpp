// The real binary under Xvfb with the one-run look overrides: the high-contrast player's digits
// measured from the PNG against the background it drew, and bad --theme/--scale values refused.
#include <stb_image.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>

#include "support/process.hpp"

using namespace unknot::testing;

namespace {

struct Free {
  void operator()(unsigned char* p) const { stbi_image_free(p); }
};

double channel(int value) {
  const double c = value / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(unsigned rgb) {
  return 0.2126 * channel((rgb >> 16) & 0xFF) + 0.7152 * channel((rgb >> 8) & 0xFF) +
         0.0722 * channel(rgb & 0xFF);
}

// WCAG 2.2 contrast, written out again here so the check does not trust the app's own maths.
double contrast(unsigned a, unsigned b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

struct Measured {
  unsigned background = 0, digits = 0;
  int digitRows = 0;  // rows in the clock band that hold the digit colour
};

// The background is the image's commonest colour; the digits the commonest other colour in the
// clock's band (the upper middle, right of the figure column).
Measured measureClock(const std::string& png) {
  int width = 0, height = 0, channels = 0;
  std::unique_ptr<unsigned char, Free> pixels(
      stbi_load(png.c_str(), &width, &height, &channels, 3));
  REQUIRE(pixels);
  auto at = [&](int x, int y) {
    const unsigned char* p = pixels.get() + (static_cast<size_t>(y) * width + x) * 3;
    return (unsigned(p[0]) << 16) | (unsigned(p[1]) << 8) | p[2];
  };
  std::map<unsigned, long> all, band;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) ++all[at(x, y)];
  Measured m;
  m.background = std::max_element(all.begin(), all.end(), [](auto& a, auto& b) {
                   return a.second < b.second;
                 })->first;
  const int top = height / 5, bottom = height / 2, left = width * 35 / 100;
  for (int y = top; y < bottom; ++y)
    for (int x = left; x < width; ++x)
      if (at(x, y) != m.background) ++band[at(x, y)];
  REQUIRE_FALSE(band.empty());
  m.digits = std::max_element(band.begin(), band.end(), [](auto& a, auto& b) {
               return a.second < b.second;
             })->first;
  for (int y = 0; y < height; ++y) {
    bool any = false;
    for (int x = left; x < width && !any; ++x) any = at(x, y) == m.digits;
    m.digitRows += any;
  }
  return m;
}

ProcessOptions isolated(const TempDir& home) {
  ProcessOptions options;
  options.env = {{"XDG_CONFIG_HOME", home.file("config")},
                 {"XDG_DATA_HOME", home.file("data")},
                 {"UNKNOT_DATA_DIR", home.file("data/unknot")}};
  return options;
}

ProcessResult underXvfb(const TempDir& home, std::vector<std::string> args) {
  REQUIRE(std::filesystem::exists("/usr/bin/xvfb-run"));
  home.write("config/unknot/settings.toml", "[safety]\nnotice_acknowledged = true\n");
  std::vector<std::string> command = {"xvfb-run", "-a", "-s", "-screen 0 1280x800x24",
                                      UNKNOT_BINARY};
  command.insert(command.end(), args.begin(), args.end());
  ProcessResult result;
  for (int attempt = 0; attempt < 3; ++attempt) {
    result = runProcess(command, isolated(home));
    if (result.err.find("Xvfb failed to start") == std::string::npos) break;
  }
  return result;
}

}  // namespace

TEST_CASE("the high-contrast player's digits measure at least 7:1 against the background") {
  TempDir home;
  const std::string png = home.file("p.png");
  const ProcessResult run = underXvfb(home, {"--theme", "high-contrast", "--run", "pigeon-pose",
                                             "--at", "12s", "--screenshot", png});
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  const Measured m = measureClock(png);
  INFO("background " << std::hex << m.background << ", digits " << m.digits << std::dec
                     << ", contrast " << contrast(m.digits, m.background));
  CHECK(m.digitRows >= 150);  // it really measured the clock's glyphs
  CHECK(contrast(m.digits, m.background) >= 7.0);
  // The setting file was not touched by a one-run override.
  std::ifstream saved(home.file("config/unknot/settings.toml"));
  const std::string text((std::istreambuf_iterator<char>(saved)), std::istreambuf_iterator<char>());
  CHECK(text == "[safety]\nnotice_acknowledged = true\n");
}

TEST_CASE("a bad --theme or --scale is one line naming the option, before any window opens") {
  TempDir home;
  ProcessOptions options = isolated(home);
  options.env["DISPLAY"] = "";
  const ProcessResult theme = runProcess({UNKNOT_BINARY, "--theme", "neon"}, options);
  CHECK(theme.exitCode == 2);
  CHECK(theme.err.find("--theme") != std::string::npos);
  CHECK(theme.err.find("high-contrast") != std::string::npos);
  const ProcessResult scale = runProcess({UNKNOT_BINARY, "--scale", "3"}, options);
  CHECK(scale.exitCode == 2);
  CHECK(scale.err.find("--scale") != std::string::npos);
}
