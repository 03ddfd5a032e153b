#include "ui/plan_editor.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "ui/key_table.hpp"
#include "ui/library_model.hpp"
#include "ui/player_view.hpp"
#include "ui/progress_view.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace unknot {

namespace {

ImVec4 colour(ImU32 packed) {
  return ImGui::ColorConvertU32ToFloat4(packed);
}

void heading(const UiFonts& fonts, const char* text) {
  ImGui::Dummy(ImVec2(0, fonts.bodySize * 0.3f));
  ImGui::PushFont(fonts.heading);
  ImGui::TextUnformatted(text);
  ImGui::PopFont();
}

void dimText(const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, colour(palette().textDim));
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

// Buttons for lo..hi with the current one highlighted; `suffix` follows each number.
void choiceRow(const char* id, int& value, int lo, int hi, const char* suffix) {
  ImGui::PushID(id);
  for (int v = lo; v <= hi; ++v) {
    if (v > lo) ImGui::SameLine();
    const bool active = v == value;
    ImGui::PushStyleColor(ImGuiCol_Button,
                          colour(active ? palette().primaryButton : palette().panel));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered,
                          colour(active ? palette().primaryButtonHover : palette().panelHover));
    const std::string label = std::to_string(v) + suffix;
    if (ImGui::Button(label.c_str())) value = v;
    ImGui::PopStyleColor(2);
  }
  ImGui::PopID();
}

// One button per label with the chosen one highlighted; `index` is the chosen label's.
void labelRow(const char* id, int& index, std::initializer_list<const char*> labels) {
  ImGui::PushID(id);
  int i = 0;
  for (const char* label : labels) {
    if (i > 0) ImGui::SameLine();
    const bool active = i == index;
    ImGui::PushStyleColor(ImGuiCol_Button,
                          colour(active ? palette().primaryButton : palette().panel));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered,
                          colour(active ? palette().primaryButtonHover : palette().panelHover));
    if (ImGui::Button(label)) index = i;
    ImGui::PopStyleColor(2);
    ++i;
  }
  ImGui::PopID();
}

// The sore side, its extra holds and the level: the dose the plan asks for each day.
void drawDose(PlanEditorState& state, const UiFonts& fonts) {
  heading(fonts, "Sore side");
  PlanSettings& settings = state.settings;
  int side = settings.soreSide == Side::Right ? 1 : settings.soreSide == Side::Left ? 2 : 0;
  labelRow("side", side, {"Both", "Right", "Left"});
  settings.soreSide = side == 1 ? Side::Right : side == 2 ? Side::Left : Side::None;
  if (settings.soreSide != Side::None) {
    ImGui::SameLine(0, fonts.bodySize);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("extra holds on it:");
    ImGui::SameLine();
    choiceRow("extra", settings.extraSoreHolds, 0, plan_limits::kMaxExtraSoreHolds, "");
  }
  dimText(settings.soreSide == Side::None
              ? "Two-sided steps start on the right, with the same holds on each side."
              : "Two-sided steps start on the sore side and end with the extra holds there.");
  heading(fonts, "Level");
  int level = state.level ? static_cast<int>(*state.level) + 1 : 0;
  labelRow("level", level, {"Automatic", "Gentle", "Standard", "Strong"});
  state.level = level == 0 ? std::nullopt : std::optional<Level>(static_cast<Level>(level - 1));
  dimText(state.level ? "Stays at this level until you choose Automatic again."
                      : "Week 1 is gentle; a good week raises it, a flare lowers it.");
}

// "-  n  +"; the label keeps its width so the buttons do not jump.
void stepper(const char* id, int& value, int lo, int hi, const std::string& text) {
  ImGui::PushID(id);
  if (ImGui::Button("-")) value = std::max(lo, value - 1);
  ImGui::SameLine();
  const float width = ImGui::CalcTextSize("week 6").x;
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(width, ImGui::GetFrameHeight()));
  const float textX = pos.x + (width - ImGui::CalcTextSize(text.c_str()).x) * 0.5f;
  ImGui::GetWindowDrawList()->AddText(ImVec2(textX, pos.y + ImGui::GetStyle().FramePadding.y),
                                      palette().text, text.c_str());
  ImGui::SameLine();
  if (ImGui::Button("+")) value = std::min(hi, value + 1);
  ImGui::PopID();
}

