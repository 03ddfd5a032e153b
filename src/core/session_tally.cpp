#include "core/session_tally.hpp"

#include <algorithm>

namespace unknot {

namespace {

// Share of the planned time that must be done for "well done": a skipped 5 s switch or rest
// does not spoil a run, a skipped stretch does.
constexpr double kWellDoneShare = 0.9;
// Below this share a finished run was mostly skipped.
constexpr double kMostlySkippedShare = 0.5;

}  // namespace

TallyCounter::TallyCounter(const Plan& plan)
    : m_plan(plan), m_outcomes(plan.phases.size(), Outcome::NotReached) {}

void TallyCounter::reset() {
  std::fill(m_outcomes.begin(), m_outcomes.end(), Outcome::NotReached);
  m_pauses = 0;
  m_active = Millis(0);
  m_pausedInPhase = Millis(0);
  m_pausedSince.reset();
}

void TallyCounter::onCue(const CueEvent& event) {
  switch (event.type) {
    case CueType::PhaseStarted:
      ++m_phaseStarts;
      m_phaseStart = event.at;
      m_pausedInPhase = Millis(0);
      if (m_pausedSince) m_pausedSince = event.at;  // a jump while paused: the pause goes on
      break;
    case CueType::Paused:
      ++m_pauses;
      m_pausedSince = event.at;
      break;
    case CueType::Resumed:
      if (m_pausedSince) m_pausedInPhase += std::max(Millis(0), event.at - *m_pausedSince);
      m_pausedSince.reset();
      break;
    case CueType::PhaseEnded: {
      Millis paused = m_pausedInPhase;
      if (m_pausedSince) paused += std::max(Millis(0), event.at - *m_pausedSince);
      m_active += std::max(Millis(0), event.at - m_phaseStart - paused);
      if (event.phaseIndex < m_outcomes.size())
        m_outcomes[event.phaseIndex] = event.value ? Outcome::Skipped : Outcome::Done;
      break;
    }
    default:
      break;
  }
}

SessionTally TallyCounter::tally() const {
  SessionTally out;
  out.pauses = m_pauses;
  out.active = m_active;
  Millis planned{0}, donePlanned{0};
  size_t untimed = 0, untimedDone = 0;
  for (size_t i = 0; i < m_outcomes.size(); ++i) {
    const Phase& phase = m_plan.phases[i];
    const bool done = m_outcomes[i] == Outcome::Done;
    if (done) ++out.done;
    if (m_outcomes[i] == Outcome::Skipped) ++out.skipped;
    if (phase.duration) {
      planned += *phase.duration;
      if (done) donePlanned += *phase.duration;
    } else {
      ++untimed;
      if (done) ++untimedDone;
    }
  }
  out.notReached = static_cast<int>(m_outcomes.size()) - out.done - out.skipped;
  // A routine of untimed steps only is judged by how many of them were done.
  if (planned > Millis(0)) {
    out.doneShare = static_cast<double>(donePlanned.count()) / static_cast<double>(planned.count());
  } else if (untimed > 0) {
    out.doneShare = static_cast<double>(untimedDone) / static_cast<double>(untimed);
  }
  return out;
}

RunVerdict verdictOf(const SessionTally& tally, bool finished) {
  if (!finished) return RunVerdict::Stopped;
  if (tally.doneShare >= kWellDoneShare) return RunVerdict::WellDone;
  if (tally.doneShare >= kMostlySkippedShare) return RunVerdict::PartlyDone;
  return RunVerdict::MostlySkipped;
}

const char* headlineOf(RunVerdict verdict) {
  switch (verdict) {
    case RunVerdict::WellDone:
      return "Well done";
    case RunVerdict::PartlyDone:
      return "Finished, with some skipped";
    case RunVerdict::MostlySkipped:
      return "Mostly skipped";
    case RunVerdict::Stopped:
      return "Stopped";
  }
  return "";
}

}  // namespace unknot
