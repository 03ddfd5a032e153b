#include "app/session/library.hpp"

#include <algorithm>
#include <ostream>

#include "app/session/exit_codes.hpp"
#include "core/closest_match.hpp"

namespace unknot {

figure::PoseLibrary loadPoses(const AppPaths& paths) {
  std::vector<std::filesystem::path> folders{paths.assetsDir / "poses"};
  if (!paths.userPosesDir.empty()) folders.push_back(paths.userPosesDir);
  return figure::PoseLibrary::load(folders);
}

// A broken pose file is reported by unknot poses; a step naming it is not a second mistake.
PoseIds poseIdsOf(const figure::PoseLibrary& poses) {
  std::vector<std::string> ids;
  for (const figure::PoseEntry& entry : poses.entries()) ids.push_back(entry.id);
  return ids;
}

Library loadLibrary(const AppPaths& paths) {
  Library library;
  library.poses = loadPoses(paths);
  library.dirs = {paths.routinesDir, paths.userRoutinesDir};
  library.loader.assetsDir = paths.assetsDir;
  library.loader.poseIds = poseIdsOf(library.poses);
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

// A message that several doses share is shown once.
Diagnostics expandEveryDose(const Routine& routine, const RoutineResolver& resolve) {
  Diagnostics errors;
  std::vector<std::string> seen;
  for (Level level : {Level::Standard, Level::Gentle, Level::Strong}) {
    for (const Dose& dose : {Dose{level}, Dose{level, Side::Right, 2}}) {
      for (Diagnostic& e : expand(routine, resolve, dose).errors) {
        const std::string line = e.toString();
        if (std::find(seen.begin(), seen.end(), line) != seen.end()) continue;
        seen.push_back(line);
        std::string where;
        if (level != Level::Standard) where = std::string("at the ") + toString(level) + " level";
        if (dose.soreSide != Side::None) {
          where += (where.empty() ? "" : ", ") + std::string("with 2 extra sore-side holds");
        }
        if (!where.empty()) e.message = where + ": " + e.message;
        errors.push_back(std::move(e));
      }
    }
  }
  return errors;
}

}  // namespace unknot
