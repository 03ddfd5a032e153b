#include "store/export.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <map>
#include <set>

#include "store/csv.hpp"

namespace unknot {

namespace {

using WriteRows = std::function<void(CsvWriter&)>;

void writeAtomically(const std::filesystem::path& path, const WriteRows& write) {
  const auto temp = path.parent_path() / ("." + path.filename().string() + ".tmp");
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) throw StoreError("cannot write " + temp.string());
    CsvWriter csv(out);
    write(csv);
    out.flush();
    if (!out) {
      std::error_code ec;
      std::filesystem::remove(temp, ec);
      throw StoreError("cannot write " + path.string() + " (disk full?)");
    }
  }
  std::error_code ec;
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::filesystem::remove(temp, ec);
    throw StoreError("cannot write " + path.string() + ": " + ec.message());
  }
}

double seconds(Millis value) {
  return static_cast<double>(value.count()) / 1000.0;
}

void writeSessions(Store& store, const DateRange& all, CsvWriter& csv) {
  for (const char* h : {"session_id", "routine_id", "routine_name", "category", "plan_hash",
                        "runner", "started", "logical_date", "ended", "outcome", "planned_seconds",
                        "active_seconds", "phases_done", "phases_skipped", "level", "sore_side"}) {
    csv.plain(h);
  }
  csv.endRow();
  for (const auto& s : store.sessions(all)) {
    csv.number(s.id).text(s.routineId).text(s.routineName).plain(toString(s.category));
    csv.plain(s.planHash).plain(s.runner).plain(formatIso8601(s.started)).plain(formatDate(s.date));
    csv.plain(s.ended ? formatIso8601(*s.ended) : "");
    csv.plain(s.outcome ? toString(*s.outcome) : "running");
    csv.number(seconds(s.planned), 1).number(seconds(s.active), 1);
    csv.number(std::int64_t{s.phasesDone}).number(std::int64_t{s.phasesSkipped});
    // Empty for sessions recorded before levels existed.
    csv.plain(s.level ? toString(*s.level) : "");
    csv.plain(!s.soreSide ? "" : *s.soreSide == Side::None ? "both" : toString(*s.soreSide));
    csv.endRow();
  }
}

void writePhases(Store& store, CsvWriter& csv) {
  for (const char* h :
       {"session_id", "phase_number", "kind", "label", "routine_id", "category", "side",
        "planned_seconds", "actual_seconds", "result", "ended", "logical_date", "muscles"}) {
    csv.plain(h);
  }
  csv.endRow();
  store.forEachPhase([&](const PhaseRow& row) {
    const PhaseRecord& p = row.phase;
    csv.number(row.sessionId).number(static_cast<std::int64_t>(p.index) + 1);
    csv.plain(toString(p.kind)).text(p.label).text(p.routineId).plain(toString(p.category));
    csv.plain(toString(p.side));
    if (p.planned)
      csv.number(seconds(*p.planned), 1);
    else
      csv.empty();
    csv.number(seconds(p.actual), 1).plain(p.skipped ? "skipped" : "done");
    csv.plain(formatIso8601(row.ended)).plain(formatDate(row.date));
    std::string muscles;
    for (const auto& muscle : p.muscles) muscles += (muscles.empty() ? "" : " ") + muscle;
    csv.text(muscles);
    csv.endRow();
  });
}

void writeCheckins(const std::vector<CheckinRecord>& checkins, CsvWriter& csv) {
  // New columns go at the end, so scripts that read columns by position keep working.
  for (const char* h :
       {"at", "logical_date", "pain", "tightness", "symptoms", "note", "moment", "gone"})
    csv.plain(h);
  csv.endRow();
  const auto names = [](const std::vector<Symptom>& list) {
    std::string text;
    for (const Symptom s : list) text += (text.empty() ? "" : ";") + std::string(toString(s));
    return text;
  };
  for (const auto& c : checkins) {
    csv.plain(formatIso8601(c.at)).plain(formatDate(c.date)).number(std::int64_t{c.pain});
    if (c.tightness)
      csv.number(std::int64_t{*c.tightness});
    else
      csv.empty();
    csv.plain(names(c.symptoms)).text(c.note).plain(toString(c.moment)).plain(names(c.gone));
    csv.endRow();
  }
}

struct DayRow {
  std::optional<std::int64_t> planId;
  DayStatus status;
};

// Every day from the first record to today: its plan's verdict where a plan covered it.
void writeDays(Store& store, const DateRange& all, const std::vector<CheckinRecord>& checkins,
               CsvWriter& csv) {
  const auto parts = store.sessionParts(all);
  std::map<LogicalDate, DayRow> days;
  for (const auto& plan : store.plans()) {
    for (auto& status : evaluatePlanDays(plan, parts, all.to)) {
      if (status.date <= all.to) days[status.date] = {plan.id, std::move(status)};
    }
  }
  std::map<LogicalDate, std::pair<std::set<std::int64_t>, Millis>> activity;
  for (const auto& part : parts) {
    if (part.doneWorkPhases == 0) continue;
    activity[part.date].first.insert(part.sessionId);
    activity[part.date].second += part.workTime;
  }
  const auto pain = painSeries(checkins, all.from, all.to);
  for (const char* h : {"date", "plan_id", "plan_day", "state", "completion", "sessions",
                        "active_minutes", "pain_mean", "tightness_mean"}) {
    csv.plain(h);
  }
  csv.endRow();
  for (const auto& point : pain) {
    csv.plain(formatDate(point.date));
    const auto it = days.find(point.date);
    if (it != days.end()) {
      csv.number(*it->second.planId).number(std::int64_t{it->second.status.planDay});
      csv.plain(toString(it->second.status.state)).number(it->second.status.completion, 3);
    } else {
      csv.empty().empty().plain("no-plan").empty();
    }
    const auto act = activity.find(point.date);
    csv.number(
        std::int64_t{act == activity.end() ? 0 : static_cast<int>(act->second.first.size())});
    csv.number(act == activity.end() ? 0.0 : seconds(act->second.second) / 60.0, 1);
    csv.number(point.pain, 2).number(point.tightness, 2);
    csv.endRow();
  }
}

}  // namespace

std::vector<std::filesystem::path> exportCsv(Store& store, const std::filesystem::path& dir,
                                             const LocalInstant& now) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (!std::filesystem::is_directory(dir, ec))
    throw StoreError("cannot create the export folder " + dir.string());
  const LogicalDate today = store.dateFor(now);
  const auto recorded = store.recordedRange();
  const DateRange all{recorded ? std::min(recorded->from, today) : today,
                      recorded ? std::max(recorded->to, today) : today};
  const auto checkins = store.checkins(all);
  const std::vector<std::filesystem::path> files{dir / "sessions.csv", dir / "phases.csv",
                                                 dir / "checkins.csv", dir / "days.csv"};
  writeAtomically(files[0], [&](CsvWriter& csv) { writeSessions(store, all, csv); });
  writeAtomically(files[1], [&](CsvWriter& csv) { writePhases(store, csv); });
  writeAtomically(files[2], [&](CsvWriter& csv) { writeCheckins(checkins, csv); });
  writeAtomically(files[3], [&](CsvWriter& csv) {
    writeDays(store, {all.from, today}, checkins, csv);
  });
  return files;
}

}  // namespace unknot
