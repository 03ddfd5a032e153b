// The plan editor's logic without drawing: choices, adding targets, keys, the reminder row.
#include <algorithm>

#include "ui/key_table.hpp"
#include "ui/plan_editor.hpp"

namespace unknot {

std::vector<std::string> targetChoices(const PlanEditorState& state) {
  std::vector<std::string> out = {"stretch", "foam-roll+massage", "strength", "foam-roll",
                                  "massage", "thermal",           "posture",  "mixed",
                                  "any"};
  for (const std::string& id : state.routineIds) out.push_back("routine:" + id);
  return out;
}

std::vector<std::string> reminderTargets(const PlanSettings& settings) {
  std::vector<std::string> out;
  for (const Target& target : settings.targets) {
    const std::string spec = targetSpec(target);
    const std::string what = spec.substr(0, spec.find('='));
    if (std::find(out.begin(), out.end(), what) == out.end()) out.push_back(what);
  }
  if (std::find(out.begin(), out.end(), "any") == out.end()) out.push_back("any");
  return out;
}

void addTarget(PlanEditorState& state, const std::string& spec) {
  std::string error;
  auto target = parseTargetSpec(spec + "=1", error);
  if (!target) {
    state.error = error;
    return;
  }
  const bool present = std::any_of(state.settings.targets.begin(), state.settings.targets.end(),
                                   [&](const Target& t) { return t.sameWhat(*target); });
  if (present) {
    state.error = "'" + spec + "' is already a target; change its count instead";
    return;
  }
  if (state.settings.targets.size() >= static_cast<size_t>(plan_limits::kMaxTargets)) {
    state.error = "a plan has at most 20 targets";
    return;
  }
  state.settings.targets.push_back(std::move(*target));
  state.error.clear();
}

namespace {

PlanEditorIntent checkedSave(PlanEditorState& state, PlanEditorIntent::Kind kind) {
  if (const auto error = validatePlanSettings(state.settings)) {
    state.error = *error;
    return {};
  }
  state.error.clear();
  return {kind, 0, {}};
}

}  // namespace

PlanEditorIntent applyPlanEditorKeys(PlanEditorState& state, std::span<const UiKey> keys) {
  for (UiKey key : keys) {
    const auto action = actionForKey(planEditorKeys(), key);
    if (action == PlanEditorAction::Cancel) return {PlanEditorIntent::Kind::Cancel, 0, {}};
    if (action == PlanEditorAction::Save) return checkedSave(state, PlanEditorIntent::Kind::Save);
  }
  return {};
}

PlanEditorIntent reminderToAdd(PlanEditorState& state) {
  std::string error;
  const auto minute = parseTimeOfDay(state.reminderTime.data(), error);
  if (!minute) {
    state.reminderError = "reminder time: " + error;
    return {};
  }
  const std::vector<std::string> targets = reminderTargets(state.settings);
  const size_t index = std::min<size_t>(std::max(0, state.reminderTarget), targets.size() - 1);
  const std::string& target = targets[index];
  const bool duplicate =
      std::any_of(state.reminders.begin(), state.reminders.end(), [&](const Reminder& reminder) {
        return reminder.minuteOfDay == *minute && reminder.target == target;
      });
  if (duplicate) {
    state.reminderError =
        "there is already a reminder for " + target + " at " + formatTimeOfDay(*minute);
    return {};
  }
  state.reminderError.clear();
  return {PlanEditorIntent::Kind::AddReminder, *minute, target};
}

PlanEditorIntent planEditorSave(PlanEditorState& state, bool startNew) {
  return checkedSave(state,
                     startNew ? PlanEditorIntent::Kind::StartNew : PlanEditorIntent::Kind::Save);
}

}  // namespace unknot
