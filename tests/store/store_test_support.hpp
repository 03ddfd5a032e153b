// Helpers for store tests: fixed instants, a fresh data dir and direct SQLite peeks.
#pragma once

#include <sqlite3.h>

#include <string>

#include "store/store.hpp"
#include "support/process.hpp"

namespace unknot::testing {

inline LocalInstant at(const char* date, int hour, int minute = 0, int offsetHours = 0) {
  using namespace std::chrono;
  const UtcMillis utc(sys_days(*parseDate(date)) + hours(hour - offsetHours) + minutes(minute));
  return {utc, hours(offsetHours)};
}

inline LogicalDate day(const char* text) {
  return *parseDate(text);
}

// A raw connection for checking what is on disk, independent of the Store's own reading.
class RawDb {
 public:
  explicit RawDb(const std::string& path) {
    sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  }
  ~RawDb() { sqlite3_close(m_db); }
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;
  std::string text(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
      return std::string("error: ") + sqlite3_errmsg(m_db);
    if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
      out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    return out;
  }
  long long integer(const std::string& sql) { return std::stoll("0" + text(sql)); }
  void exec(const std::string& sql) { sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, nullptr); }

 private:
  sqlite3* m_db = nullptr;
};

inline CheckinInput checkin(int pain, std::optional<int> tightness = std::nullopt,
                            std::vector<Symptom> symptoms = {}, std::string note = "") {
  CheckinInput input;
  input.pain = pain;
  input.tightness = tightness;
  input.symptoms = std::move(symptoms);
  input.note = std::move(note);
  return input;
}

inline SessionStart stretchSession(const char* id = "pigeon-pose", int workPhases = 2) {
  SessionStart start;
  start.routineId = id;
  start.routineName = "Pigeon pose";
  start.category = Category::Stretch;
  start.planHash = "0123456789abcdef";
  start.planned = Millis(100000);
  start.phaseCount = workPhases + 1;
  start.parts = {{id, Category::Stretch, workPhases}};
  return start;
}

inline PhaseRecord holdPhase(size_t index, Side side, int seconds, bool skipped = false) {
  PhaseRecord phase;
  phase.index = index;
  phase.kind = PhaseKind::Hold;
  phase.label = "Pigeon pose";
  phase.routineId = "pigeon-pose";
  phase.category = Category::Stretch;
  phase.side = side;
  phase.planned = Millis(45000);
  phase.actual = Millis(seconds * 1000LL);
  phase.skipped = skipped;
  return phase;
}

}  // namespace unknot::testing
