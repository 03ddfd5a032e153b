// Reads: the inputs of the progress snapshot, session summaries and phases for history and
// export. All by prepared statements over indexed logical dates, so stats cost the plan
// window, not the length of the history.
#include <map>
#include <sstream>

#include "store/store.hpp"

namespace unknot {

namespace {

LocalInstant instant(const Statement& row, int utcColumn, int offsetColumn) {
  return {UtcMillis(Millis(row.int64(utcColumn))), std::chrono::seconds(row.int64(offsetColumn))};
}

LogicalDate dateAt(const Statement& row, int column) {
  const auto text = row.text(column);
  const auto date = parseDate(text);
  if (!date) throw StoreError("unreadable date '" + text + "' in the database");
  return *date;
}

Category categoryAt(const Statement& row, int column) {
  return categoryFromString(row.text(column)).value_or(Category::Mixed);
}

PhaseKind phaseKindFromString(std::string_view text) {
  for (const PhaseKind kind :
       {PhaseKind::Prepare, PhaseKind::Hold, PhaseKind::Reps, PhaseKind::Rest, PhaseKind::Switch,
        PhaseKind::Heat, PhaseKind::Ice, PhaseKind::Manual, PhaseKind::RoundRest}) {
    if (text == toString(kind)) return kind;
  }
  return PhaseKind::Manual;
}

std::optional<SessionOutcome> outcomeFromString(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  if (*text == "completed") return SessionOutcome::Completed;
  if (*text == "stopped") return SessionOutcome::Stopped;
  return SessionOutcome::Interrupted;
}

std::vector<std::string> listFrom(const std::string& list) {
  std::vector<std::string> out;
  std::istringstream in(list);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

std::vector<Symptom> symptomsFrom(const std::string& list) {
  std::vector<Symptom> out;
  std::istringstream in(list);
  std::string name;
  while (std::getline(in, name, ',')) {
    if (const auto symptom = symptomFromString(name)) out.push_back(*symptom);
  }
  return out;
}

}  // namespace

std::vector<SessionPart> Store::sessionParts(const DateRange& range) {
  const std::string from = formatDate(range.from), to = formatDate(range.to);
  std::vector<SessionPart> parts;
  std::map<std::pair<std::int64_t, std::string>, size_t> index;
  Statement planned = m_db.prepare(R"sql(
    SELECT s.id, s.logical_date, p.routine_id, p.category, p.work_phases
    FROM sessions s JOIN session_parts p ON p.session_id = s.id
    WHERE s.logical_date BETWEEN ?1 AND ?2 ORDER BY s.id)sql");
  planned.bind(1, from).bind(2, to);
  while (planned.step()) {
    SessionPart part;
    part.sessionId = planned.int64(0);
    part.date = dateAt(planned, 1);
    part.routineId = planned.text(2);
    part.category = categoryAt(planned, 3);
    part.plannedWorkPhases = planned.integer(4);
    index[{part.sessionId, part.routineId}] = parts.size();
    parts.push_back(std::move(part));
  }
  Statement done = m_db.prepare(R"sql(
    SELECT ph.session_id, s.logical_date, ph.routine_id, min(ph.category), ph.kind, ph.side,
      count(*), sum(ph.actual_ms)
    FROM sessions s JOIN phases ph ON ph.session_id = s.id
    WHERE s.logical_date BETWEEN ?1 AND ?2 AND ph.skipped = 0
      AND ph.kind IN ('hold', 'reps', 'heat', 'ice', 'manual')
    GROUP BY ph.session_id, ph.routine_id, ph.kind, ph.side)sql");
  done.bind(1, from).bind(2, to);
  while (done.step()) {
    const std::pair<std::int64_t, std::string> key{done.int64(0), done.text(2)};
    auto it = index.find(key);
    if (it == index.end()) {  // a phase of a routine the session did not plan: count as done
      SessionPart part{key.first, dateAt(done, 1), key.second, categoryAt(done, 3), 0, 0};
      it = index.emplace(key, parts.size()).first;
      parts.push_back(std::move(part));
    }
    SessionPart& part = parts[it->second];
    const int count = done.integer(6);
    const Millis time(done.int64(7));
    part.doneWorkPhases += count;
    part.workTime += time;
    if (done.text(4) == "hold") {
      const Side side = sideFromString(done.text(5)).value_or(Side::None);
      if (side == Side::Left) part.leftHold += time;
      if (side == Side::Right) part.rightHold += time;
    }
  }
  return parts;
}

std::vector<HoldRecord> Store::holdRecords(const DateRange& range) {
  std::vector<HoldRecord> out;
  Statement query = m_db.prepare(R"sql(
    SELECT s.logical_date, ph.side, ph.muscles, sum(ph.actual_ms)
    FROM sessions s JOIN phases ph ON ph.session_id = s.id
    WHERE s.logical_date BETWEEN ?1 AND ?2 AND ph.skipped = 0 AND ph.kind = 'hold'
      AND ph.side IN ('left', 'right')
    GROUP BY s.logical_date, ph.side, ph.muscles)sql");
  query.bind(1, formatDate(range.from)).bind(2, formatDate(range.to));
  while (query.step()) {
    out.push_back({dateAt(query, 0), sideFromString(query.text(1)).value_or(Side::None),
                   listFrom(query.text(2)), Millis(query.int64(3))});
  }
  return out;
}

std::vector<FlareDay> Store::flareDays(const DateRange& range) {
  std::vector<FlareDay> out;
  Statement query = m_db.prepare(
      "SELECT logical_date, note FROM flare_days WHERE logical_date BETWEEN ?1 AND ?2 "
      "ORDER BY logical_date");
  query.bind(1, formatDate(range.from)).bind(2, formatDate(range.to));
  while (query.step()) out.push_back({dateAt(query, 0), query.text(1)});
  return out;
}

std::vector<CheckinRecord> Store::checkins(const DateRange& range) {
  std::vector<CheckinRecord> out;
  Statement query = m_db.prepare(R"sql(
    SELECT c.at_utc_ms, c.at_offset_s, c.logical_date, c.pain, c.tightness, c.note,
      (SELECT group_concat(symptom) FROM checkin_symptoms WHERE checkin_id = c.id),
      (SELECT group_concat(symptom) FROM checkin_gone WHERE checkin_id = c.id), c.moment
    FROM checkins c WHERE c.logical_date BETWEEN ?1 AND ?2 ORDER BY c.at_utc_ms, c.id)sql");
  query.bind(1, formatDate(range.from)).bind(2, formatDate(range.to));
  while (query.step()) {
    CheckinRecord record;
    record.at = instant(query, 0, 1);
    record.date = dateAt(query, 2);
    record.pain = query.integer(3);
    if (!query.isNull(4)) record.tightness = query.integer(4);
    record.note = query.text(5);
    record.symptoms = symptomsFrom(query.text(6));
    record.gone = symptomsFrom(query.text(7));
    record.moment = checkinMomentFromString(query.text(8)).value_or(CheckinMoment::Any);
    out.push_back(std::move(record));
  }
  return out;
}

std::vector<SymptomMark> Store::symptomMarks() {
  std::vector<SymptomMark> marks;
  Statement query = m_db.prepare(R"sql(
    SELECT c.id, c.logical_date, s.symptom, 0 FROM checkin_symptoms s
      JOIN checkins c ON c.id = s.checkin_id
    UNION ALL
    SELECT c.id, c.logical_date, g.symptom, 1 FROM checkin_gone g
      JOIN checkins c ON c.id = g.checkin_id
    ORDER BY 1)sql");
  while (query.step()) {
    // A name this version does not know (written by a newer one) is left out, not guessed.
    const auto symptom = symptomFromString(query.text(2));
    if (!symptom) continue;
    marks.push_back({*symptom, query.int64(3) != 0, dateAt(query, 1), query.int64(0)});
  }
  return marks;
}

std::vector<DailyPain> Store::firstPainDays(const DateRange& range, int most) {
  std::vector<DailyPain> out;
  if (range.to < range.from) return out;
  Statement query = m_db.prepare(R"sql(
    SELECT logical_date, avg(pain) FROM checkins WHERE logical_date BETWEEN ?1 AND ?2
    GROUP BY logical_date ORDER BY logical_date LIMIT ?3)sql");
  query.bind(1, formatDate(range.from)).bind(2, formatDate(range.to)).bind(3, most);
  while (query.step()) out.push_back({dateAt(query, 0), query.real(1)});
  return out;
}

std::vector<SessionSummary> Store::sessions(const DateRange& range) {
  std::vector<SessionSummary> out;
  Statement query = m_db.prepare(R"sql(
    SELECT s.id, s.routine_id, s.routine_name, s.category, s.plan_hash, s.runner, s.planned_ms,
      s.started_utc_ms, s.started_offset_s, s.logical_date, s.ended_utc_ms, s.ended_offset_s,
      s.outcome,
      (SELECT count(*) FROM phases WHERE session_id = s.id AND skipped = 0),
      (SELECT count(*) FROM phases WHERE session_id = s.id AND skipped = 1),
      (SELECT coalesce(sum(actual_ms), 0) FROM phases WHERE session_id = s.id AND skipped = 0),
      s.level, s.sore_side
    FROM sessions s WHERE s.logical_date BETWEEN ?1 AND ?2
    ORDER BY s.started_utc_ms, s.id)sql");
  query.bind(1, formatDate(range.from)).bind(2, formatDate(range.to));
  while (query.step()) {
    SessionSummary s;
    s.id = query.int64(0);
    s.routineId = query.text(1);
    s.routineName = query.text(2);
    s.category = categoryAt(query, 3);
    s.planHash = query.text(4);
    s.runner = query.text(5);
    s.planned = Millis(query.int64(6));
    s.started = instant(query, 7, 8);
    s.date = dateAt(query, 9);
    if (!query.isNull(10)) s.ended = instant(query, 10, 11);
    s.outcome = outcomeFromString(query.optionalText(12));
    s.phasesDone = query.integer(13);
    s.phasesSkipped = query.integer(14);
    s.active = Millis(query.int64(15));
    if (const auto level = query.optionalText(16)) s.level = levelFromString(*level);
    if (const auto side = query.optionalText(17))
      s.soreSide = sideFromString(*side).value_or(Side::None);
    out.push_back(std::move(s));
  }
  return out;
}

void Store::forEachPhase(const std::function<void(const PhaseRow&)>& visit) {
  Statement query = m_db.prepare(R"sql(
    SELECT session_id, phase_index, kind, label, routine_id, category, side, planned_ms,
      actual_ms, skipped, ended_utc_ms, ended_offset_s, logical_date, muscles
    FROM phases ORDER BY session_id, id)sql");
  while (query.step()) {
    PhaseRow row;
    row.sessionId = query.int64(0);
    row.phase.index = static_cast<size_t>(query.int64(1));
    row.phase.kind = phaseKindFromString(query.text(2));
    row.phase.label = query.text(3);
    row.phase.routineId = query.text(4);
    row.phase.category = categoryAt(query, 5);
    row.phase.side = sideFromString(query.text(6)).value_or(Side::None);
    if (!query.isNull(7)) row.phase.planned = Millis(query.int64(7));
    row.phase.actual = Millis(query.int64(8));
    row.phase.skipped = query.int64(9) != 0;
    row.ended = instant(query, 10, 11);
    row.date = dateAt(query, 12);
    row.phase.muscles = listFrom(query.text(13));
    visit(row);
  }
}

std::optional<DateRange> Store::recordedRange() {
  Statement query = m_db.prepare(R"sql(
    SELECT min(lo), max(hi) FROM (
      SELECT min(logical_date) AS lo, max(logical_date) AS hi FROM sessions
      UNION ALL SELECT min(logical_date), max(logical_date) FROM checkins
      UNION ALL SELECT min(start_date), max(start_date) FROM plans))sql");
  if (!query.step() || query.isNull(0)) return std::nullopt;
  return DateRange{dateAt(query, 0), dateAt(query, 1)};
}

ProgressInput Store::progressInput(const LocalInstant& now) {
  ProgressInput input;
  input.plan = currentPlan();
  input.today = dateFor(now);
  input.parts = sessionParts(sessionRange(input.plan, input.today));
  input.checkins = checkins(checkinRange(input.plan, input.today));
  if (const auto recorded = recordedRange()) input.firstRecord = recorded->from;
  input.symptomMarks = symptomMarks();
  input.baseline = firstPainDays(baselineRange(input.plan, input.today), pain_rules::kBaselineDays);
  const DateRange window = sessionRange(input.plan, input.today);
  input.flares = flareDays(window);
  input.holds = holdRecords(window);
  if (input.plan) input.levelOverrides = levelOverrides(input.plan->id);
  return input;
}

}  // namespace unknot
