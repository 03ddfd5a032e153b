#include "app/gui/gui_damage.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <span>

namespace unknot {

namespace {

// One draw list, whether live (ImDrawList) or copied (DrawSnapshot::List).
struct ListView {
  std::span<const ImDrawVert> vertices;
  std::span<const ImDrawIdx> indices;
  std::span<const ImDrawCmd> commands;
};

ListView viewOf(const ImDrawList& list) {
  return {{list.VtxBuffer.Data, static_cast<size_t>(list.VtxBuffer.Size)},
          {list.IdxBuffer.Data, static_cast<size_t>(list.IdxBuffer.Size)},
          {list.CmdBuffer.Data, static_cast<size_t>(list.CmdBuffer.Size)}};
}

ListView viewOf(const DrawSnapshot::List& list) {
  return {list.vertices, list.indices, list.commands};
}

bool sameVertex(const ImDrawVert& a, const ImDrawVert& b) {
  return a.pos.x == b.pos.x && a.pos.y == b.pos.y && a.uv.x == b.uv.x && a.uv.y == b.uv.y &&
         a.col == b.col;
}

bool sameClip(const ImVec4& a, const ImVec4& b) {
  return a.x == b.x && a.y == b.y && a.z == b.z && a.w == b.w;
}

class Boxes {
 public:
  // Adds the part of [min, max] inside `clip` (x, y, z = right, w = bottom).
  void add(ImVec2 min, ImVec2 max, const ImVec4& clip) {
    min = ImVec2(std::max(min.x, clip.x), std::max(min.y, clip.y));
    max = ImVec2(std::min(max.x, clip.z), std::min(max.y, clip.w));
    if (min.x < max.x && min.y < max.y) m_boxes.push_back({min, max});
  }
  // The triangle starting at `first` of `command`, clipped as it is drawn.
  void addTriangle(const ListView& list, const ImDrawCmd& command, unsigned first) {
    ImVec2 min(FLT_MAX, FLT_MAX), max(-FLT_MAX, -FLT_MAX);
    for (unsigned k = 0; k < 3; ++k) {
      const ImVec2 p = vertexOf(list, command, first + k).pos;
      min = ImVec2(std::min(min.x, p.x), std::min(min.y, p.y));
      max = ImVec2(std::max(max.x, p.x), std::max(max.y, p.y));
    }
    add(min, max, command.ClipRect);
  }
  void addCommand(const ListView& list, const ImDrawCmd& command) {
    if (command.UserCallback) {
      add(ImVec2(command.ClipRect.x, command.ClipRect.y),
          ImVec2(command.ClipRect.z, command.ClipRect.w), command.ClipRect);
      return;
    }
    for (unsigned t = 0; t + 3 <= command.ElemCount; t += 3) addTriangle(list, command, t);
  }
  void addList(const ListView& list) {
    for (const ImDrawCmd& command : list.commands) addCommand(list, command);
  }
  std::vector<DamageRect>& boxes() { return m_boxes; }

  static const ImDrawVert& vertexOf(const ListView& list, const ImDrawCmd& command,
                                    unsigned element) {
    return list.vertices[list.indices[command.IdxOffset + element] + command.VtxOffset];
  }

