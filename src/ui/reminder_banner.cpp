#include "ui/reminder_banner.hpp"

#include <cmath>

#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace unknot {

BannerIntent drawReminderBanner(const std::string& text, const UiFonts& fonts) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float pad = std::round(fonts.bodySize * 0.6f);
  const float height = std::round(fonts.bodySize * 3.0f);
  ImGui::SetNextWindowPos(ImVec2(0, display.y - height));
  ImGui::SetNextWindowSize(ImVec2(display.x, height));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(palette().panelSelected));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad));
  ImGui::Begin("##reminder-banner", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing);
  ImGui::PopStyleVar();
  ImGui::PushFont(fonts.body);
  BannerIntent intent = BannerIntent::None;
  const float buttonHeight = height - 2 * pad;
  const char* labels[] = {"Snooze 10 min", "Silence today", "Close"};
  const BannerIntent actions[] = {BannerIntent::Snooze, BannerIntent::Silence,
                                  BannerIntent::Dismiss};
  float buttons = 0;
  for (const char* label : labels) {
    buttons +=
        textWidth(fonts.body, fonts.bodySize, label) + ImGui::GetStyle().FramePadding.x * 2 + pad;
  }
  const float room = display.x - buttons - 3 * pad;
  const float size = fitTextSize(fonts.body, fonts.bodySize, text, room);
  ImDrawList* list = ImGui::GetWindowDrawList();
  drawText(list, fonts.body, size, ImVec2(pad, display.y - height + (height - size) * 0.5f),
           palette().text, text);
  float x = display.x - buttons;
  for (int i = 0; i < 3; ++i) {
    ImGui::SetCursorScreenPos(ImVec2(x, display.y - height + pad));
    const float width =
        textWidth(fonts.body, fonts.bodySize, labels[i]) + ImGui::GetStyle().FramePadding.x * 2;
    if (ImGui::Button(labels[i], ImVec2(width, buttonHeight))) intent = actions[i];
    x += width + pad;
  }
  ImGui::PopFont();
  ImGui::End();
  ImGui::PopStyleColor();
  return intent;
}

}  // namespace unknot
