// The real binary under Xvfb: screenshots of the library, the player and the finish screen are
// written at the window size with the promised content (pixel checks), the loop sleeps between
// visible changes, and without a display the app says so in one line.
#include <stb_image.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>
#include <sstream>

#include "support/process.hpp"

using namespace unknot::testing;

namespace {

struct Rgb {
  int r, g, b;
};

// The palette colours the checks look for (ui/theme.hpp).
constexpr Rgb kBackground{0x12, 0x16, 0x1B};
constexpr Rgb kText{0xF1, 0xF4, 0xF6};
constexpr Rgb kRight{0xF2, 0xA5, 0x3C};
constexpr Rgb kAccent{0x4C, 0xC2, 0xB0};
constexpr Rgb kPanel{0x1C, 0x22, 0x29};

class Image {
 public:
  explicit Image(const std::string& path) {
    unsigned char* data = stbi_load(path.c_str(), &m_width, &m_height, &m_channels, 3);
    m_pixels.reset(data);
  }
  bool loaded() const { return m_pixels != nullptr; }
  int width() const { return m_width; }
  int height() const { return m_height; }
  bool near(int x, int y, Rgb c, int tolerance = 14) const {
    const unsigned char* p = m_pixels.get() + (static_cast<size_t>(y) * m_width + x) * 3;
    return std::abs(p[0] - c.r) <= tolerance && std::abs(p[1] - c.g) <= tolerance &&
           std::abs(p[2] - c.b) <= tolerance;
  }
  long count(Rgb c, int top = 0, int bottom = -1) const {
    long n = 0;
    for (int y = top; y < (bottom < 0 ? m_height : bottom); ++y) {
      for (int x = 0; x < m_width; ++x) n += near(x, y, c);
    }
    return n;
  }
  // The figure's panel: the bounding box of panel-coloured pixels left of `maxX`.
  struct Area {
    int left = 1 << 30, top = 1 << 30, right = -1, bottom = -1;
    int width() const { return right - left; }
    int height() const { return bottom - top; }
  };
  // Rows count only where a long run of the colour shows (text edges blend through it too).
  Area panel(int maxX) const {
    Area a;
    for (int y = 0; y < m_height; ++y) {
      int run = 0;
      for (int x = 0; x < std::min(maxX, m_width); ++x) {
        run = near(x, y, kPanel, 2) ? run + 1 : 0;
        if (run < 120) continue;
        a.left = std::min(a.left, x - run + 1);
        a.right = std::max(a.right, x + 1);
        a.top = std::min(a.top, y);
        a.bottom = std::max(a.bottom, y + 1);
      }
    }
    return a;
  }
  // Pixels of the side colours' hue, however shaded: orange for right, blue for left.
  long countHue(bool orange, const Area& a) const {
    long n = 0;
    for (int y = a.top; y < a.bottom; ++y) {
      for (int x = a.left; x < a.right; ++x) {
        const unsigned char* p = m_pixels.get() + (static_cast<size_t>(y) * m_width + x) * 3;
        n += orange ? (p[0] > p[1] + 30 && p[1] > p[2] + 30) : (p[2] > p[0] + 60 && p[2] > p[1]);
      }
    }
    return n;
  }
  // Drawn (neither panel nor background) at (x, y).
  bool drawn(int x, int y) const { return !near(x, y, kPanel, 6) && !near(x, y, kBackground, 6); }
  // Tallest block of consecutive rows that each hold some pixel of colour `c`: the height of
  // the biggest text drawn in that colour.
  int tallestRun(Rgb c) const {
    int best = 0, run = 0;
    for (int y = 0; y < m_height; ++y) {
      bool any = false;
      for (int x = 0; x < m_width && !any; ++x) any = near(x, y, c);
      run = any ? run + 1 : 0;
      best = std::max(best, run);
    }
    return best;
  }

