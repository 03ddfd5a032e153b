#include "ui/player_model.hpp"

#include "core/duration.hpp"

namespace unknot {

const char* toString(PlayerIntent intent) {
  switch (intent) {
    case PlayerIntent::None:
      return "none";
    case PlayerIntent::TogglePause:
      return "toggle-pause";
    case PlayerIntent::Skip:
      return "skip";
    case PlayerIntent::Back:
      return "back";
    case PlayerIntent::Restart:
      return "restart";
    case PlayerIntent::Done:
      return "done";
    case PlayerIntent::Stop:
      return "stop";
    case PlayerIntent::Again:
      return "again";
    case PlayerIntent::Library:
      return "library";
    case PlayerIntent::ToggleMute:
      return "toggle-mute";
    case PlayerIntent::CheckIn:
      return "check-in";
    case PlayerIntent::SayWhere:
      return "say-where";
    case PlayerIntent::SayInstructions:
      return "say-instructions";
  }
  return "?";
}

std::optional<SessionCommand> sessionCommandFor(PlayerIntent intent) {
  switch (intent) {
    case PlayerIntent::TogglePause:
      return SessionCommand::TogglePause;
    case PlayerIntent::Skip:
      return SessionCommand::Skip;
    case PlayerIntent::Back:
      return SessionCommand::Back;
    case PlayerIntent::Restart:
      return SessionCommand::Restart;
    case PlayerIntent::SayWhere:
      return SessionCommand::SayWhere;
    case PlayerIntent::SayInstructions:
      return SessionCommand::SayInstructions;
    case PlayerIntent::Done:
      return SessionCommand::Done;
    case PlayerIntent::Stop:
      return SessionCommand::Stop;
    case PlayerIntent::ToggleMute:
      return SessionCommand::ToggleMute;
    case PlayerIntent::None:
    case PlayerIntent::Again:
    case PlayerIntent::Library:
    case PlayerIntent::CheckIn:
      return std::nullopt;
  }
  return std::nullopt;
}

const Phase* currentPhase(const PlayerModel& model) {
  if (!model.plan || model.snapshot.phaseIndex >= model.plan->phases.size()) return nullptr;
  return &model.plan->phases[model.snapshot.phaseIndex];
}

const Phase* nextPhase(const PlayerModel& model) {
  if (!model.plan || model.snapshot.phaseIndex + 1 >= model.plan->phases.size()) return nullptr;
  return &model.plan->phases[model.snapshot.phaseIndex + 1];
}

bool waitsForDone(const PlayerModel& model) {
  const Phase* phase = currentPhase(model);
  return phase && !phase->duration;
}

bool offersDone(const PlayerModel& model) {
  const Phase* phase = currentPhase(model);
  return phase && (!phase->duration || phase->kind == PhaseKind::Manual);
}

std::string clockText(const PlayerModel& model) {
  if (model.snapshot.phaseRemaining) return formatClock(*model.snapshot.phaseRemaining);
  const long long whole = model.snapshot.phaseElapsed.count() / 1000 * 1000;
  return formatClock(Millis(whole));
}

bool inLastSeconds(const PlayerModel& model) {
  const Phase* phase = currentPhase(model);
  if (!phase || !phase->duration || !model.snapshot.phaseRemaining) return false;
  if (model.snapshot.state != SessionState::Running) return false;
  const int seconds = phase->countdown > 0 ? phase->countdown : 3;
  // A phase shorter than the window would be highlighted from its first second: skip those.
  if (*phase->duration <= Millis(seconds * 1000LL)) return false;
  const Millis remaining = *model.snapshot.phaseRemaining;
  return remaining > Millis(0) && remaining <= Millis(seconds * 1000LL);
}

long long shownSeconds(const PlayerModel& model) {
  if (model.snapshot.phaseRemaining) return (model.snapshot.phaseRemaining->count() + 999) / 1000;
  return model.snapshot.phaseElapsed.count() / 1000;
}

const char* sideLabel(Side side) {
  switch (side) {
    case Side::Right:
      return "RIGHT SIDE";
    case Side::Left:
      return "LEFT SIDE";
    case Side::None:
      return "";
  }
  return "";
}

std::string remainingText(const PlayerModel& model, const char* dot) {
  const SessionSnapshot& snap = model.snapshot;
  bool untimedAhead = false;
  if (model.plan) {
    for (size_t i = snap.phaseIndex; i < model.plan->phases.size(); ++i)
      untimedAhead = untimedAhead || !model.plan->phases[i].duration;
  }
  const int percent = static_cast<int>(snap.progress * 100.0 + 0.5);
  std::string left;
  if (untimedAhead && snap.routineRemaining <= Millis(0)) {
    left = "until you are done";
  } else {
    left = formatClock(snap.routineRemaining) + (untimedAhead ? "+ left" : " left");
  }
  return std::to_string(percent) + "% " + dot + " " + left;
}

std::string nextUpText(const PlayerModel& model, const char* dot) {
  const Phase* next = nextPhase(model);
  if (!next) return "Next: finish";
  std::string out = "Next: " + next->label;
  const std::string sep = std::string(" ") + dot + " ";
  if (next->side == Side::Right) out += sep + "right side";
  if (next->side == Side::Left && next->kind != PhaseKind::Switch) out += sep + "left side";
  if (next->duration) {
    out += sep + formatDuration(*next->duration);
  } else {
    out += sep + "until done";
  }
  return out;
}

}  // namespace unknot
