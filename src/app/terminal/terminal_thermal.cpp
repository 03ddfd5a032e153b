#include "app/terminal/terminal_thermal.hpp"

#include <cmath>
#include <istream>
#include <ostream>

#include "app/terminal/terminal_text.hpp"

namespace unknot {

namespace {

// The last application has nothing to switch to: the pack just comes off.
std::string ackHint(const SwitchPrompt& prompt) {
  return prompt.nextKind.empty() ? "Press Enter or a when the pack is off."
                                 : "Press Enter or a when you have switched.";
}

std::string stamp(Millis sinceStart) {
  return "[" + formatClock(std::max(Millis(0), sinceStart)) + "] ";
}

}  // namespace

bool confirmLongThermal(const Plan& plan, bool confirmedByFlag, bool interactive, std::istream& in,
                        std::ostream& out, std::ostream& err) {
  if (confirmedByFlag || !needsLongThermalConfirmation(plan)) return true;
  const std::string warning = longThermalWarning(plan);
  if (!interactive) {
    err << "unknot: " << plan.routineId << ": " << warning
        << " Not started: add --confirm-long-thermal to start it anyway.\n";
    return false;
  }
  out << "Warning: " << warning << "\nStart anyway? [y/N] " << std::flush;
  std::string answer;
  std::getline(in, answer);
  const bool yes = !answer.empty() && (answer[0] == 'y' || answer[0] == 'Y');
  if (!yes) out << "Not started.\n";
  return yes;
}

std::string describeHold(const ThermalHold& hold, Millis sinceStart, size_t width) {
  std::string text = stamp(sinceStart) + "SWITCH " + hold.prompt.title + "\n";
  text += wrapText(hold.prompt.skin, width, "    ");
  text += wrapText(hold.prompt.next + " " + ackHint(hold.prompt), width, "    ");
  return text;
}

std::string describeRing(const AlarmRing& ring, const ThermalHold& hold, Millis sinceStart,
                         std::optional<bool> muted) {
  const std::string number = std::to_string(ring.number);
  std::string what;
  if (!muted) {
    what = "REMINDER " + number + " (no sound)";
  } else if (*muted) {
    what = "ALARM ring " + number + " (muted: m to hear it)";
  } else {
    const int percent = static_cast<int>(std::lround(ring.volume * 100));
    what = "ALARM ring " + number + " (" + std::to_string(percent) + "% volume)";
  }
  return stamp(sinceStart) + what + " - " + ackHint(hold.prompt);
}

std::string describeCallers(const SwitchCallers& callers) {
  if (callers.notifications && callers.sound) return "";
  if (callers.notifications) {
    return "unknot: no sound here; at each switch a desktop notification calls you, but no "
           "alarm rings";
  }
  const std::string none = "unknot: no desktop notifications (" + callers.whyNoNotifications + ")";
  if (callers.sound) return none + "; the alarm still rings at each switch";
  return none +
         " and no sound; nothing will call you at a switch, so come back to this "
         "terminal when each application ends";
}

std::string describeLeave(const Plan& plan, const ThermalRun& run, const std::string& command) {
  std::string line = "Left " + plan.name + " mid-cycle";
  if (const auto& hold = run.controller().hold()) {
    line += ": the switch after " + plan.phases.at(hold->phaseIndex).label + " is due now";
  } else if (const auto end = run.phaseEndUtcMs()) {
    line += ": " + run.engine().currentPhase()->label + " ends at " + localClockText(*end);
  }
  line += ". Nothing rings while unknot is closed";
  if (run.recorded()) line += "; run `" + command + "` to come back to it";
  return line + ".";
}

std::string heldStatusLine(const ThermalHold& hold) {
  return "!! " + hold.prompt.title + " - " + ackHint(hold.prompt);
}

}  // namespace unknot
