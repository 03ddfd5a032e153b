#include "ui/progress_view.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string>

#include "ui/key_table.hpp"
#include "ui/library_model.hpp"
#include "ui/player_view.hpp"
#include "ui/progress_charts.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace unknot {

namespace {

ImVec4 colour(ImU32 packed) {
  return ImGui::ColorConvertU32ToFloat4(packed);
}

void colouredText(ImFont* font, ImU32 packed, const std::string& text) {
  ImGui::PushFont(font);
  ImGui::PushStyleColor(ImGuiCol_Text, colour(packed));
  ImGui::PushTextWrapPos(0.0f);  // large text wraps at the edge instead of running off it
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

// Title, day line and the three buttons; returns the bottom of the header.
float drawHeader(const ProgressViewModel& model, const UiFonts& fonts, float pad, float width,
                 ProgressIntent& clicked) {
  ImDrawList* list = ImGui::GetWindowDrawList();
  const float titleSize = fonts.headingSize * 1.25f;
  drawText(list, fonts.heading, titleSize, ImVec2(pad, pad), palette().accent, "Your progress");
  std::string line;
  if (model.snapshot) {
    const ProgressSnapshot& s = *model.snapshot;
    line = dayLine(s);
    const auto date = model.dateText ? model.dateText : formatDate;
    if (s.hasPlan) line += "   " + date(s.plan.start) + " to " + date(s.plan.end());
  }
  drawText(list, fonts.body, fonts.bodySize, ImVec2(pad, pad + titleSize * 1.2f), palette().textDim,
           line);

  const ImGuiStyle& style = ImGui::GetStyle();
  const ProgressIntent intents[] = {ProgressIntent::Checkin, ProgressIntent::Flare,
                                    ProgressIntent::Plan, ProgressIntent::Report,
                                    ProgressIntent::Back};
  const char* names[] = {"Check in", "Flare day", "Plan", "Report\u2026", "Back"};
  std::string keyed[std::size(names)];
  const char* labels[std::size(names)];
  for (size_t i = 0; i < std::size(names); ++i) {
    keyed[i] = withKey(names[i], progressKeys(), intents[i]);
    labels[i] = keyed[i].c_str();
  }
  constexpr int kButtons = 5;
  const float height = std::round(fonts.bodySize * 2.0f);
  float x = width - pad;
  for (int i = kButtons - 1; i >= 0; --i)
    x -= ImGui::CalcTextSize(labels[i]).x + style.FramePadding.x * 2 + style.ItemSpacing.x;
  x += style.ItemSpacing.x;
  // Large text or a narrow window: the buttons go on their own row below the title.
  const float titleEnd = pad + textWidth(fonts.heading, titleSize, "Your progress") + pad;
  float bottom = pad + titleSize * 1.2f + fonts.bodySize * 1.6f;
  float y = pad;
  if (x < titleEnd) {
    x = pad;
    y = bottom;
    bottom += height + style.ItemSpacing.y * 2;
  }
  ImGui::SetCursorScreenPos(ImVec2(x, y));
  for (int i = 0; i < kButtons; ++i) {
    if (i > 0) ImGui::SameLine();
    const bool main = i == 0;
    if (main ? accentButton(labels[i], ImVec2(0, height))
             : ImGui::Button(labels[i], ImVec2(0, height))) {
      clicked = intents[i];
    }
  }
  return bottom;
}

void drawInvitation(const UiFonts& fonts, float width, ProgressIntent& clicked) {
  ImDrawList* list = ImGui::GetWindowDrawList();
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float pad = fonts.bodySize;
  const char* text =
      "A recovery plan gives each day targets for 2 to 6 weeks (by default: stretch twice, "
      "foam-roll or massage once, strength from week 2, one rest day a week), so the calendar "
      "can show which days you kept. Until then, this page counts any session over the last "
      "28 days.";
  const float textWidth = width - 2 * pad;
  const float textHeight = wrappedTextHeight(fonts.body, fonts.bodySize, text, textWidth);
  const float buttonHeight = std::round(fonts.bodySize * 2.2f);
  const float height = pad * 2 + fonts.headingSize * 1.4f + textHeight + pad + buttonHeight;
  list->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), palette().panelSelected,
                      fonts.bodySize * 0.4f);
  drawText(list, fonts.heading, fonts.headingSize, ImVec2(pos.x + pad, pos.y + pad),
           palette().accent, "Start a recovery plan");
  const float textTop = pos.y + pad + fonts.headingSize * 1.4f;
  list->AddText(fonts.body, fonts.bodySize, ImVec2(pos.x + pad, textTop), palette().text, text,
                nullptr, textWidth);
  ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, textTop + textHeight + pad));
  if (accentButton(withKey("Start a plan", progressKeys(), ProgressIntent::Plan).c_str(),
                   ImVec2(0, buttonHeight)))
    clicked = ProgressIntent::Plan;
  ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + height));
  ImGui::Dummy(ImVec2(width, fonts.bodySize * 0.5f));
}

