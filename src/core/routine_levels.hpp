// Loader internals: a step's [steps.gentle] and [steps.strong] tables, its muscles, and the
// routine-wide rule that no level may leave every step out.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/routine.hpp"
#include "core/routine_fields.hpp"
#include "core/routine_loader.hpp"

namespace unknot::loader {

// Reads the level tables of the step table `table` into step.levels, checked against the
// step's kind and its standard values. `explicitSay`: the step set `say` itself, so a level
// that renames the step keeps it. `stepKeys` tells a step key a level cannot change from a typo.
// A level may name its own pose from `poseIds` (a harder variant of the same exercise).
void readLevels(Report& report, const toml::table& table, Step& step, const std::string& prefix,
                std::optional<StepKind> kind, bool explicitSay,
                std::span<const std::string_view> stepKeys, const PoseIds& poseIds);

// Reads `muscles`, each one from core/muscles.hpp's vocabulary and listed once.
void readMuscles(Report& report, Fields& fields, Step& step);

// Reports each level at which every step of a fully loaded routine is skipped.
void checkEveryLevelKeepsAStep(Report& report, const Routine& routine);

}  // namespace unknot::loader
