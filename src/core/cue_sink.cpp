#include "core/cue_sink.hpp"

namespace unknot {

const char* toString(CueType type) {
  switch (type) {
    case CueType::PhaseStarted:
      return "phase-started";
    case CueType::SideSwitch:
      return "side-switch";
    case CueType::Halfway:
      return "halfway";
    case CueType::CountdownPip:
      return "countdown";
    case CueType::RepTick:
      return "rep";
    case CueType::RoundStarted:
      return "round-started";
    case CueType::PhaseEnded:
      return "phase-ended";
    case CueType::Paused:
      return "paused";
    case CueType::Resumed:
      return "resumed";
    case CueType::Finished:
      return "finished";
    case CueType::Stopped:
      return "stopped";
  }
  return "?";
}

}  // namespace unknot