// Today's targets as "stretch 1/2".
std::string todayLine(const ProgressSnapshot& s) {
  const DayStatus* today = s.todayStatus();
  if (!today || today->targets.empty()) return "";
  std::string out = "Today: ";
  for (size_t i = 0; i < today->targets.size(); ++i) {
    const TargetProgress& t = today->targets[i];
    if (i > 0) out += ",  ";
    out += describeTarget(t.target) + " " + std::to_string(std::min(t.done, t.target.perDay)) +
           "/" + std::to_string(t.target.perDay);
  }
  return out;
}

// Hold time per muscle and side over the last 7 days: where the week's work went.
void drawBalance(const ProgressSnapshot& s, const UiFonts& fonts) {
  if (s.balanceLast7.muscles.empty()) return;
  ImGui::Dummy(ImVec2(0, fonts.bodySize * 0.3f));
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoHostExtendX;
  if (ImGui::BeginTable("##muscles", 3, flags)) {
    ImGui::TableSetupColumn("Last 7 days");
    ImGui::TableSetupColumn("Right");
    ImGui::TableSetupColumn("Left");
    ImGui::TableHeadersRow();
    for (const MuscleTime& muscle : s.balanceLast7.muscles) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(muscle.muscle.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(minutesText(muscle.time.right).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(minutesText(muscle.time.left).c_str());
    }
    ImGui::EndTable();
  }
}

// The plan's level today with its reason, the sore side, and the earlier changes.
void drawLevel(const ProgressSnapshot& s, const UiFonts& fonts) {
  const LevelChange* today = s.levelToday();
  if (!s.hasPlan || !today) return;
  ImGui::Dummy(ImVec2(0, fonts.bodySize * 0.3f));
  std::string line = "Level: " + levelSentence(*today);
  if (s.dose.soreSide != Side::None)
    line += std::string("; sore side ") + toString(s.dose.soreSide);
  ImGui::PushFont(fonts.body);
  ImGui::TextWrapped("%s", line.c_str());
  ImGui::PopFont();
  if (const LevelChange* tomorrow = s.levelTomorrow())
    colouredText(
        fonts.body, palette().textDim,
        std::string("From tomorrow: ") + toString(tomorrow->level) + " (" + tomorrow->reason + ")");
  // The last few changes before today's, newest first: why the level is where it is.
  int shown = 0;
  for (auto it = s.levels.rbegin(); it != s.levels.rend() && shown < 3; ++it) {
    if (it->from >= today->from) continue;
    colouredText(fonts.body, palette().textDim,
                 dayLabel(it->from) + "  " + toString(it->level) + " \xE2\x80\x94 " + it->reason);
    ++shown;
  }
}

void drawTotals(const ProgressSnapshot& s, const UiFonts& fonts) {
  colouredText(fonts.heading, palette().text, "Sessions and time");
  if (s.categories.empty()) {
    colouredText(fonts.body, palette().textDim, "Nothing recorded in this window yet.");
    return;
  }
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoHostExtendX;
  if (ImGui::BeginTable("##totals", 3, flags)) {
    ImGui::TableSetupColumn("Category");
    ImGui::TableSetupColumn("Sessions");
    ImGui::TableSetupColumn("Time");
    ImGui::TableHeadersRow();
    for (const CategoryTotal& total : s.categories) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(categoryLabel(total.category));
      ImGui::TableNextColumn();
      ImGui::Text("%d", total.sessions);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(minutesText(total.time).c_str());
    }
    ImGui::EndTable();
  }
  drawBalance(s, fonts);
  if (s.leftHold.count() > 0 || s.rightHold.count() > 0) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour(palette().right));
    ImGui::Text("Right side %s", minutesText(s.rightHold).c_str());
    ImGui::PopStyleColor();
    ImGui::SameLine(0, fonts.bodySize * 1.5f);
    ImGui::PushStyleColor(ImGuiCol_Text, colour(palette().left));
    ImGui::Text("Left side %s", minutesText(s.leftHold).c_str());
    ImGui::PopStyleColor();
  }
}

