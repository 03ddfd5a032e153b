#include "ui/figure_view.hpp"

#include <algorithm>

#include "ui/theme.hpp"

namespace unknot {

namespace {

using figure::BodySide;
using figure::Capsule2;
using figure::Point2;
using figure::PropKind;
using figure::Shape2;

// The figure is light on the dark palette; far limbs a shade darker so crossed legs separate.
constexpr ImU32 kNear = IM_COL32(0xE4, 0xE9, 0xEE, 0xFF);
constexpr ImU32 kFar = IM_COL32(0x8E, 0x99, 0xA4, 0xFF);
constexpr ImU32 kOutline = IM_COL32(0x12, 0x16, 0x1B, 0xFF);
constexpr ImU32 kFloor = IM_COL32(0x2A, 0x33, 0x3D, 0xFF);
constexpr ImU32 kFloorLine = IM_COL32(0x6E, 0x7A, 0x86, 0xFF);
constexpr ImU32 kGlow = IM_COL32(0xFF, 0x5A, 0x4A, 0xFF);

ImU32 mix(ImU32 a, ImU32 b, float t) {
  const ImVec4 x = ImGui::ColorConvertU32ToFloat4(a), y = ImGui::ColorConvertU32ToFloat4(b);
  return ImGui::ColorConvertFloat4ToU32(ImVec4(x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t,
                                               x.z + (y.z - x.z) * t, x.w + (y.w - x.w) * t));
}

ImU32 withAlpha(ImU32 colour, int alpha) {
  return (colour & ~IM_COL32_A_MASK) | (static_cast<ImU32>(alpha) << IM_COL32_A_SHIFT);
}

ImU32 propColour(const Shape2& shape) {
  if (shape.cloth) return IM_COL32(0xD8, 0xD2, 0xC4, 0xFF);
  switch (shape.kind) {
    case PropKind::Mat:
      return IM_COL32(0x3B, 0x5B, 0x6E, 0xFF);
    case PropKind::FoamRoller:
      return IM_COL32(0x3F, 0x9E, 0x8F, 0xFF);
    case PropKind::Ball:
      return IM_COL32(0xE0, 0x5A, 0x8A, 0xFF);
    case PropKind::Wall:
      return IM_COL32(0x4A, 0x55, 0x61, 0xFF);
    case PropKind::Chair:
      return IM_COL32(0x9A, 0x6B, 0x45, 0xFF);
    case PropKind::HeatPack:
      return palette::kHeat;
    case PropKind::IcePack:
      return palette::kIce;
    case PropKind::Band:
      return IM_COL32(0x8F, 0xD0, 0x5A, 0xFF);
  }
  return kFar;
}

struct Mapping {
  float scale = 1, ox = 0, oy = 0;
  ImVec2 operator()(Point2 p) const { return ImVec2(ox + p.x * scale, oy - p.y * scale); }
};

void capsule(ImDrawList& list, ImVec2 a, ImVec2 b, float r, ImU32 colour) {
  if (a.x != b.x || a.y != b.y) list.AddLine(a, b, colour, 2 * r);
  const int segments = std::clamp(static_cast<int>(r * 1.5f), 8, 24);
  list.AddCircleFilled(a, r, colour, segments);
  list.AddCircleFilled(b, r, colour, segments);
}

void drawShape(ImDrawList& list, const Mapping& map, const Shape2& shape) {
  const ImU32 colour = propColour(shape);
  if (shape.round) {
    const float r = std::max(1.0f, shape.capsule.radius * map.scale);
    capsule(list, map(shape.capsule.a), map(shape.capsule.b), r + 1, kOutline);
    capsule(list, map(shape.capsule.a), map(shape.capsule.b), r, colour);
    return;
  }
  ImVec2 points[8];
  for (int i = 0; i < shape.count; ++i) points[i] = map(shape.hull[i]);
  list.AddConvexPolyFilled(points, shape.count, colour);
  list.AddPolyline(points, shape.count, mix(colour, kOutline, 0.45f), ImDrawFlags_Closed, 1.0f);
}

}  // namespace

void drawFigure(ImDrawList& list, ImVec2 min, ImVec2 max, const figure::Pose& pose,
                const FigureFrame& frame, const figure::Bounds& bounds, const FigureStyle& style) {
  if (pose.keyframes.empty() || bounds.empty) return;
  const figure::Drawing drawing = figure::drawPose(
      pose, std::min(frame.from, pose.keyframes.size() - 1),
      std::min(frame.to, pose.keyframes.size() - 1), std::clamp(frame.t, 0.0f, 1.0f), frame.side);
  const float w = max.x - min.x, h = max.y - min.y;
  const float inner = 1 - 2 * style.margin;
  const float bw = std::max(bounds.maxX - bounds.minX, 1e-3f);
  const float bh = std::max(bounds.maxY - bounds.minY, 1e-3f);
  Mapping map;
  map.scale = std::min(w * inner / bw, h * inner / bh);
  map.ox = min.x + w / 2 - (bounds.minX + bounds.maxX) / 2 * map.scale;
  map.oy = min.y + h / 2 + (bounds.minY + bounds.maxY) / 2 * map.scale;
  const ImU32 side = style.sideColour               ? style.sideColour
                     : frame.side == BodySide::Left ? palette::kLeft
                                                    : palette::kRight;

  list.PushClipRect(min, max, true);
  ImVec2 floor[4];
  for (int i = 0; i < 4; ++i) floor[i] = map(drawing.floor[i]);
  list.AddConvexPolyFilled(floor, 4, kFloor);
  for (const Shape2& shape : drawing.props)
    if (!shape.over) drawShape(list, map, shape);
  // Seen from the side the floor is only a line, drawn across the whole box so every figure
  // stands on the same ground; seen from above, its near edge is the line.
  const ImVec2 fa = map(drawing.floorFrom), fb = map(drawing.floorTo);
  if (pose.camera.elevation == 0 && std::abs(fb.x - fa.x) > 1) {
    const float slope = (fb.y - fa.y) / (fb.x - fa.x);
    list.AddLine(ImVec2(min.x, fa.y + (min.x - fa.x) * slope),
                 ImVec2(max.x, fa.y + (max.x - fa.x) * slope), kFloorLine, 2.0f);
  } else {
    list.AddLine(fa, fb, kFloorLine, 2.0f);
  }
  const float span = std::max(drawing.farDepth - drawing.nearDepth, 1e-3f);
  const float outline = std::max(1.0f, map.scale * 0.006f);
  for (const Capsule2& part : drawing.parts) {
    const float nearness = 1 - (part.depth - drawing.nearDepth) / span;
    const ImU32 base = part.working ? side : kNear;
    const ImU32 colour = mix(part.working ? mix(side, kOutline, 0.45f) : kFar, base,
                             std::clamp(nearness, 0.0f, 1.0f));
    const float r = std::max(1.0f, part.radius * map.scale);
    capsule(list, map(part.a), map(part.b), r + outline, kOutline);
    capsule(list, map(part.a), map(part.b), r, colour);
  }
  if (style.glow) {
    for (const Capsule2& felt : drawing.felt) {
      const ImVec2 c = map(felt.a);
      const float r = felt.radius * map.scale;
      // Soft rings from wide and faint to small and strong read as a glow without a shader.
      for (int ring = 4; ring >= 1; --ring)
        list.AddCircleFilled(c, r * (0.5f + 0.25f * static_cast<float>(ring)),
                             withAlpha(kGlow, 34 + (4 - ring) * 22), 24);
      list.AddCircle(c, r * 0.75f, withAlpha(kGlow, 230), 24, std::max(1.5f, r * 0.08f));
    }
  }
  // Packs and bands go over the glow: they are what the user places there.
  for (const Shape2& shape : drawing.props)
    if (shape.over) drawShape(list, map, shape);
  list.PopClipRect();
}

}  // namespace unknot
