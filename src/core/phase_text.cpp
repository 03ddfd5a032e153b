#include "core/phase_text.hpp"

#include "core/duration.hpp"

namespace unknot {

std::string phaseTitle(const Phase& phase) {
  std::string title = phase.label;
  if (phase.side != Side::None && phase.kind != PhaseKind::Switch) {
    title += std::string(" (") + toString(phase.side) + ")";
  }
  return title;
}

std::string countersText(const Phase& phase, const char* dot) {
  std::string out;
  auto add = [&](const char* what, int n, int of) {
    if (of <= 1) return;
    if (!out.empty()) out += std::string(" ") + dot + " ";
    out += std::string(what) + " " + std::to_string(n) + " of " + std::to_string(of);
  };
  add("Round", phase.round, phase.roundCount);
  add("Set", phase.set, phase.setCount);
  return out;
}

std::string totalText(Millis total, bool untimedSteps) {
  return formatDuration(total) + (untimedSteps ? "+" : "");
}

std::string repText(int rep, int reps) {
  return "Rep " + std::to_string(rep) + " of " + std::to_string(reps);
}

}  // namespace unknot
