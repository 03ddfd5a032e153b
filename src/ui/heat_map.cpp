// The calendar heat map: one cell per day of the plan window in rows of seven.
#include <algorithm>
#include <cmath>
#include <string>

#include "ui/progress_charts.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace unknot {

namespace {

constexpr const char* kWeekdays[] = {"Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"};

float gapOf(float cell) {
  return std::max(2.0f, std::round(cell * 0.12f));
}

float labelWidth(const UiFonts& fonts) {
  return textWidth(fonts.body, fonts.bodySize, "Wk 6") + fonts.bodySize * 0.6f;
}

int dayOfMonth(LogicalDate date) {
  return static_cast<int>(static_cast<unsigned>(std::chrono::year_month_day(date).day()));
}

// Whichever of the dark and light text reads better on the state's colour.
ImU32 numberColour(DayState state, bool hasPlan) {
  if (state == DayState::Future) return palette().textFaint;
  return textOn(palette(), heatCellColour(state, hasPlan));
}

// A mark per state, so a cell never says it by colour alone.
const char* stateMark(const UiFonts& fonts, DayState state) {
  switch (state) {
    case DayState::Met:
      return symbol(fonts, "\xE2\x9C\x93", "+");  // check mark
    case DayState::Partial:
      return symbol(fonts, "\xC2\xBD", "/");  // one half
    case DayState::Rest:
      return symbol(fonts, "\xE2\x80\x93", "-");  // en dash
    case DayState::Flare:
      return "!";
    case DayState::Missed:
      return symbol(fonts, "\xC3\x97", "x");  // multiplication sign
    default:
      return "";
  }
}

void drawMark(ImDrawList* list, const UiFonts& fonts, DayState state, bool hasPlan, ImVec2 end,
              float size) {
  const char* mark = stateMark(fonts, state);
  if (!*mark) return;
  drawText(list, fonts.heading, size,
           ImVec2(end.x - textWidth(fonts.heading, size, mark) - size * 0.2f, end.y - size * 1.05f),
           numberColour(state, hasPlan), mark);
}

void drawCell(ImDrawList* list, const UiFonts& fonts, const HeatCell& cell, bool hasPlan,
              ImVec2 pos, float size) {
  const ImVec2 end(pos.x + size, pos.y + size);
  const float rounding = size * 0.18f;
  list->AddRectFilled(pos, end, heatCellColour(cell.state, hasPlan), rounding);
  if (cell.today) {
    const float thickness = std::max(2.0f, size * 0.08f);
    list->AddRect(ImVec2(pos.x + thickness * 0.5f, pos.y + thickness * 0.5f),
                  ImVec2(end.x - thickness * 0.5f, end.y - thickness * 0.5f),
                  palette().todayOutline, rounding, 0, thickness);
  }
  // The day's number above, the state's mark in the lower right corner.
  const float textSize = std::min(fonts.bodySize * 0.85f, size * 0.42f);
  const std::string number = std::to_string(dayOfMonth(cell.date));
  drawTextCentered(list, fonts.body, textSize, pos.x + size * 0.45f, pos.y + size * 0.1f,
                   numberColour(cell.state, hasPlan), number);
  if (hasPlan || cell.state == DayState::Met)
    drawMark(list, fonts, cell.state, hasPlan, end, size * 0.4f);
}

// Swatches with their labels, wrapped to `width`; returns the height used.
float drawLegend(ImDrawList* list, const UiFonts& fonts, bool hasPlan, ImVec2 origin, float width) {
  const float swatch = std::round(fonts.bodySize * 0.9f);
  const float lineHeight = fonts.bodySize * 1.5f;
  ImVec2 pos = origin;
  for (const DayState state : legendStates(hasPlan)) {
    const char* label = heatCellLabel(state, hasPlan);
    const float itemWidth = swatch + fonts.bodySize * 0.35f +
                            textWidth(fonts.body, fonts.bodySize, label) + fonts.bodySize;
    if (pos.x > origin.x && pos.x + itemWidth > origin.x + width) {
      pos = ImVec2(origin.x, pos.y + lineHeight);
    }
    const ImVec2 box(pos.x, pos.y + (fonts.bodySize - swatch) * 0.5f + 1);
    list->AddRectFilled(box, ImVec2(box.x + swatch, box.y + swatch), heatCellColour(state, hasPlan),
                        swatch * 0.2f);
    if (hasPlan || state == DayState::Met)
      drawMark(list, fonts, state, hasPlan, ImVec2(box.x + swatch, box.y + swatch), swatch * 0.75f);
    if (state == DayState::Today) {
      list->AddRect(box, ImVec2(box.x + swatch, box.y + swatch), palette().todayOutline,
                    swatch * 0.2f, 0, 2.0f);
    }
    drawText(list, fonts.body, fonts.bodySize,
             ImVec2(box.x + swatch + fonts.bodySize * 0.35f, pos.y), palette().textDim, label);
    pos.x += itemWidth;
  }
  return pos.y + lineHeight - origin.y;
}

}  // namespace

float heatMapWidth(const UiFonts& fonts, float cell) {
  return labelWidth(fonts) + 7 * cell + 6 * gapOf(cell);
}

void drawHeatMap(const ProgressSnapshot& snapshot, const UiFonts& fonts, float cell,
                 std::optional<int> firstWeekday) {
  ImDrawList* list = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float gap = gapOf(cell);
  const float left = origin.x + labelWidth(fonts);
  const LogicalDate first = snapshot.days.empty() ? snapshot.today : snapshot.days.front().date;
  for (int column = 0; column < 7; ++column) {
    const int lead = heatMapLead(snapshot, firstWeekday);
    const unsigned weekday =
        std::chrono::weekday(first + std::chrono::days(column - lead)).c_encoding();
    drawTextCentered(list, fonts.body, fonts.bodySize, left + column * (cell + gap) + cell * 0.5f,
                     origin.y, palette().textDim, kWeekdays[weekday]);
  }
  const float top = origin.y + fonts.bodySize * 1.4f;
  const int rows = heatMapRows(snapshot, firstWeekday);
  for (int row = 0; row < rows; ++row) {
    const std::string label = "Wk " + std::to_string(row + 1);
    drawText(list, fonts.body, fonts.bodySize,
             ImVec2(origin.x, top + row * (cell + gap) + (cell - fonts.bodySize) * 0.5f),
             palette().textDim, label);
  }
  for (const HeatCell& c : heatMapCells(snapshot, firstWeekday)) {
    drawCell(list, fonts, c, snapshot.hasPlan,
             ImVec2(left + c.column * (cell + gap), top + c.row * (cell + gap)), cell);
  }
  const float width = heatMapWidth(fonts, cell);
  const float gridBottom = top + rows * (cell + gap) - gap + fonts.bodySize * 0.7f;
  const float legend =
      drawLegend(list, fonts, snapshot.hasPlan, ImVec2(origin.x, gridBottom), width);
  ImGui::Dummy(ImVec2(width, gridBottom + legend - origin.y));
}

}  // namespace unknot
