// Draws a posed figure into an ImGui draw list: capsule limbs with round joints, near limbs
// lighter and over far ones, the working limb in the side's colour, the felt region glowing,
// props and the floor line, tweened between keyframes by a 0..1 parameter.
#pragma once

#include <imgui.h>

#include "core/figure/figure_scene.hpp"

namespace unknot {

struct FigureStyle {
  ImU32 sideColour = 0;  // the working limb; 0: the side's palette colour
  bool glow = true;      // mark the felt region
  float margin = 0.06f;  // of the box, on every side
};

// What to draw: a keyframe (from == to) or the way between two, t in 0..1.
struct FigureFrame {
  size_t from = 0, to = 0;
  float t = 0;
  figure::BodySide side = figure::BodySide::Right;
};

// Fits `bounds` (figure::poseBounds, computed once per pose and side so the figure stays put
// while it moves) into the box from `min` to `max` and draws.
void drawFigure(ImDrawList& list, ImVec2 min, ImVec2 max, const figure::Pose& pose,
                const FigureFrame& frame, const figure::Bounds& bounds,
                const FigureStyle& style = {});

}  // namespace unknot
