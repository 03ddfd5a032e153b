// Merging another computer's record into this one by stable ids (schema 7): sessions with their
// phases and parts, check-ins with their signs, flare days, plans with their versions, targets
// and levels. Whatever is already here is left alone, so merging twice changes nothing.
#include <chrono>
#include <map>

#include "store/record_files.hpp"
#include "store/schema.hpp"
#include "store/store.hpp"

namespace unknot {

namespace {

// Copies each row of `select` (on the other record) into `insert` (here): its columns become
// parameters 1..n, and `more` binds any after them.
template <typename More>
int copyRows(Statement& select, Statement& insert, int columns, More&& more) {
  int copied = 0;
  while (select.step()) {
    for (int c = 0; c < columns; ++c) insert.bindColumn(c + 1, select, c);
    more(insert, select);
    insert.run();
    insert.reset();
    ++copied;
  }
  return copied;
}

bool exists(Database& db, std::string_view sql, std::string_view key) {
  Statement query = db.prepare(sql);
  query.bind(1, key);
  return query.step();
}

}  // namespace

MergeResult Store::merge(const std::filesystem::path& other) {
  requireWritable();
  checkRecordFile(other);
  Database theirs(other, Database::Access::ReadOnly);
  if (checkSchema(theirs) < latestSchemaVersion()) {
    throw StoreError(other.string() +
                     ": it is from an older unknot and has no record ids yet; open it once with "
                     "this version (unknot stats --data-dir ITS_FOLDER) and merge again");
  }
  MergeResult result;
  Transaction transaction(m_db);

  // Sessions (finished ones: an open one is still being written over there), by UUID.
  std::map<std::int64_t, std::int64_t> sessionIds;  // theirs -> ours
  Statement sessions = theirs.prepare(
      "SELECT id, uuid, routine_id, routine_name, category, plan_hash, planned_ms, phase_count, "
      "runner, started_utc_ms, started_offset_s, logical_date, ended_utc_ms, ended_offset_s, "
      "outcome, level, sore_side, device FROM sessions WHERE outcome IS NOT NULL ORDER BY id");
  while (sessions.step()) {
    const std::string uuid = sessions.text(1);
    Statement ours = m_db.prepare("SELECT id FROM sessions WHERE uuid = ?1");
    ours.bind(1, uuid);
    if (ours.step()) {
      sessionIds[sessions.int64(0)] = ours.int64(0);
      ++result.alreadyHere;
      continue;
    }
    Statement insert = m_db.prepare(
        "INSERT INTO sessions (uuid, routine_id, routine_name, category, plan_hash, planned_ms, "
        "phase_count, runner, started_utc_ms, started_offset_s, logical_date, ended_utc_ms, "
        "ended_offset_s, outcome, level, sore_side, device) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)");
    for (int c = 1; c <= 17; ++c) insert.bindColumn(c, sessions, c);
    insert.run();
    const std::int64_t id = m_db.lastInsertId();
    sessionIds[sessions.int64(0)] = id;
    ++result.sessions;
    Statement phases = theirs.prepare(
        "SELECT phase_index, kind, label, routine_id, category, side, planned_ms, actual_ms, "
        "skipped, ended_utc_ms, ended_offset_s, logical_date, muscles FROM phases "
        "WHERE session_id = ?1 ORDER BY id");
    phases.bind(1, sessions.int64(0));
    Statement addPhase = m_db.prepare(
        "INSERT INTO phases (phase_index, kind, label, routine_id, category, side, planned_ms, "
        "actual_ms, skipped, ended_utc_ms, ended_offset_s, logical_date, muscles, session_id) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    copyRows(phases, addPhase, 13, [&](Statement& s, const Statement&) { s.bind(14, id); });
    Statement parts = theirs.prepare(
        "SELECT routine_id, category, work_phases FROM session_parts WHERE session_id = ?1");
    parts.bind(1, sessions.int64(0));
    Statement addPart = m_db.prepare(
        "INSERT INTO session_parts (routine_id, category, work_phases, session_id) "
        "VALUES (?1, ?2, ?3, ?4)");
    copyRows(parts, addPart, 3, [&](Statement& s, const Statement&) { s.bind(4, id); });
  }

  // Check-ins, by UUID, linked to the session they belong to here.
  Statement checkins = theirs.prepare(
      "SELECT id, uuid, at_utc_ms, at_offset_s, logical_date, pain, tightness, note, moment, "
      "device, session_id FROM checkins ORDER BY at_utc_ms, id");
  while (checkins.step()) {
    if (exists(m_db, "SELECT 1 FROM checkins WHERE uuid = ?1", checkins.text(1))) {
      ++result.alreadyHere;
      continue;
    }
    Statement insert = m_db.prepare(
        "INSERT INTO checkins (uuid, at_utc_ms, at_offset_s, logical_date, pain, tightness, note, "
        "moment, device, session_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    for (int c = 1; c <= 9; ++c) insert.bindColumn(c, checkins, c);
    const auto session = sessionIds.find(checkins.isNull(10) ? -1 : checkins.int64(10));
    if (session != sessionIds.end()) {
      insert.bind(10, session->second);
    } else {
      insert.bindNull(10);
    }
    insert.run();
    const std::int64_t id = m_db.lastInsertId();
    ++result.checkins;
    for (const char* table : {"checkin_symptoms", "checkin_gone"}) {
      Statement signs =
          theirs.prepare(std::string("SELECT symptom FROM ") + table + " WHERE checkin_id = ?1");
      signs.bind(1, checkins.int64(0));
      Statement addSign = m_db.prepare(std::string("INSERT INTO ") + table +
                                       " (symptom, checkin_id) VALUES (?1, ?2)");
      copyRows(signs, addSign, 1, [&](Statement& s, const Statement&) { s.bind(2, id); });
    }
  }

  // Flare days: one per day; a day marked here keeps its note.
  Statement flares =
      theirs.prepare("SELECT logical_date, note, at_utc_ms, at_offset_s FROM flare_days");
  Statement addFlare = m_db.prepare(
      "INSERT OR IGNORE INTO flare_days (logical_date, note, at_utc_ms, at_offset_s) "
      "VALUES (?1, ?2, ?3, ?4)");
  while (flares.step()) {
    for (int c = 0; c < 4; ++c) addFlare.bindColumn(c + 1, flares, c);
    addFlare.run();
    result.flareDays += m_db.changes();
    addFlare.reset();
  }

  mergePlans(theirs, result);
  transaction.commit();
  m_dayStartHour.reset();
  return result;
}

}  // namespace unknot
