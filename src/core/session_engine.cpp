#include "core/session_engine.hpp"

#include <algorithm>

namespace unknot {

namespace {

// Pressing back early in a phase goes to the previous phase, as in music players.
constexpr Millis kBackGrace{2000};

}  // namespace

SessionEngine::SessionEngine(const Plan& plan, const Clock& clock, CueSink& sink)
    : m_plan(plan), m_clock(clock), m_sink(sink) {}

Millis SessionEngine::now() const {
  return m_clock.now();
}

void SessionEngine::emit(CueType type, int value, Millis at) {
  m_sink.onCue(CueEvent{type, m_index, value, at});
}

void SessionEngine::start() {
  const Announcer announcer{*this};
  if (m_state != SessionState::Ready || m_plan.phases.empty()) return;
  m_state = SessionState::Running;
  enterPhase(0, now());
}

void SessionEngine::enterPhase(size_t index, Millis at) {
  const int previousRound =
      index > 0 && m_index < m_plan.phases.size() ? m_plan.phases[m_index].round : 1;
  m_index = index;
  m_phaseStart = at;
  const Phase& phase = m_plan.phases[index];
  if (index > 0 && phase.round != previousRound && phase.round > 1) {
    emit(CueType::RoundStarted, phase.round, at);
  }
  emit(CueType::PhaseStarted, 0, at);
  if (phase.kind == PhaseKind::Switch) emit(CueType::SideSwitch, 0, at);
  schedulePhaseCues(at);
}

void SessionEngine::schedulePhaseCues(Millis start) {
  m_pending.clear();
  m_nextPending = 0;
  const Phase& phase = m_plan.phases[m_index];
  if (!phase.duration) return;
  const Millis length = *phase.duration;
  if (phase.repTime && phase.reps > 1) {
    for (int rep = 2; rep <= phase.reps; ++rep) {
      m_pending.push_back({start + *phase.repTime * (rep - 1), CueType::RepTick, rep});
    }
  }
  if (phase.halfway) m_pending.push_back({start + length / 2, CueType::Halfway, 0});
  for (int n = phase.countdown; n >= 1; --n) {
    const Millis before{n * 1000LL};
    if (before < length) m_pending.push_back({start + length - before, CueType::CountdownPip, n});
  }
  std::stable_sort(m_pending.begin(), m_pending.end(),
                   [](const Pending& a, const Pending& b) { return a.at < b.at; });
}

std::optional<Millis> SessionEngine::phaseDeadline() const {
  const Phase& phase = m_plan.phases[m_index];
  if (!phase.duration) return std::nullopt;
  return m_phaseStart + *phase.duration;
}

void SessionEngine::finishPhase(Millis at, bool skipped) {
  emit(CueType::PhaseEnded, skipped ? 1 : 0, at);
  handOver(at);
}

void SessionEngine::handOver(Millis at) {
  m_held = false;
  if (m_index + 1 >= m_plan.phases.size()) {
    m_pending.clear();
    m_nextPending = 0;
    m_state = SessionState::Finished;
    emit(CueType::Finished, 0, at);
    return;
  }
  enterPhase(m_index + 1, at);
}

void SessionEngine::update() {
  const Announcer announcer{*this};
  if (m_state != SessionState::Running || m_held) return;
  const Millis t = now();
  while (m_state == SessionState::Running) {
    while (m_nextPending < m_pending.size() && m_pending[m_nextPending].at <= t) {
      const Pending& cue = m_pending[m_nextPending++];
      emit(cue.type, cue.value, cue.at);
    }
    const auto deadline = phaseDeadline();
    if (!deadline || *deadline > t) break;
    if (holds(m_plan.phases[m_index])) {
      emit(CueType::PhaseEnded, 0, *deadline);
      m_held = true;
      m_heldSince = *deadline;
      break;
    }
    finishPhase(*deadline, false);
  }
}

void SessionEngine::release() {
  const Announcer announcer{*this};
  if (!m_held || m_state != SessionState::Running) return;
  handOver(now());
}

void SessionEngine::dropDueCues(Millis t) {
  while (m_nextPending < m_pending.size() && m_pending[m_nextPending].at <= t) ++m_nextPending;
}

void SessionEngine::startAt(size_t index, Millis elapsed) {
  const Announcer announcer{*this};
  if (m_state != SessionState::Ready || index >= m_plan.phases.size()) return;
  const Phase& phase = m_plan.phases[index];
  elapsed = std::max(Millis(0), elapsed);
  if (phase.duration && !holds(phase)) elapsed = std::min(elapsed, *phase.duration);
  m_state = SessionState::Running;
  const Millis t = now();
  enterPhase(index, t - elapsed);
  dropDueCues(t);
}

void SessionEngine::startHeld(size_t index, Millis heldFor) {
  const Announcer announcer{*this};
  if (m_state != SessionState::Ready || index >= m_plan.phases.size()) return;
  const Phase& phase = m_plan.phases[index];
  const Millis length = phase.duration.value_or(Millis(0));
  if (!holds(phase)) return startAt(index, length);  // nothing holds here: it just ends
  m_state = SessionState::Running;
  m_index = index;
  m_pending.clear();
  m_nextPending = 0;
  m_held = true;
  m_heldSince = now() - std::max(Millis(0), heldFor);
  m_phaseStart = m_heldSince - length;
}

void SessionEngine::catchUp(Millis missed) {
  const Announcer announcer{*this};
  if (m_state != SessionState::Running || m_held || missed <= Millis(0)) return;
  m_phaseStart -= missed;
  for (Pending& cue : m_pending) cue.at -= missed;
  dropDueCues(now());
}

void SessionEngine::pause() {
  const Announcer announcer{*this};
  if (m_state != SessionState::Running || m_held) return;
  update();
  if (m_state != SessionState::Running) return;
  m_pauseStart = now();
  m_state = SessionState::Paused;
  emit(CueType::Paused, 0, m_pauseStart);
}

void SessionEngine::resume() {
  const Announcer announcer{*this};
  if (m_state != SessionState::Paused) return;
  const Millis t = now();
  const Millis paused = t - m_pauseStart;
  m_phaseStart += paused;
  for (Pending& cue : m_pending) cue.at += paused;
  m_state = SessionState::Running;
  emit(CueType::Resumed, 0, t);
}

void SessionEngine::togglePause() {
  if (m_state == SessionState::Paused) {
    resume();
  } else {
    pause();
  }
}

// While paused, jumping keeps the session paused with the new phase's full time ahead.
Millis SessionEngine::pausedNow() const {
  return m_state == SessionState::Paused ? m_pauseStart : now();
}

void SessionEngine::skip() {
  const Announcer announcer{*this};
  if (m_state != SessionState::Running && m_state != SessionState::Paused) return;
  if (m_state == SessionState::Running) update();
  if (m_state == SessionState::Finished) return;
  if (m_held) return release();
  const bool wasPaused = m_state == SessionState::Paused;
  const Millis t = pausedNow();
  finishPhase(t, true);
  if (wasPaused && m_state == SessionState::Finished) return;
  if (wasPaused) m_state = SessionState::Paused;
}

void SessionEngine::done() {
  const Announcer announcer{*this};
  if (m_state != SessionState::Running && m_state != SessionState::Paused) return;
  if (m_state == SessionState::Running) update();
  if (m_state == SessionState::Finished) return;
  if (m_held) return release();
  const bool wasPaused = m_state == SessionState::Paused;
  finishPhase(pausedNow(), false);
  if (wasPaused && m_state != SessionState::Finished) m_state = SessionState::Paused;
}

void SessionEngine::back() {
  const Announcer announcer{*this};
  if (m_state != SessionState::Running && m_state != SessionState::Paused) return;
  if (m_state == SessionState::Running) update();
  if (m_state == SessionState::Finished) return;
  const Millis t = pausedNow();
  const bool early = !m_held && t - m_phaseStart < kBackGrace;
  m_held = false;  // back from a hold: one more application of the same phase
  enterPhase(early && m_index > 0 ? m_index - 1 : m_index, t);
}

void SessionEngine::restart() {
  const Announcer announcer{*this};
  if (m_plan.phases.empty()) return;
  const Millis t = now();
  m_state = SessionState::Running;
  m_held = false;
  m_index = 0;
  enterPhase(0, t);
}

void SessionEngine::stop() {
  const Announcer announcer{*this};
  if (m_state == SessionState::Finished || m_state == SessionState::Stopped) return;
  const Millis t = pausedNow();
  m_state = SessionState::Stopped;
  m_held = false;
  emit(CueType::Stopped, 0, t);
}

std::optional<Millis> SessionEngine::nextDueAt() const {
  if (m_state != SessionState::Running || m_held) return std::nullopt;
  std::optional<Millis> next = phaseDeadline();
  if (m_nextPending < m_pending.size()) {
    const Millis cue = m_pending[m_nextPending].at;
    next = next ? std::min(*next, cue) : cue;
  }
  return next;
}

std::optional<Millis> SessionEngine::untilNextChange() const {
  const std::optional<Millis> next = nextDueAt();
  if (!next) return std::nullopt;
  return std::max(Millis(0), *next - now());
}

void SessionEngine::announceNextDue() {
  const std::optional<Millis> next = nextDueAt();
  if (next == m_announced) return;
  m_announced = next;
  m_sink.onNextDue(next);
}

const Phase* SessionEngine::currentPhase() const {
  if (m_plan.phases.empty()) return nullptr;
  return &m_plan.phases[m_index];
}

const Phase* SessionEngine::nextPhase() const {
  if (m_index + 1 >= m_plan.phases.size()) return nullptr;
  return &m_plan.phases[m_index + 1];
}

SessionSnapshot SessionEngine::snapshot() const {
  SessionSnapshot snap;
  snap.state = m_state;
  snap.held = m_held;
  snap.phaseIndex = m_index;
  snap.phaseCount = m_plan.phases.size();
  if (m_plan.phases.empty()) return snap;
  const Phase& phase = m_plan.phases[m_index];
  const bool finished = m_state == SessionState::Finished;
  const bool started = m_state != SessionState::Ready;
  Millis elapsed = started ? pausedNow() - m_phaseStart : Millis(0);
  if (finished && phase.duration) elapsed = *phase.duration;
  elapsed = std::max(Millis(0), elapsed);
  snap.phaseElapsed = elapsed;
  Millis inPhase = elapsed;
  if (phase.duration) {
    inPhase = std::min(elapsed, *phase.duration);
    snap.phaseRemaining = *phase.duration - inPhase;
  } else {
    inPhase = Millis(0);
  }
  if (phase.repTime && phase.reps > 0) {
    snap.currentRep = std::min<int>(phase.reps, 1 + static_cast<int>(elapsed / *phase.repTime));
  }
  snap.routineElapsed = phase.offset + inPhase;
  snap.routineRemaining = m_plan.total - snap.routineElapsed;
  if (m_plan.total.count() > 0) {
    snap.progress = static_cast<double>(snap.routineElapsed.count()) / m_plan.total.count();
  } else {
    snap.progress = static_cast<double>(m_index) / m_plan.phases.size();
  }
  if (finished) snap.progress = 1.0;
  return snap;
}

const char* toString(SessionState state) {
  switch (state) {
    case SessionState::Ready:
      return "ready";
    case SessionState::Running:
      return "running";
    case SessionState::Paused:
      return "paused";
    case SessionState::Finished:
      return "finished";
    case SessionState::Stopped:
      return "stopped";
  }
  return "?";
}

}  // namespace unknot
