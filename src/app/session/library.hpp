// The routine library every front end works from: the bundled routines, then the user's own,
// loaded once from the folders the app resolved.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "app/session/app_paths.hpp"
#include "core/routine_library.hpp"

namespace unknot {

struct Library {
  RoutineLibrary routines;
  std::vector<std::filesystem::path> dirs;  // bundled first, then the user's (may be empty)
  LoaderOptions loader;
};

Library loadLibrary(const AppPaths& paths);

// What the routine folders hold right now (each *.toml's name, size and modification time), so
// a front end can tell cheaply whether loading them again would change anything.
std::string routineFilesStamp(const std::vector<std::filesystem::path>& dirs);

// The entry for `id` when it can run; otherwise null, with "no routine 'x'" or the file's
// errors on `err`.
const LibraryEntry* findRunnable(const Library& library, const std::string& id, std::ostream& err);

}  // namespace unknot
