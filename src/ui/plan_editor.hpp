// The plan editor: length, daily targets (per category or routine, from week N), rest days,
// the hour the day starts, and the daily reminder times per target. It edits a draft; the
// runner starts or edits the plan (and adds or removes reminders) from the intents it returns.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/recovery/recovery_plan.hpp"
#include "core/reminders/reminder_schedule.hpp"
#include "ui/ui_types.hpp"

namespace unknot {

struct PlanEditorState {
  PlanSettings settings = defaultPlanSettings();
  bool editing = false;                 // a plan is running: saving changes it from today on
  std::vector<Reminder> reminders;      // as stored
  std::vector<std::string> routineIds;  // offered as per-routine targets
  int newTarget = 0;                    // index into targetChoices()
  std::array<char, 8> reminderTime{'0', '8', ':', '0', '0'};
  int reminderTarget = 0;  // index into reminderTargets()
  // The level: nullopt lets the plan's rules choose (auto); a level is the person's choice.
  std::optional<Level> level;
  std::optional<Level> savedLevel;  // as stored, so saving only records a change
  std::string error;                // one line, shown under the buttons
  std::string reminderError;        // one line under the reminder row, where the user is looking
};

struct PlanEditorIntent {
  enum class Kind { None, Save, StartNew, Cancel, AddReminder, RemoveReminder } kind = Kind::None;
  int minuteOfDay = 0;  // reminders
  std::string target;   // reminders: the target spec ("stretch", "routine:pigeon-pose", "any")
};

// Target specs a new target can use: every category, foam-roll+massage, any, each routine.
std::vector<std::string> targetChoices(const PlanEditorState& state);
// Reminder targets: the plan's targets without their counts, then "any".
std::vector<std::string> reminderTargets(const PlanSettings& settings);

// Adds a target of `spec` (once a day, from week 1); `error` is set when it cannot be.
void addTarget(PlanEditorState& state, const std::string& spec);

// Enter saves, Esc cancels. Saving checks the settings first (error instead of an intent).
PlanEditorIntent applyPlanEditorKeys(PlanEditorState& state, std::span<const UiKey> keys);

// Save (or start a new plan from today) once the settings pass validatePlanSettings; else the
// reason goes to `state.error` and no intent comes back.
PlanEditorIntent planEditorSave(PlanEditorState& state, bool startNew);

// The reminder the add row describes, or an error in `state.reminderError` (a bad time, or
// a reminder the list has already).
PlanEditorIntent reminderToAdd(PlanEditorState& state);

PlanEditorIntent drawPlanEditor(PlanEditorState& state, const UiFonts& fonts,
                                std::span<const UiKey> keys);

}  // namespace unknot
