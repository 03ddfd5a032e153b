// The routine model: what one schema-1 routine file says, after validation but before
// embedded routines are resolved and before expansion into timed phases.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/duration.hpp"

namespace unknot {

enum class StepKind { Hold, Reps, Rest, Heat, Ice, Manual };
enum class Sides { None, Both, Left, Right };
enum class Side { None, Left, Right };
// How hard a session is: the plan picks one per day (docs/routines.md, "Levels").
enum class Level { Gentle, Standard, Strong };

// Categories are a closed set so the library can filter and the plan can set targets by them.
enum class Category { Stretch, FoamRoll, Massage, Strength, Thermal, Posture, Mixed };

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
  std::filesystem::path sound;  // resolved, confined path; empty when none
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
