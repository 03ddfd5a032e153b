#include "core/routine.hpp"

#include <array>
#include <utility>

namespace unknot {

namespace {

template <typename Enum, size_t N>
using Names = std::array<std::pair<Enum, const char*>, N>;

constexpr Names<StepKind, 6> kKindNames{{{StepKind::Hold, "hold"},
                                         {StepKind::Reps, "reps"},
                                         {StepKind::Rest, "rest"},
                                         {StepKind::Heat, "heat"},
                                         {StepKind::Ice, "ice"},
                                         {StepKind::Manual, "manual"}}};
constexpr Names<Sides, 5> kSidesNames{{{Sides::None, "none"},
                                       {Sides::Both, "both"},
                                       {Sides::Left, "left"},
                                       {Sides::Right, "right"},
                                       {Sides::Sore, "sore"}}};
constexpr Names<Category, 7> kCategoryNames{{{Category::Stretch, "stretch"},
                                             {Category::FoamRoll, "foam-roll"},
                                             {Category::Massage, "massage"},
                                             {Category::Strength, "strength"},
                                             {Category::Thermal, "thermal"},
                                             {Category::Posture, "posture"},
                                             {Category::Mixed, "mixed"}}};
constexpr Names<Level, 3> kLevelNames{
    {{Level::Gentle, "gentle"}, {Level::Standard, "standard"}, {Level::Strong, "strong"}}};

template <typename Enum, size_t N>
const char* nameOf(const Names<Enum, N>& names, Enum value) {
  for (const auto& [e, name] : names)
    if (e == value) return name;
  return "?";
}

template <typename Enum, size_t N>
std::optional<Enum> valueOf(const Names<Enum, N>& names, std::string_view text) {
  for (const auto& [e, name] : names)
    if (text == name) return e;
  return std::nullopt;
}

}  // namespace

std::optional<Step> stepAtLevel(const Step& step, Level level) {
  const auto& override = step.levels[static_cast<size_t>(level)];
  if (!override) return step;
  if (override->skip) return std::nullopt;
  Step out = step;
  if (override->name) out.name = *override->name;
  if (override->duration) out.duration = override->duration;
  if (override->reps) out.reps = *override->reps;
  if (override->repTime) out.repTime = override->repTime;
  if (override->sets) out.sets = *override->sets;
  if (override->rest) out.rest = *override->rest;
  if (override->pose) out.pose = *override->pose;
  if (override->text) out.text = *override->text;
  if (override->say) out.say = *override->say;
  out.levels = {};
  return out;
}

Diagnostics stepsWithoutPose(const Routine& routine) {
  Diagnostics warnings;
  for (size_t i = 0; i < routine.steps.size(); ++i) {
    const Step& step = routine.steps[i];
    if (!step.embeddedId.empty() || !step.pose.empty()) continue;
    if (step.kind != StepKind::Hold && step.kind != StepKind::Reps) continue;
    // A level can name another pose but never take one away, so the step's own is the test.
    warnings.push_back({routine.path.string(), step.pos,
                        "steps[" + std::to_string(i + 1) +
                            "]: no pose, so the player shows only words; add e.g. pose = "
                            "\"pigeon\" (see unknot poses)"});
  }
  return warnings;
}

const char* toString(StepKind kind) {
  return nameOf(kKindNames, kind);
}
const char* toString(Sides sides) {
  return nameOf(kSidesNames, sides);
}
const char* toString(Category category) {
  return nameOf(kCategoryNames, category);
}
const char* toString(Side side) {
  return side == Side::Left ? "left" : side == Side::Right ? "right" : "";
}
const char* toString(Level level) {
  return nameOf(kLevelNames, level);
}
std::optional<Level> levelFromString(std::string_view text) {
  return valueOf(kLevelNames, text);
}
std::optional<Side> sideFromString(std::string_view text) {
  if (text == "left") return Side::Left;
  if (text == "right") return Side::Right;
  return std::nullopt;
}
std::optional<StepKind> stepKindFromString(std::string_view text) {
  return valueOf(kKindNames, text);
}
std::optional<Sides> sidesFromString(std::string_view text) {
  return valueOf(kSidesNames, text);
}
std::optional<Category> categoryFromString(std::string_view text) {
  return valueOf(kCategoryNames, text);
}

}  // namespace unknot
