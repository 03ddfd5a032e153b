// Reads the text a frame drew back out of ImGui's draw data: every glyph is a textured quad, so
// a test can check that no text leaves the window, is cut by its clip rectangle, or overlaps
// other text, on any screen, without knowing how the screen lays itself out.
#pragma once

#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

namespace unknot::testing {

struct GlyphBox {
  ImVec2 min, max;  // the quad as drawn
  ImVec2 clipMin, clipMax;
};

// The glyph quads of the last rendered frame (ImGui::Render already called).
inline std::vector<GlyphBox> drawnGlyphs() {
  std::vector<GlyphBox> glyphs;
  const ImDrawData* data = ImGui::GetDrawData();
  const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
  auto isWhite = [&](const ImDrawVert& v) { return v.uv.x == white.x && v.uv.y == white.y; };
  for (int l = 0; l < data->CmdListsCount; ++l) {
    const ImDrawList* list = data->CmdLists[l];
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback) continue;
      for (unsigned i = 0; i + 6 <= cmd.ElemCount; i += 6) {
        const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset + i;
        const unsigned a = cmd.VtxOffset + idx[0];
        // PrimRectUV's pattern: a, a+1, a+2, a, a+2, a+3 with texture coordinates.
        if (idx[1] != idx[0] + 1 || idx[2] != idx[0] + 2 || idx[3] != idx[0] ||
            idx[4] != idx[0] + 2 || idx[5] != idx[0] + 3)
          continue;
        const ImDrawVert* v = list->VtxBuffer.Data + a;
        if (isWhite(v[0]) || isWhite(v[2])) continue;
        if (v[0].uv.x == v[2].uv.x || v[0].uv.y == v[2].uv.y) continue;  // not a glyph
        glyphs.push_back({v[0].pos, v[2].pos, ImVec2(cmd.ClipRect.x, cmd.ClipRect.y),
                          ImVec2(cmd.ClipRect.z, cmd.ClipRect.w)});
      }
    }
  }
  return glyphs;
}

struct LayoutProblems {
  int glyphs = 0;       // glyphs drawn
  int outside = 0;      // glyphs (partly) outside the window
  int clipped = 0;      // glyphs cut by their clip rectangle while partly visible
  int overlapping = 0;  // pairs of visible glyphs drawn over each other
  std::string first;    // a description of the first problem
  bool none() const { return outside == 0 && clipped == 0 && overlapping == 0; }
};

inline LayoutProblems checkLayout(const std::vector<GlyphBox>& glyphs, ImVec2 window) {
  LayoutProblems p;
  p.glyphs = static_cast<int>(glyphs.size());
  const float slack = 1.0f;
  auto describe = [&](const char* what, const GlyphBox& g) {
    if (!p.first.empty()) return;
    p.first = std::string(what) + " at (" + std::to_string(g.min.x) + ", " +
              std::to_string(g.min.y) + ")-(" + std::to_string(g.max.x) + ", " +
              std::to_string(g.max.y) + ")";
  };
  std::vector<GlyphBox> visible;
  for (const GlyphBox& g : glyphs) {
    // Wholly outside its clip rectangle: not on screen (a scrolled-away row).
    const bool hidden = g.max.x <= g.clipMin.x || g.min.x >= g.clipMax.x ||
                        g.max.y <= g.clipMin.y || g.min.y >= g.clipMax.y;
    if (hidden) continue;
    // The part its clip rectangle lets through must be on the window.
    const ImVec2 shownMin(std::max(g.min.x, g.clipMin.x), std::max(g.min.y, g.clipMin.y));
    const ImVec2 shownMax(std::min(g.max.x, g.clipMax.x), std::min(g.max.y, g.clipMax.y));
    if (shownMin.x < -slack || shownMin.y < -slack || shownMax.x > window.x + slack ||
        shownMax.y > window.y + slack) {
      ++p.outside;
      describe("glyph outside the window", g);
      continue;
    }
    // Cut at the left or right: text wider than its box. Rows cut at the top or bottom are
    // how a scrolled list looks, so only sideways cuts count.
    if (g.min.x < g.clipMin.x - slack || g.max.x > g.clipMax.x + slack) {
      ++p.clipped;
      describe("glyph cut by its clip rectangle", g);
    }
    visible.push_back(g);
  }
  // Glyph quads carry a little padding around the ink: shrink them before testing overlap.
  for (size_t i = 0; i < visible.size(); ++i) {
    const GlyphBox& a = visible[i];
    const float ax = (a.max.x - a.min.x) * 0.2f, ay = (a.max.y - a.min.y) * 0.2f;
    for (size_t j = i + 1; j < visible.size(); ++j) {
      const GlyphBox& b = visible[j];
      const float bx = (b.max.x - b.min.x) * 0.2f, by = (b.max.y - b.min.y) * 0.2f;
      if (a.min.x + ax < b.max.x - bx && b.min.x + bx < a.max.x - ax &&
          a.min.y + ay < b.max.y - by && b.min.y + by < a.max.y - ay) {
        ++p.overlapping;
        describe("glyphs overlapping", a);
      }
    }
  }
  return p;
}

}  // namespace unknot::testing
