#include "app/session/library.hpp"

#include <ostream>

#include "app/session/exit_codes.hpp"
#include "core/closest_match.hpp"

namespace unknot {

Library loadLibrary(const AppPaths& paths) {
  Library library;
  library.dirs = {paths.routinesDir, paths.userRoutinesDir};
  library.loader.assetsDir = paths.assetsDir;
  library.routines = RoutineLibrary::load(library.dirs, library.loader);
  return library;
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
