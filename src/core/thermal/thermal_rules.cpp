#include "core/thermal/thermal_rules.hpp"

#include <cctype>

namespace unknot {

namespace {

const char* kindWord(PhaseKind kind) {
  return kind == PhaseKind::Heat ? "heat" : "ice";
}

std::string withLength(const Phase& phase) {
  if (!phase.duration) return phase.label;
  return phase.label + " (" + formatDuration(*phase.duration) + ")";
}

}  // namespace

bool isThermalPhase(const Phase& phase) {
  return phase.kind == PhaseKind::Heat || phase.kind == PhaseKind::Ice;
}

bool isThermalPlan(const Plan& plan) {
  for (const Phase& phase : plan.phases)
    if (isThermalPhase(phase)) return true;
  return false;
}

std::vector<LongApplication> longApplications(const Plan& plan) {
  std::vector<LongApplication> out;
  for (const Phase& phase : plan.phases) {
    if (!isThermalPhase(phase) || !phase.duration || *phase.duration <= limits::kThermalWarning)
      continue;
    bool seen = false;
    for (const auto& known : out)
      seen = seen || (known.label == phase.label && known.length == *phase.duration);
    if (!seen) out.push_back({phase.label, phase.kind, *phase.duration});
  }
  return out;
}

bool needsLongThermalConfirmation(const Plan& plan) {
  return !longApplications(plan).empty();
}

std::string longThermalWarning(const Plan& plan) {
  std::string text;
  for (const auto& item : longApplications(plan)) {
    if (!text.empty()) text += " ";
    // "Heat lasts 25m ...", but "Warm pack (heat) lasts 25m ...".
    std::string name = item.label;
    std::string lower = name;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower != kindWord(item.kind)) name += std::string(" (") + kindWord(item.kind) + ")";
    text += name + " lasts " + formatDuration(item.length) +
            " per application, longer than the 20 minutes that is safe for skin.";
  }
  if (text.empty()) return text;
  return text +
         " Long heat can burn and long cold can injure skin and nerves; keep a cloth "
         "between skin and pack and check your skin often.";
}

ThermalCycle thermalCycle(const Plan& plan, size_t phaseIndex) {
  std::optional<PhaseKind> first;
  ThermalCycle cycle;
  for (size_t i = 0; i < plan.phases.size(); ++i) {
    const Phase& phase = plan.phases[i];
    if (!isThermalPhase(phase)) continue;
    if (!first) first = phase.kind;
    if (phase.kind != *first) continue;
    ++cycle.count;
    if (i <= phaseIndex) cycle.number = cycle.count;
  }
  if (cycle.count > 0) cycle.number = std::max(cycle.number, 1);
  return cycle;
}

std::optional<size_t> nextThermalPhase(const Plan& plan, size_t phaseIndex) {
  for (size_t i = phaseIndex + 1; i < plan.phases.size(); ++i)
    if (isThermalPhase(plan.phases[i])) return i;
  return std::nullopt;
}

SwitchPrompt switchPrompt(const Plan& plan, size_t endedPhase) {
  SwitchPrompt prompt;
  const Phase& ended = plan.phases.at(endedPhase);
  const bool heat = ended.kind == PhaseKind::Heat;
  prompt.skin = heat ? "Check your skin: take the heat off and look. Bright red or blotchy skin, "
                       "stinging, blisters or numbness mean stop for today. Before any ice, "
                       "keep a cloth between skin and ice."
                     : "Check your skin: take the ice off and look. White or waxy skin, burning "
                       "or numbness mean stop and let it warm up slowly. Whenever ice goes on "
                       "again, keep a cloth between skin and ice.";
  const auto nextThermal = nextThermalPhase(plan, endedPhase);
  if (!nextThermal) {
    prompt.title = std::string(heat ? "Heat" : "Ice") + " is done: take the pack off";
    prompt.next = "That was the last application; the cycle is complete.";
    return prompt;
  }
  const Phase& thermal = plan.phases[*nextThermal];
  prompt.nextKind = kindWord(thermal.kind);
  prompt.title = std::string(heat ? "Heat" : "Ice") + " is done: switch to " + prompt.nextKind;
  const Phase& next = plan.phases[endedPhase + 1];
  prompt.next = "Next: " + withLength(next);
  if (endedPhase + 1 != *nextThermal) prompt.next += ", then " + withLength(thermal);
  prompt.next += ".";
  return prompt;
}

}  // namespace unknot
