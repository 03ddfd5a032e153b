#include "ui/library_details.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/duration.hpp"
#include "ui/figure_view.hpp"
#include "ui/key_table.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace unknot {

namespace {

ImVec4 colour(ImU32 packed) {
  return ImGui::ColorConvertU32ToFloat4(packed);
}

void wrappedText(ImU32 packed, const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, colour(packed));
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

std::string metaLine(const LibraryItem& item, const char* dot) {
  const std::string sep = std::string(" ") + dot + " ";
  std::string out = item.category ? categoryLabel(*item.category) : "";
  out += sep + formatDuration(item.total);
  if (item.hasUntimed) out += " + your pace";
  if (item.rounds > 1) out += sep + std::to_string(item.rounds) + " rounds";
  out += sep + std::to_string(item.phases.size()) + " phases";
  if (item.isUser) out += sep + "your file";
  return out;
}

void drawTags(const LibraryItem& item, const UiFonts& fonts) {
  if (item.tags.empty()) return;
  ImDrawList* list = ImGui::GetWindowDrawList();
  const float size = fonts.bodySize * 0.9f;
  const float spacing = size * 0.5f;
  const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
  ImVec2 pos = ImGui::GetCursorScreenPos();
  const float start = pos.x;
  for (const std::string& tag : item.tags) {
    const float width = pillWidth(fonts.body, size, tag);
    if (pos.x + width > right && pos.x > start) {
      pos = ImVec2(start, pos.y + size * kPillHeight + spacing);
    }
    drawPill(list, fonts.body, size, pos, palette().track, palette().textDim, tag);
    pos.x += width + spacing;
  }
  ImGui::Dummy(ImVec2(1, pos.y + size * kPillHeight - ImGui::GetCursorScreenPos().y));
}

bool drawStartButton(const UiFonts& fonts) {
  ImGui::PushFont(fonts.heading);
  ImGui::PushStyleColor(ImGuiCol_Button, colour(palette().primaryButton));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colour(palette().primaryButtonHover));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, colour(palette().primaryButtonHover));
  const std::string label = withKey(std::string(symbol(fonts, "\xE2\x96\xB6  ", "")) + "Start",
                                    libraryKeys(), LibraryAction::Start);
  const float width = std::max(std::round(fonts.headingSize * 6.5f),
                               ImGui::CalcTextSize(label.c_str()).x + fonts.headingSize * 1.5f);
  const bool clicked =
      ImGui::Button(label.c_str(), ImVec2(width, std::round(fonts.headingSize * 2.0f)));
  ImGui::PopStyleColor(3);
  ImGui::PopFont();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Enter");
  return clicked;
}

const char* sideText(const LibraryPhaseRow& row) {
  if (row.kind == PhaseKind::Switch) return "";
  switch (row.side) {
    case Side::Right:
      return "right";
    case Side::Left:
      return "left";
    case Side::None:
      return "";
  }
  return "";
}

void drawPhaseTable(const LibraryItem& item, const UiFonts& fonts) {
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##phases", 4, flags)) return;
  const float f = fonts.bodySize;
  ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, f * 2.2f);
  ImGui::TableSetupColumn("Phase", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("Side", ImGuiTableColumnFlags_WidthFixed, f * 3.5f);
  ImGui::TableSetupColumn("Time", ImGuiTableColumnFlags_WidthFixed, f * 5.0f);
  int round = 0;
  for (size_t i = 0; i < item.phases.size(); ++i) {
    const LibraryPhaseRow& row = item.phases[i];
    if (item.rounds > 1 && row.round != round) {
      round = row.round;
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(1);
      ImGui::TextColored(colour(palette().accent), "Round %d of %d", round, item.rounds);
    }
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextColored(colour(palette().textFaint), "%zu", i + 1);
    ImGui::TableSetColumnIndex(1);
    // Wrapped, not clipped: a narrow window shows the whole step name on two lines.
    if (row.kind == PhaseKind::Reps && row.reps > 0) {
      ImGui::TextWrapped("%s %s %d", row.label.c_str(), symbol(fonts, "\xC3\x97", "x"), row.reps);
    } else {
      ImGui::TextWrapped("%s", row.label.c_str());
    }
    ImGui::TableSetColumnIndex(2);
    const ImU32 sideColour = row.side == Side::Right ? palette().right : palette().left;
    ImGui::TextColored(colour(sideColour), "%s", sideText(row));
    ImGui::TableSetColumnIndex(3);
    const std::string time = row.duration ? formatClock(*row.duration) : "your pace";
    ImGui::TextColored(colour(palette().textDim), "%s", time.c_str());
  }
  ImGui::EndTable();
}

