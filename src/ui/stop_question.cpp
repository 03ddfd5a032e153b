#include "ui/stop_question.hpp"

#include <algorithm>
#include <cmath>

#include "ui/key_table.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace unknot {

std::vector<UiKey> StopQuestion::filter(std::span<const UiKey> keys) {
  std::vector<UiKey> out;
  for (const UiKey key : keys) {
    if (!m_asking) {
      // Esc is the player's Stop key: held back, it asks first.
      if (key == UiKey::Escape) {
        m_asking = true;
      } else {
        out.push_back(key);
      }
      continue;
    }
    const auto action = actionForKey(stopQuestionKeys(), key);
    if (action == StopAction::Keys) continue;  // the overlay's key leaves the question up
    m_asking = false;
    // Passed on, Esc is the player's Stop; the answer "go on" is not passed on, lest Enter
    // also mark a step done.
    if (action != StopAction::GoOn) out.push_back(key);
  }
  return out;
}

bool drawStopQuestion(StopQuestion& question, const UiFonts& fonts) {
  if (!question.asking()) return false;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const char* title = "Stop this routine?";
  const char* hint = "Esc again to stop, Enter to go on";
  const float pad = std::round(fonts.bodySize * 1.2f);
  const float titleSize = fitTextSize(fonts.heading, fonts.headingSize, title, display.x - 4 * pad);
  const std::string stopLabel = withKey("Stop", stopQuestionKeys(), StopAction::Stop);
  const std::string goOnLabel = withKey("Go on", stopQuestionKeys(), StopAction::GoOn);
  // Two buttons side by side, each wide enough for the longer label and its frame.
  const float buttonsWidth = 2 * (std::max(textWidth(fonts.body, fonts.bodySize, stopLabel),
                                           textWidth(fonts.body, fonts.bodySize, goOnLabel)) +
                                  2 * ImGui::GetStyle().FramePadding.x) +
                             pad;
  const float width = std::min(
      display.x - 2 * pad, std::max({textWidth(fonts.heading, titleSize, title),
                                     textWidth(fonts.body, fonts.bodySize, hint), buttonsWidth}) +
                               2 * pad);
  const float buttonHeight = std::round(fonts.bodySize * 2.2f);
  const float height = pad * 3 + titleSize * 1.3f + fonts.bodySize * 1.4f + buttonHeight;
  const ImVec2 pos(std::round((display.x - width) * 0.5f), std::round((display.y - height) * 0.5f));
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(ImVec2(width, height));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(palette().panelSelected));
  ImGui::Begin(
      "##stop-question", nullptr,
      ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  ImDrawList* list = ImGui::GetWindowDrawList();
  const float cx = pos.x + width * 0.5f;
  float y = pos.y + pad;
  drawTextCentered(list, fonts.heading, titleSize, cx, y, palette().text, title);
  y += titleSize * 1.3f;
  const float hintSize = fitTextSize(fonts.body, fonts.bodySize, hint, width - 2 * pad);
  drawTextCentered(list, fonts.body, hintSize, cx, y, palette().textDim, hint);
  y += fonts.bodySize * 1.4f + pad;
  const float buttonWidth = std::round((width - 3 * pad) * 0.5f);
  ImGui::PushFont(fonts.body);
  ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, y));
  const bool stop = ImGui::Button(stopLabel.c_str(), ImVec2(buttonWidth, buttonHeight));
  ImGui::SetCursorScreenPos(ImVec2(pos.x + 2 * pad + buttonWidth, y));
  if (ImGui::Button(goOnLabel.c_str(), ImVec2(buttonWidth, buttonHeight))) question.dismiss();
  ImGui::PopFont();
  ImGui::End();
  ImGui::PopStyleColor();
  if (stop) question.dismiss();
  return stop;
}

}  // namespace unknot
