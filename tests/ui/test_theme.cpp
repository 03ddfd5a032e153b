#include <catch2/catch.hpp>
#include <cstdio>

#include "ui/theme.hpp"

using namespace unknot;

namespace {

// The text minimum each theme promises: AAA in high contrast, AA elsewhere.
double textMinimum(ThemeName theme) {
  return theme == ThemeName::HighContrast ? 7.0 : 4.5;
}

}  // namespace

TEST_CASE("the contrast ratio follows the WCAG 2.2 formula") {
  CHECK(contrastRatio(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)) ==
        Approx(21.0).epsilon(1e-6));
  CHECK(contrastRatio(IM_COL32(0x77, 0x77, 0x77, 255), IM_COL32(255, 255, 255, 255)) ==
        Approx(4.48).margin(0.01));
  CHECK(contrastRatio(IM_COL32(9, 9, 9, 255), IM_COL32(9, 9, 9, 255)) == Approx(1.0));
}

TEST_CASE("every text of every theme meets its contrast minimum on every surface it is drawn on") {
  for (const ThemeName theme : kThemeNames) {
    for (const ColourPair& pair : colourPairs(paletteFor(theme))) {
      if (!pair.text) continue;
      const double ratio = contrastRatio(pair.foreground, pair.background);
      INFO(toString(theme) << ": " << pair.what << " = " << ratio);
      CHECK(ratio >= textMinimum(theme));
    }
  }
}

TEST_CASE("every mark and control outline of the high-contrast theme stands out 3:1") {
  for (const ColourPair& pair : colourPairs(paletteFor(ThemeName::HighContrast))) {
    if (pair.text) continue;
    const double ratio = contrastRatio(pair.foreground, pair.background);
    INFO(pair.what << " = " << ratio);
    CHECK(ratio >= 3.0);
  }
}

TEST_CASE("the contrast check fails on a pair below the minimum") {
  Palette weak = paletteFor(ThemeName::HighContrast);
  weak.textFaint = IM_COL32(0x60, 0x60, 0x60, 0xFF);
  bool failed = false;
  for (const ColourPair& pair : colourPairs(weak))
    if (pair.text && contrastRatio(pair.foreground, pair.background) < 7.0) failed = true;
  CHECK(failed);
}
