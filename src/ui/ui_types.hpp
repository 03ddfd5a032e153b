// Shared vocabulary of the views: the fonts they draw with, the keys they react to and a
// plain rectangle type for layout maths that tests can check without a window.
#pragma once

#include <imgui.h>

namespace unknot {

// Keys the views understand; the runner translates window-system keys into these so a press
// and release between two frames is never lost and tests can feed keys directly.
// Reload: F5 or Ctrl+R. Focus: the window came to the front again (a routine file may have
// been edited meanwhile).
enum class UiKey {
  Space,
  Left,
  Right,
  Up,
  Down,
  Enter,
  Escape,
  R,
  M,
  C,
  E,
  F,
  P,
  S,
  W,
  I,
  U,
  Num1,  // 1 to 3, the row or the keypad: the numbered choices of a dialog
  Num2,
  Num3,
  Help,  // ? (or F1): the keys of the screen
  Reload,
  Focus
};

struct UiFonts {
  ImFont* body = nullptr;     // controls, lists, long text
  ImFont* heading = nullptr;  // library headings and routine names
  ImFont* medium = nullptr;   // player text meant to be read from a distance
  ImFont* title = nullptr;    // player phase name and side
  ImFont* digits = nullptr;   // the countdown; holds only '0'..'9' and ':'
  bool unicode = false;       // fonts carry arrows and symbols beyond ASCII
  // Pixel sizes the fonts were built at (ImFont::FontSize), kept for layout.
  float bodySize = 13, headingSize = 13, mediumSize = 13, titleSize = 13, digitsSize = 13;
};

struct Box {
  ImVec2 min{0, 0}, max{0, 0};
  float width() const { return max.x - min.x; }
  float height() const { return max.y - min.y; }
  ImVec2 center() const { return {(min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f}; }
};

// Picks the Unicode symbol when the font has it, the ASCII stand-in otherwise.
inline const char* symbol(const UiFonts& fonts, const char* unicode, const char* ascii) {
  return fonts.unicode ? unicode : ascii;
}

}  // namespace unknot
