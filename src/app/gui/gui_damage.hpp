// What changed between two frames: the rectangles whose pixels differ, found by comparing
// ImGui's draw data triangle by triangle, so a window that keeps its last frame can redraw only
// those (a running timer changes its digits and its bars once a second; the figure, the
// texts and the panels stay as they were). Software renderers (llvmpipe) pay for every pixel.
#pragma once

#include <imgui.h>

#include <vector>

namespace unknot {

// A copy of one frame's draw data, to compare the next frame with.
class DrawSnapshot {
 public:
  void take(const ImDrawData& data);
  bool empty() const { return m_lists.empty(); }

  struct List {
    std::vector<ImDrawVert> vertices;
    std::vector<ImDrawIdx> indices;
    std::vector<ImDrawCmd> commands;
  };
  const std::vector<List>& lists() const { return m_lists; }

 private:
  std::vector<List> m_lists;
};

struct DamageRect {
  ImVec2 min, max;  // in ImGui's display coordinates
  float area() const { return (max.x - min.x) * (max.y - min.y); }
};

// The rectangles (at most `maxRects`, each grown by a pixel's margin for anti-aliasing and
// clamped to `display`) that cover every triangle that differs between `before` and `now`;
// empty when the frames are the same. Where the two frames cannot be compared triangle by
// triangle (a window opened or closed, a list grew), the whole of what changed is covered.
std::vector<DamageRect> frameDamage(const DrawSnapshot& before, const ImDrawData& now,
                                    ImVec2 display, int maxRects = 3);

// The same area in rectangles that do not overlap (overlapping ones become their union), so a
// frame can draw each rectangle's part in one pass without blending anything twice.
std::vector<DamageRect> disjoint(std::vector<DamageRect> rects);

}  // namespace unknot
