// Writes: sessions, their phases and outcomes, and check-ins. Each is one transaction.
#include <algorithm>
#include <map>

#include "core/safe_text.hpp"
#include "store/session_lock.hpp"
#include "store/store.hpp"

namespace unknot {

namespace {

std::int64_t utcMs(const LocalInstant& at) {
  return at.utc.time_since_epoch().count();
}
std::int64_t offsetS(const LocalInstant& at) {
  return at.offset.count();
}

std::string muscleList(const std::vector<std::string>& muscles) {
  std::string list;
  for (const auto& muscle : muscles) list += (list.empty() ? "" : ",") + muscle;
  return list;
}

}  // namespace

bool isWorkPhase(PhaseKind kind) {
  switch (kind) {
    case PhaseKind::Hold:
    case PhaseKind::Reps:
    case PhaseKind::Heat:
    case PhaseKind::Ice:
    case PhaseKind::Manual:
      return true;
    default:
      return false;
  }
}

SessionStart describeSession(const Plan& plan, const CategoryLookup& categoryOf) {
  SessionStart start;
  start.routineId = plan.routineId;
  start.routineName = plan.name;
  start.category = plan.category;
  start.planHash = planHash(plan);
  start.planned = plan.total;
  start.phaseCount = static_cast<int>(plan.phases.size());
  start.level = plan.level;
  start.soreSide = plan.soreSide;
  std::map<std::string, size_t> index;
  for (const Phase& phase : plan.phases) {
    if (!isWorkPhase(phase.kind)) continue;
    const std::string id = phase.routineId.empty() ? plan.routineId : phase.routineId;
    auto [it, inserted] = index.emplace(id, start.parts.size());
    if (inserted) {
      std::optional<Category> category;
      if (id != plan.routineId && categoryOf) category = categoryOf(id);
      start.parts.push_back({id, category.value_or(plan.category), 0});
    }
    ++start.parts[it->second].workPhases;
  }
  return start;
}

std::int64_t Store::beginSession(const SessionStart& start, const LocalInstant& at) {
  requireWritable();
  auto lock = std::make_unique<SessionLock>(m_dir);
  const LogicalDate date = dateFor(at);
  Transaction transaction(m_db);
  m_db.prepare(R"sql(
    INSERT INTO sessions (routine_id, routine_name, category, plan_hash, planned_ms, phase_count,
      runner, lock_token, started_utc_ms, started_offset_s, logical_date, level, sore_side)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13))sql")
      .bind(1, start.routineId)
      .bind(2, start.routineName)
      .bind(3, toString(start.category))
      .bind(4, start.planHash)
      .bind(5, static_cast<std::int64_t>(start.planned.count()))
      .bind(6, start.phaseCount)
      .bind(7, start.runner)
      .bind(8, lock->token())
      .bind(9, utcMs(at))
      .bind(10, offsetS(at))
      .bind(11, formatDate(date))
      .bind(12, toString(start.level))
      .bind(13, start.soreSide == Side::None ? "both" : toString(start.soreSide))
      .run();
  const std::int64_t id = m_db.lastInsertId();
  Statement part = m_db.prepare(
      "INSERT INTO session_parts (session_id, routine_id, category, work_phases) "
      "VALUES (?1, ?2, ?3, ?4)");
  for (const auto& p : start.parts) {
    part.bind(1, id).bind(2, p.routineId).bind(3, toString(p.category)).bind(4, p.workPhases).run();
    part.reset();
  }
  transaction.commit();
  m_locks[id] = std::move(lock);
  return id;
}

void Store::addPhase(std::int64_t session, const PhaseRecord& phase, const LocalInstant& at) {
  requireWritable();
  const LogicalDate date = dateFor(at);
  Transaction transaction(m_db);
  std::optional<std::int64_t> planned;
  if (phase.planned) planned = phase.planned->count();
  m_db.prepare(R"sql(
    INSERT INTO phases (session_id, phase_index, kind, label, routine_id, category, side,
      planned_ms, actual_ms, skipped, ended_utc_ms, ended_offset_s, logical_date, muscles)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14))sql")
      .bind(1, session)
      .bind(2, static_cast<std::int64_t>(phase.index))
      .bind(3, toString(phase.kind))
      .bind(4, phase.label)
      .bind(5, phase.routineId)
      .bind(6, toString(phase.category))
      .bind(7, toString(phase.side))
      .bind(8, planned)
      .bind(9, static_cast<std::int64_t>(phase.actual.count()))
      .bind(10, phase.skipped ? 1 : 0)
      .bind(11, utcMs(at))
      .bind(12, offsetS(at))
      .bind(13, formatDate(date))
      .bind(14, muscleList(phase.muscles))
      .run();
  transaction.commit();
}

