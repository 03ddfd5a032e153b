// What the player and summary views draw, as plain data taken from the engine each frame,
// plus the rules that turn it into words and colours (which clock to show, when the last
// seconds are highlighted, what the side is called).
#pragma once

#include <optional>
#include <string>

#include "core/phase_text.hpp"
#include "core/plan.hpp"
#include "core/session_command.hpp"
#include "core/session_engine.hpp"
#include "ui/figure_view.hpp"

namespace unknot {

// The pose figure beside the instructions: which pose, fitted by its bounds, at which frame.
struct PlayerFigure {
  const figure::Pose* pose = nullptr;
  figure::Bounds bounds;  // figure::poseBounds for the frame's side
  FigureFrame frame;
};

struct PlayerModel {
  const Plan* plan = nullptr;
  SessionSnapshot snapshot;
  bool flash = false;         // the phase changed a moment ago: highlight the change
  std::optional<bool> muted;  // nullopt: no sound in this run, so no mute control
  std::string level;          // the plan's level for this run ("gentle"); empty without a plan
  std::optional<PlayerFigure> figure;  // unset: the phase has no pose (or no library)
};

enum class PlayerIntent {
  None,
  TogglePause,
  Skip,
  Back,
  Restart,
  Done,
  Stop,
  Again,
  Library,
  ToggleMute,
  CheckIn,
  SayWhere,        // speak the step, side, time left and what is next
  SayInstructions  // speak the step's full instructions
};

const char* toString(PlayerIntent intent);

// The session command behind an intent (pause, skip, back, restart, done, stop, mute); nullopt
// for the screen's own intents (Again, Library, CheckIn) and None.
std::optional<SessionCommand> sessionCommandFor(PlayerIntent intent);

const Phase* currentPhase(const PlayerModel& model);
const Phase* nextPhase(const PlayerModel& model);

// A phase with no timer: it ends when the user presses Done.
bool waitsForDone(const PlayerModel& model);
// Done is offered for phases that wait for it and for manual phases with a time cap.
bool offersDone(const PlayerModel& model);

// "MM:SS" left in a timed phase; time spent so far in a phase that waits for Done.
std::string clockText(const PlayerModel& model);

// True in the final seconds of a timed phase (the countdown pips, or 3 s when it has none).
bool inLastSeconds(const PlayerModel& model);

// Seconds shown on the clock, for effects that alternate each second.
long long shownSeconds(const PlayerModel& model);

const char* sideLabel(Side side);  // "RIGHT SIDE", "LEFT SIDE", ""

// "3% · 08:48 left"; "50% · 00:03+ left" while steps that wait for Done lie ahead, and
// "50% · until you are done" when only those are left.
std::string remainingText(const PlayerModel& model, const char* dot);

// "Switch sides · left · 0:05" style line for what comes after the current phase.
std::string nextUpText(const PlayerModel& model, const char* dot);

}  // namespace unknot
