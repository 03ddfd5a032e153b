// What a person can tell a running session, whatever the front end: the keys of the terminal
// and the buttons and keys of the window all become one of these.
#pragma once

#include <optional>
#include <string_view>

namespace unknot {

enum class SessionCommand {
  TogglePause,  // pause, or resume when paused
  Skip,         // on to the next phase
  Back,         // the current phase again, or the one before if it has barely started
  Restart,      // the whole routine from the beginning
  Done,         // end an untimed phase; at a heat/ice switch, "I've switched"
  Stop,         // end the session
  Leave,        // close mid heat/ice cycle, kept to resume; elsewhere the same as Stop
  ToggleMute,   // sound off or on
  Acknowledge,  // "I've switched" at a heat/ice switch; nothing elsewhere
  // Spoken on request, at any verbosity: where the session stands (step, side, time left,
  // what is next), and the current step's full instructions (core/spoken_status).
  SayWhere,
  SayInstructions,
};

std::string_view toString(SessionCommand command);
std::optional<SessionCommand> sessionCommandFromString(std::string_view text);

}  // namespace unknot
