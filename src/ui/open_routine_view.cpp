#include "ui/open_routine_view.hpp"

#include <cmath>

#include "ui/key_table.hpp"
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
  const OpenRoutineIntent intent =
      actionForKey(openRoutineKeys(), key).value_or(OpenRoutineIntent::None);
  if (!canImport && intent != OpenRoutineIntent::Cancel) return OpenRoutineIntent::None;
  return intent;
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
    if (accentButton(withKey("Import", openRoutineKeys(), OpenRoutineIntent::Import).c_str(),
                     ImVec2(0, buttonHeight)))
      intent = OpenRoutineIntent::Import;
    ImGui::SameLine();
    if (ImGui::Button(withKey("Try once", openRoutineKeys(), OpenRoutineIntent::TryOnce).c_str(),
                      ImVec2(0, buttonHeight)))
      intent = OpenRoutineIntent::TryOnce;
    ImGui::SameLine();
  }
  if (ImGui::Button(withKey(model.canImport ? "Cancel" : "Close", openRoutineKeys(),
                            OpenRoutineIntent::Cancel)
                        .c_str(),
                    ImVec2(0, buttonHeight))) {
    intent = OpenRoutineIntent::Cancel;
  }
  ImGui::PopFont();
  ImGui::EndChild();
  ImGui::End();
  return intent;
}

}  // namespace unknot
