#include "core/recovery/progress_stats.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace unknot {

using std::chrono::days;

RecoveryPlan activityPlan(LogicalDate today) {
  PlanSettings settings;
  settings.weeks = kNoPlanWindowDays / 7;
  std::string unused;
  settings.targets = {*parseTargetSpec("any=1", unused)};
  settings.restDaysPerWeek = 0;
  RecoveryPlan plan;
  plan.start = today - days(kNoPlanWindowDays - 1);
  plan.versions = {{plan.start, settings}};
  return plan;
}

DateRange sessionRange(const std::optional<RecoveryPlan>& plan, LogicalDate today) {
  const RecoveryPlan window = plan ? *plan : activityPlan(today);
  return {window.start, window.end()};
}

DateRange checkinRange(const std::optional<RecoveryPlan>& plan, LogicalDate today) {
  const DateRange sessions = sessionRange(plan, today);
  constexpr int kPainRuleDays = 2 * pain_rules::kWindowDays;
  // The level's first weekly review compares week 1's pain with the week before the plan.
  const LogicalDate from = plan ? sessions.from - days(pain_rules::kWindowDays) : sessions.from;
  return {std::min(from, today - days(kPainRuleDays - 1)), today};
}

LogicalDate trackingStart(const ProgressInput& input) {
  std::optional<LogicalDate> first = input.firstRecord;
  const auto take = [&first](LogicalDate date) {
    if (!first || date < *first) first = date;
  };
  if (input.plan) take(input.plan->start);
  for (const auto& part : input.parts) take(part.date);
  for (const auto& checkin : input.checkins) take(checkin.date);
  return first.value_or(input.today);
}

const DayStatus* ProgressSnapshot::day(LogicalDate date) const {
  for (const auto& status : days) {
    if (status.date == date) return &status;
  }
  return nullptr;
}

std::optional<double> ProgressSnapshot::latestPain() const {
  for (auto it = pain.rbegin(); it != pain.rend(); ++it) {
    if (it->pain) return it->pain;
  }
  return std::nullopt;
}

std::vector<RedFlag> ProgressSnapshot::symptomFlags() const {
  std::vector<RedFlag> out;
  for (const RedFlag& flag : redFlags) {
    if (flag.kind == RedFlagKind::Symptom) out.push_back(flag);
  }
  return out;
}

const LevelChange* ProgressSnapshot::levelToday() const {
  if (!hasPlan || today < plan.start) return nullptr;
  return levelChangeOn(levels, today);
}

const LevelChange* ProgressSnapshot::levelTomorrow() const {
  if (levels.empty() || levels.back().from != today + std::chrono::days(1)) return nullptr;
  return &levels.back();
}

namespace {

void addLevels(ProgressSnapshot& snap, const ProgressInput& input) {
  snap.flares = input.flares;
  const DateRange window{snap.plan.start, std::min(snap.today, snap.plan.end())};
  snap.balanceWindow = doseBalance(input.holds, window);
  snap.balanceLast7 = doseBalance(input.holds, {window.to - days(6), window.to});
  if (!snap.hasPlan) return;
  LevelInput levels;
  levels.plan = &snap.plan;
  levels.days = snap.days;
  levels.checkins = input.checkins;
  levels.flares = input.flares;
  levels.overrides = input.levelOverrides;
  levels.today = snap.today;
  snap.levels = levelHistory(levels);
  snap.dose =
      planDose(snap.plan, snap.levels, std::clamp(snap.today, snap.plan.start, snap.plan.end()));
}

void addTotals(ProgressSnapshot& snap, const std::vector<SessionPart>& parts) {
  std::map<Category, std::pair<std::set<std::int64_t>, Millis>> totals;
  for (const auto& part : parts) {
    if (!snap.plan.contains(part.date) || part.date > snap.today) continue;
    snap.leftHold += part.leftHold;
    snap.rightHold += part.rightHold;
    if (part.doneWorkPhases == 0) continue;
    auto& [sessions, time] = totals[part.category];
    sessions.insert(part.sessionId);
    time += part.workTime;
  }
  for (const auto& [category, total] : totals) {
    snap.categories.push_back({category, static_cast<int>(total.first.size()), total.second});
  }
}

void addPain(ProgressSnapshot& snap, const ProgressInput& input) {
  PainRuleInput rules;
  rules.today = snap.today;
  rules.plan = input.plan ? &*input.plan : nullptr;
  rules.checkins = input.checkins;
  rules.baseline = input.baseline;
  snap.painComparison = comparePain(rules);
  snap.redFlags = symptomFlags(input.symptomMarks);
  for (RedFlag& flag : painFlags(rules)) snap.redFlags.push_back(std::move(flag));
  sortFlags(snap.redFlags);
  const LogicalDate last = std::min(snap.today, snap.plan.end());
  if (last < snap.plan.start) return;
  snap.pain = painSeries(input.checkins, snap.plan.start, last);
  snap.painTrend = painTrend(dailyPain(snap.pain));
}

// The check-ins arrive in the order they were made, so the newest notes are at the back.
void addNotes(ProgressSnapshot& snap, const std::vector<CheckinRecord>& checkins) {
  for (auto it = checkins.rbegin(); it != checkins.rend(); ++it) {
    if (static_cast<int>(snap.notes.size()) == kSnapshotNotes) break;
    if (it->date <= snap.today && !it->note.empty()) snap.notes.push_back(*it);
  }
}

}  // namespace

ProgressSnapshot progressSnapshot(const ProgressInput& input) {
  ProgressSnapshot snap;
  snap.today = input.today;
  snap.hasPlan = input.plan.has_value();
  snap.plan = snap.hasPlan ? *input.plan : activityPlan(input.today);
  snap.dayCount = snap.plan.dayCount();
  snap.notStarted = input.today < snap.plan.start;
  snap.finished = input.today > snap.plan.end();
  snap.dayNumber = std::clamp(snap.plan.dayNumber(input.today), 0, snap.dayCount);
  std::vector<LogicalDate> flareDays;
  for (const FlareDay& flare : input.flares) flareDays.push_back(flare.date);
  snap.days =
      evaluatePlanDays(snap.plan, input.parts, input.today, trackingStart(input), flareDays);
  snap.streaks = computeStreaks(snap.days);
  const LogicalDate last = std::min(input.today, snap.plan.end());
  snap.adherence = adherence(snap.days, snap.plan.start, last);
  snap.adherenceLast7 = adherence(snap.days, last - days(6), last);
  addTotals(snap, input.parts);
  addPain(snap, input);
  addLevels(snap, input);
  addNotes(snap, input.checkins);
  return snap;
}

}  // namespace unknot
