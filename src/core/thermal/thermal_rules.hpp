// Heat and ice rules that every runner shares: which phases hold at their end, the skin-check
// prompt at each switch, "cycle n of N", and the 20-minute confirmation rule.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/plan.hpp"

namespace unknot {

bool isThermalPhase(const Phase& phase);  // heat or ice
bool isThermalPlan(const Plan& plan);     // has at least one heat or ice phase

// What the user must read before leaving the pack for longer than limits::kThermalWarning:
// one entry per step (label and length), empty when nothing is that long.
struct LongApplication {
  std::string label;
  PhaseKind kind = PhaseKind::Heat;
  Millis length{0};
};
std::vector<LongApplication> longApplications(const Plan& plan);
bool needsLongThermalConfirmation(const Plan& plan);
// "Heat for 25 min at a time is longer than the 20 minutes that is safe for skin. ..."
std::string longThermalWarning(const Plan& plan);

// Cycle n of N counts applications of the routine's first thermal kind (heat in heat-ice), so
// heat 15 / ice 10 × 3 shows cycle 1..3 whatever sits between them. {0, 0} without thermal phases.
struct ThermalCycle {
  int number = 0;
  int count = 0;
};
ThermalCycle thermalCycle(const Plan& plan, size_t phaseIndex);

// The next heat or ice phase after `phaseIndex`, if any.
std::optional<size_t> nextThermalPhase(const Plan& plan, size_t phaseIndex);

// Shown and sent when a heat or ice phase ends: what to check and what comes next.
struct SwitchPrompt {
  std::string title;     // "Heat is done: switch to ice"
  std::string skin;      // "Check your skin: ... keep a cloth between skin and ice."
  std::string next;      // "Next: Swap to ice (30s), then Ice (10m)."
  std::string nextKind;  // "ice", "heat" or "" (the last application), for "switch to ice at 14:35"
};
SwitchPrompt switchPrompt(const Plan& plan, size_t endedPhase);

}  // namespace unknot
