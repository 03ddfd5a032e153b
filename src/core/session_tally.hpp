// What a run really did, counted from its cues the way the record counts it: each phase's last
// outcome (done, skipped or not reached), the time spent in phases with pauses left out, and
// the words the finish screen may use for it, so a mostly skipped run is never "well done".
#pragma once

#include <vector>

#include "core/cue_sink.hpp"
#include "core/plan.hpp"

namespace unknot {

struct SessionTally {
  int done = 0;        // phases whose last run ended by running out or by Done
  int skipped = 0;     // phases whose last run was skipped
  int notReached = 0;  // the rest: done + skipped + notReached is the plan's phase count
  int pauses = 0;
  Millis active{0};        // time in phases, pauses left out (what `history` shows)
  double doneShare = 0.0;  // planned time of the done phases over the plan's total (0..1)
};

// How the finish screen sums a run up.
enum class RunVerdict {
  WellDone,       // finished with (nearly) everything done
  PartlyDone,     // finished, but a fair share skipped
  MostlySkipped,  // finished, but most of it skipped
  Stopped,        // ended before the end
};

// Counts a run's cues; reset() when the run restarts from the beginning.
class TallyCounter final : public CueSink {
 public:
  explicit TallyCounter(const Plan& plan);
  void onCue(const CueEvent& event) override;
  void reset();
  SessionTally tally() const;
  // Every phase start, including back and restart: the window flashes on each.
  int phaseStarts() const { return m_phaseStarts; }

 private:
  enum class Outcome { NotReached, Done, Skipped };
  const Plan& m_plan;
  std::vector<Outcome> m_outcomes;
  int m_pauses = 0;
  int m_phaseStarts = 0;
  Millis m_active{0};
  Millis m_phaseStart{0};
  Millis m_pausedInPhase{0};
  std::optional<Millis> m_pausedSince;
};

RunVerdict verdictOf(const SessionTally& tally, bool finished);
// "Well done", "Finished, with some skipped", "Mostly skipped", "Stopped"
const char* headlineOf(RunVerdict verdict);

}  // namespace unknot
