#include "ui/stop_question.hpp"

#include <cmath>

#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace unknot {

std::vector<UiKey> StopQuestion::filter(std::span<const UiKey> keys) {
  std::vector<UiKey> out;
  for (const UiKey key : keys) {
    if (key == UiKey::Escape) {
      if (m_asking) out.push_back(key);  // the answer: stop
      m_asking = !m_asking;
    } else if (m_asking) {
      m_asking = false;
      if (key != UiKey::Enter) out.push_back(key);  // Enter only answers "go on"
    } else {
      out.push_back(key);
    }
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
  const float width =
      std::min(display.x - 2 * pad, std::max(textWidth(fonts.heading, titleSize, title),
                                             textWidth(fonts.body, fonts.bodySize, hint)) +
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
  const bool stop = ImGui::Button("Stop (Esc)", ImVec2(buttonWidth, buttonHeight));
  ImGui::SetCursorScreenPos(ImVec2(pos.x + 2 * pad + buttonWidth, y));
  if (ImGui::Button("Go on (Enter)", ImVec2(buttonWidth, buttonHeight))) question.dismiss();
  ImGui::PopFont();
  ImGui::End();
  ImGui::PopStyleColor();
  if (stop) question.dismiss();
  return stop;
}

}  // namespace unknot
