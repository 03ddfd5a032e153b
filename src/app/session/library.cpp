#include "app/session/library.hpp"

#include <ostream>

#include "app/session/exit_codes.hpp"
#include "core/closest_match.hpp"

namespace unknot {

figure::PoseLibrary loadPoses(const AppPaths& paths) {
  std::vector<std::filesystem::path> folders{paths.assetsDir / "poses"};
  if (!paths.userPosesDir.empty()) folders.push_back(paths.userPosesDir);
  return figure::PoseLibrary::load(folders);
}

Library loadLibrary(const AppPaths& paths) {
  Library library;
  library.poses = loadPoses(paths);
  library.dirs = {paths.routinesDir, paths.userRoutinesDir};
  library.loader.assetsDir = paths.assetsDir;
  // A broken pose file is reported by unknot poses; a step naming it is not a second mistake.
  std::vector<std::string> ids;
  for (const figure::PoseEntry& entry : library.poses.entries()) ids.push_back(entry.id);
  library.loader.poseIds = std::move(ids);
  library.routines = RoutineLibrary::load(library.dirs, library.loader);
  return library;
}

std::string routineFilesStamp(const std::vector<std::filesystem::path>& dirs) {
  std::string stamp;
  for (const auto& dir : dirs) {
    std::error_code ec;
    if (dir.empty() || !std::filesystem::is_directory(dir, ec)) continue;
    std::filesystem::directory_iterator it(dir, ec);
    for (; !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
      if (it->path().extension() != ".toml") continue;
      std::error_code ignored;
      const auto size = it->file_size(ignored);
      const auto time = it->last_write_time(ignored).time_since_epoch().count();
      stamp += it->path().string() + '|' + std::to_string(size) + '|' + std::to_string(time) + '\n';
    }
  }
  return stamp;
}

Runnable findRunnable(const Library& library, const std::string& id, std::string_view where,
                      std::ostream& err) {
  const LibraryEntry* entry = library.routines.find(id);
  const std::string prefix = "unknot: " + std::string(where) + ": ";
  if (!entry) {
    std::vector<std::string> ids;
    for (const auto& known : library.routines.entries()) ids.push_back(known.id);
    const std::string suggestion = didYouMean(id, ids);
    err << prefix << "no routine '" << id << "'"
        << (suggestion.empty() ? " (see unknot list)" : suggestion) << '\n';
    return {nullptr, kExitUsage};
  }
  if (!entry->ok()) {
    err << prefix << "routine '" << id << "' cannot run: "
        << (entry->errors.empty() ? std::string("unknown error") : entry->errors.front().toString())
        << " (see unknot validate)\n";
    return {nullptr, kExitFailure};
  }
  return {entry, kExitOk};
}

}  // namespace unknot
