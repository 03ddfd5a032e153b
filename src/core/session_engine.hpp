// The session engine: a pure state machine that walks a Plan against a Clock and reports
// every due cue to a CueSink. Runners call update() whenever they wake and sleep for
// untilNextChange(); deadlines derive from phase offsets plus paused time, never from summed
// frame deltas, so a 6-hour routine ends on the exact millisecond.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "core/clock.hpp"
#include "core/cue_sink.hpp"
#include "core/plan.hpp"

namespace unknot {

enum class SessionState { Ready, Running, Paused, Finished, Stopped };

// A plain copy of what a view needs to draw; cheap to take every frame.
struct SessionSnapshot {
  SessionState state = SessionState::Ready;
  size_t phaseIndex = 0;
  size_t phaseCount = 0;
  Millis phaseElapsed{0};
  std::optional<Millis> phaseRemaining;  // nullopt: waiting for Done
  Millis routineElapsed{0};              // planned offset of the current point
  Millis routineRemaining{0};            // timed phases still ahead, including this one's rest
  int currentRep = 0;                    // reps phases with rep_time: 1-based rep under way
  double progress = 0.0;                 // 0..1 over the planned total (phase count if untimed)
  bool held = false;                     // a hold phase ran out: waiting at the switch
};

class SessionEngine {
 public:
  SessionEngine(const Plan& plan, const Clock& clock, CueSink& sink);

  void start();
  void pause();
  void resume();
  void togglePause();
  void skip();     // ends the current phase now and starts the next
  void back();     // restarts the current phase, or goes to the previous one in its first 2 s
  void restart();  // from the first phase
  void done();     // ends a phase that waits for Done (any phase, in fact)
  void stop();

  // Emits every event that is due by clock.now(), in order, and advances phases.
  void update();

  // How long a runner may sleep before the next event is due; nullopt when nothing is
  // scheduled (ready, paused, waiting for Done, finished, stopped).
  std::optional<Millis> untilNextChange() const;
  // The same on the engine's clock: when the next event falls due.
  std::optional<Millis> nextDueAt() const;

  // Heat/ice: a phase the rule picks does not hand over when its time runs out; the
  // session holds at the switch (PhaseEnded is emitted, nothing counts) until release(), skip()
  // or done(). back() during a hold runs the same phase again; pause() does nothing.
  void setHoldRule(std::function<bool(const Phase&)> rule) { m_holdRule = std::move(rule); }
  bool held() const { return m_held; }
  Millis heldSince() const { return m_heldSince; }
  void release();
  // Starts (from Ready) at phase `index` with `elapsed` of it behind, for a session resumed
  // after a restart. Cues already due are dropped; a hold phase already over holds at once on
  // the next update(), any other phase ends no earlier than now.
  void startAt(size_t index, Millis elapsed);
  // Starts (from Ready) held at the switch after hold phase `index`, which ran out `heldFor`
  // ago in an earlier run. That run reported the phase's start and end, so neither is emitted
  // again: a record that adopts the session keeps one entry per application.
  void startHeld(size_t index, Millis heldFor);
  // Time the clock did not count (a suspend): the current phase moves on by `missed` and its
  // cues that fell due meanwhile are dropped. The next update() ends it if it is over.
  void catchUp(Millis missed);

  SessionSnapshot snapshot() const;
  SessionState state() const { return m_state; }
  const Plan& plan() const { return m_plan; }
  const Phase* currentPhase() const;
  const Phase* nextPhase() const;

 private:
  struct Pending {
    Millis at;
    CueType type;
    int value;
  };

  void enterPhase(size_t index, Millis at);
  void schedulePhaseCues(Millis phaseStart);
  void finishPhase(Millis at, bool skipped);
  void handOver(Millis at);
  bool holds(const Phase& phase) const { return m_holdRule && m_holdRule(phase); }
  void dropDueCues(Millis now);
  std::optional<Millis> phaseDeadline() const;
  Millis pausedNow() const;
  Millis now() const;
  void emit(CueType type, int value, Millis at);
  // Tells the sink when the next event is due, when that changed (after every command).
  void announceNextDue();
  // Announces at the end of a command's scope, whichever way it returns.
  struct Announcer {
    SessionEngine& engine;
    ~Announcer() { engine.announceNextDue(); }
  };

  const Plan& m_plan;
  const Clock& m_clock;
  CueSink& m_sink;
  SessionState m_state = SessionState::Ready;
  size_t m_index = 0;
  Millis m_phaseStart{0};  // clock time the current phase started, shifted by pauses
  Millis m_pauseStart{0};
  std::vector<Pending> m_pending;  // cues of the current phase, in time order
  size_t m_nextPending = 0;
  std::function<bool(const Phase&)> m_holdRule;
  bool m_held = false;
  Millis m_heldSince{0};
  std::optional<Millis> m_announced;  // the next due time the sink was last told
};

const char* toString(SessionState state);

}  // namespace unknot
