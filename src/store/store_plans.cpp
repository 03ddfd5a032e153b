// Plans and their versions: starting a plan cuts the previous one off; an edit is a new
// version from a date on, so past days keep the targets they had.
#include "store/store.hpp"

namespace unknot {

namespace {

std::int64_t nowMs(const LocalInstant& at) {
  return at.utc.time_since_epoch().count();
}

LogicalDate readDate(const Statement& row, int column) {
  const auto text = row.text(column);
  const auto date = parseDate(text);
  if (!date) throw StoreError("unreadable date '" + text + "' in the database");
  return *date;
}

std::vector<Target> loadTargets(Database& db, std::int64_t version) {
  std::vector<Target> targets;
  Statement query =
      db.prepare("SELECT spec FROM plan_targets WHERE version_id = ?1 ORDER BY position");
  query.bind(1, version);
  while (query.step()) {
    std::string error;
    auto target = parseTargetSpec(query.text(0), error);
    if (!target) throw StoreError("unreadable plan target in the database: " + error);
    targets.push_back(std::move(*target));
  }
  return targets;
}

RecoveryPlan loadPlan(Database& db, Statement& row) {
  RecoveryPlan plan;
  plan.id = row.int64(0);
  plan.start = readDate(row, 1);
  if (!row.isNull(2)) plan.cutOff = readDate(row, 2);
  Statement versions = db.prepare(
      "SELECT id, effective_from, weeks, rest_days_per_week, day_start_hour, sore_side, "
      "extra_sore_holds FROM plan_versions "
      "WHERE plan_id = ?1 ORDER BY effective_from");
  versions.bind(1, plan.id);
  while (versions.step()) {
    PlanVersion version;
    version.effectiveFrom = readDate(versions, 1);
    version.settings.weeks = versions.integer(2);
    version.settings.restDaysPerWeek = versions.integer(3);
    version.settings.dayStartHour = versions.integer(4);
    version.settings.soreSide = sideFromString(versions.text(5)).value_or(Side::None);
    version.settings.extraSoreHolds = versions.integer(6);
    version.settings.targets = loadTargets(db, versions.int64(0));
    plan.versions.push_back(std::move(version));
  }
  if (plan.versions.empty())
    throw StoreError("plan " + std::to_string(plan.id) + " has no settings");
  return plan;
}

void checkSettings(const PlanSettings& settings) {
  if (const auto error = validatePlanSettings(settings)) throw StoreError(*error);
}

}  // namespace

std::optional<RecoveryPlan> Store::currentPlan() {
  Statement row =
      m_db.prepare("SELECT id, start_date, cut_off_date FROM plans ORDER BY id DESC LIMIT 1");
  if (!row.step()) return std::nullopt;
  return loadPlan(m_db, row);
}

std::vector<RecoveryPlan> Store::plans() {
  std::vector<RecoveryPlan> out;
  Statement row = m_db.prepare("SELECT id, start_date, cut_off_date FROM plans ORDER BY id");
  while (row.step()) out.push_back(loadPlan(m_db, row));
  return out;
}

std::int64_t Store::insertPlanVersion(std::int64_t plan, LogicalDate from,
                                      const PlanSettings& settings, const LocalInstant& now) {
  m_db.prepare(R"sql(
    INSERT INTO plan_versions (plan_id, effective_from, weeks, rest_days_per_week,
      day_start_hour, created_utc_ms, sore_side, extra_sore_holds)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8))sql")
      .bind(1, plan)
      .bind(2, formatDate(from))
      .bind(3, settings.weeks)
      .bind(4, settings.restDaysPerWeek)
      .bind(5, settings.dayStartHour)
      .bind(6, nowMs(now))
      .bind(7, settings.soreSide == Side::None ? "both" : toString(settings.soreSide))
      .bind(8, settings.extraSoreHolds)
      .run();
  const std::int64_t version = m_db.lastInsertId();
  Statement target =
      m_db.prepare("INSERT INTO plan_targets (version_id, position, spec) VALUES (?1, ?2, ?3)");
  for (size_t i = 0; i < settings.targets.size(); ++i) {
    target.bind(1, version)
        .bind(2, static_cast<std::int64_t>(i))
        .bind(3, targetSpec(settings.targets[i]))
        .run();
    target.reset();
  }
  return version;
}

RecoveryPlan Store::startPlan(LogicalDate start, const PlanSettings& settings,
                              const LocalInstant& now) {
  checkSettings(settings);
  Transaction transaction(m_db);
  const std::string lastOld = formatDate(start - std::chrono::days(1));
  m_db.prepare("UPDATE plans SET cut_off_date = ?1 WHERE cut_off_date IS NULL OR cut_off_date > ?1")
      .bind(1, lastOld)
      .run();
  m_db.prepare("INSERT INTO plans (start_date, created_utc_ms) VALUES (?1, ?2)")
      .bind(1, formatDate(start))
      .bind(2, nowMs(now))
      .run();
  const std::int64_t id = m_db.lastInsertId();
  insertPlanVersion(id, start, settings, now);
  transaction.commit();
  m_dayStartHour.reset();
  return *currentPlan();
}

RecoveryPlan Store::editPlan(LogicalDate from, const PlanSettings& settings,
                             const LocalInstant& now) {
  checkSettings(settings);
  auto plan = currentPlan();
  if (!plan) throw StoreError("there is no plan to edit; start one with `unknot plan start`");
  from = std::max(from, plan->start);
  Transaction transaction(m_db);
  // Versions from `from` on are replaced; earlier days keep theirs.
  m_db.prepare("DELETE FROM plan_versions WHERE plan_id = ?1 AND effective_from >= ?2")
      .bind(1, plan->id)
      .bind(2, formatDate(from))
      .run();
  insertPlanVersion(plan->id, from, settings, now);
  transaction.commit();
  m_dayStartHour.reset();
  return *currentPlan();
}

void Store::setLevelOverride(std::optional<Level> level, LogicalDate from,
                             const LocalInstant& now) {
  const auto plan = currentPlan();
  if (!plan)
    throw StoreError("there is no plan to set a level for; start one with `unknot plan start`");
  m_db.prepare(
          "INSERT INTO level_overrides (plan_id, effective_from, level, created_utc_ms) "
          "VALUES (?1, ?2, ?3, ?4)")
      .bind(1, plan->id)
      .bind(2, formatDate(std::max(from, plan->start)))
      .bind(3, level ? toString(*level) : "auto")
      .bind(4, nowMs(now))
      .run();
}

std::vector<LevelOverride> Store::levelOverrides(std::int64_t planId) {
  std::vector<LevelOverride> out;
  Statement query = m_db.prepare(
      "SELECT effective_from, level FROM level_overrides WHERE plan_id = ?1 "
      "ORDER BY effective_from, id");
  query.bind(1, planId);
  while (query.step()) {
    // A level this version does not know (a newer one wrote it) reads as `auto`.
    out.push_back({readDate(query, 0), levelFromString(query.text(1))});
  }
  return out;
}

}  // namespace unknot
