// What the session engine tells the outside world. Audio, the terminal runner, the GUI and
// the progress store each implement CueSink; the engine knows none of them.
#pragma once

#include <cstddef>
#include <optional>

#include "core/duration.hpp"

namespace unknot {

enum class CueType {
  PhaseStarted,  // value: unused
  SideSwitch,    // a switch phase started; the next phase is on the other side
  Halfway,
  CountdownPip,  // value: seconds left (3, 2, 1)
  RepTick,       // value: the rep that starts (2..reps); rep 1 starts with the phase
  RoundStarted,  // value: the round number (2..rounds); round 1 starts with the routine
  PhaseEnded,    // value: 1 when the phase was skipped, 0 when it ran out or was marked done
  Paused,
  Resumed,
  Finished,
  Stopped,
};

struct CueEvent {
  CueType type = CueType::PhaseStarted;
  size_t phaseIndex = 0;
  int value = 0;
  // When the event was due on the engine's clock. Due events are delivered on the next
  // update(), so `at` may lie slightly in the past; audio uses it to place the sound exactly.
  Millis at{0};
};

class CueSink {
 public:
  virtual ~CueSink() = default;
  virtual void onCue(const CueEvent& event) = 0;
  // When the engine's next event falls due on its clock; nullopt while none is scheduled
  // (ready, paused, waiting for Done, held at a switch, over). Told after the events of each
  // change, and only when it moved: sound sleeps between cues and wakes in time for this.
  virtual void onNextDue(std::optional<Millis> /*at*/) {}
};

const char* toString(CueType type);

}  // namespace unknot
