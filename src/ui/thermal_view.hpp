// The compact heat/ice player: HEAT in a warm colour or ICE in a cool one, the time left, cycle
// n of N and the next switch as a clock time; at a switch, the skin check and an "I've
// switched" button while the alarm rings. Reads plain models, returns intents; the dialogs
// before a cycle are in thermal_dialogs.hpp.
#pragma once

#include <optional>
#include <span>
#include <string>

#include "ui/player_model.hpp"
#include "ui/ui_types.hpp"

namespace unknot {

// How the switch alarm is heard while held.
enum class AlarmSound {
  Ringing,
  Muted,   // M turned the sound off: the alarm is silent too
  Silent,  // no sound at all (--no-audio, no audio device)
};

struct ThermalViewModel {
  PlayerModel player;
  int cycle = 0, cycleCount = 0;
  std::string switchAt;  // "Switch to ice at 14:35"; empty when paused or not timed
  std::string banner;    // one line above the controls ("Resumed from an earlier run ...")
  // Held at a switch:
  bool held = false;
  std::string heldTitle, skinCheck, nextUp;
  Millis heldFor{0};  // since the switch first fell due (before any reopening)
  int ring = 0;       // alarm rings due so far, counted from then
  AlarmSound alarm = AlarmSound::Ringing;
};

struct ThermalIntent {
  PlayerIntent player = PlayerIntent::None;
  bool acknowledge = false;  // "I've switched"
};

// Enter acknowledges a switch; the other keys are the player's (space, arrows, Esc, M).
ThermalIntent thermalIntentForKey(UiKey key, const ThermalViewModel& model);
ThermalIntent drawThermalView(const ThermalViewModel& model, const UiFonts& fonts,
                              std::span<const UiKey> keys);
// The line under a held switch: whether the alarm is heard, and how long ago the switch fell
// due. `dot` separates the two (a middle dot, or "-" without that glyph).
std::string heldFooter(const ThermalViewModel& model, const char* dot);
// A warm or cool tint for the held state (alternating each second so it catches the eye).
ImU32 thermalBackground(const ThermalViewModel& model);

}  // namespace unknot