void Store::endSession(std::int64_t session, SessionOutcome outcome, const LocalInstant& at) {
  requireWritable();
  Transaction transaction(m_db);
  m_db.prepare(
          "UPDATE sessions SET outcome = ?2, ended_utc_ms = ?3, ended_offset_s = ?4 "
          "WHERE id = ?1 AND outcome IS NULL")
      .bind(1, session)
      .bind(2, toString(outcome))
      .bind(3, utcMs(at))
      .bind(4, offsetS(at))
      .run();
  m_db.prepare("DELETE FROM thermal_deadlines WHERE session_id = ?1").bind(1, session).run();
  transaction.commit();
  m_locks.erase(session);
}

std::optional<std::string> validateCheckin(const CheckinInput& checkin) {
  if (checkin.pain < 0 || checkin.pain > kMaxScore)
    return "pain must be 0 to 10, found " + std::to_string(checkin.pain);
  if (checkin.tightness && (*checkin.tightness < 0 || *checkin.tightness > kMaxScore))
    return "tightness must be 0 to 10, found " + std::to_string(*checkin.tightness);
  if (checkin.note.size() > kMaxNoteLength) return "the note is longer than 2000 bytes";
  if (!isCleanUtf8(checkin.note)) return "the note is not valid UTF-8 text";
  if (const std::string control = firstControlCharacter(checkin.note, true); !control.empty())
    return "the note has a control character (" + control + "); use plain text";
  for (const Symptom symptom : checkin.gone) {
    if (std::find(checkin.symptoms.begin(), checkin.symptoms.end(), symptom) !=
        checkin.symptoms.end()) {
      return std::string(toString(symptom)) + " cannot be both reported and gone";
    }
  }
  return std::nullopt;
}

std::int64_t Store::addCheckin(const CheckinInput& checkin, const LocalInstant& at) {
  if (const auto error = validateCheckin(checkin)) throw StoreError(*error);
  const LogicalDate date = dateFor(at);
  Transaction transaction(m_db);
  m_db.prepare(R"sql(
    INSERT INTO checkins (at_utc_ms, at_offset_s, logical_date, pain, tightness, note,
      session_id, moment)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8))sql")
      .bind(1, utcMs(at))
      .bind(2, offsetS(at))
      .bind(3, formatDate(date))
      .bind(4, checkin.pain)
      .bind(5, checkin.tightness)
      .bind(6, checkin.note)
      .bind(7, checkin.sessionId)
      .bind(8, toString(checkin.moment))
      .run();
  const std::int64_t id = m_db.lastInsertId();
  Statement symptom =
      m_db.prepare("INSERT OR IGNORE INTO checkin_symptoms (checkin_id, symptom) VALUES (?1, ?2)");
  for (const Symptom s : checkin.symptoms) {
    symptom.bind(1, id).bind(2, toString(s)).run();
    symptom.reset();
  }
  Statement gone =
      m_db.prepare("INSERT OR IGNORE INTO checkin_gone (checkin_id, symptom) VALUES (?1, ?2)");
  for (const Symptom s : checkin.gone) {
    gone.bind(1, id).bind(2, toString(s)).run();
    gone.reset();
  }
  transaction.commit();
  return id;
}

void Store::markFlare(LogicalDate day, const std::string& note, const LocalInstant& at) {
  if (note.size() > kMaxNoteLength) throw StoreError("the note is longer than 2000 bytes");
  if (!isCleanUtf8(note)) throw StoreError("the note is not valid UTF-8 text");
  if (const std::string control = firstControlCharacter(note, true); !control.empty())
    throw StoreError("the note has a control character (" + control + "); use plain text");
  requireWritable();
  m_db.prepare(R"sql(
    INSERT INTO flare_days (logical_date, note, at_utc_ms, at_offset_s) VALUES (?1, ?2, ?3, ?4)
    ON CONFLICT (logical_date) DO UPDATE SET note = excluded.note, at_utc_ms = excluded.at_utc_ms,
      at_offset_s = excluded.at_offset_s)sql")
      .bind(1, formatDate(day))
      .bind(2, note)
      .bind(3, utcMs(at))
      .bind(4, offsetS(at))
      .run();
}

}  // namespace unknot
