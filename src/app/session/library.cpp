#include "app/session/library.hpp"

#include <ostream>

namespace unknot {

Library loadLibrary(const AppPaths& paths) {
  Library library;
  library.dirs = {paths.routinesDir, paths.userRoutinesDir};
  library.loader.assetsDir = paths.assetsDir;
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

const LibraryEntry* findRunnable(const Library& library, const std::string& id, std::ostream& err) {
  const LibraryEntry* entry = library.routines.find(id);
  if (!entry) {
    err << "unknot: no routine '" << id << "' (see `unknot list`)\n";
    return nullptr;
  }
  if (!entry->ok()) {
    for (const auto& e : entry->errors) err << e.toString() << '\n';
    return nullptr;
  }
  return entry;
}

}  // namespace unknot
