// Loader internals: one [[steps]] table into a Step, and the confinement rule for sound files
// (a shared routine file must not make the app open files outside its own folders).
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "core/routine.hpp"
#include "core/routine_fields.hpp"
#include "core/routine_loader.hpp"

namespace unknot::loader {

// Folders a sound path may resolve into, in lookup order.
using SoundRoots = std::vector<std::filesystem::path>;

SoundRoots soundRootsFor(const std::filesystem::path& routinePath,
                         const std::filesystem::path& assetsDir);

// `number` is 1-based, as messages show it ("steps[2].duration"). Returns nullopt when the
// step has errors (already reported).
std::optional<Step> readStep(Report& report, const toml::node& node, size_t number,
                             const SoundRoots& soundRoots, const PoseIds& poseIds);

// Reads `pose` of `fields`: a pose id that `poseIds` holds (when set), with "did you mean".
std::optional<std::string> readPose(Fields& fields, const PoseIds& poseIds);

// Warns at `duration` of `fields` when heat or ice lasts longer than limits::kThermalWarning.
void warnLongThermal(Report& report, Fields& fields, StepKind kind, Millis duration);

// Reads `key` of `fields` as a relative sound path and resolves it, following symlinks, to a
// regular file inside one of `roots`. Reports and returns nullopt otherwise.
std::optional<std::filesystem::path> readSoundPath(Fields& fields, std::string_view key,
                                                   const SoundRoots& roots);

}  // namespace unknot::loader
