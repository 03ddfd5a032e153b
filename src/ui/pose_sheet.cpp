#include "ui/pose_sheet.hpp"

#include <algorithm>
#include <string>

#include "ui/figure_view.hpp"
#include "ui/theme.hpp"

namespace unknot {

SheetLayout sheetLayout(const std::vector<const figure::Pose*>& poses) {
  SheetLayout layout;
  size_t keyframes = 1;
  for (const figure::Pose* pose : poses) keyframes = std::max(keyframes, pose->keyframes.size());
  layout.rows = static_cast<int>(poses.size());
  layout.columns = static_cast<int>(keyframes) * 2;
  layout.cellWidth = 300;
  layout.cellHeight = 230;
  layout.labelHeight = 26;
  layout.gap = 6;
  layout.size = ImVec2(layout.gap + layout.columns * (layout.cellWidth + layout.gap),
                       layout.gap + layout.rows * (layout.cellHeight + layout.gap));
  return layout;
}

Box sheetCell(const SheetLayout& layout, int row, int keyframe, figure::BodySide side) {
  const int column = keyframe * 2 + (side == figure::BodySide::Left ? 1 : 0);
  const ImVec2 min(layout.gap + column * (layout.cellWidth + layout.gap),
                   layout.gap + row * (layout.cellHeight + layout.gap));
  return {min, ImVec2(min.x + layout.cellWidth, min.y + layout.cellHeight)};
}

void drawPoseSheet(ImDrawList& list, const std::vector<const figure::Pose*>& poses,
                   const UiFonts& fonts) {
  const SheetLayout layout = sheetLayout(poses);
  ImFont* font = fonts.body ? fonts.body : ImGui::GetFont();
  const float size = fonts.body ? fonts.bodySize : ImGui::GetFontSize();
  for (size_t row = 0; row < poses.size(); ++row) {
    const figure::Pose& pose = *poses[row];
    for (figure::BodySide side : {figure::BodySide::Right, figure::BodySide::Left}) {
      const figure::Bounds bounds = figure::poseBounds(pose, side);
      for (size_t k = 0; k < pose.keyframes.size(); ++k) {
        const Box cell = sheetCell(layout, static_cast<int>(row), static_cast<int>(k), side);
        list.AddRectFilled(cell.min, cell.max, palette().panel, 6.0f);
        const char* dot = fonts.unicode ? " · " : " - ";
        const std::string label = pose.name + dot + pose.keyframes[k].name + dot +
                                  (side == figure::BodySide::Right ? "right" : "left");
        const ImVec2 at(cell.min.x + 8, cell.min.y + (layout.labelHeight - size) / 2);
        list.PushClipRect(cell.min, cell.max, true);
        list.AddText(font, size, at,
                     side == figure::BodySide::Right ? palette().right : palette().left,
                     label.c_str());
        list.PopClipRect();
        const ImVec2 top(cell.min.x, cell.min.y + layout.labelHeight);
        drawFigure(list, top, cell.max, pose, {k, k, 0, side}, bounds);
      }
    }
  }
}

}  // namespace unknot
