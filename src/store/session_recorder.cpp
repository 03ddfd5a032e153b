#include "store/session_recorder.hpp"

#include <algorithm>

namespace unknot {

SessionRecorder::SessionRecorder(std::shared_ptr<Store> store, const Plan& plan, Options options)
    : m_store(std::move(store)), m_plan(plan), m_options(std::move(options)) {}

SessionRecorder::~SessionRecorder() {
  if (m_session && !m_ended) end(SessionOutcome::Stopped);
}

template <typename Write>
void SessionRecorder::attempt(Write&& write) {
  if (m_failed) return;
  try {
    write();
  } catch (const StoreError& e) {
    m_failed = true;
    if (m_options.onError) m_options.onError(e.what());
  }
}

void SessionRecorder::onCue(const CueEvent& event) {
  switch (event.type) {
    case CueType::PhaseStarted:
      if (!m_session) begin();
      m_phaseStart = event.at;
      m_pausedInPhase = Millis(0);
      if (m_pausedSince) m_pausedSince = event.at;  // a jump while paused: the pause goes on
      break;
    case CueType::Paused:
      m_pausedSince = event.at;
      break;
    case CueType::Resumed:
      if (m_pausedSince) m_pausedInPhase += std::max(Millis(0), event.at - *m_pausedSince);
      m_pausedSince.reset();
      break;
    case CueType::PhaseEnded:
      phaseEnded(event);
      break;
    case CueType::Finished:
      end(SessionOutcome::Completed);
      break;
    case CueType::Stopped:
      end(SessionOutcome::Stopped);
      break;
    default:
      break;
  }
}

std::optional<Store::ThermalSession> SessionRecorder::findResumable(std::int64_t nowUtcMs) {
  if (m_failed || m_session) return std::nullopt;
  std::optional<Store::ThermalSession> found;
  attempt([&] { found = m_store->resumableThermal(m_plan.routineId, nowUtcMs); });
  if (found && found->planHash != planHash(m_plan)) return std::nullopt;  // the file changed
  return found;
}

bool SessionRecorder::adopt(std::int64_t session) {
  attempt([&] {
    m_store->adoptSession(session);
    m_session = session;
  });
  return m_session == session;
}

void SessionRecorder::discard(std::int64_t session) {
  if (m_session == session) return;
  attempt([&] { m_store->endSession(session, SessionOutcome::Stopped, m_options.now()); });
}

void SessionRecorder::saveThermal(const ThermalCheckpoint& point, std::int64_t nowUtcMs) {
  if (!m_session || m_ended) return;
  attempt([&] { m_store->saveThermal(*m_session, point, nowUtcMs); });
}

void SessionRecorder::leaveOpen() {
  if (!m_session || m_ended) return;
  m_ended = true;
  m_store->leaveSession(*m_session);
}

void SessionRecorder::begin() {
  attempt([&] {
    SessionStart start = describeSession(m_plan, m_options.categoryOf);
    start.runner = m_options.runner;
    m_session = m_store->beginSession(start, m_options.now());
  });
}

void SessionRecorder::phaseEnded(const CueEvent& event) {
  if (!m_session || m_ended || event.phaseIndex >= m_plan.phases.size()) return;
  const Phase& phase = m_plan.phases[event.phaseIndex];
  Millis paused = m_pausedInPhase;
  if (m_pausedSince) paused += std::max(Millis(0), event.at - *m_pausedSince);
  PhaseRecord record;
  record.index = event.phaseIndex;
  record.kind = phase.kind;
  record.label = phase.label;
  record.routineId = phase.routineId.empty() ? m_plan.routineId : phase.routineId;
  record.category = m_plan.category;
  if (record.routineId != m_plan.routineId && m_options.categoryOf) {
    record.category = m_options.categoryOf(record.routineId).value_or(m_plan.category);
  }
  record.side = phase.side;
  record.planned = phase.duration;
  record.actual = std::max(Millis(0), event.at - m_phaseStart - paused);
  record.skipped = event.value != 0;
  record.muscles = phase.muscles;
  attempt([&] { m_store->addPhase(*m_session, record, m_options.now()); });
}

void SessionRecorder::end(SessionOutcome outcome) {
  if (!m_session || m_ended) return;
  m_ended = true;
  attempt([&] { m_store->endSession(*m_session, outcome, m_options.now()); });
}

}  // namespace unknot