 private:
  std::vector<DamageRect> m_boxes;
};

void compareLists(const ListView& before, const ListView& now, Boxes& boxes) {
  if (before.commands.size() != now.commands.size()) {
    boxes.addList(before);
    boxes.addList(now);
    return;
  }
  for (size_t c = 0; c < now.commands.size(); ++c) {
    const ImDrawCmd& a = before.commands[c];
    const ImDrawCmd& b = now.commands[c];
    if (a.UserCallback || b.UserCallback || a.TextureId != b.TextureId ||
        a.ElemCount != b.ElemCount || !sameClip(a.ClipRect, b.ClipRect)) {
      boxes.addCommand(before, a);
      boxes.addCommand(now, b);
      continue;
    }
    for (unsigned t = 0; t + 3 <= b.ElemCount; t += 3) {
      bool same = true;
      for (unsigned k = 0; k < 3 && same; ++k)
        same = sameVertex(Boxes::vertexOf(before, a, t + k), Boxes::vertexOf(now, b, t + k));
      if (same) continue;
      boxes.addTriangle(before, a, t);
      boxes.addTriangle(now, b, t);
    }
  }
}

DamageRect unite(const DamageRect& a, const DamageRect& b) {
  return {ImVec2(std::min(a.min.x, b.min.x), std::min(a.min.y, b.min.y)),
          ImVec2(std::max(a.max.x, b.max.x), std::max(a.max.y, b.max.y))};
}

bool near(const DamageRect& a, const DamageRect& b, float gap) {
  return a.min.x <= b.max.x + gap && b.min.x <= a.max.x + gap && a.min.y <= b.max.y + gap &&
         b.min.y <= a.max.y + gap;
}

// Rectangles that touch (or nearly) become one; then the pair whose union wastes the least
// area merges until at most `maxRects` remain. Each pass draws every triangle once more, so a
// few rectangles, not one per glyph.
std::vector<DamageRect> merge(std::vector<DamageRect> boxes, int maxRects) {
  constexpr float kGap = 8.0f;
  std::vector<DamageRect> rects;
  for (const DamageRect& box : boxes) {
    DamageRect merged = box;
    for (bool grew = true; grew;) {
      grew = false;
      for (auto it = rects.begin(); it != rects.end(); ++it) {
        if (!near(*it, merged, kGap)) continue;
        merged = unite(*it, merged);
        rects.erase(it);
        grew = true;
        break;
      }
    }
    rects.push_back(merged);
  }
  while (rects.size() > static_cast<size_t>(std::max(1, maxRects))) {
    size_t bestA = 0, bestB = 1;
    float bestWaste = FLT_MAX;
    for (size_t a = 0; a < rects.size(); ++a)
      for (size_t b = a + 1; b < rects.size(); ++b) {
        const float waste = unite(rects[a], rects[b]).area() - rects[a].area() - rects[b].area();
        if (waste < bestWaste) bestWaste = waste, bestA = a, bestB = b;
      }
    rects[bestA] = unite(rects[bestA], rects[bestB]);
    rects.erase(rects.begin() + static_cast<std::ptrdiff_t>(bestB));
  }
  return rects;
}

}  // namespace

void DrawSnapshot::take(const ImDrawData& data) {
  m_lists.resize(static_cast<size_t>(data.CmdListsCount));
  for (int i = 0; i < data.CmdListsCount; ++i) {
    const ImDrawList& from = *data.CmdLists[i];
    List& to = m_lists[static_cast<size_t>(i)];
    to.vertices.assign(from.VtxBuffer.begin(), from.VtxBuffer.end());
    to.indices.assign(from.IdxBuffer.begin(), from.IdxBuffer.end());
    to.commands.assign(from.CmdBuffer.begin(), from.CmdBuffer.end());
  }
}

std::vector<DamageRect> frameDamage(const DrawSnapshot& before, const ImDrawData& now,
                                    ImVec2 display, int maxRects) {
  Boxes boxes;
  const auto& lists = before.lists();
  const size_t count = std::max(lists.size(), static_cast<size_t>(now.CmdListsCount));
  for (size_t i = 0; i < count; ++i) {
    const bool had = i < lists.size();
    const bool has = i < static_cast<size_t>(now.CmdListsCount);
    if (had && has) {
      compareLists(viewOf(lists[i]), viewOf(*now.CmdLists[i]), boxes);
    } else if (had) {
      boxes.addList(viewOf(lists[i]));
    } else {
      boxes.addList(viewOf(*now.CmdLists[i]));
    }
  }
  if (boxes.boxes().empty()) return {};
  std::vector<DamageRect> rects = merge(std::move(boxes.boxes()), maxRects);
  // A pixel's margin for anti-aliased edges and filtered glyphs, in whole pixels.
  for (DamageRect& r : rects) {
    r.min =
        ImVec2(std::max(0.0f, std::floor(r.min.x) - 1), std::max(0.0f, std::floor(r.min.y) - 1));
    r.max = ImVec2(std::min(display.x, std::ceil(r.max.x) + 1),
                   std::min(display.y, std::ceil(r.max.y) + 1));
  }
  std::erase_if(rects,
                [](const DamageRect& r) { return r.max.x <= r.min.x || r.max.y <= r.min.y; });
  return disjoint(std::move(rects));
}

std::vector<DamageRect> disjoint(std::vector<DamageRect> rects) {
  for (bool merged = true; merged;) {
    merged = false;
    for (size_t a = 0; a < rects.size() && !merged; ++a)
      for (size_t b = a + 1; b < rects.size() && !merged; ++b) {
        const DamageRect& x = rects[a];
        const DamageRect& y = rects[b];
        if (x.min.x >= y.max.x || y.min.x >= x.max.x || x.min.y >= y.max.y || y.min.y >= x.max.y)
          continue;
        rects[a] = unite(x, y);
        rects.erase(rects.begin() + static_cast<std::ptrdiff_t>(b));
        merged = true;
      }
  }
  return rects;
}

}  // namespace unknot
