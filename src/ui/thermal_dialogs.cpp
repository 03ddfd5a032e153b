#include "ui/thermal_dialogs.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "ui/key_table.hpp"
#include "ui/player_view.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace unknot {

ConfirmIntent applyLongThermalConfirmKeys(std::span<const UiKey> keys, bool& understood) {
  for (const UiKey key : keys) {
    switch (actionForKey(thermalConfirmKeys(), key).value_or(ThermalConfirmAction::Keys)) {
      case ThermalConfirmAction::Understand:
        understood = !understood;
        break;
      case ThermalConfirmAction::Start:
        if (understood) return ConfirmIntent::Start;
        break;
      case ThermalConfirmAction::Back:
        return ConfirmIntent::Cancel;
      case ThermalConfirmAction::Keys:
        break;
    }
  }
  return ConfirmIntent::None;
}

ConfirmIntent drawLongThermalConfirm(const std::string& routineName, const std::string& warning,
                                     bool& understood, const UiFonts& fonts,
                                     std::span<const UiKey> keys) {
  ConfirmIntent intent = applyLongThermalConfirmKeys(keys, understood);
  const ImVec2 window = ImGui::GetIO().DisplaySize;
  beginFullscreenWindow("##thermal-confirm");
  ImDrawList* list = ImGui::GetWindowDrawList();
  const float margin = std::round(window.x * 0.12f);
  Box box{ImVec2(margin, window.y * 0.18f), ImVec2(window.x - margin, window.y * 0.8f)};
  const char* ellipsis = symbol(fonts, "\xE2\x80\xA6", "...");
  box.min.y += drawWrapped(list, fonts.title, fonts.titleSize * 0.7f, box, palette().warning,
                           routineName + ": over 20 minutes per application", true, ellipsis);
  box.min.y += fonts.mediumSize;
  box.min.y += drawWrapped(list, fonts.medium, fonts.mediumSize, box, palette().text, warning, true,
                           ellipsis);
  box.min.y += fonts.mediumSize;
  ImGui::PushFont(fonts.body);
  const std::string tick = withKey("I understand and will check my skin", thermalConfirmKeys(),
                                   ThermalConfirmAction::Understand);
  const float tickWidth = textWidth(fonts.body, fonts.bodySize, tick) + fonts.bodySize * 2;
  ImGui::SetCursorScreenPos(ImVec2(std::floor(window.x * 0.5f - tickWidth * 0.5f), box.min.y));
  ImGui::Checkbox(tick.c_str(), &understood);
  const float height = fonts.bodySize * 2.4f;
  const Box buttons{ImVec2(box.min.x, box.min.y + fonts.bodySize * 3),
                    ImVec2(box.max.x, box.min.y + fonts.bodySize * 3 + height)};
  const std::string start =
      withKey("Start anyway", thermalConfirmKeys(), ThermalConfirmAction::Start);
  const std::string back = withKey("Back", thermalConfirmKeys(), ThermalConfirmAction::Back);
  const float width = std::max(textWidth(fonts.body, fonts.bodySize, start),
                               textWidth(fonts.body, fonts.bodySize, back)) +
                      ImGui::GetStyle().FramePadding.x * 4;
  ImGui::SetCursorScreenPos(
      ImVec2(buttons.center().x - width - fonts.bodySize * 0.5f, buttons.min.y));
  ImGui::BeginDisabled(!understood);
  if (ImGui::Button(start.c_str(), ImVec2(width, height))) intent = ConfirmIntent::Start;
  ImGui::EndDisabled();
  ImGui::SetCursorScreenPos(ImVec2(buttons.center().x + fonts.bodySize * 0.5f, buttons.min.y));
  if (ImGui::Button(back.c_str(), ImVec2(width, height))) intent = ConfirmIntent::Cancel;
  ImGui::PopFont();
  ImGui::End();
  return intent;
}

ResumeIntent resumeIntentForKey(UiKey key) {
  switch (actionForKey(resumeKeys(), key).value_or(ResumeAction::Keys)) {
    case ResumeAction::Resume:
      return ResumeIntent::Resume;
    case ResumeAction::StartAgain:
      return ResumeIntent::StartAgain;
    case ResumeAction::NotNow:
      return ResumeIntent::NotNow;
    case ResumeAction::Keys:
      break;
  }
  return ResumeIntent::None;
}

ResumeIntent drawResumeOffer(const std::string& routineName, const std::string& where,
                             const UiFonts& fonts, std::span<const UiKey> keys) {
  ResumeIntent intent = ResumeIntent::None;
  for (UiKey key : keys) {
    intent = resumeIntentForKey(key);
    if (intent != ResumeIntent::None) break;
  }
  const ImVec2 window = ImGui::GetIO().DisplaySize;
  beginFullscreenWindow("##thermal-resume");
  ImDrawList* list = ImGui::GetWindowDrawList();
  const float margin = std::round(window.x * 0.12f);
  Box box{ImVec2(margin, window.y * 0.22f), ImVec2(window.x - margin, window.y * 0.8f)};
  const char* ellipsis = symbol(fonts, "\xE2\x80\xA6", "...");
  box.min.y += drawWrapped(list, fonts.title, fonts.titleSize * 0.7f, box, palette().accent,
                           routineName + " is still under way", true, ellipsis);
  box.min.y += fonts.mediumSize;
  box.min.y +=
      drawWrapped(list, fonts.medium, fonts.mediumSize, box, palette().text, where, true, ellipsis);
  box.min.y += fonts.mediumSize * 1.5f;
  ImGui::PushFont(fonts.body);
  const std::pair<std::string, ResumeIntent> buttons[] = {
      {withKey("Resume", resumeKeys(), ResumeAction::Resume), ResumeIntent::Resume},
      {withKey("Start again", resumeKeys(), ResumeAction::StartAgain), ResumeIntent::StartAgain},
      {withKey("Not now", resumeKeys(), ResumeAction::NotNow), ResumeIntent::NotNow}};
  const float height = fonts.bodySize * 2.4f, gap = fonts.bodySize * 0.6f;
  float width = 0;
  for (const auto& button : buttons)
    width = std::max(width, textWidth(fonts.body, fonts.bodySize, button.first));
  // Three equal buttons, no wider than the column between the margins.
  width = std::min(width + ImGui::GetStyle().FramePadding.x * 4, (box.width() - 2 * gap) / 3);
  float x = std::floor(box.center().x - (3 * width + 2 * gap) * 0.5f);
  for (const auto& [label, action] : buttons) {
    ImGui::SetCursorScreenPos(ImVec2(x, box.min.y));
    const bool primary = action == ResumeIntent::Resume;
    if (primary)
      ImGui::PushStyleColor(ImGuiCol_Button,
                            ImGui::ColorConvertU32ToFloat4(palette().primaryButton));
    if (ImGui::Button(label.c_str(), ImVec2(width, height))) intent = action;
    if (primary) ImGui::PopStyleColor();
    x += width + gap;
  }
  ImGui::PopFont();
  ImGui::End();
  return intent;
}

}  // namespace unknot
