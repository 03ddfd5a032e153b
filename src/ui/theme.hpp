// The look of every view: three palettes (dark, light, high contrast) as tables of named colours
// the views take all their colours from, so a unit test can check the contrast of every pair a
// theme uses, and the ImGui style built from a palette and the body font size.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

#include "core/settings.hpp"

namespace unknot {

struct Palette {
  // Surfaces: text is drawn on these.
  ImU32 background, panel, panelHover, panelSelected, neutralPill;
  ImU32 primaryButton, primaryButtonHover;  // the main action of a screen
  ImU32 warningPanel, urgent, urgentHover;
  // The player's and the heat/ice timer's moment tints behind the digits.
  ImU32 flashBackground, countdownBackground, heldHeat, heldIce;
  // Text, from most to least prominent, and the coloured words.
  ImU32 text, textDim, textFaint, accent, warning, error, countdown;
  // Sides and thermal kinds: text on the background, and pill fills under `onPill` text.
  ImU32 right, left, heat, ice, onPill;
  // Marks: bar tracks and borders, control outlines, the heat map's day states.
  ImU32 track, controlBorder, accentDark;
  ImU32 dayMet, dayPartial, dayRest, dayMissed, dayFlare, todayOutline;
  // The pose figure: near and far limbs, its outline, the floor and the props.
  ImU32 figureNear, figureFar, figureOutline, floor, floorLine, glow;
  ImU32 propCloth, propMat, propFoamRoller, propBall, propWall, propChair, propBand;
};

const Palette& paletteFor(ThemeName theme);

// What the views read while they draw: the palette and whether motion is reduced. Held by the
// ImGui context (io.UserData points at one of a few constant looks), so views need no extra
// parameter and each test harness context has its own.
struct Look {
  ThemeName theme = ThemeName::Dark;
  bool reducedMotion = false;
};
void useLook(const Look& look);  // for the current ImGui context
Look currentLook();              // dark, with motion, when none was set
const Palette& palette();        // the current look's palette
inline bool reducedMotion() {
  return currentLook().reducedMotion;
}

// WCAG 2.2 contrast ratio of two opaque colours (1..21).
double contrastRatio(ImU32 a, ImU32 b);
// Of the palette's text and onPill colours, the one that reads better on `fill`.
ImU32 textOn(const Palette& palette, ImU32 fill);

// Every foreground/background pair a palette is drawn with: `text` pairs must meet the text
// minimum (7:1 in high contrast), marks and controls 3:1.
struct ColourPair {
  std::string what;
  ImU32 foreground, background;
  bool text;
};
std::vector<ColourPair> colourPairs(const Palette& palette);

// Sets colours and spacing; spacing scales with the body font size so layouts keep their
// proportions from 800x600 to 4K.
void applyTheme(ImGuiStyle& style, float bodyFontSize);

}  // namespace unknot
