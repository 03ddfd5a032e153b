// The words for a phase that every front end shows the same way: its title and its counters
// ("Round 1 of 2 · Set 2 of 3", "Rep 3 of 10").
#pragma once

#include <string>

#include "core/plan.hpp"

namespace unknot {

// "Pigeon pose (right)", "Switch sides"
std::string phaseTitle(const Phase& phase);

// "Round 1 of 2 · Set 2 of 3"; only the counters that are above one; `dot` separates them.
std::string countersText(const Phase& phase, const char* dot);

// A routine's length: "6m40s", or "6s+" when some steps wait for Done and so take as long as
// the person needs. Every front end writes a total this way.
std::string totalText(Millis total, bool untimedSteps);

// "Rep 3 of 10"
std::string repText(int rep, int reps);

}  // namespace unknot