void drawFigures(const ProgressSnapshot& s, const UiFonts& fonts) {
  ImGui::PushFont(fonts.heading);
  ImGui::TextColored(colour(palette().accent), "%d", s.streaks.current);
  ImGui::SameLine();
  ImGui::TextUnformatted("day streak");
  ImGui::PopFont();
  colouredText(fonts.body, palette().textDim,
               "longest " + std::to_string(s.streaks.longest) +
                   (s.streaks.longest == 1 ? " day" : " days") +
                   " (rest days bridge, a missed day breaks)");
  ImGui::Dummy(ImVec2(0, fonts.bodySize * 0.3f));
  ImGui::PushFont(fonts.heading);
  ImGui::TextColored(colour(palette().accent), "%s", percentText(s.adherence).c_str());
  ImGui::SameLine();
  ImGui::TextUnformatted("adherence so far");
  ImGui::PopFont();
  colouredText(fonts.body, palette().textDim,
               percentText(s.adherenceLast7) + " over the last 7 days");
  drawLevel(s, fonts);
  if (const std::string today = todayLine(s); !today.empty()) {
    ImGui::Dummy(ImVec2(0, fonts.bodySize * 0.3f));
    ImGui::PushFont(fonts.body);
    ImGui::TextWrapped("%s", today.c_str());
    ImGui::PopFont();
  }
  ImGui::Dummy(ImVec2(0, fonts.bodySize * 0.6f));
  ImGui::PushFont(fonts.body);
  drawTotals(s, fonts);
  ImGui::PopFont();
}

// Cells as large as the column and the window height allow, within readable bounds.
float cellSize(const ProgressSnapshot& s, const UiFonts& fonts, float width, float windowHeight,
               std::optional<int> firstWeekday) {
  const float label = heatMapWidth(fonts, 0);
  const float byWidth = (width * 0.46f - label) / 7.8f;
  const float byHeight = windowHeight * 0.36f / std::max(1, heatMapRows(s, firstWeekday)) * 0.88f;
  return std::round(
      std::clamp(std::min(byWidth, byHeight), fonts.bodySize * 1.4f, fonts.bodySize * 2.8f));
}

