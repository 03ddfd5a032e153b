// Heat/ice in the terminal runner: the confirmation for applications over 20 minutes, and the
// lines printed at a switch, at each alarm ring, on resuming and on leaving mid-cycle.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>

#include "app/session/thermal_run.hpp"

namespace unknot {

// True when the run may start. Interactive: asks y/N on `in`. Otherwise only the flag
// (--confirm-long-thermal) allows it, and `err` gets a one-line refusal.
bool confirmLongThermal(const Plan& plan, bool confirmedByFlag, bool interactive, std::istream& in,
                        std::ostream& out, std::ostream& err);

// Several lines, each ending in '\n', the prompt wrapped to `width`.
std::string describeHold(const ThermalHold& hold, Millis sinceStart, size_t width);
// One ring of the switch alarm as heard here: `muted` is nullopt when there is no sound at all
// (--no-audio, no audio device), so the line is a silent reminder.
std::string describeRing(const AlarmRing& ring, const ThermalHold& hold, Millis sinceStart,
                         std::optional<bool> muted);
// Said once on stderr when a cycle starts, where less than the alarm and a desktop
// notification will call the user at a switch; empty when both will.
std::string describeCallers(const SwitchCallers& callers);
std::string describeLeave(const Plan& plan, const ThermalRun& run, const std::string& command);
// The live line while held at a switch.
std::string heldStatusLine(const ThermalHold& hold);

}  // namespace unknot