 private:
  struct Free {
    void operator()(unsigned char* p) const { stbi_image_free(p); }
  };
  std::unique_ptr<unsigned char, Free> m_pixels;
  int m_width = 0, m_height = 0, m_channels = 0;
};

// The app's own files go to a temp dir, never the user's.
ProcessOptions isolated(const TempDir& home) {
  ProcessOptions options;
  options.env = {{"XDG_CONFIG_HOME", home.file("config")},
                 {"XDG_DATA_HOME", home.file("data")},
                 {"UNKNOT_DATA_DIR", home.file("data/unknot")}};
  return options;
}

// Runs unknot under a fresh Xvfb; retried when Xvfb itself fails to start (parallel tests may
// race for a display number).
ProcessResult underXvfb(const TempDir& home, std::vector<std::string> args) {
  REQUIRE(std::filesystem::exists("/usr/bin/xvfb-run"));
  // The first-start notice was read (its own tests are in test_progress_e2e.cpp).
  if (!std::filesystem::exists(home.file("config/unknot/settings.toml")))
    home.write("config/unknot/settings.toml", "[safety]\nnotice_acknowledged = true\n");
  std::vector<std::string> command = {"xvfb-run", "-a", "-s", "-screen 0 1280x800x24",
                                      UNKNOT_BINARY};
  command.insert(command.end(), args.begin(), args.end());
  ProcessResult result;
  for (int attempt = 0; attempt < 3; ++attempt) {
    result = runProcess(command, isolated(home));
    if (result.err.find("Xvfb failed to start") == std::string::npos) break;
  }
  INFO(result.err);
  return result;
}

long statValue(const std::string& err, const std::string& key) {
  std::istringstream lines(err);
  std::string name;
  double value = -1;
  while (lines >> name) {
    if (name == key && lines >> value) return static_cast<long>(value);
  }
  return -1;
}

}  // namespace

TEST_CASE("the library screenshot is written at the window size and is not blank") {
  TempDir home;
  const std::string png = home.file("library.png");
  const ProcessResult run = underXvfb(home, {"--screenshot", png, "--size", "1280x800"});
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  const Image image(png);
  REQUIRE(image.loaded());
  CHECK(image.width() == 1280);
  CHECK(image.height() == 800);
  const long pixels = 1280L * 800;
  CHECK(image.count(kBackground) < pixels * 0.9);  // cards, text and buttons cover a good part
  CHECK(image.count(kText) > 2000);                // routine names
  CHECK(image.count(kAccent, 0, 80) > 200);        // the app name in the header
  CHECK_FALSE(std::filesystem::exists(png + ".tmp"));
}

TEST_CASE("the player screenshot shows digits a quarter of the window tall and the side") {
  const auto [width, height] = GENERATE(std::pair{1280, 800}, std::pair{800, 600});
  TempDir home;
  const std::string png = home.file("player.png");
  const std::string size = std::to_string(width) + "x" + std::to_string(height);
  const ProcessResult run =
      underXvfb(home, {"--run", "pigeon-pose", "--at", "12s", "--screenshot", png, "--size", size});
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  const Image image(png);
  REQUIRE(image.loaded());
  CHECK(image.width() == width);
  CHECK(image.height() == height);
  // 12 s in: the right side of the first pigeon hold, counting down in white digits.
  CHECK(image.tallestRun(kText) >= height / 4);
  CHECK(image.count(kRight, 0, height / 4) > 2000);  // the RIGHT SIDE label near the top
}

TEST_CASE("a screenshot past the routine's end shows the finish screen") {
  TempDir home;
  const std::string png = home.file("finish.png");
  const ProcessResult run = underXvfb(
      home, {"--run", "pigeon-pose", "--at", "30m", "--screenshot", png, "--size", "1000x700"});
  REQUIRE(run.exitCode == 0);
  const Image image(png);
  REQUIRE(image.loaded());
  CHECK(image.width() == 1000);
  CHECK(image.count(kAccent) > 3000);        // "Well done" and the full progress bar
  CHECK(image.tallestRun(kText) < 700 / 8);  // no big clock any more
}

TEST_CASE("the window sleeps between visible changes instead of drawing frames in a loop") {
  TempDir home;
  SECTION("idle on the library") {
    const ProcessResult run = underXvfb(home, {"--exit-after", "3s", "--gui-stats"});
    REQUIRE(run.exitCode == 0);
    const long frames = statValue(run.err, "gui.frames");
    CHECK(frames >= 1);
    CHECK(frames <= 8);  // a loop at 60 Hz would draw 180
  }
  SECTION("running a routine: about one frame per second") {
    const ProcessResult run =
        underXvfb(home, {"--run", "pigeon-pose", "--exit-after", "4s", "--gui-stats"});
    REQUIRE(run.exitCode == 0);
    const long frames = statValue(run.err, "gui.frames");
    CHECK(frames >= 4);  // the clock ticks every second
    CHECK(frames <= 20);
    CHECK(statValue(run.err, "gui.first_frame_unix_ms") > 0);
  }
}

