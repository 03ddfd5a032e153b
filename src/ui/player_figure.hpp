// Which picture of its pose the player shows at a moment of the session: the keyframe a hold
// keeps still, the start position before and between sides, and the way between keyframes in
// each rep's tempo (up, squeeze, down), plus when that picture next changes so the window
// draws only then.
#pragma once

#include <chrono>
#include <optional>

#include "core/figure/figure_scene.hpp"
#include "ui/figure_view.hpp"
#include "ui/player_model.hpp"

namespace unknot {

// A reps step without rep_time waits for Done; its figure still moves at this tempo.
inline constexpr Millis kDefaultRepTempo{3000};
// Reps are looked at no more often than this (1 s / 30, rounded up)...
inline constexpr Millis kFigureFrameInterval{34};
// ...and drawn only when the figure has moved a step: the way up and the way down each take
// this many pictures. Under a software renderer (llvmpipe) a 1280x800 frame costs ~12 ms of
// CPU, so 30 pictures a second would cost a third of a core; four each way show the movement
// at rep tempo (start, three on the way, the top) for about 4 % of a core.
inline constexpr int kTweenSteps = 4;

// The tween of one rep at `fraction` (0..1 through the rep): up over the first 35 %, held at
// the top (the squeeze) to 65 %, down to the end; eased so it starts and stops softly. With
// `reducedMotion` the figure only switches: 0 for the first half of the rep, 1 for the second.
float repTween(double fraction, bool reducedMotion);

// How far through the current rep a reps phase is (0..1), from the engine's rep progress.
double repFraction(const Phase& phase, const SessionSnapshot& snapshot);

// The side the figure is drawn for: the phase's own, the side being switched to, the first
// work phase's side while getting ready; right when the step has none.
figure::BodySide figureSide(const PlayerModel& model);

// The keyframes and tween to draw for the current phase of `model` with `pose`; a rep's tween
// is rounded to kTweenSteps steps.
FigureFrame playerFigureFrame(const PlayerModel& model, const figure::Pose& pose,
                              bool reducedMotion);

// Until the figure's picture changes by itself: a frame interval while reps animate, the next
// keyframe switch with reduced motion; nullopt while it stands still (holds, pauses).
std::optional<Millis> untilFigureChange(const PlayerModel& model, const figure::Pose& pose,
                                        bool reducedMotion);

// A number that changes exactly when the drawn figure does, for the runner's frame key.
long long figureFrameKey(const FigureFrame& frame);

}  // namespace unknot
