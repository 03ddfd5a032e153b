#include "ui/warning_box.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace unknot {

namespace {

struct BoxMetrics {
  float pad, edge, textWidth;
};

BoxMetrics metricsFor(const UiFonts& fonts, float width) {
  const float pad = fonts.bodySize;
  const float edge = std::round(fonts.bodySize * 0.35f);
  return {pad, edge, width - 2 * pad - edge};
}

// A symbol and a word before every warning, so it never rests on its colour alone.
std::string warningMark(const UiFonts& fonts, bool urgent) {
  return std::string(symbol(fonts, "\xE2\x9A\xA0 ", "! ")) + (urgent ? "Urgent: " : "Warning: ");
}

bool asksForCare(const RedFlag& flag) {
  return flag.level != FlagLevel::EaseOff;
}

}  // namespace

float wrappedTextHeight(ImFont* font, float size, std::string_view text, float width) {
  return font->CalcTextSizeA(size, FLT_MAX, width, text.data(), text.data() + text.size()).y;
}

WarningBoxText warningBoxText(const std::vector<RedFlag>& flags, bool urgent) {
  if (urgent) return {"Get emergency care today", kNoExerciseToday, ""};
  const size_t care = static_cast<size_t>(std::count_if(flags.begin(), flags.end(), asksForCare));
  if (care == 0) return {"Please take it easy", "", ""};
  return {care == 1 ? "Please get this checked" : "Please get these checked", "", ""};
}

float warningBoxHeight(const std::vector<RedFlag>& flags, const WarningBoxText& text,
                       const UiFonts& fonts, float width) {
  if (flags.empty()) return 0;
  const BoxMetrics m = metricsFor(fonts, width);
  float height = m.pad * 0.8f + fonts.headingSize * 1.3f;
  for (const RedFlag& flag : flags) {
    height += wrappedTextHeight(fonts.heading, fonts.bodySize, flagTitle(flag), m.textWidth);
    height +=
        wrappedTextHeight(fonts.body, fonts.bodySize, flag.advice, m.textWidth) + m.pad * 0.5f;
  }
  if (!text.footer.empty())
    height += wrappedTextHeight(fonts.heading, fonts.bodySize, text.footer, m.textWidth);
  if (!text.footer.empty() && !text.note.empty()) height += m.pad * 0.3f;
  if (!text.note.empty())
    height += wrappedTextHeight(fonts.body, fonts.bodySize, text.note, m.textWidth);
  return height + m.pad;
}

void drawWarningBox(const std::vector<RedFlag>& flags, const WarningBoxText& text,
                    const UiFonts& fonts, float width, bool urgent) {
  if (flags.empty()) return;
  ImDrawList* list = ImGui::GetWindowDrawList();
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const BoxMetrics m = metricsFor(fonts, width);
  const float height = warningBoxHeight(flags, text, fonts, width);
  const float rounding = fonts.bodySize * 0.4f;
  list->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height),
                      urgent ? palette().urgent : palette().warningPanel, rounding);
  list->AddRectFilled(pos, ImVec2(pos.x + m.edge, pos.y + height),
                      urgent ? palette().text : palette().warning, rounding,
                      ImDrawFlags_RoundCornersLeft);
  const ImU32 heading = urgent ? palette().text : palette().warning;
  const ImU32 body = palette().text;
  const float left = pos.x + m.edge + m.pad;
  float y = pos.y + m.pad * 0.8f;
  drawText(list, fonts.heading, fonts.headingSize, ImVec2(left, y), heading,
           warningMark(fonts, urgent) + text.title);
  y += fonts.headingSize * 1.3f;
  for (const RedFlag& flag : flags) {
    const std::string title = flagTitle(flag);
    list->AddText(fonts.heading, fonts.bodySize, ImVec2(left, y), body, title.c_str(), nullptr,
                  m.textWidth);
    y += wrappedTextHeight(fonts.heading, fonts.bodySize, title, m.textWidth);
    list->AddText(fonts.body, fonts.bodySize, ImVec2(left, y), urgent ? body : palette().textDim,
                  flag.advice.c_str(), nullptr, m.textWidth);
    y += wrappedTextHeight(fonts.body, fonts.bodySize, flag.advice, m.textWidth) + m.pad * 0.5f;
  }
  if (!text.footer.empty()) {
    list->AddText(fonts.heading, fonts.bodySize, ImVec2(left, y), heading, text.footer.c_str(),
                  nullptr, m.textWidth);
    y += wrappedTextHeight(fonts.heading, fonts.bodySize, text.footer, m.textWidth) + m.pad * 0.3f;
  }
  if (!text.note.empty()) {
    list->AddText(fonts.body, fonts.bodySize, ImVec2(left, y), urgent ? body : palette().textDim,
                  text.note.c_str(), nullptr, m.textWidth);
  }
  ImGui::Dummy(ImVec2(width, height));
}

void drawWarningBoxes(const std::vector<RedFlag>& flags, const UiFonts& fonts, float width) {
  std::vector<RedFlag> urgent, others;
  for (const RedFlag& flag : flags) (flag.urgent() ? urgent : others).push_back(flag);
  if (!urgent.empty()) {
    WarningBoxText text = warningBoxText(urgent, true);
    if (others.empty()) text.note = kNotMedicalAdvice;
    drawWarningBox(urgent, text, fonts, width, true);
    if (!others.empty()) ImGui::Dummy(ImVec2(0, fonts.bodySize * 0.4f));
  }
  if (!others.empty()) {
    WarningBoxText text = warningBoxText(others, false);
    text.note = kNotMedicalAdvice;
    drawWarningBox(others, text, fonts, width, false);
  }
}

std::string warningBannerText(const std::vector<RedFlag>& flags) {
  if (flags.empty()) return "";
  std::string text = flagTitle(flags.front());
  if (flags.size() > 1) text += "  (+" + std::to_string(flags.size() - 1) + " more)";
  return text + "  -  P for the advice";
}

bool drawWarningBanner(const std::vector<RedFlag>& flags, const UiFonts& fonts, ImVec2 pos,
                       float width, float height) {
  if (flags.empty()) return false;
  const bool urgent = anyUrgent(flags);
  ImDrawList* list = ImGui::GetWindowDrawList();
  const float rounding = fonts.bodySize * 0.4f;
  const float edge = std::round(fonts.bodySize * 0.35f);
  ImGui::SetCursorScreenPos(pos);
  const bool clicked = ImGui::InvisibleButton("##warning-banner", ImVec2(width, height));
  const bool hovered = ImGui::IsItemHovered();
  const ImU32 fill = urgent ? (hovered ? palette().urgentHover : palette().urgent)
                            : (hovered ? palette().panelHover : palette().warningPanel);
  list->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), fill, rounding);
  list->AddRectFilled(pos, ImVec2(pos.x + edge, pos.y + height),
                      urgent ? palette().text : palette().warning, rounding,
                      ImDrawFlags_RoundCornersLeft);
  const float textLeft = pos.x + edge + fonts.bodySize * 0.8f;
  const std::string text = truncated(
      fonts.heading, fonts.bodySize, warningMark(fonts, urgent) + warningBannerText(flags),
      pos.x + width - textLeft - fonts.bodySize * 0.5f, symbol(fonts, "\xE2\x80\xA6", "..."));
  drawText(list, fonts.heading, fonts.bodySize,
           ImVec2(textLeft, pos.y + (height - fonts.bodySize) * 0.5f),
           urgent ? palette().text : palette().warning, text);
  return clicked;
}

}  // namespace unknot
