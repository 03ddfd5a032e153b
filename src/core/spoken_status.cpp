#include "core/spoken_status.hpp"

#include "core/phase_text.hpp"

namespace unknot {

namespace {

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::string plural(long long n, const char* unit) {
  return std::to_string(n) + " " + unit + (n == 1 ? "" : "s");
}

// "Pigeon pose, right side"; switch phases speak as "Switch sides".
std::string spokenName(const Phase& phase) {
  std::string name = phase.label;
  if (phase.side != Side::None && phase.kind != PhaseKind::Switch)
    name += std::string(", ") + toString(phase.side) + " side";
  return name;
}

// A sentence ends with one full stop, whatever the routine's text ended with.
std::string sentence(std::string text) {
  text = trimmed(text);
  if (text.empty()) return text;
  const char last = text.back();
  if (last != '.' && last != '!' && last != '?') text += '.';
  return text;
}

}  // namespace

std::string spokenDuration(Millis span) {
  const long long seconds = span.count() <= 0 ? 0 : (span.count() + 999) / 1000;
  const long long minutes = seconds / 60, rest = seconds % 60;
  if (minutes == 0) return plural(rest, "second");
  if (rest == 0) return plural(minutes, "minute");
  return plural(minutes, "minute") + " " + plural(rest, "second");
}

std::string whereAmISentence(const Plan& plan, const SessionSnapshot& snapshot) {
  if (snapshot.state == SessionState::Finished) return "The routine is finished.";
  if (snapshot.state == SessionState::Stopped) return "The routine was stopped.";
  if (snapshot.phaseIndex >= plan.phases.size()) return "Nothing is running.";
  const Phase& phase = plan.phases[snapshot.phaseIndex];
  std::string out;
  if (snapshot.state == SessionState::Paused) out += "Paused. ";
  out += sentence(spokenName(phase));
  if (const std::string counters = countersText(phase, ","); !counters.empty())
    out += " " + sentence(counters);
  if (phase.kind == PhaseKind::Reps && snapshot.currentRep > 0)
    out += " " + sentence(repText(snapshot.currentRep, phase.reps));
  if (snapshot.held) {
    out += " Time is up: switch when you are ready.";
  } else if (snapshot.phaseRemaining) {
    out += " " + spokenDuration(*snapshot.phaseRemaining) + " left.";
  } else {
    out += " No timer: press Done when you are ready.";
  }
  if (snapshot.phaseIndex + 1 < plan.phases.size()) {
    out += " Next: " + sentence(spokenName(plan.phases[snapshot.phaseIndex + 1]));
  } else {
    out += " This is the last step.";
  }
  return out;
}

std::string instructionsSentence(const Plan& plan, const SessionSnapshot& snapshot) {
  if (snapshot.phaseIndex >= plan.phases.size()) return "Nothing is running.";
  const Phase& phase = plan.phases[snapshot.phaseIndex];
  const std::string text = trimmed(phase.text);
  return sentence(spokenName(phase)) + " " +
         (text.empty() ? std::string("This step has no instructions.") : text);
}

}  // namespace unknot
