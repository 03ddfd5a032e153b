// Merging plans: a plan met again (same UUID) gains the versions, targets and levels the other
// computer added; a plan only there is kept when it is newer than the one here (the one started
// last is the plan being followed), which is then cut off the day before it starts.
#include <chrono>

#include "store/store.hpp"

namespace unknot {

namespace {

bool found(Statement&& query) {
  return query.step();
}

}  // namespace

void Store::mergePlans(Database& theirs, MergeResult& result) {
  Statement plans = theirs.prepare(
      "SELECT id, uuid, start_date, created_utc_ms, cut_off_date, device FROM plans ORDER BY id");
  while (plans.step()) {
    std::int64_t ours = 0;
    Statement same = m_db.prepare("SELECT id FROM plans WHERE uuid = ?1");
    same.bind(1, plans.text(1));
    if (same.step()) {
      ours = same.int64(0);
    } else {
      Statement current =
          m_db.prepare("SELECT created_utc_ms, start_date FROM plans ORDER BY id DESC LIMIT 1");
      const bool haveOne = current.step();
      const std::string theirStart = plans.text(2);
      if (haveOne && plans.int64(3) <= current.int64(0)) {
        result.notes.push_back("kept your plan started " + current.text(1) +
                               ": the other record's plan started " + theirStart +
                               " is older and was not merged");
        continue;
      }
      const auto start = parseDate(theirStart);
      if (!start) throw StoreError("a plan in the other record has a bad start date");
      const std::string lastOld = formatDate(*start - std::chrono::days(1));
      if (haveOne) {
        result.notes.push_back("two plans: kept the newer one, started " + theirStart +
                               " on the other computer; yours (started " + current.text(1) +
                               ") now ends " + lastOld);
      }
      m_db.prepare(
              "UPDATE plans SET cut_off_date = ?1 WHERE cut_off_date IS NULL OR cut_off_date > ?1")
          .bind(1, lastOld)
          .run();
      Statement insert = m_db.prepare(
          "INSERT INTO plans (uuid, start_date, created_utc_ms, cut_off_date, device) "
          "VALUES (?1, ?2, ?3, ?4, ?5)");
      for (int c = 1; c <= 5; ++c) insert.bindColumn(c, plans, c);
      insert.run();
      ours = m_db.lastInsertId();
      ++result.plans;
    }
    Statement versions = theirs.prepare(
        "SELECT id, effective_from, weeks, rest_days_per_week, day_start_hour, created_utc_ms, "
        "sore_side, extra_sore_holds FROM plan_versions WHERE plan_id = ?1 ORDER BY id");
    versions.bind(1, plans.int64(0));
    while (versions.step()) {
      if (found(std::move(m_db.prepare("SELECT 1 FROM plan_versions WHERE plan_id = ?1 AND "
                                       "effective_from = ?2")
                              .bind(1, ours)
                              .bindColumn(2, versions, 1)))) {
        continue;
      }
      Statement insert = m_db.prepare(
          "INSERT INTO plan_versions (plan_id, effective_from, weeks, rest_days_per_week, "
          "day_start_hour, created_utc_ms, sore_side, extra_sore_holds) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
      insert.bind(1, ours);
      for (int c = 2; c <= 8; ++c) insert.bindColumn(c, versions, c - 1);
      insert.run();
      const std::int64_t version = m_db.lastInsertId();
      ++result.planVersions;
      Statement targets =
          theirs.prepare("SELECT position, spec FROM plan_targets WHERE version_id = ?1");
      targets.bind(1, versions.int64(0));
      while (targets.step()) {
        m_db.prepare("INSERT INTO plan_targets (version_id, position, spec) VALUES (?1, ?2, ?3)")
            .bind(1, version)
            .bindColumn(2, targets, 0)
            .bindColumn(3, targets, 1)
            .run();
      }
    }
    Statement levels = theirs.prepare(
        "SELECT effective_from, level, created_utc_ms FROM level_overrides WHERE plan_id = ?1 "
        "ORDER BY id");
    levels.bind(1, plans.int64(0));
    while (levels.step()) {
      if (found(std::move(m_db.prepare("SELECT 1 FROM level_overrides WHERE plan_id = ?1 AND "
                                       "effective_from = ?2 AND level = ?3 AND "
                                       "created_utc_ms = ?4")
                              .bind(1, ours)
                              .bindColumn(2, levels, 0)
                              .bindColumn(3, levels, 1)
                              .bindColumn(4, levels, 2)))) {
        continue;
      }
      m_db.prepare(
              "INSERT INTO level_overrides (plan_id, effective_from, level, created_utc_ms) "
              "VALUES (?1, ?2, ?3, ?4)")
          .bind(1, ours)
          .bindColumn(2, levels, 0)
          .bindColumn(3, levels, 1)
          .bindColumn(4, levels, 2)
          .run();
    }
  }
}

}  // namespace unknot
