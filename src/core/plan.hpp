// Plan expansion: a Routine (with embedded routines resolved) becomes one flat list of
// timed phases with their offsets from the start. The engine, the player views, `show` and
// the store all work on this list.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/routine.hpp"

namespace unknot {

enum class PhaseKind { Prepare, Hold, Reps, Rest, Switch, Heat, Ice, Manual, RoundRest };

struct Phase {
  PhaseKind kind = PhaseKind::Hold;
  std::string label;  // "Pigeon pose", "Switch sides", "Rest", "Get ready"
  Side side = Side::None;
  int set = 1, setCount = 1;
  int round = 1, roundCount = 1;
  int reps = 0;                   // reps phases: reps in this set
  std::optional<Millis> repTime;  // reps phases: time per rep (ticks); nullopt waits for Done
  std::string text;
  std::string say;
  // Planned start, counting untimed phases as zero length.
  Millis offset{0};
  // nullopt: the phase waits for Done (manual without cap, reps without rep_time).
  std::optional<Millis> duration;
  bool halfway = false;
  int countdown = 0;
  std::filesystem::path sound;
  std::string routineId;  // the routine the phase came from (differs inside embedded steps)
  std::string stepName;   // the step's own name, for records and "next up"
  std::vector<std::string> muscles;  // work phases: the step's muscles (docs/routines.md)
  // The figure to draw: work and switch phases take their step's pose, prepare the first
  // step's; empty when there is none.
  std::string pose;
};

struct Plan {
  std::string routineId;
  std::string name;
  Category category = Category::Mixed;
  std::vector<Phase> phases;
  Millis total{0};  // sum of timed phases
  bool hasUntimedPhases = false;
  Level level = Level::Standard;  // the dose it was expanded at
  Side soreSide = Side::None;
};

// What the recovery plan asks of a session: the level, and the sore side that two-sided steps
// start on and get `extraSoreHolds` more holds (or sets) on. The default is the routine as
// written at the standard level.
struct Dose {
  Level level = Level::Standard;
  Side soreSide = Side::None;
  int extraSoreHolds = 0;  // 0..2
};

struct ExpandResult {
  std::optional<Plan> plan;
  Diagnostics errors;
};

// Looks an embedded routine up by id; nullptr when there is none.
using RoutineResolver = std::function<const Routine*(std::string_view id)>;

// Each step is taken at dose.level (core/routine.hpp, stepAtLevel); skipped steps add nothing.
// Order inside a step: for each set, right → switch → left (sides = both, or "sore" with no
// sore side), rest between sets. With dose.soreSide, two-sided steps start on the sore side and
// end with dose.extraSoreHolds (clamped to 0..2) more holds there; sides = "sore" steps are done
// on the sore side only.
// Rounds repeat all steps with round-rest phases between. Embedded routines contribute their
// steps and their own rounds but not their prepare lead-in. Errors (unknown embedded id, a
// cycle named in full, routines nested more than 8 levels deep, more than limits::kMaxPhases
// phases, more than limits::kMaxRoutine in total) are positioned at the offending key.
ExpandResult expand(const Routine& routine, const RoutineResolver& resolve, const Dose& dose = {});

const char* toString(PhaseKind kind);

// A stable hash of what the user was asked to do (labels, sides, durations), so records can
// tell when a routine file changed between sessions. 16 hex digits (FNV-1a 64).
std::string planHash(const Plan& plan);

}  // namespace unknot
