// The words the terminal runner prints: event lines, the live status line and headers.
// Kept apart from the I/O loop so they can be tested as plain strings.
#pragma once

#include <string>

#include "core/cue_sink.hpp"
#include "core/phase_text.hpp"
#include "core/plan.hpp"
#include "core/session_engine.hpp"

namespace unknot {

// "Pigeon pose — 10 phases, 6m40s"
std::string routineHeader(const Plan& plan);
std::string keyHelp(const Plan& plan);
// One plain line for an event at `sinceStart` on the engine clock; empty for events that
// need no line of their own.
std::string describeEvent(const Plan& plan, const CueEvent& event, Millis sinceStart);
// "> Pigeon pose  RIGHT  00:32  Set 1 of 2  | next: Switch sides"
std::string statusLine(const SessionEngine& engine, bool muted);
// "[00:10] Pigeon pose (right) - 45s - Round 1 of 2 - <text>"
std::string describePhaseStart(const Phase& phase, Millis sinceStart);
// Word-wraps to `width` columns, each line starting with `indent` and ending in '\n'.
std::string wrapText(const std::string& text, size_t width, const std::string& indent);
// Cuts to `width` characters (UTF-8 aware), marking the cut with "...".
std::string fitWidth(const std::string& text, size_t width);

}  // namespace unknot
