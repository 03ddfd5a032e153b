// The two pictures of the Progress view, drawn with ImDrawList at the cursor: the calendar heat
// map of the plan window and the pain/tightness trend chart. Each reserves the space it used.
#pragma once

#include "ui/progress_model.hpp"

namespace unknot {

// Width the heat map needs for cells of `cell` pixels (week labels included).
float heatMapWidth(const UiFonts& fonts, float cell);
// Week rows of seven cells with weekday headers and a legend below.
void drawHeatMap(const ProgressSnapshot& snapshot, const UiFonts& fonts, float cell,
                 std::optional<int> firstWeekday);

// Daily means as dots, the 7-day mean as a line, a 0-10 axis and the trend in words.
void drawTrendChart(const ProgressSnapshot& snapshot, const UiFonts& fonts, ImVec2 size);

}  // namespace unknot
