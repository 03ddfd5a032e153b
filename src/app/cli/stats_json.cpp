#include "app/cli/stats_json.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

namespace unknot {

namespace {

// Ordered: scripts and the tests read the document in the order the fields were always written.
using Json = nlohmann::ordered_json;

// Target names come from the command line, so they need not be UTF-8; a stats page must still
// come out rather than throw.
std::string dump(const Json& json) {
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// Four significant digits, as the figures have always been given; whole values stay integers so
// a ratio of 1 reads "1" and not "1.0".
Json number(double value) {
  if (!std::isfinite(value)) return nullptr;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4g", value);
  const double rounded = std::strtod(buffer, nullptr);
  // Past 2^53 (about 9e15) a double no longer tells whole numbers apart.
  if (std::abs(rounded) < 9e15 && rounded == std::trunc(rounded)) {
    return static_cast<std::int64_t>(rounded);
  }
  return rounded;
}

Json number(const std::optional<double>& value) {
  return value ? number(*value) : Json(nullptr);
}

Json minutes(Millis time) {
  return number(static_cast<double>(time.count()) / 60000.0);
}

Json targetJson(const Target& target) {
  return {{"what", describeTarget(target)},
          {"spec", targetSpec(target)},
          {"per_day", target.perDay},
          {"from_week", target.fromWeek}};
}

Json planJson(const ProgressSnapshot& snap) {
  if (!snap.hasPlan) return nullptr;
  const PlanSettings& settings = snap.plan.current();
  Json targets = Json::array();
  for (const Target& target : settings.targets) targets.push_back(targetJson(target));
  return {{"id", snap.plan.id},
          {"start", formatDate(snap.plan.start)},
          {"end", formatDate(snap.plan.end())},
          {"weeks", settings.weeks},
          {"day", snap.dayNumber},
          {"days", snap.dayCount},
          {"not_started", snap.notStarted},
          {"finished", snap.finished},
          {"rest_days_per_week", settings.restDaysPerWeek},
          {"day_start_hour", settings.dayStartHour},
          {"targets", std::move(targets)}};
}

Json dayJson(const DayStatus& day) {
  Json targets = Json::array();
  for (const TargetProgress& progress : day.targets) {
    targets.push_back({{"what", describeTarget(progress.target)},
                       {"done", progress.done},
                       {"per_day", progress.target.perDay}});
  }
  return {{"date", formatDate(day.date)}, {"plan_day", day.planDay},
          {"state", toString(day.state)}, {"completion", number(day.completion)},
          {"sessions", day.sessions},     {"minutes", minutes(day.activeTime)},
          {"targets", std::move(targets)}};
}

Json painJson(const ProgressSnapshot& snap) {
  Json series = Json::array();
  for (const PainPoint& point : snap.pain) {
    series.push_back({{"date", formatDate(point.date)},
                      {"pain", number(point.pain)},
                      {"tightness", number(point.tightness)},
                      {"pain_7d", number(point.pain7)},
                      {"tightness_7d", number(point.tightness7)}});
  }
  const PainComparison& compared = snap.painComparison;
  return {{"latest", number(snap.latestPain())},
          {"trend", toString(snap.painTrend.trend)},
          {"slope_per_week", number(snap.painTrend.slopePerWeek)},
          {"series", std::move(series)},
          {"baseline", number(compared.baseline)},
          {"baseline_days", compared.baselineDays},
          {"last_7_days", number(compared.recent)},
          {"previous_7_days", number(compared.previous)}};
}

Json flagJson(const RedFlag& flag) {
  return {{"kind", toString(flag.kind)},
          {"symptom", flag.symptom ? Json(toString(*flag.symptom)) : Json(nullptr)},
          {"date", formatDate(flag.date)},
          {"advice", flag.advice},
          {"level", toString(flag.level)},
          {"urgent", flag.urgent()},
          {"title", flagTitle(flag)},
          {"reason", flag.reason}};
}

Json sideJson(const SideTime& time) {
  return {{"left", minutes(time.left)}, {"right", minutes(time.right)}};
}

Json balanceJson(const DoseBalance& balance) {
  Json muscles = Json::array();
  for (const MuscleTime& muscle : balance.muscles) {
    Json entry = sideJson(muscle.time);
    entry["muscle"] = muscle.muscle;
    muscles.push_back(std::move(entry));
  }
  return {{"minutes_by_side", sideJson(balance.total)}, {"by_muscle", std::move(muscles)}};
}

Json changeJson(const LevelChange& change) {
  return {{"from", formatDate(change.from)},
          {"level", toString(change.level)},
          {"cause", toString(change.cause)},
          {"reason", change.reason}};
}

Json flaresJson(const ProgressSnapshot& snap) {
  Json flares = Json::array();
  for (const FlareDay& flare : snap.flares)
    flares.push_back({{"date", formatDate(flare.date)}, {"note", flare.note}});
  return flares;
}

Json levelJson(const ProgressSnapshot& snap) {
  if (!snap.hasPlan) return nullptr;
  Json history = Json::array();
  for (const LevelChange& change : snap.levels) history.push_back(changeJson(change));
  const LevelChange* today = snap.levelToday();
  const LevelChange* tomorrow = snap.levelTomorrow();
  const Side side = snap.dose.soreSide;
  return {{"today", toString(snap.dose.level)},
          {"since", today ? Json(formatDate(today->from)) : Json(nullptr)},
          {"reason", today ? Json(today->reason) : Json(nullptr)},
          {"tomorrow", tomorrow ? changeJson(*tomorrow) : Json(nullptr)},
          {"sore_side", side == Side::None ? "both" : toString(side)},
          {"extra_sore_holds", snap.dose.extraSoreHolds},
          {"history", std::move(history)}};
}

}  // namespace

std::string jsonString(std::string_view text) {
  return dump(Json(text));
}

std::string progressJson(const ProgressSnapshot& snap) {
  Json days = Json::array();
  for (const DayStatus& day : snap.days) days.push_back(dayJson(day));
  Json categories = Json::array();
  for (const CategoryTotal& total : snap.categories) {
    categories.push_back({{"category", toString(total.category)},
                          {"sessions", total.sessions},
                          {"minutes", minutes(total.time)}});
  }
  Json flags = Json::array();
  for (const RedFlag& flag : snap.redFlags) flags.push_back(flagJson(flag));
  const Json document = {
      {"today", formatDate(snap.today)},
      {"plan", planJson(snap)},
      {"streak", {{"current", snap.streaks.current}, {"longest", snap.streaks.longest}}},
      {"adherence",
       {{"so_far", number(snap.adherence)}, {"last_7_days", number(snap.adherenceLast7)}}},
      {"days", std::move(days)},
      {"categories", std::move(categories)},
      {"hold_minutes_by_side",
       {{"left", minutes(snap.leftHold)}, {"right", minutes(snap.rightHold)}}},
      {"level", levelJson(snap)},
      {"flare_days", flaresJson(snap)},
      {"hold_balance",
       {{"last_7_days", balanceJson(snap.balanceLast7)},
        {"window", balanceJson(snap.balanceWindow)}}},
      {"pain", painJson(snap)},
      {"red_flags", std::move(flags)},
      {"disclaimer", kNotMedicalAdvice}};
  return dump(document) + "\n";
}

}  // namespace unknot
