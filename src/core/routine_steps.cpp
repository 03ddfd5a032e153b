#include "core/routine_steps.hpp"

#include <algorithm>
#include <array>

#include "core/closest_match.hpp"
#include "core/routine_levels.hpp"
#include "core/routine_loader.hpp"

namespace unknot::loader {

namespace {

namespace fs = std::filesystem;

constexpr std::array<std::string_view, 20> kStepKeys{
    "name",    "kind",     "duration", "sides",  "switch",  "sets",      "rest",
    "reps",    "rep_time", "text",     "say",    "halfway", "countdown", "sound",
    "routine", "muscles",  "pose",     "gentle", "strong",  "standard"};

constexpr Millis kOneSecond{1000};

std::string kindWord(StepKind kind) {
  return std::string("\"") + toString(kind) + "\"";
}

// An embedding step only names the routine; anything else in it would be silently ignored.
std::optional<Step> readEmbed(Report& report, Fields& fields, const toml::table& table, Step step,
                              const std::string& prefix) {
  const size_t before = report.errorCount();
  for (auto&& [key, value] : table) {
    if (key.str() == "routine") continue;
    const bool stepKey =
        std::find(kStepKeys.begin(), kStepKeys.end(), key.str()) != kStepKeys.end();
    report.error(posOf(key.source()),
                 stepKey ? prefix + "." + std::string(key.str()) +
                               ": not allowed together with 'routine' (an embedded routine "
                               "brings its own steps; change them in its file)"
                         : prefix + ": unknown key " + quotedKey(key.str()) +
                               " (a step with 'routine' takes no other key)");
  }
  const toml::node& node = *fields.find("routine");
  const auto* id = node.as_string();
  if (!id || !isValidRoutineId(id->get())) {
    fields.invalid("routine",
                   "expected the id of another routine (its file name without .toml: a-z, 0-9 "
                   "and '-'), found " +
                       describe(node));
  } else {
    step.embeddedId = id->get();
    step.embeddedPos = posOf(node);
  }
  if (report.errorCount() != before) return std::nullopt;
  return step;
}

// duration is the length of hold/rest/heat/ice, an optional cap for manual, and meaningless
// for reps (reps × rep_time times those).
void readWorkDuration(Report& report, Fields& fields, Step& step, std::optional<StepKind> kind) {
  if (!kind) {
    fields.duration("duration", kOneSecond);
    return;
  }
  if (*kind == StepKind::Reps) {
    if (fields.has("duration")) {
      fields.invalid("duration",
                     "not used by kind \"reps\": a reps step lasts reps x rep_time, or waits "
                     "for Done without rep_time");
    }
    return;
  }
  if (!fields.has("duration")) {
    if (*kind != StepKind::Manual) {
      const std::string which = fields.has("kind") ? kindWord(*kind) : "\"hold\", the default";
      fields.missing("duration", "(required for kind " + which + "), e.g. duration = \"45s\"");
    }
    return;
  }
  step.duration = fields.duration("duration", kOneSecond);
  if (step.duration) warnLongThermal(report, fields, *kind, *step.duration);
}

void readReps(Fields& fields, Step& step, std::optional<StepKind> kind) {
  if (kind && *kind != StepKind::Reps) {
    for (std::string_view key : {"reps", "rep_time"}) {
      if (fields.has(key)) {
        fields.invalid(key, "only used by kind \"reps\", this step is " + kindWord(*kind));
      }
    }
    return;
  }
  if (kind && !fields.has("reps")) {
    fields.missing("reps", "(required for kind \"reps\"), e.g. reps = 12");
  }
  if (auto reps = fields.integer("reps", 1, limits::kMaxReps)) step.reps = static_cast<int>(*reps);
  step.repTime = fields.duration("rep_time", kOneSecond);
  if (step.reps > 0 && step.repTime && *step.repTime * step.reps > limits::kMaxStep) {
    fields.invalid("rep_time",
                   std::to_string(step.reps) + " reps x " + formatDuration(*step.repTime) + " = " +
                       formatDuration(*step.repTime * step.reps) + ", expected at most " +
                       formatDuration(limits::kMaxStep) + " per set");
  }
}

std::optional<StepKind> readKind(Fields& fields) {
  if (!fields.has("kind")) return StepKind::Hold;
  const auto kind = fields.choice("kind", {"hold", "reps", "rest", "heat", "ice", "manual"});
  if (!kind) return std::nullopt;
  return stepKindFromString(*kind);
}

void readPresentation(Fields& fields, Step& step, const SoundRoots& soundRoots) {
  if (auto text = fields.text("text")) step.text = *text;
  if (auto say = fields.text("say")) {
    step.say = *say;
  } else {
    step.say = step.name;
  }
  step.halfway = fields.boolean("halfway");
  if (auto countdown = fields.integer("countdown", 0, limits::kMaxCountdown)) {
    step.countdown = static_cast<int>(*countdown);
  }
  if (fields.has("sound")) {
    if (auto sound = readSoundPath(fields, "sound", soundRoots)) step.sound = *sound;
  }
}

}  // namespace

std::optional<std::string> readPose(Fields& fields, const PoseIds& poseIds) {
  const toml::node* node = fields.find("pose");
  if (!node) return std::nullopt;
  const auto* id = node->as_string();
  if (!id || !isValidRoutineId(id->get())) {
    fields.invalid("pose",
                   "expected the id of a pose (a-z, 0-9 and '-', e.g. \"pigeon\"; see unknot "
                   "poses), found " +
                       describe(*node));
    return std::nullopt;
  }
  const std::string& name = id->get();
  if (poseIds && std::find(poseIds->begin(), poseIds->end(), name) == poseIds->end()) {
    std::string hint = didYouMean(name, *poseIds);
    if (hint.empty()) hint = " (see unknot poses for the ids)";
    fields.invalid("pose", "unknown pose " + quotedKey(name) + hint);
    return std::nullopt;
  }
  return name;
}

void warnLongThermal(Report& report, Fields& fields, StepKind kind, Millis duration) {
  const bool thermal = kind == StepKind::Heat || kind == StepKind::Ice;
  if (!thermal || duration <= limits::kThermalWarning) return;
  report.warning(posOf(*fields.find("duration")),
                 fields.qualified("duration") + ": " + toString(kind) + " for " +
                     formatDuration(duration) + ": more than " +
                     std::to_string(limits::kThermalWarning.count() / 60000) +
                     " minutes per application risks skin damage; keep a cloth between skin and "
                     "the " +
                     (kind == StepKind::Heat ? "heat pack" : "ice pack"));
}

std::optional<Step> readStep(Report& report, const toml::node& node, size_t number,
                             const SoundRoots& soundRoots, const PoseIds& poseIds) {
  const std::string prefix = "steps[" + std::to_string(number) + "]";
  const auto* table = node.as_table();
  if (!table) {
    report.error(posOf(node), prefix + ": expected a table of step keys, found " + describe(node));
    return std::nullopt;
  }
  Fields fields(report, *table, prefix);
  Step step;
  step.pos = fields.tablePos();
  if (fields.has("routine")) return readEmbed(report, fields, *table, std::move(step), prefix);

  const size_t before = report.errorCount();
  fields.rejectUnknownKeys(kStepKeys);
  if (!fields.has("name")) {
    fields.missing("name",
                   "(every step needs a name, unless it embeds a routine with "
                   "routine = \"id\")");
  } else if (auto name = fields.label("name")) {
    step.name = *name;
  }
  const std::optional<StepKind> kind = readKind(fields);
  if (kind) step.kind = *kind;
  readWorkDuration(report, fields, step, kind);
  if (auto sides = fields.choice("sides", {"none", "both", "left", "right", "sore"})) {
    step.sides = *sidesFromString(*sides);
  }
  if (auto switchTime = fields.duration("switch", Millis(0))) step.switchTime = *switchTime;
  if (auto sets = fields.integer("sets", 1, limits::kMaxSets)) step.sets = static_cast<int>(*sets);
  if (auto rest = fields.duration("rest", Millis(0))) step.rest = *rest;
  readReps(fields, step, kind);
  readPresentation(fields, step, soundRoots);
  readMuscles(report, fields, step);
  if (auto pose = readPose(fields, poseIds)) {
    step.pose = std::move(*pose);
    step.posePos = posOf(*fields.find("pose"));
  }
  readLevels(report, *table, step, prefix, kind, fields.has("say"), kStepKeys, poseIds);
  if (report.errorCount() != before) return std::nullopt;
  return step;
}

}  // namespace unknot::loader
