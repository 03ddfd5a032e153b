// The sentences the voice says when asked, for every front end alike: where a session stands
// (step, side, time left, what is next) and the current step's full instructions.
#pragma once

#include <string>

#include "core/plan.hpp"
#include "core/session_engine.hpp"

namespace unknot {

// "Pigeon pose, right side. 1 minute 5 seconds left. Next: switch sides."
std::string whereAmISentence(const Plan& plan, const SessionSnapshot& snapshot);

// "Pigeon pose, right side. Keep the hips square. Breathe out slowly."
std::string instructionsSentence(const Plan& plan, const SessionSnapshot& snapshot);

// "1 minute 5 seconds", "45 seconds", "1 second": whole seconds, rounded up as the clock shows.
std::string spokenDuration(Millis span);

}  // namespace unknot
