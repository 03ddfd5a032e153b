#include "app/terminal/terminal_text.hpp"

#include <cctype>

namespace unknot {

namespace {

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

std::string lengthText(const Phase& phase) {
  if (phase.kind == PhaseKind::Reps) {
    std::string reps = std::to_string(phase.reps) + " reps";
    return phase.duration ? reps + ", " + formatDuration(*phase.duration)
                          : reps + ", press d when done";
  }
  return phase.duration ? formatDuration(*phase.duration) : "press d when done";
}

}  // namespace

std::string routineHeader(const Plan& plan) {
  std::string total = formatDuration(plan.total);
  if (plan.hasUntimedPhases) total += " plus untimed steps";
  return plan.name + " - " + std::to_string(plan.phases.size()) + " phases, " + total;
}

std::string keyHelp(const Plan& plan) {
  std::string help =
      "keys: space pause/resume, n skip, b back, q quit, m mute, w where am I, i instructions";
  if (plan.hasUntimedPhases) help += ", d done";
  return help;
}

std::string describePhaseStart(const Phase& phase, Millis sinceStart) {
  std::string line =
      "[" + formatClock(sinceStart) + "] " + phaseTitle(phase) + " - " + lengthText(phase);
  const std::string count = countersText(phase, "-");
  if (!count.empty()) line += " - " + count;
  if (!phase.text.empty()) line += " - " + phase.text;
  return line;
}

std::string wrapText(const std::string& text, size_t width, const std::string& indent) {
  std::string out, line = indent;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    if (line.size() > indent.size() && line.size() + 1 + word.size() > width) {
      out += line + '\n';
      line = indent;
    }
    if (line.size() > indent.size()) line += ' ';
    line += word;
    start = end + 1;
  }
  if (line.size() > indent.size()) out += line + '\n';
  return out;
}

std::string fitWidth(const std::string& text, size_t width) {
  auto isLead = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; };
  size_t columns = 0, cut = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (!isLead(text[i])) continue;
    if (columns + 3 == width) cut = i;
    ++columns;
  }
  if (columns <= width || width < 4) return text;
  return text.substr(0, cut) + "...";
}

std::string describeEvent(const Plan& plan, const CueEvent& event, Millis sinceStart) {
  const Phase& phase = plan.phases.at(event.phaseIndex);
  const std::string stamp = "[" + formatClock(sinceStart) + "] ";
  switch (event.type) {
    case CueType::PhaseStarted:
      return describePhaseStart(phase, sinceStart);
    case CueType::SideSwitch:
      return stamp + "switch to the left side";
    case CueType::Halfway:
      return stamp + "halfway";
    case CueType::CountdownPip:
      return stamp + std::to_string(event.value);
    case CueType::RepTick:
      return stamp + repText(event.value, phase.reps);
    case CueType::RoundStarted:
      return stamp + "Round " + std::to_string(event.value) + " of " +
             std::to_string(phase.roundCount);
    case CueType::PhaseEnded:
      return event.value ? stamp + "skipped" : "";
    case CueType::Paused:
      return stamp + "paused";
    case CueType::Resumed:
      return stamp + "resumed";
    case CueType::Finished:
      return stamp + "Finished " + plan.name + ". Well done.";
    case CueType::Stopped:
      return stamp + "Stopped.";
  }
  return "";
}

std::string statusLine(const SessionEngine& engine, bool muted) {
  const Phase* phase = engine.currentPhase();
  if (!phase) return "";
  const auto snap = engine.snapshot();
  std::string line = snap.state == SessionState::Paused ? "|| PAUSED  " : "> ";
  line += phase->label;
  if (phase->side != Side::None) line += "  " + upper(toString(phase->side));
  line += "  " + (snap.phaseRemaining ? formatClock(*snap.phaseRemaining)
                                      : std::string("press d when done"));
  if (snap.currentRep > 0) line += "  " + repText(snap.currentRep, phase->reps);
  const std::string count = countersText(*phase, "-");
  if (!count.empty()) line += "  " + count;
  if (const Phase* next = engine.nextPhase()) line += "  | next: " + phaseTitle(*next);
  line += "  | left " + formatClock(snap.routineRemaining);
  if (muted) line += "  [muted]";
  return line;
}

}  // namespace unknot
