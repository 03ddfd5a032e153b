#include "ui/open_routine_view.hpp"

#include <cmath>

#include "ui/player_view.hpp"
#include "ui/progress_view.hpp"
#include "ui/theme.hpp"

namespace unknot {

namespace {

void wrapped(ImU32 tint, const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(tint));
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

}  // namespace

OpenRoutineIntent openRoutineIntentForKey(UiKey key, bool canImport) {
  switch (key) {
    case UiKey::Escape:
      return OpenRoutineIntent::Cancel;
    case UiKey::Enter:
      return canImport ? OpenRoutineIntent::Import : OpenRoutineIntent::None;
    case UiKey::R:
      return canImport ? OpenRoutineIntent::TryOnce : OpenRoutineIntent::None;
    default:
      return OpenRoutineIntent::None;
  }
}

OpenRoutineIntent drawOpenRoutineView(const OpenRoutineModel& model, const UiFonts& fonts,
                                      std::span<const UiKey> keys) {
  OpenRoutineIntent intent = OpenRoutineIntent::None;
  for (const UiKey key : keys) {
    if (const auto k = openRoutineIntentForKey(key, model.canImport);
        k != OpenRoutineIntent::None) {
      intent = k;
    }
  }
  const ImVec2 window = ImGui::GetIO().DisplaySize;
  const float pad = std::round(fonts.bodySize * 1.5f);
  const float width = std::min(window.x - 2 * pad, fonts.bodySize * 44.0f);
  beginFullscreenWindow("##open-routine");
  ImGui::SetCursorScreenPos(ImVec2(std::round((window.x - width) * 0.5f), pad));
  ImGui::BeginChild("##column", ImVec2(width, window.y - 2 * pad));
  ImGui::PushFont(fonts.body);
  wrapped(palette().textDim, "Opened " + model.fileName);
  ImGui::PushFont(fonts.heading);
  wrapped(palette().accent, model.title);
  ImGui::PopFont();
  if (!model.summary.empty()) wrapped(palette().textDim, model.summary);
  ImGui::Spacing();

  const float buttonHeight = std::round(fonts.bodySize * 2.2f);
  const float footer = buttonHeight + fonts.bodySize * (model.outcome.empty() ? 1.5f : 4.0f) +
                       (model.replaces.empty() ? 0 : fonts.bodySize * 2.5f);
  ImGui::BeginChild("##phases", ImVec2(width, std::max(fonts.bodySize * 4,
                                                       ImGui::GetContentRegionAvail().y - footer)));
  if (!model.problems.empty()) {
    wrapped(palette().warning, "This file cannot be used as it is:");
    for (const std::string& problem : model.problems) wrapped(palette().warning, problem);
  }
  for (const std::string& phase : model.phases) wrapped(palette().text, phase);
  ImGui::EndChild();
  ImGui::Spacing();
  if (!model.replaces.empty()) wrapped(palette().warning, model.replaces);
  if (!model.outcome.empty()) wrapped(palette().text, model.outcome);
  ImGui::Spacing();
  if (model.canImport) {
    if (accentButton("Import (Enter)", ImVec2(0, buttonHeight))) intent = OpenRoutineIntent::Import;
    ImGui::SameLine();
    if (ImGui::Button("Try once (R)", ImVec2(0, buttonHeight))) intent = OpenRoutineIntent::TryOnce;
    ImGui::SameLine();
  }
  if (ImGui::Button(model.canImport ? "Cancel (Esc)" : "Close (Esc)", ImVec2(0, buttonHeight))) {
    intent = OpenRoutineIntent::Cancel;
  }
  ImGui::PopFont();
  ImGui::EndChild();
  ImGui::End();
  return intent;
}

}  // namespace unknot
