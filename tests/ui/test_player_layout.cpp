// Layout maths behind "readable from two metres": the countdown digits take at least a quarter
// of the window height at every size from 800x600 to 4K (any aspect from 5:4 to wide; a square
// window is too narrow for MM:SS that tall), and the rows never overlap.
#include <catch2/catch.hpp>

#include "ui/player_layout.hpp"

using namespace unknot;

namespace {

// DejaVu Sans Bold as measured by the app (digit height, "00:00" advance, per em).
constexpr DigitMetrics kDejaVuBold{0.16f, 0.66f, 2.73f};

}  // namespace

TEST_CASE("countdown digits fill at least a quarter of the window height at every size") {
  const ImVec2 sizes[] = {{800, 600},   {1024, 768},  {1280, 800},  {1100, 760},
                          {1280, 1024}, {1920, 1080}, {2560, 1440}, {3840, 2160}};
  for (ImVec2 window : sizes) {
    for (const DigitMetrics& metrics : {kDejaVuBold, DigitMetrics{}}) {
      const FontSizes fonts = planFontSizes(1.0f, window, metrics);
      const PlayerLayout layout = layoutPlayer(window, fonts, metrics);
      INFO(window.x << "x" << window.y);
      CHECK(layout.digits.height() >= window.y * 0.25f);
      CHECK(layout.digits.width() <= window.x - 2 * layout.margin);
    }
  }
}

TEST_CASE("player rows stack top to bottom inside the window without overlapping") {
  const ImVec2 sizes[] = {{800, 600}, {1280, 800}, {3840, 2160}, {1920, 700}};
  for (ImVec2 window : sizes) {
    for (float scale : {1.0f, 2.0f}) {
      const FontSizes fonts = planFontSizes(scale, window, kDejaVuBold);
      const PlayerLayout l = layoutPlayer(window, fonts, kDejaVuBold);
      INFO(window.x << "x" << window.y << " scale " << scale);
      const Box rows[] = {l.topBar, l.title, l.digits,  l.phaseBar,
                          l.text,   l.next,  l.overall, l.controls};
      for (size_t i = 0; i < std::size(rows); ++i) {
        CHECK(rows[i].min.x >= 0);
        CHECK(rows[i].max.x <= window.x);
        CHECK(rows[i].min.y >= 0);
        CHECK(rows[i].max.y <= window.y);
        CHECK(rows[i].height() >= 0);
        if (i > 0) CHECK(rows[i].min.y >= rows[i - 1].max.y);
      }
      // Room for at least two lines of instructions at the body size.
      CHECK(l.text.height() >= fonts.body * 1.2f * 2);
    }
  }
}

TEST_CASE("fonts grow with the window and follow the monitor's content scale") {
  const FontSizes small = planFontSizes(1.0f, {800, 600}, kDejaVuBold);
  const FontSizes large = planFontSizes(1.0f, {3840, 2160}, kDejaVuBold);
  const FontSizes hiDpi = planFontSizes(2.0f, {1600, 1000}, kDejaVuBold);
  CHECK(large.body > small.body);
  CHECK(large.title > small.title);
  CHECK(large.digits > 2.5f * small.digits);
  CHECK(hiDpi.body >= 30.0f);
  for (const FontSizes& f : {small, large, hiDpi}) {
    CHECK(f.heading > f.body);
    CHECK(f.medium > f.body);
    CHECK(f.title > f.medium);
    CHECK(f.digits > f.title);
  }
}

TEST_CASE("window sizes snap to steps so dragging an edge does not rebuild fonts every pixel") {
  CHECK(quantizeWindowSize({1000, 700}).x == quantizeWindowSize({1004, 703}).x);
  CHECK(quantizeWindowSize({1000, 700}).y == quantizeWindowSize({1004, 703}).y);
  CHECK(quantizeWindowSize({1000, 700}).x != quantizeWindowSize({1200, 700}).x);
  const ImVec2 snapped = quantizeWindowSize({1280, 800});
  CHECK(std::abs(snapped.x - 1280) <= 1280 * 0.03f);
  CHECK(std::abs(snapped.y - 800) <= 800 * 0.03f);
}

TEST_CASE(
    "Ctrl+= and Ctrl+- step the interface scale by 10 % within 75 % to 250 %, Ctrl+0 resets") {
  CHECK(steppedInterfaceScale(1.0, 1) == Approx(1.1));
  CHECK(steppedInterfaceScale(1.0, -1) == Approx(0.9));
  CHECK(steppedInterfaceScale(0.8, -1) == Approx(0.75));
  CHECK(steppedInterfaceScale(0.75, -1) == Approx(0.75));
  CHECK(steppedInterfaceScale(2.5, 1) == Approx(2.5));
  CHECK(steppedInterfaceScale(1.73, 0) == Approx(1.0));
  double scale = 1.0;
  for (int i = 0; i < 30; ++i) scale = steppedInterfaceScale(scale, 1);
  CHECK(scale == Approx(2.5));
}

TEST_CASE("the interface scale makes the text larger without squeezing the clock off the window") {
  const ImVec2 window(1280, 800);
  const FontSizes normal = planFontSizes(1.0f, window, DigitMetrics{});
  const FontSizes doubled = planFontSizes(1.0f, window, DigitMetrics{}, 2.0f);
  const FontSizes smaller = planFontSizes(1.0f, window, DigitMetrics{}, 0.75f);
  CHECK(doubled.body >= 30);
  CHECK(doubled.body > normal.body * 1.7f);
  CHECK(smaller.body < normal.body);
  const PlayerLayout layout = layoutPlayer(window, doubled, DigitMetrics{}, true);
  CHECK(layout.digits.height() >= window.y / 4 - 1);
  CHECK(layout.controls.max.y <= window.y);
}
