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
