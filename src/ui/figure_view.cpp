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

ImU32 mix(ImU32 a, ImU32 b, float t) {
  const ImVec4 x = ImGui::ColorConvertU32ToFloat4(a), y = ImGui::ColorConvertU32ToFloat4(b);
  return ImGui::ColorConvertFloat4ToU32(ImVec4(x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t,
                                               x.z + (y.z - x.z) * t, x.w + (y.w - x.w) * t));
}

ImU32 withAlpha(ImU32 colour, int alpha) {
  return (colour & ~IM_COL32_A_MASK) | (static_cast<ImU32>(alpha) << IM_COL32_A_SHIFT);
}

ImU32 propColour(const Shape2& shape) {
  const Palette& p = palette();
  if (shape.cloth) return p.propCloth;
  switch (shape.kind) {
    case PropKind::Mat:
      return p.propMat;
    case PropKind::FoamRoller:
      return p.propFoamRoller;
    case PropKind::Ball:
      return p.propBall;
    case PropKind::Wall:
      return p.propWall;
    case PropKind::Chair:
      return p.propChair;
    case PropKind::HeatPack:
      return p.heat;
    case PropKind::IcePack:
      return p.ice;
    case PropKind::Band:
      return p.propBand;
  }
  return p.figureFar;
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
    capsule(list, map(shape.capsule.a), map(shape.capsule.b), r + 1, palette().figureOutline);
    capsule(list, map(shape.capsule.a), map(shape.capsule.b), r, colour);
    return;
  }
  ImVec2 points[8];
  for (int i = 0; i < shape.count; ++i) points[i] = map(shape.hull[i]);
  list.AddConvexPolyFilled(points, shape.count, colour);
  list.AddPolyline(points, shape.count, mix(colour, palette().figureOutline, 0.45f),
                   ImDrawFlags_Closed, 1.0f);
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
                     : frame.side == BodySide::Left ? palette().left
                                                    : palette().right;

  list.PushClipRect(min, max, true);
  ImVec2 floor[4];
  for (int i = 0; i < 4; ++i) floor[i] = map(drawing.floor[i]);
  list.AddConvexPolyFilled(floor, 4, palette().floor);
  for (const Shape2& shape : drawing.props)
    if (!shape.over) drawShape(list, map, shape);
  // Seen from the side the floor is only a line, drawn across the whole box so every figure
  // stands on the same ground; seen from above, its near edge is the line.
  const ImVec2 fa = map(drawing.floorFrom), fb = map(drawing.floorTo);
  if (pose.camera.elevation == 0 && std::abs(fb.x - fa.x) > 1) {
    const float slope = (fb.y - fa.y) / (fb.x - fa.x);
    list.AddLine(ImVec2(min.x, fa.y + (min.x - fa.x) * slope),
                 ImVec2(max.x, fa.y + (max.x - fa.x) * slope), palette().floorLine, 2.0f);
  } else {
    list.AddLine(fa, fb, palette().floorLine, 2.0f);
  }
  const float span = std::max(drawing.farDepth - drawing.nearDepth, 1e-3f);
  const float outline = std::max(1.0f, map.scale * 0.006f);
  for (const Capsule2& part : drawing.parts) {
    const float nearness = 1 - (part.depth - drawing.nearDepth) / span;
    const ImU32 base = part.working ? side : palette().figureNear;
    const ImU32 colour =
        mix(part.working ? mix(side, palette().figureOutline, 0.45f) : palette().figureFar, base,
            std::clamp(nearness, 0.0f, 1.0f));
    const float r = std::max(1.0f, part.radius * map.scale);
    capsule(list, map(part.a), map(part.b), r + outline, palette().figureOutline);
    capsule(list, map(part.a), map(part.b), r, colour);
  }
  if (style.glow) {
    for (const Capsule2& felt : drawing.felt) {
      const ImVec2 c = map(felt.a);
      const float r = felt.radius * map.scale;
      // Soft rings from wide and faint to small and strong read as a glow without a shader.
      for (int ring = 4; ring >= 1; --ring)
        list.AddCircleFilled(c, r * (0.5f + 0.25f * static_cast<float>(ring)),
                             withAlpha(palette().glow, 34 + (4 - ring) * 22), 24);
      list.AddCircle(c, r * 0.75f, withAlpha(palette().glow, 230), 24, std::max(1.5f, r * 0.08f));
    }
  }
  // Packs and bands go over the glow: they are what the user places there.
  for (const Shape2& shape : drawing.props)
    if (shape.over) drawShape(list, map, shape);
  list.PopClipRect();
}

}  // namespace unknot
