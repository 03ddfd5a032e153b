// The routine model: what one schema-1 routine file says, after validation but before
// embedded routines are resolved and before expansion into timed phases.
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/duration.hpp"

namespace unknot {

enum class StepKind { Hold, Reps, Rest, Heat, Ice, Manual };
// Sore: the plan's sore side only, or both sides when the plan names none.
enum class Sides { None, Both, Left, Right, Sore };
enum class Side { None, Left, Right };
// How hard a session is: the plan picks one per day (docs/routines.md, "Levels").
enum class Level { Gentle, Standard, Strong };

// Categories are a closed set so the library can filter and the plan can set targets by them.
enum class Category { Stretch, FoamRoll, Massage, Strength, Thermal, Posture, Mixed };

// What a [steps.gentle] or [steps.strong] table changes; unset fields keep the standard value.
struct StepOverride {
  SourcePos pos;      // of the level table
  bool skip = false;  // the step is left out at this level
  std::optional<std::string> name;
  std::optional<Millis> duration;
  std::optional<int> reps;
  std::optional<Millis> repTime;
  std::optional<int> sets;
  std::optional<Millis> rest;
  std::optional<std::string> text;
  std::optional<std::string> say;   // already defaulted to the level's name when only that changed
  std::optional<std::string> pose;  // e.g. strong's single-leg bridge instead of the bridge
};

struct Step {
  SourcePos pos;  // of the [[steps]] table, for errors found after loading
  std::string name;
  StepKind kind = StepKind::Hold;
  std::optional<Millis> duration;  // required for hold, rest, heat, ice; cap for manual
  Sides sides = Sides::None;
  Millis switchTime{5000};
  int sets = 1;
  Millis rest{0};  // between sets
  int reps = 0;    // kind = reps only
  std::optional<Millis> repTime;
  std::string text;
  std::string say;              // already defaulted to name by the loader
  std::optional<bool> halfway;  // unset: default rule (timed and >= 20 s)
  int countdown = 3;
  std::filesystem::path sound;       // resolved, confined path; empty when none
  std::vector<std::string> muscles;  // from core/muscles.hpp's vocabulary
  std::string pose;                  // the drawn figure's id in the pose library; empty: none
  SourcePos posePos;                 // of the `pose` key, for errors found after loading
  // Indexed by Level; the standard entry stays empty (the step's own keys are that level).
  std::array<std::optional<StepOverride>, 3> levels;
  // Set when the step embeds another routine; every other field is then unused.
  std::string embeddedId;
  SourcePos embeddedPos;
};

struct Routine {
  std::string id;  // file stem
  std::filesystem::path path;
  std::string name;
  std::string summary;
  Category category = Category::Mixed;
  std::vector<std::string> tags;
  int rounds = 1;
  Millis restBetweenRounds{0};
  Millis prepare{5000};
  std::vector<Step> steps;
  Diagnostics warnings;  // e.g. heat/ice over 20 minutes
};

// The step as done at `level`, or nullopt when that level leaves it out.
std::optional<Step> stepAtLevel(const Step& step, Level level);
// Steps a person holds or repeats are shown as a figure; one without a pose leaves the player
// with only words. One warning per such step, positioned at the step.
Diagnostics stepsWithoutPose(const Routine& routine);
inline constexpr std::array<Level, 3> kLevels{Level::Gentle, Level::Standard, Level::Strong};

const char* toString(StepKind kind);
const char* toString(Sides sides);
const char* toString(Side side);
const char* toString(Category category);
const char* toString(Level level);
std::optional<Level> levelFromString(std::string_view text);
std::optional<Side> sideFromString(std::string_view text);  // "left" or "right"
std::optional<StepKind> stepKindFromString(std::string_view text);
std::optional<Sides> sidesFromString(std::string_view text);
std::optional<Category> categoryFromString(std::string_view text);

// Limits from docs/security.md; shared by loader, expansion and tests.
namespace limits {
inline constexpr std::uintmax_t kMaxFileBytes = 1024 * 1024;
inline constexpr size_t kMaxPhases = 500;
inline constexpr Millis kMaxStep{2LL * 3600 * 1000};
inline constexpr Millis kMaxRoutine{6LL * 3600 * 1000};
inline constexpr Millis kThermalWarning{20LL * 60 * 1000};
inline constexpr int kMaxRounds = 20;
inline constexpr int kMaxSets = 50;
inline constexpr int kMaxReps = 500;
inline constexpr int kMaxCountdown = 10;
inline constexpr size_t kMaxNameLength = 80;
}  // namespace limits

}  // namespace unknot
