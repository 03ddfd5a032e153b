// The keys of every screen, one table each: a view looks its keys up here, its buttons show
// their key from here ("Pause  [Space]"), and the ? overlay lists the same table, so the three
// cannot drift apart.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ui/open_routine_view.hpp"
#include "ui/player_model.hpp"
#include "ui/progress_model.hpp"
#include "ui/ui_types.hpp"

namespace unknot {

template <class Action>
struct KeyBinding {
  UiKey key;
  Action action;
  const char* keyName;      // "Space", "Esc"; ASCII, as every font has it
  const char* description;  // what the overlay says it does
};

// The screens with a key table, for the overlay.
enum class KeyScreen {
  Library,
  Player,
  Summary,
  Settings,
  Progress,
  OpenRoutine,
  Checkin,
  PlanEditor,
  Thermal,
  StartAdvice,     // the advice before a routine, while no warning is urgent
  UrgentAdvice,    // the urgent advice, and the advice before a routine while a sign is urgent
  Notice,          // the first-start notice
  StopQuestion,    // "Stop this routine?" over a run
  ThermalConfirm,  // before a heat or ice application over 20 minutes
  ThermalResume    // a heat/ice cycle left open by an earlier run
};

// The library's actions (Up/Down move the selection, so they are actions too).
enum class LibraryAction { Previous, Next, Start, Progress, Settings, Reload, Keys };

// The settings screen's actions; the controls themselves are reached with Tab and the arrows.
enum class SettingsAction {
  Close,
  TestVoice,
  NoticeAgain,
  EditDayStart,
  BackgroundReminders,
  Keys
};

// The check-in's actions: the rows and scores, Save, Skip.
enum class CheckinAction { PainRow, TightnessRow, Less, More, Save, Skip, Keys };

// The plan editor's: Save (or start) and Cancel. "Start over from today" throws the plan's
// record of days away, so it is a click only.
enum class PlanEditorAction { Save, Cancel, Keys };

// The heat/ice player's: the player's, less Restart, and "I've switched" at a switch.
enum class ThermalAction {
  Switched,
  Repeat,
  TogglePause,
  Skip,
  Stop,
  ToggleMute,
  SayWhere,
  SayInstructions,
  Keys
};

// The advice before a routine: up to three gentler routines by number, back (the safe default),
// or the chosen routine anyway.
enum class StartAdviceAction { Gentler1, Gentler2, Gentler3, Back, StartAnyway, Keys };

// The urgent advice answers clicks only; its table holds the overlay's own key and nothing else.
enum class UrgentAction { Keys };

enum class NoticeAction { Accept, Keys };

enum class StopAction { Stop, GoOn, Keys };

// The long heat/ice confirmation: the "I understand" box, Start (once ticked), Back.
enum class ThermalConfirmAction { Understand, Start, Back, Keys };

// A cycle left open earlier: resume it, throw it away and start afresh, or not now (it stays).
enum class ResumeAction { Resume, StartAgain, NotNow, Keys };

std::span<const KeyBinding<LibraryAction>> libraryKeys();
std::span<const KeyBinding<PlayerIntent>> playerKeys();
std::span<const KeyBinding<PlayerIntent>> summaryKeys();
std::span<const KeyBinding<SettingsAction>> settingsKeys();
std::span<const KeyBinding<ProgressIntent>> progressKeys();
std::span<const KeyBinding<OpenRoutineIntent>> openRoutineKeys();
std::span<const KeyBinding<CheckinAction>> checkinKeys();
std::span<const KeyBinding<PlanEditorAction>> planEditorKeys();
std::span<const KeyBinding<ThermalAction>> thermalKeys();
std::span<const KeyBinding<StartAdviceAction>> startAdviceKeys();
std::span<const KeyBinding<UrgentAction>> urgentKeys();
std::span<const KeyBinding<NoticeAction>> noticeKeys();
std::span<const KeyBinding<StopAction>> stopQuestionKeys();
std::span<const KeyBinding<ThermalConfirmAction>> thermalConfirmKeys();
std::span<const KeyBinding<ResumeAction>> resumeKeys();

// The first binding of `key`, if the screen has one.
template <class Action>
std::optional<Action> actionForKey(std::span<const KeyBinding<Action>> table, UiKey key) {
  for (const KeyBinding<Action>& binding : table)
    if (binding.key == key) return binding.action;
  return std::nullopt;
}

// "Pause  [Space]": a button's label with the first key that does the same (the overlay lists
// the others: buttons stay short enough for a narrow window).
template <class Action>
std::string withKey(const std::string& label, std::span<const KeyBinding<Action>> table,
                    Action action) {
  for (const KeyBinding<Action>& binding : table)
    if (binding.action == action) return label + "  [" + binding.keyName + "]";
  return label;
}

struct KeyLine {
  std::string keys;  // "Enter/Esc"
  std::string description;
};

// What the ? overlay lists for a screen: one line per action, its keys joined, in table order.
std::vector<KeyLine> keyLines(KeyScreen screen);
const char* screenTitle(KeyScreen screen);
// A line the overlay shows above the keys, for a screen that needs one (why it has none), or
// nullptr.
const char* screenNote(KeyScreen screen);

// The overlay over the current screen; true when it asks to close (Esc, ?, or its button).
bool drawKeyOverlay(KeyScreen screen, const UiFonts& fonts, std::span<const UiKey> keys);

}  // namespace unknot
