// The contact sheet of the pose library: one labelled cell per pose, keyframe and side, for
// `unknot poses --sheet` and the docs' screenshot.
#pragma once

#include <vector>

#include "core/figure/pose.hpp"
#include "ui/ui_types.hpp"

namespace unknot {

struct SheetLayout {
  int rows = 0, columns = 0;  // a row per pose; columns: keyframe 1 right, left, keyframe 2 ...
  float cellWidth = 0, cellHeight = 0, labelHeight = 0, gap = 0;
  ImVec2 size;  // of the whole image, in pixels
};

SheetLayout sheetLayout(const std::vector<const figure::Pose*>& poses);
// The cell of pose `row`, keyframe `keyframe`, `side`; the label is its top labelHeight.
Box sheetCell(const SheetLayout& layout, int row, int keyframe, figure::BodySide side);

void drawPoseSheet(ImDrawList& list, const std::vector<const figure::Pose*>& poses,
                   const UiFonts& fonts);

}  // namespace unknot