TEST_CASE("without a display a screenshot says so in one line and exits 3") {
  TempDir home;
  ProcessOptions options = isolated(home);
  options.env["DISPLAY"] = "";
  options.env["WAYLAND_DISPLAY"] = "";
  const ProcessResult run =
      runProcess({UNKNOT_BINARY, "--screenshot", home.file("x.png")}, options);
  CHECK(run.exitCode == 3);
  CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
  CHECK_THAT(run.err, Catch::StartsWith("unknot: window: ") && Catch::Contains("needs a display"));
  CHECK_FALSE(std::filesystem::exists(home.file("x.png")));
}

TEST_CASE("a bad --size or an unknown routine is a one-line error before any window opens") {
  TempDir home;
  ProcessOptions options = isolated(home);
  options.env["DISPLAY"] = "";
  const ProcessResult size =
      runProcess({UNKNOT_BINARY, "--size", "12x", "--screenshot", "x.png"}, options);
  CHECK(size.exitCode == 2);
  CHECK_THAT(size.err, Catch::Contains("--size"));
  const ProcessResult unknown =
      runProcess({UNKNOT_BINARY, "--run", "no-such-routine", "--screenshot", "x.png"}, options);
  CHECK(unknown.exitCode == 2);
  CHECK_THAT(unknown.err, Catch::Contains("no routine 'no-such-routine'"));
  CHECK(std::count(unknown.err.begin(), unknown.err.end(), '\n') == 1);
}

TEST_CASE(
    "12 s into pigeon pose the figure fills its area with the right side's colour, and the "
    "left side's picture is its mirror") {
  TempDir home;
  const std::string right = home.file("right.png"), left = home.file("left.png");
  // 12 s: the right side's first hold; 1m10s: the left side's.
  for (const auto& [png, at] : {std::pair{right, "12s"}, std::pair{left, "1m10s"}}) {
    const ProcessResult run = underXvfb(
        home, {"--run", "pigeon-pose", "--at", at, "--screenshot", png, "--size", "1280x800"});
    REQUIRE(run.exitCode == 0);
  }
  const Image r(right), l(left);
  REQUIRE(r.loaded());
  REQUIRE(l.loaded());
  // The figure's area: left of the clock, at least a third of the window high.
  const auto area = r.panel(640);
  INFO(area.left << "," << area.top << " " << area.width() << "x" << area.height());
  REQUIRE(area.width() > 200);
  CHECK(area.height() >= 800 / 3);
  CHECK(r.countHue(true, area) > 1500);
  CHECK(r.countHue(false, area) < 50);
  const auto mirrorArea = l.panel(640);
  REQUIRE(mirrorArea.left == area.left);
  REQUIRE(mirrorArea.width() == area.width());
  REQUIRE(mirrorArea.top == area.top);
  CHECK(l.countHue(false, area) > 1500);
  CHECK(l.countHue(true, area) < 50);
  // Mirrored across the panel's centre line, the drawn pixels agree (antialiasing aside).
  long drawn = 0, agree = 0;
  for (int y = area.top + 4; y < area.bottom - 4; ++y) {
    for (int x = area.left + 4; x < area.right - 4; ++x) {
      const bool a = r.drawn(x, y);
      const bool b = l.drawn(area.left + area.right - 1 - x, y);
      if (!a && !b) continue;
      ++drawn;
      agree += a == b;
    }
  }
  INFO(agree << " of " << drawn);
  REQUIRE(drawn > 5000);
  CHECK(agree >= drawn * 95 / 100);
}

TEST_CASE("glute strength at 20 s shows the bridge figure beside digits a quarter of the height") {
  TempDir home;
  const std::string png = home.file("bridge.png");
  const ProcessResult run = underXvfb(
      home, {"--run", "glute-strength", "--at", "20s", "--screenshot", png, "--size", "1280x800"});
  REQUIRE(run.exitCode == 0);
  const Image image(png);
  REQUIRE(image.loaded());
  CHECK(image.tallestRun(kText) >= 800 / 4);
  const auto area = image.panel(640);
  REQUIRE(area.width() > 200);
  CHECK(area.height() >= 800 / 3);
  long figure = 0;
  for (int y = area.top; y < area.bottom; ++y)
    for (int x = area.left; x < area.right; ++x) figure += image.drawn(x, y);
  CHECK(figure > 5000);
}
