// The words the terminal runner prints: event lines, the live status line and headers.
// Kept apart from the I/O loop so they can be tested as plain strings.
#pragma once

#include <string>

#include "core/cue_sink.hpp"
#include "core/plan.hpp"
#include "core/session_engine.hpp"

namespace unknot {

// "Pigeon pose — 10 phases, 6m40s"
std::string routineHeader(const Plan& plan);
std::string keyHelp(const Plan& plan);
// One plain line for an event at `sinceStart` on the engine clock; empty for events that
// need no line of their own.
std::string describeEvent(const Plan& plan, const CueEvent& event, Millis sinceStart);
// "▶ Pigeon pose  RIGHT  00:32  set 1/2 · next: Switch sides"
std::string statusLine(const SessionEngine& engine, bool muted);
// "Pigeon pose (right)", "Switch sides", "Bridge (set 2/3)"
std::string phaseTitle(const Phase& phase);

}  // namespace unknot
