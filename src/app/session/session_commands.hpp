// The one place a session command takes effect, for the terminal runner and the window alike:
// each front end maps its keys and buttons to a SessionCommand and calls applySessionCommand.
#pragma once

#include <functional>
#include <string>

#include "app/session/thermal_run.hpp"
#include "core/session_command.hpp"
#include "core/session_engine.hpp"

namespace unknot {

// What a command acts on.
struct SessionControls {
  SessionEngine& engine;
  ThermalRun* thermal = nullptr;     // a heat/ice cycle, which holds at each switch
  std::function<void()> toggleMute;  // empty: the run has no sound, so mute does nothing
  // Speaks a sentence now (the where-am-I and instructions keys); empty: no voice this run.
  std::function<void(const std::string&)> speak;
};

// Applies `command`; the runner calls engine.update() as after any input. At a heat/ice hold, Done
// acknowledges the switch; Leave keeps the cycle to resume (it stops any other session); every
// command but mute marks a heat/ice deadline to be stored again.
void applySessionCommand(SessionControls& controls, SessionCommand command);

}  // namespace unknot