void drawBody(const ProgressViewModel& model, const UiFonts& fonts, float width,
              ProgressIntent& clicked) {
  const float gap = fonts.bodySize * 0.8f;
  if (!model.snapshot) {
    const std::string text = "Your progress could not be read: " + model.error;
    ImGui::PushStyleColor(ImGuiCol_Text, colour(palette().error));
    ImGui::PushTextWrapPos(width);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    colouredText(fonts.body, palette().textDim,
                 "Routines still run; they are simply not recorded.");
    return;
  }
  const ProgressSnapshot& s = *model.snapshot;
  if (!model.error.empty()) colouredText(fonts.body, palette().error, model.error);
  if (!model.notice.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour(palette().accent));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextWrapped("%s", model.notice.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
  }
  if (model.offerSoreDay) {
    if (accentButton(
            withKey("Start the Sore day routine", progressKeys(), ProgressIntent::SoreDay).c_str(),
            ImVec2(0, std::round(fonts.bodySize * 2.0f)))) {
      clicked = ProgressIntent::SoreDay;
    }
    ImGui::Dummy(ImVec2(0, gap * 0.5f));
  }
  if (!s.redFlags.empty()) {
    drawWarningBoxes(s.redFlags, fonts, width);
    ImGui::Dummy(ImVec2(0, gap * 0.5f));
  }
  if (!s.hasPlan) drawInvitation(fonts, width, clicked);

  const float cell = cellSize(s, fonts, width, ImGui::GetIO().DisplaySize.y, model.firstWeekday);
  const float mapWidth = heatMapWidth(fonts, cell);
  const ImVec2 top = ImGui::GetCursorScreenPos();
  ImGui::BeginGroup();
  colouredText(fonts.heading, palette().text, s.hasPlan ? "Calendar" : "Last 28 days");
  drawHeatMap(s, fonts, cell, model.firstWeekday);
  ImGui::EndGroup();
  const float leftBottom = ImGui::GetItemRectMax().y;
  ImGui::SetCursorScreenPos(ImVec2(top.x + mapWidth + gap * 2.5f, top.y));
  ImGui::BeginGroup();
  // Wrap positions are in the child's own coordinates: the column ends where the header's
  // right margin does, clear of the child's scrollbar at the window's edge.
  ImGui::PushTextWrapPos(top.x + width - ImGui::GetWindowPos().x);
  drawFigures(s, fonts);
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  const float bottom = std::max(leftBottom, ImGui::GetItemRectMax().y);
  ImGui::SetCursorScreenPos(ImVec2(top.x, bottom + gap));
  const float room = ImGui::GetWindowPos().y + ImGui::GetWindowHeight() - (bottom + gap) -
                     ImGui::GetStyle().WindowPadding.y;
  drawTrendChart(s, fonts, ImVec2(width, std::max(fonts.bodySize * 12.0f, room)));
}

}  // namespace

bool accentButton(const char* label, ImVec2 size) {
  ImGui::PushStyleColor(ImGuiCol_Button, colour(palette().primaryButton));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colour(palette().primaryButtonHover));
  const bool clicked = ImGui::Button(label, size);
  ImGui::PopStyleColor(2);
  return clicked;
}

ProgressIntent drawProgressView(const ProgressViewModel& model, const UiFonts& fonts,
                                std::span<const UiKey> keys) {
  ProgressIntent intent = ProgressIntent::None;
  for (UiKey key : keys) {
    intent = progressIntentForKey(key);
    if (intent == ProgressIntent::SoreDay && !model.offerSoreDay) intent = ProgressIntent::None;
    if (intent != ProgressIntent::None) break;
  }
  const ImVec2 window = ImGui::GetIO().DisplaySize;
  const float pad = std::round(fonts.bodySize * 1.2f);
  beginFullscreenWindow("##progress");
  ImGui::PushFont(fonts.body);
  ProgressIntent clicked = ProgressIntent::None;
  const float top = drawHeader(model, fonts, pad, window.x, clicked);
  ImGui::SetCursorScreenPos(ImVec2(pad, top));
  // The child reaches the window's right edge (its scrollbar sits there); content keeps a margin.
  ImGui::BeginChild("##progress-body", ImVec2(window.x - pad, std::max(1.0f, window.y - top)));
  drawBody(model, fonts, window.x - 2 * pad, clicked);
  ImGui::Dummy(ImVec2(0, pad * 0.5f));
  ImGui::EndChild();
  ImGui::PopFont();
  ImGui::End();
  return intent != ProgressIntent::None ? intent : clicked;
}

}  // namespace unknot
