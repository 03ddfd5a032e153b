#include "ui/start_advice_view.hpp"

#include <algorithm>
#include <cmath>

#include "core/recovery/red_flags.hpp"
#include "ui/key_table.hpp"
#include "ui/player_view.hpp"
#include "ui/progress_view.hpp"
#include "ui/theme.hpp"
#include "ui/warning_box.hpp"
#include "ui/widgets.hpp"

namespace unknot {

namespace {

ImVec4 colour(ImU32 packed) {
  return ImGui::ColorConvertU32ToFloat4(packed);
}

void wrapped(ImU32 tint, const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, colour(tint));
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

}  // namespace

std::vector<StartAdviceModel::Choice> gentlerThan(const std::vector<RoutineSummary>& routines,
                                                  const std::string& chosenId, size_t most) {
  const auto chosen = std::find_if(routines.begin(), routines.end(),
                                   [&](const RoutineSummary& r) { return r.id == chosenId; });
  std::vector<const RoutineSummary*> picks;
  for (const RoutineSummary& routine : routines) {
    if (routine.id == chosenId) continue;
    if (routine.category != Category::Stretch && routine.category != Category::Posture) continue;
    if (chosen != routines.end() && routine.total > chosen->total) continue;
    picks.push_back(&routine);
  }
  std::stable_sort(picks.begin(), picks.end(),
                   [](const auto* a, const auto* b) { return a->total < b->total; });
  std::vector<StartAdviceModel::Choice> out;
  for (const RoutineSummary* pick : picks) {
    if (out.size() == most) break;
    out.push_back({pick->id, pick->name, pick->total});
  }
  return out;
}

StartAdviceIntent startAdviceIntentForKey(UiKey key, const StartAdviceModel& model) {
  using Kind = StartAdviceIntent::Kind;
  if (model.urgent()) return {};
  const auto action = actionForKey(startAdviceKeys(), key);
  if (!action) return {};
  switch (*action) {
    case StartAdviceAction::Gentler1:
    case StartAdviceAction::Gentler2:
    case StartAdviceAction::Gentler3: {
      const auto index =
          static_cast<size_t>(*action) - static_cast<size_t>(StartAdviceAction::Gentler1);
      if (index >= model.gentler.size()) return {};
      return {Kind::StartGentler, model.gentler[index].id};
    }
    case StartAdviceAction::Back:
      return {Kind::Back, {}};
    case StartAdviceAction::StartAnyway:
      return {Kind::StartAnyway, {}};
    case StartAdviceAction::Keys:
      break;
  }
  return {};
}

StartAdviceIntent drawStartAdvice(const StartAdviceModel& model, const UiFonts& fonts,
                                  std::span<const UiKey> keys) {
  using Kind = StartAdviceIntent::Kind;
  const bool urgent = model.urgent();
  StartAdviceIntent intent;
  for (const UiKey key : keys) {
    intent = startAdviceIntentForKey(key, model);
    if (intent.kind != Kind::None) break;
  }
  const ImVec2 window = ImGui::GetIO().DisplaySize;
  const float pad = std::round(fonts.bodySize * 1.5f);
  const float width = std::min(window.x - 2 * pad, fonts.bodySize * 46.0f);
  beginFullscreenWindow("##start-advice");
  ImGui::SetCursorScreenPos(ImVec2(std::round((window.x - width) * 0.5f), pad));
  ImGui::BeginChild("##advice", ImVec2(width, window.y - 2 * pad));
  ImGui::PushFont(fonts.heading);
  wrapped(urgent ? palette().error : palette().warning,
          urgent ? "Please do not exercise today" : "Before you start " + model.routineName);
  ImGui::PopFont();
  ImGui::Spacing();
  ImGui::PushFont(fonts.body);
  drawWarningBoxes(model.flags, fonts, width);
  ImGui::Spacing();
  ImGui::Spacing();
  const float buttonHeight = std::round(fonts.bodySize * 2.3f);
  if (!urgent) {
    wrapped(palette().text, kGentlerToday);
    ImGui::Spacing();
  }
  if (!urgent && !model.gentler.empty()) {
    wrapped(palette().text, "A gentler choice for today:");
    constexpr StartAdviceAction kNumbered[] = {
        StartAdviceAction::Gentler1, StartAdviceAction::Gentler2, StartAdviceAction::Gentler3};
    for (size_t i = 0; i < model.gentler.size(); ++i) {
      const StartAdviceModel::Choice& choice = model.gentler[i];
      std::string label = choice.name + "  (" + formatDuration(choice.total) + ")";
      if (i < std::size(kNumbered)) label = withKey(label, startAdviceKeys(), kNumbered[i]);
      label += "##" + choice.id;
      if (ImGui::Button(label.c_str(), ImVec2(width, buttonHeight)))
        intent = {Kind::StartGentler, choice.id};
    }
    ImGui::Spacing();
  }
  // With an urgent warning the labels carry no keys: none would work (the overlay says why).
  auto labelled = [&](const std::string& label, StartAdviceAction action) {
    return urgent ? label : withKey(label, startAdviceKeys(), action);
  };
  const float half = std::floor((width - ImGui::GetStyle().ItemSpacing.x) * 0.5f);
  ImGui::PushStyleColor(ImGuiCol_Button, colour(palette().primaryButton));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colour(palette().primaryButtonHover));
  if (ImGui::Button(labelled("Back to the library", StartAdviceAction::Back).c_str(),
                    ImVec2(half, buttonHeight)))
    intent = {Kind::Back, {}};
  ImGui::PopStyleColor(2);
  ImGui::SameLine();
  const std::string anyway =
      labelled("Start " + model.routineName + " anyway", StartAdviceAction::StartAnyway) +
      "##anyway";
  if (ImGui::Button(anyway.c_str(), ImVec2(half, buttonHeight))) intent = {Kind::StartAnyway, {}};
  ImGui::PopFont();
  ImGui::EndChild();
  ImGui::End();
  return intent;
}

}  // namespace unknot