// A combo over `choices`; keeps `index` in range.
void choiceCombo(const char* id, const std::vector<std::string>& choices, int& index, float width) {
  if (choices.empty()) return;
  index = std::clamp(index, 0, static_cast<int>(choices.size()) - 1);
  ImGui::SetNextItemWidth(width);
  if (ImGui::BeginCombo(id, choices[index].c_str())) {
    for (int i = 0; i < static_cast<int>(choices.size()); ++i) {
      if (ImGui::Selectable(choices[i].c_str(), i == index)) index = i;
    }
    ImGui::EndCombo();
  }
}

void drawTargets(PlanEditorState& state, const UiFonts& fonts) {
  heading(fonts, "Daily targets");
  dimText("A session counts for a target when at least half of its holds and sets were done.");
  std::vector<Target>& targets = state.settings.targets;
  std::optional<size_t> remove;
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoHostExtendX;
  if (!targets.empty() && ImGui::BeginTable("##targets", 4, flags)) {
    ImGui::TableSetupColumn("Target", ImGuiTableColumnFlags_WidthFixed, fonts.bodySize * 14);
    ImGui::TableSetupColumn("Times a day");
    ImGui::TableSetupColumn("From");
    ImGui::TableSetupColumn("");
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < targets.size(); ++i) {
      Target& target = targets[i];
      ImGui::PushID(static_cast<int>(i));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted(describeTarget(target).c_str());
      ImGui::TableNextColumn();
      stepper("per-day", target.perDay, 1, plan_limits::kMaxPerDay,
              std::to_string(target.perDay) + "x");
      ImGui::TableNextColumn();
      stepper("from-week", target.fromWeek, 1, state.settings.weeks,
              "week " + std::to_string(target.fromWeek));
      ImGui::TableNextColumn();
      if (ImGui::Button("Remove")) remove = i;
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (remove) targets.erase(targets.begin() + static_cast<long>(*remove));
  const std::vector<std::string> choices = targetChoices(state);
  choiceCombo("##new-target", choices, state.newTarget, fonts.bodySize * 14);
  ImGui::SameLine();
  if (ImGui::Button("Add target")) addTarget(state, choices[static_cast<size_t>(state.newTarget)]);
}

PlanEditorIntent drawReminders(PlanEditorState& state, const UiFonts& fonts) {
  PlanEditorIntent intent;
  heading(fonts, "Reminders");
  dimText(
      "While unknot runs, a reminder rings at its time unless that target is already met "
      "today. Changes here are saved at once.");
  if (state.reminders.empty()) dimText("No reminders yet.");
  for (const Reminder& reminder : state.reminders) {
    ImGui::PushID(static_cast<int>(reminder.id));
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%s  %s", formatTimeOfDay(reminder.minuteOfDay).c_str(), reminder.target.c_str());
    ImGui::SameLine(fonts.bodySize * 16);
    if (ImGui::Button("Remove")) {
      intent = {PlanEditorIntent::Kind::RemoveReminder, reminder.minuteOfDay, reminder.target};
    }
    ImGui::PopID();
  }
  ImGui::SetNextItemWidth(ImGui::CalcTextSize("00:000").x + ImGui::GetStyle().FramePadding.x * 2);
  ImGui::InputText("##reminder-time", state.reminderTime.data(), state.reminderTime.size(),
                   ImGuiInputTextFlags_CharsNoBlank);
  ImGui::SameLine();
  choiceCombo("##reminder-target", reminderTargets(state.settings), state.reminderTarget,
              fonts.bodySize * 12);
  ImGui::SameLine();
  if (ImGui::Button("Add reminder")) intent = reminderToAdd(state);
  if (!state.reminderError.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour(palette().error));
    ImGui::TextWrapped("%s", state.reminderError.c_str());
    ImGui::PopStyleColor();
  }
  return intent;
}

