// Builds Routine values in code, so expansion and engine tests do not depend on the loader.
#pragma once

#include <string>

#include "core/routine.hpp"

namespace unknot::testing {

inline Step holdStep(std::string name, int seconds, Sides sides = Sides::None) {
  Step step;
  step.name = std::move(name);
  step.say = step.name;
  step.kind = StepKind::Hold;
  step.duration = Millis(seconds * 1000LL);
  step.sides = sides;
  return step;
}

inline Step embedStep(std::string id) {
  Step step;
  step.embeddedId = std::move(id);
  step.embeddedPos = {7, 12};
  return step;
}

inline Routine makeRoutine(std::string id, std::vector<Step> steps, int prepareSeconds = 0) {
  Routine routine;
  routine.id = id;
  routine.path = id + ".toml";
  routine.name = id;
  routine.prepare = Millis(prepareSeconds * 1000LL);
  routine.steps = std::move(steps);
  return routine;
}

}  // namespace unknot::testing