// Small figures, one per step, so the routine reads at a glance before it starts. Cells wrap
// to more rows when a routine has many steps.
void drawFigureStrip(const LibraryItem& item, const UiFonts& fonts) {
  if (item.figures.empty()) return;
  const float avail = ImGui::GetContentRegionAvail().x;
  const float spacing = std::round(fonts.bodySize * 0.5f);
  const float cell = std::floor(std::min(fonts.bodySize * 7.0f, avail));
  const float height = std::round(cell * 0.72f);
  const int perRow = std::max(1, static_cast<int>((avail + spacing) / (cell + spacing)));
  ImDrawList* list = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  FigureStyle style;
  style.margin = 0.08f;
  for (size_t i = 0; i < item.figures.size(); ++i) {
    const LibraryFigure& f = item.figures[i];
    const int col = static_cast<int>(i) % perRow, row = static_cast<int>(i) / perRow;
    const ImVec2 min(origin.x + static_cast<float>(col) * (cell + spacing),
                     origin.y + static_cast<float>(row) * (height + spacing));
    const ImVec2 max(min.x + cell, min.y + height);
    list->AddRectFilled(min, max, palette().panel, std::round(cell * 0.05f));
    FigureFrame frame;
    frame.from = frame.to = f.pose->keyframes.size() - 1;
    frame.side = f.side;
    drawFigure(*list, min, max, *f.pose, frame, f.bounds, style);
    ImGui::SetCursorScreenPos(min);
    ImGui::InvisibleButton(("##figure" + std::to_string(i)).c_str(), ImVec2(cell, height));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", f.step.c_str());
  }
  const int rows = (static_cast<int>(item.figures.size()) + perRow - 1) / perRow;
  ImGui::SetCursorScreenPos(origin);
  ImGui::Dummy(ImVec2(avail, static_cast<float>(rows) * (height + spacing)));
}

void drawBroken(const LibraryItem& item, const UiFonts& fonts) {
  ImGui::PushFont(fonts.medium);
  wrappedText(palette().text, item.name);
  ImGui::PopFont();
  wrappedText(palette().error, "This routine file could not be loaded:");
  ImGui::Spacing();
  for (const std::string& error : item.errors) wrappedText(palette().error, error);
  ImGui::Spacing();
  wrappedText(palette().textDim,
              "Fix the file, then press F5 (or just come back to this "
              "window): the library loads it again. `unknot validate " +
                  item.path + "` checks it without opening the app.");
}

}  // namespace

bool drawLibraryDetails(const LibraryItem& item, const UiFonts& fonts) {
  if (!item.ok()) {
    drawBroken(item, fonts);
    return false;
  }
  const char* dot = symbol(fonts, "\xC2\xB7", "-");
  ImGui::PushFont(fonts.medium);
  wrappedText(palette().text, item.name);
  ImGui::PopFont();
  wrappedText(palette().textDim, metaLine(item, dot));
  ImGui::Spacing();
  if (!item.summary.empty()) wrappedText(palette().text, item.summary);
  ImGui::Spacing();
  drawTags(item, fonts);
  for (const std::string& warning : item.warnings) {
    wrappedText(palette().warning, std::string(symbol(fonts, "\xE2\x9A\xA0 ", "! ")) + warning);
  }
  ImGui::Spacing();
  ImGui::Spacing();
  const bool start = drawStartButton(fonts);
  ImGui::Spacing();
  ImGui::Spacing();
  ImGui::PushFont(fonts.heading);
  ImGui::TextUnformatted("Steps");
  ImGui::PopFont();
  drawFigureStrip(item, fonts);
  drawPhaseTable(item, fonts);
  return start;
}

}  // namespace unknot
