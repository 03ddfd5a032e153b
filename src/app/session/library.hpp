// The routine library every front end works from: the bundled routines, then the user's own,
// loaded once from the folders the app resolved.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "app/session/app_paths.hpp"
#include "core/figure/pose_loader.hpp"
#include "core/plan.hpp"
#include "core/routine_library.hpp"

namespace unknot {

struct Library {
  // Loaded first: a routine's `pose` must name one of these (bundled, then the user's own).
  figure::PoseLibrary poses;
  RoutineLibrary routines;
  std::vector<std::filesystem::path> dirs;  // bundled first, then the user's (may be empty)
  LoaderOptions loader;
};

Library loadLibrary(const AppPaths& paths);

// The bundled poses, then the user's own (a user file replaces a bundled one of the same id).
figure::PoseLibrary loadPoses(const AppPaths& paths);
// The ids of `poses`, for the routine loader to check step poses against.
PoseIds poseIdsOf(const figure::PoseLibrary& poses);

// What the routine folders hold right now (each *.toml's name, size and modification time), so
// a front end can tell cheaply whether loading them again would change anything.
std::string routineFilesStamp(const std::vector<std::filesystem::path>& dirs);

// The entry for `id` when it can run; otherwise null and the exit code, with one line on `err`:
// "unknot: <where>: no routine 'x'" (with a "did you mean", exit 2) or the file's first error
// (exit 1).
struct Runnable {
  const LibraryEntry* entry = nullptr;
  int exitCode = 0;
};
Runnable findRunnable(const Library& library, const std::string& id, std::string_view where,
                      std::ostream& err);

// The errors of `routine` expanded at every level, with and without the extra sore-side holds:
// a level changes durations and counts, and a sore side adds up to two holds to every two-sided
// step, so each can break the time and phase limits on its own.
Diagnostics expandEveryDose(const Routine& routine, const RoutineResolver& resolve);

}  // namespace unknot
