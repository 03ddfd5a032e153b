// Where a running heat/ice cycle stands on the wall clock: what the store keeps so a cycle
// survives the app closing, a crash or a suspend, and where a stored one picks up again.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/plan.hpp"

namespace unknot {

enum class ThermalState { Running, Paused, Held };
const char* toString(ThermalState state);
std::optional<ThermalState> thermalStateFromString(std::string_view text);

// Where a running cycle stands, in wall-clock (UTC) terms: what the store keeps.
struct ThermalCheckpoint {
  size_t phaseIndex = 0;
  ThermalState state = ThermalState::Running;
  std::int64_t deadlineUtcMs = 0;   // Running: when the phase ends; 0 for an untimed phase
  Millis remaining{0};              // Paused: time left in the phase
  std::int64_t heldSinceUtcMs = 0;  // Held: when the switch fell due
  double timeScale = 1.0;           // engine milliseconds per real millisecond

  bool sameMoment(const ThermalCheckpoint& other) const {
    return phaseIndex == other.phaseIndex && state == other.state;
  }
};

// Where a stored cycle picks up at `nowUtcMs` when run at `timeScale`.
struct ResumePoint {
  size_t phaseIndex = 0;
  Millis elapsed{0};  // of that phase; past its length by how long its switch has been due
  bool paused = false;
  bool overdue = false;       // a heat or ice switch is already due: the alarm rings at once
  bool held = false;          // the earlier run was already held there: the phase's end is on
                              // record, so it resumes held instead of ending again
  std::int64_t dueUtcMs = 0;  // when the phase ends (or ended) on the wall clock; 0 when paused
};
ResumePoint resumePoint(const Plan& plan, const ThermalCheckpoint& stored, std::int64_t nowUtcMs,
                        double timeScale);

}  // namespace unknot