void drawLength(PlanEditorState& state, const UiFonts& fonts) {
  heading(fonts, "Length");
  choiceRow("weeks", state.settings.weeks, plan_limits::kMinWeeks, plan_limits::kMaxWeeks,
            " weeks");
  heading(fonts, "Rest days a week");
  choiceRow("rest", state.settings.restDaysPerWeek, 0, plan_limits::kMaxRestDaysPerWeek, "");
  ImGui::SameLine(0, fonts.bodySize);
  ImGui::AlignTextToFramePadding();
  dimText("a day off each week keeps the streak going");
  heading(fonts, "The day starts at");
  char hour[8];
  std::snprintf(hour, sizeof hour, "%02d:00", state.settings.dayStartHour);
  stepper("day-start", state.settings.dayStartHour, 0, 12, hour);
  ImGui::SameLine(0, fonts.bodySize);
  dimText("a session before this hour counts for the day before");
  for (Target& target : state.settings.targets) {
    target.fromWeek = std::min(target.fromWeek, state.settings.weeks);
  }
}

}  // namespace

PlanEditorIntent drawPlanEditor(PlanEditorState& state, const UiFonts& fonts,
                                std::span<const UiKey> keys) {
  PlanEditorIntent intent = applyPlanEditorKeys(state, keys);
  const ImVec2 window = ImGui::GetIO().DisplaySize;
  const float pad = std::round(fonts.bodySize * 1.2f);
  const float width = std::min(window.x - 2 * pad, fonts.bodySize * 56.0f);
  const float left = std::floor((window.x - width) * 0.5f);
  beginFullscreenWindow("##plan");
  ImGui::PushFont(fonts.body);
  ImGui::SetCursorScreenPos(ImVec2(left, pad));
  ImGui::BeginChild("##plan-body", ImVec2(window.x - left, window.y - pad));
  ImGui::PushTextWrapPos(width);
  ImGui::PushFont(fonts.heading);
  ImGui::TextColored(colour(palette().accent), "%s",
                     state.editing ? "Your recovery plan" : "Start a recovery plan");
  ImGui::PopFont();
  dimText(state.editing ? "Changes apply from today on; earlier days keep the targets they had."
                        : "The plan starts today and runs for the weeks you choose (2 to 6).");
  drawLength(state, fonts);
  drawDose(state, fonts);
  drawTargets(state, fonts);
  if (const PlanEditorIntent reminder = drawReminders(state, fonts);
      reminder.kind != PlanEditorIntent::Kind::None) {
    intent = reminder;
  }
  ImGui::Dummy(ImVec2(0, fonts.bodySize * 0.6f));
  const float height = std::round(fonts.bodySize * 2.3f);
  if (accentButton(withKey(state.editing ? "Save changes" : "Start the plan", planEditorKeys(),
                           PlanEditorAction::Save)
                       .c_str(),
                   ImVec2(0, height))) {
    intent = planEditorSave(state, false);
  }
  if (state.editing) {
    ImGui::SameLine();
    if (ImGui::Button("Start over from today", ImVec2(0, height)))
      intent = planEditorSave(state, true);
  }
  ImGui::SameLine();
  if (ImGui::Button(withKey("Cancel", planEditorKeys(), PlanEditorAction::Cancel).c_str(),
                    ImVec2(0, height)))
    intent = {PlanEditorIntent::Kind::Cancel, 0, {}};
  if (!state.error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour(palette().error));
    ImGui::TextWrapped("%s", state.error.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::Dummy(ImVec2(0, pad));
  ImGui::PopTextWrapPos();
  ImGui::EndChild();
  ImGui::PopFont();
  ImGui::End();
  return intent;
}

}  // namespace unknot
