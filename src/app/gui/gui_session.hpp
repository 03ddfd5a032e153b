// One run of a routine inside the window: the engine, its clock, the cue sinks (the tally
// for the finish screen plus whatever main.cpp wires in: audio, the progress record) and the
// bookkeeping the player needs (when the phase last changed, for the flash).
#pragma once

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <utility>

#include "app/session/session_sinks.hpp"
#include "core/clock.hpp"
#include "core/figure/pose_loader.hpp"
#include "core/session_engine.hpp"
#include "ui/player_model.hpp"
#include "ui/summary_view.hpp"

namespace unknot {

// Steady time, optionally sped up, that can be pushed forward (--at) or frozen (screenshots).
class GuiClock final : public Clock {
 public:
  GuiClock(double scale, bool frozen) : m_steady(scale), m_frozen(frozen) {}
  Millis now() const override {
    const Millis shift(m_shift.load());
    return m_frozen ? shift : m_steady.now() + shift;
  }
  void advance(Millis by) { m_shift += by.count(); }
  std::chrono::microseconds toReal(Millis span) const { return m_steady.toReal(span); }

 private:
  SteadyClock m_steady;
  bool m_frozen;
  // Atomic: the session's cue player reads this clock from the worker that makes it.
  std::atomic<Millis::rep> m_shift{0};
};

class GuiSession {
 public:
  struct Options {
    double timeScale = 1.0;
    bool frozenClock = false;
    const SessionSinkFactory* makeSink = nullptr;  // null or empty: no outside sinks
    std::string level;  // the plan's level badge ("gentle"); empty without a plan
    const figure::PoseLibrary* poses = nullptr;  // null: no figures
    bool reducedMotion = false;                  // figures switch keyframes instead of moving
  };

  GuiSession(const Plan& plan, const Options& options);
  ~GuiSession();  // stops a session that is still under way so sinks record it
  GuiSession(const GuiSession&) = delete;
  GuiSession& operator=(const GuiSession&) = delete;

  // Starts the engine and jumps `at` into the routine. Cues on the way are counted but not
  // passed on: nobody wants twelve seconds of chimes at once.
  void start(Millis at);
  // Moves the clock `by` on with cues counted but not passed on (stills, --at).
  void jump(Millis by);
  void update() { m_engine.update(); }
  // Restart counts the finish screen's tally afresh.
  void resetTally() { m_tally.reset(); }

  const Plan& plan() const { return m_plan; }
  // For the heat/ice side (gui_thermal): it drives this engine, on this clock, with these sinks.
  SessionEngine& engine() { return m_engine; }
  const SessionEngine& engine() const { return m_engine; }
  const GuiClock& clock() const { return m_clock; }
  CueSink* outside() { return m_outside.get(); }
  SessionSnapshot snapshot() const { return m_engine.snapshot(); }
  bool over() const;  // finished or stopped: the summary is showing
  // With the current phase's figure, when it has a pose the library holds.
  PlayerModel playerModel(bool flash) const;
  // The figure of phase `index` at its start, still (heat/ice held at a switch shows what
  // comes next); nullopt without a pose.
  std::optional<PlayerFigure> startFigure(size_t index) const;
  SummaryModel summaryModel() const { return {&m_plan, snapshot(), m_tally.tally()}; }
  // Counts phase starts, so the runner can flash on every change (including back/restart).
  int phaseStarts() const { return m_tally.phaseStarts(); }
  // Real time until the engine's next cue, the clock's next visible tick or, while reps
  // animate, the figure's next frame.
  std::optional<std::chrono::microseconds> untilNextChange() const;

 private:
  struct Gate final : CueSink {
    CueSink* target = nullptr;
    bool open = true;
    void onCue(const CueEvent& event) override {
      if (open && target) target->onCue(event);
    }
    void onNextDue(std::optional<Millis> at) override {
      if (open && target) target->onNextDue(at);
    }
  };

  // A copy: the plan at today's dose is made for this run, and "Again" starts from it.
  const Plan m_plan;
  std::string m_level;
  const figure::PoseLibrary* m_poses = nullptr;
  bool m_reducedMotion = false;
  // poseBounds of every pose the plan draws, per side, worked out once: they keep the figure
  // still in its box while it moves.
  std::map<std::pair<std::string, figure::BodySide>, figure::Bounds> m_bounds;
  GuiClock m_clock;
  TallyCounter m_tally;
  Gate m_gate;
  std::unique_ptr<CueSink> m_outside;
  CueFanout m_fanout;
  SessionEngine m_engine;
};

}  // namespace unknot
