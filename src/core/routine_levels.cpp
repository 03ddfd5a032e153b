#include "core/routine_levels.hpp"

#include <algorithm>
#include <array>

#include "core/closest_match.hpp"
#include "core/muscles.hpp"
#include "core/routine_steps.hpp"

namespace unknot::loader {

namespace {

constexpr std::array<std::string_view, 10> kLevelKeys{
    "name", "duration", "reps", "rep_time", "sets", "rest", "text", "say", "pose", "skip"};
constexpr std::array<Level, 2> kOverridable{Level::Gentle, Level::Strong};
constexpr Millis kOneSecond{1000};

bool contains(std::span<const std::string_view> keys, std::string_view key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

// A level changes how much of the step is done, not what the step is: its kind, sides, sound
// and cues stay those of the standard level, so the two can never disagree about the exercise.
void rejectOtherKeys(Report& report, const toml::table& table, const std::string& prefix,
                     std::span<const std::string_view> stepKeys) {
  for (auto&& [key, value] : table) {
    if (contains(kLevelKeys, key.str())) continue;
    if (contains(stepKeys, key.str())) {
      report.error(posOf(key.source()),
                   prefix + "." + std::string(key.str()) +
                       ": a level cannot change it (a level table takes name, duration, reps, "
                       "rep_time, sets, rest, text, say, pose and skip)");
      continue;
    }
    report.error(posOf(key.source()), prefix + ": unknown key " + quotedKey(key.str()) +
                                          didYouMean(key.str(), kLevelKeys));
  }
}

void readAmounts(Report& report, Fields& fields, StepOverride& out, const Step& base,
                 std::optional<StepKind> kind) {
  const bool reps = kind == StepKind::Reps;
  if (fields.has("duration")) {
    if (reps) {
      fields.invalid("duration", "not used by kind \"reps\": a reps step lasts reps x rep_time");
    } else {
      out.duration = fields.duration("duration", kOneSecond);
      if (out.duration && kind) warnLongThermal(report, fields, *kind, *out.duration);
    }
  }
  if (kind && !reps) {
    for (std::string_view key : {"reps", "rep_time"}) {
      if (fields.has(key)) {
        fields.invalid(key, std::string("only used by kind \"reps\", this step is \"") +
                                toString(*kind) + "\"");
      }
    }
  } else {
    if (auto count = fields.integer("reps", 1, limits::kMaxReps))
      out.reps = static_cast<int>(*count);
    out.repTime = fields.duration("rep_time", kOneSecond);
    const int count = out.reps.value_or(base.reps);
    const std::optional<Millis> tick = out.repTime ? out.repTime : base.repTime;
    if (count > 0 && tick && *tick * count > limits::kMaxStep) {
      fields.invalid(fields.has("rep_time") ? "rep_time" : "reps",
                     std::to_string(count) + " reps x " + formatDuration(*tick) + " = " +
                         formatDuration(*tick * count) + ", expected at most " +
                         formatDuration(limits::kMaxStep) + " per set");
    }
  }
  if (auto sets = fields.integer("sets", 1, limits::kMaxSets)) out.sets = static_cast<int>(*sets);
  out.rest = fields.duration("rest", Millis(0));
}

std::optional<StepOverride> readOverride(Report& report, const toml::node& node,
                                         const std::string& prefix, const Step& base,
                                         std::optional<StepKind> kind, bool explicitSay,
                                         std::span<const std::string_view> stepKeys,
                                         const PoseIds& poseIds) {
  const auto* table = node.as_table();
  if (!table) {
    report.error(posOf(node), prefix +
                                  ": expected a table of what this level changes (e.g. "
                                  "[steps." +
                                  prefix.substr(prefix.rfind('.') + 1) +
                                  "] with duration = \"30s\"), found " + describe(node));
    return std::nullopt;
  }
  const size_t before = report.errorCount();
  rejectOtherKeys(report, *table, prefix, stepKeys);
  Fields fields(report, *table, prefix);
  StepOverride out;
  out.pos = fields.tablePos();
  out.skip = fields.boolean("skip").value_or(false);
  if (out.skip && table->size() > 1) {
    report.error(out.pos, prefix +
                              ": skip = true leaves the step out at this level, so its other "
                              "keys would do nothing; remove them");
  }
  out.name = fields.label("name");
  readAmounts(report, fields, out, base, kind);
  out.text = fields.text("text");
  out.say = fields.text("say");
  out.pose = readPose(fields, poseIds);
  // A step that never set `say` speaks its name, so a level that renames it speaks the new one.
  if (out.name && !out.say && !explicitSay) out.say = out.name;
  if (report.errorCount() != before) return std::nullopt;
  return out;
}

}  // namespace

void readLevels(Report& report, const toml::table& table, Step& step, const std::string& prefix,
                std::optional<StepKind> kind, bool explicitSay,
                std::span<const std::string_view> stepKeys, const PoseIds& poseIds) {
  if (const toml::node* standard = table.get("standard")) {
    report.error(posOf(*standard), prefix +
                                       ".standard: the step's own keys are its standard level; "
                                       "only [steps.gentle] and [steps.strong] change it");
  }
  for (Level level : kOverridable) {
    const toml::node* node = table.get(toString(level));
    if (!node) continue;
    step.levels[static_cast<size_t>(level)] = readOverride(
        report, *node, prefix + "." + toString(level), step, kind, explicitSay, stepKeys, poseIds);
  }
}

void readMuscles(Report& report, Fields& fields, Step& step) {
  const auto names = fields.stringList("muscles");
  if (!names) return;
  const auto& items = *fields.find("muscles")->as_array();
  for (size_t i = 0; i < names->size(); ++i) {
    const std::string& name = (*names)[i];
    const std::string where = fields.qualified("muscles") + "[" + std::to_string(i + 1) + "]: ";
    if (!isKnownMuscle(name)) {
      std::string hint = didYouMean(name, kMuscles);
      if (hint.empty()) hint = " (see docs/routines.md, \"Muscles\", for the names)";
      report.error(posOf(*items.get(i)), where + "unknown muscle " + quotedKey(name) + hint);
    } else if (std::find(names->begin(), names->begin() + static_cast<std::ptrdiff_t>(i), name) !=
               names->begin() + static_cast<std::ptrdiff_t>(i)) {
      report.error(posOf(*items.get(i)), where + quotedKey(name) + " is listed twice");
    } else {
      step.muscles.push_back(name);
    }
  }
}

void checkEveryLevelKeepsAStep(Report& report, const Routine& routine) {
  for (Level level : kOverridable) {
    const bool keepsOne = std::any_of(routine.steps.begin(), routine.steps.end(),
                                      [level](const Step& s) { return stepAtLevel(s, level); });
    if (keepsOne || routine.steps.empty()) continue;
    report.error({1, 1}, std::string("level ") + toString(level) +
                             ": every step has skip = true, so nothing is left to do; keep at "
                             "least one step at this level");
  }
}

}  // namespace unknot::loader
