// Reads one schema-1 routine file (TOML, via toml++) into a validated Routine. Routine files
// are shared between people, so this is the untrusted-input boundary: every problem becomes a
// positioned one-line Diagnostic, never an exception or a crash.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/routine.hpp"

namespace unknot {

struct LoadResult {
  std::optional<Routine> routine;  // set only when errors is empty
  Diagnostics errors;              // warnings live in routine->warnings
};

// The pose ids a step may name (the bundled library and the user's own poses). Unset: any
// well-formed id passes, for tools that read a routine without a pose library (the fuzzer).
using PoseIds = std::optional<std::vector<std::string>>;

struct LoaderOptions {
  // Where sound files named by a routine may live besides the routine's own folder.
  std::filesystem::path assetsDir;
  PoseIds poseIds;
};

// Parses routine text as if read from `path` (the id is the file stem). The entry point the
// fuzzer drives; loadRoutineFile reads the file and calls it.
LoadResult parseRoutine(std::string_view text, const std::filesystem::path& path,
                        const LoaderOptions& options);

// Reads and parses a file; refuses files over limits::kMaxFileBytes before reading them.
LoadResult loadRoutineFile(const std::filesystem::path& path, const LoaderOptions& options);

// True for ids made of [a-z0-9-], 1..64 characters (routine and pose ids alike).
bool isValidRoutineId(std::string_view id);

}  // namespace unknot
