// Layout maths for the player and the font sizes behind it: pure functions of the window size
// and the digit font's measured shape, so tests can check the "readable from two metres"
// promises (digits at least a quarter of the window height) without opening a window.
#pragma once

#include "ui/ui_types.hpp"

namespace unknot {

// The countdown font's shape in em units, measured from the loaded font.
struct DigitMetrics {
  float glyphTop = 0.20f;     // from the line top to the top of '0'
  float glyphHeight = 0.73f;  // height of '0'
  float clockWidth = 2.90f;   // advance of "00:00"
};

struct FontSizes {
  float body = 15, heading = 20, medium = 24, title = 40, digits = 300;
  bool operator==(const FontSizes&) const = default;
};

// Window sizes are snapped to steps of a few percent first, so dragging a window edge does not
// rebuild the font atlas on every pixel.
ImVec2 quantizeWindowSize(ImVec2 window);

// `interfaceScale` is the person's choice (Ctrl+=, display.scale) on top of the monitor's.
FontSizes planFontSizes(float contentScale, ImVec2 window, const DigitMetrics& digits,
                        float interfaceScale = 1.0f);

// The interface scale one Ctrl+= (`step` 1) or Ctrl+- (-1) away, in steps of 10 %, clamped to
// kMinInterfaceScale..kMaxInterfaceScale; `step` 0 (Ctrl+0) is 100 %.
double steppedInterfaceScale(double scale, int step);

// Height of the title row in units of the title font size (the pills are taller than text).
inline constexpr float kTitleRowHeight = 1.4f;

struct PlayerLayout {
  float margin = 0;
  Box topBar;    // routine name, round/set counters
  Box title;     // phase name and side/kind pills
  Box digits;    // tight box of the countdown glyphs
  Box phaseBar;  // progress of the current phase
  Box text;      // instruction text
  Box next;      // "Next: ..."
  Box overall;   // overall progress label and bar
  Box controls;  // buttons
  Box figure;    // the pose figure; empty without one
};

// With `figure`, a wide window (1280x800, 1920x1080) gives the figure a column left of the
// clock and the instructions, at least a third of the window high, and the clock keeps a
// quarter of the height; a narrow one (800x600) puts it beside the instruction text.
PlayerLayout layoutPlayer(ImVec2 window, const FontSizes& fonts, const DigitMetrics& digits,
                          bool figure = false);

// Width of the figure column a window this wide gets; 0 when it is too narrow for one.
float figureColumnWidth(ImVec2 window, float margin, float gap, const DigitMetrics& digits);

}  // namespace unknot
