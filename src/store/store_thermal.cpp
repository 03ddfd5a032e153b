// Heat/ice deadlines: where a running cycle stands on the wall clock, so a cycle
// survives the app closing, a crash or a suspend, and is picked up again.
#include "store/session_lock.hpp"
#include "store/store.hpp"

namespace unknot {

namespace {

ThermalCheckpoint readCheckpoint(const Statement& row, int first) {
  ThermalCheckpoint point;
  point.phaseIndex = static_cast<size_t>(row.int64(first));
  point.state = thermalStateFromString(row.text(first + 1)).value_or(ThermalState::Running);
  point.deadlineUtcMs = row.optionalInt64(first + 2).value_or(0);
  point.remaining = Millis(row.optionalInt64(first + 3).value_or(0));
  point.heldSinceUtcMs = row.optionalInt64(first + 4).value_or(0);
  point.timeScale = row.real(first + 5);
  return point;
}

}  // namespace

void Store::saveThermal(std::int64_t session, const ThermalCheckpoint& point,
                        std::int64_t nowUtcMs) {
  requireWritable();
  std::optional<std::int64_t> deadline, remaining, heldSince;
  switch (point.state) {
    case ThermalState::Running:
      if (point.deadlineUtcMs != 0) deadline = point.deadlineUtcMs;
      break;
    case ThermalState::Paused:
      remaining = point.remaining.count();
      break;
    case ThermalState::Held:
      heldSince = point.heldSinceUtcMs;
      break;
  }
  Transaction transaction(m_db);
  m_db.prepare(R"sql(
    INSERT OR REPLACE INTO thermal_deadlines (session_id, phase_index, state, deadline_utc_ms,
      remaining_ms, held_since_utc_ms, time_scale, updated_utc_ms)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8))sql")
      .bind(1, session)
      .bind(2, static_cast<std::int64_t>(point.phaseIndex))
      .bind(3, toString(point.state))
      .bind(4, deadline)
      .bind(5, remaining)
      .bind(6, heldSince)
      .bind(7, point.timeScale > 0 ? point.timeScale : 1.0)
      .bind(8, nowUtcMs)
      .run();
  transaction.commit();
}

std::optional<ThermalCheckpoint> Store::thermalCheckpoint(std::int64_t session) {
  Statement query = m_db.prepare(
      "SELECT phase_index, state, deadline_utc_ms, remaining_ms, held_since_utc_ms, time_scale "
      "FROM thermal_deadlines WHERE session_id = ?1");
  query.bind(1, session);
  if (!query.step()) return std::nullopt;
  return readCheckpoint(query, 0);
}

std::optional<Store::ThermalSession> Store::resumableThermal(const std::string& routineId,
                                                             std::int64_t nowUtcMs) {
  Statement query = m_db.prepare(R"sql(
    SELECT s.id, s.routine_id, s.plan_hash, coalesce(s.lock_token, ''), t.updated_utc_ms,
      t.phase_index, t.state, t.deadline_utc_ms, t.remaining_ms, t.held_since_utc_ms, t.time_scale
    FROM sessions s JOIN thermal_deadlines t ON t.session_id = s.id
    WHERE s.outcome IS NULL AND s.routine_id = ?1
      AND max(coalesce(t.deadline_utc_ms, 0), coalesce(t.held_since_utc_ms, 0),
              t.updated_utc_ms) >= ?2
    ORDER BY s.id DESC)sql");
  query.bind(1, routineId).bind(2, nowUtcMs - kThermalResumeWindow.count());
  while (query.step()) {
    const std::int64_t id = query.int64(0);
    if (m_locks.count(id) != 0 || !SessionLock::ownerGone(m_dir, query.text(3))) continue;
    ThermalSession found;
    found.sessionId = id;
    found.routineId = query.text(1);
    found.planHash = query.text(2);
    found.updatedUtcMs = query.int64(4);
    found.checkpoint = readCheckpoint(query, 5);
    return found;
  }
  return std::nullopt;
}

void Store::adoptSession(std::int64_t session) {
  if (m_locks.count(session) != 0) return;
  requireWritable();
  Statement owner = m_db.prepare(
      "SELECT coalesce(lock_token, '') FROM sessions WHERE id = ?1 AND outcome IS NULL");
  owner.bind(1, session);
  if (!owner.step()) throw StoreError("session " + std::to_string(session) + " is not open");
  if (!SessionLock::ownerGone(m_dir, owner.text(0))) {
    throw StoreError("session " + std::to_string(session) + " is running in another unknot");
  }
  auto lock = std::make_unique<SessionLock>(m_dir);
  Transaction transaction(m_db);
  m_db.prepare("UPDATE sessions SET lock_token = ?2 WHERE id = ?1")
      .bind(1, session)
      .bind(2, lock->token())
      .run();
  transaction.commit();
  m_locks[session] = std::move(lock);
}

void Store::leaveSession(std::int64_t session) {
  m_locks.erase(session);
}

}  // namespace unknot
