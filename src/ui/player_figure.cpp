#include "ui/player_figure.hpp"

#include <algorithm>
#include <cmath>

namespace unknot {

namespace {

constexpr double kUpEnds = 0.35, kDownStarts = 0.65;

double smooth(double x) {
  x = std::clamp(x, 0.0, 1.0);
  return x * x * (3 - 2 * x);
}

figure::BodySide bodySide(Side side) {
  return side == Side::Left ? figure::BodySide::Left : figure::BodySide::Right;
}

bool animates(const PlayerModel& model, const figure::Pose& pose) {
  const Phase* phase = currentPhase(model);
  return phase && phase->kind == PhaseKind::Reps && pose.keyframes.size() > 1 &&
         model.snapshot.state == SessionState::Running;
}

}  // namespace

float repTween(double fraction, bool reducedMotion) {
  fraction = std::clamp(fraction, 0.0, 1.0);
  if (reducedMotion) return fraction < 0.5 ? 0.0f : 1.0f;
  if (fraction < kUpEnds) return static_cast<float>(smooth(fraction / kUpEnds));
  if (fraction < kDownStarts) return 1.0f;
  return static_cast<float>(1 - smooth((fraction - kDownStarts) / (1 - kDownStarts)));
}

double repFraction(const Phase& phase, const SessionSnapshot& snapshot) {
  const Millis tempo = phase.repTime.value_or(kDefaultRepTempo);
  if (tempo.count() <= 0) return 0;
  const long long into = std::max<long long>(0, snapshot.phaseElapsed.count()) % tempo.count();
  return static_cast<double>(into) / static_cast<double>(tempo.count());
}

figure::BodySide figureSide(const PlayerModel& model) {
  const Phase* phase = currentPhase(model);
  if (!phase) return figure::BodySide::Right;
  if (phase->kind == PhaseKind::Prepare) {
    const Phase* next = nextPhase(model);
    return bodySide(next ? next->side : Side::None);
  }
  return bodySide(phase->side);
}

FigureFrame playerFigureFrame(const PlayerModel& model, const figure::Pose& pose,
                              bool reducedMotion) {
  FigureFrame frame;
  frame.side = figureSide(model);
  const Phase* phase = currentPhase(model);
  if (!phase || pose.keyframes.empty()) return frame;
  const size_t last = pose.keyframes.size() - 1;
  switch (phase->kind) {
    case PhaseKind::Reps: {
      // A rep goes from the first keyframe to the last and back; in between, keyframe pairs in
      // order, so a three-keyframe pose passes through its middle one.
      const float exact = animates(model, pose) || model.snapshot.state == SessionState::Paused
                              ? repTween(repFraction(*phase, model.snapshot), reducedMotion)
                              : 0.0f;
      const float t = std::round(exact * kTweenSteps) / kTweenSteps;
      const double along = static_cast<double>(t) * static_cast<double>(last);
      frame.from = std::min(static_cast<size_t>(along), last);
      frame.to = std::min(frame.from + 1, last);
      frame.t = static_cast<float>(along - static_cast<double>(frame.from));
      break;
    }
    case PhaseKind::Hold:
    case PhaseKind::Heat:
    case PhaseKind::Ice:
    case PhaseKind::Manual:
      frame.from = frame.to = last;  // the position held
      break;
    default:
      frame.from = frame.to = 0;  // the start: getting ready, switching, resting into it
      break;
  }
  return frame;
}

std::optional<Millis> untilFigureChange(const PlayerModel& model, const figure::Pose& pose,
                                        bool reducedMotion) {
  if (!animates(model, pose)) return std::nullopt;
  if (!reducedMotion) return kFigureFrameInterval;
  const Phase& phase = *currentPhase(model);
  const Millis tempo = phase.repTime.value_or(kDefaultRepTempo);
  const long long into = std::max<long long>(0, model.snapshot.phaseElapsed.count()) %
                         std::max<long long>(1, tempo.count());
  const long long half = tempo.count() / 2;
  // The switch to the top is mid-rep; the one back down is the next rep's start.
  return Millis(into < half ? half - into : tempo.count() - into);
}

long long figureFrameKey(const FigureFrame& frame) {
  const long long step = std::lround(frame.t * 1000.0f);
  return (static_cast<long long>(frame.from) * 16 + static_cast<long long>(frame.to)) * 2000 +
         step + (frame.side == figure::BodySide::Left ? 1'000'000 : 0);
}

}  // namespace unknot
