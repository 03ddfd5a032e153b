#include "core/routine_library.hpp"

#include <algorithm>
#include <map>

namespace unknot {

namespace {

namespace fs = std::filesystem;

// Every visible *.toml, sorted by name. Broken links and odd files are kept: the loader turns
// them into an entry with a message, which beats a routine silently missing from the list.
std::vector<fs::path> routineFilesIn(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  if (dir.empty() || !fs::is_directory(dir, ec)) return files;
  fs::directory_iterator it(dir, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const fs::path& file = it->path();
    const std::string name = file.filename().string();
    // Hidden files are editor locks and backups (".#pigeon.toml"), not routines.
    if (file.extension() != ".toml" || name.front() == '.') continue;
    if (it->is_directory(ec)) continue;
    files.push_back(file);
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

RoutineLibrary RoutineLibrary::load(const std::vector<fs::path>& dirs,
                                    const LoaderOptions& options) {
  std::map<std::string, LibraryEntry> byId;
  for (size_t i = 0; i < dirs.size(); ++i) {
    for (const fs::path& file : routineFilesIn(dirs[i])) {
      LibraryEntry entry;
      entry.id = file.stem().string();
      entry.path = file;
      entry.isUser = i > 0;
      LoadResult loaded = loadRoutineFile(file, options);
      entry.routine = std::move(loaded.routine);
      entry.errors = std::move(loaded.errors);
      byId.insert_or_assign(entry.id, std::move(entry));
    }
  }
  RoutineLibrary library;
  library.m_entries.reserve(byId.size());
  for (auto& [id, entry] : byId) library.m_entries.push_back(std::move(entry));
  library.expandAll();
  return library;
}

void RoutineLibrary::expandAll() {
  const RoutineResolver resolve = [this](std::string_view id) { return findRoutine(id); };
  for (LibraryEntry& entry : m_entries) {
    if (!entry.routine) continue;
    // "no routine with id 'x'" would be wrong when x exists but is broken; say so instead.
    for (const Step& step : entry.routine->steps) {
      const LibraryEntry* embedded = step.embeddedId.empty() ? nullptr : find(step.embeddedId);
      if (embedded && !embedded->routine) {
        entry.errors.push_back({entry.path.string(), step.embeddedPos,
                                "routine: '" + step.embeddedId + "' cannot be embedded: " +
                                    embedded->path.filename().string() + " has errors"});
      }
    }
    if (!entry.errors.empty()) continue;
    ExpandResult expanded = expand(*entry.routine, resolve);
    if (expanded.plan) {
      entry.plan = std::move(expanded.plan);
    } else {
      entry.errors = std::move(expanded.errors);
    }
  }
}

const LibraryEntry* RoutineLibrary::find(std::string_view id) const {
  auto it = std::lower_bound(
      m_entries.begin(), m_entries.end(), id,
      [](const LibraryEntry& entry, std::string_view key) { return entry.id < key; });
  return it != m_entries.end() && it->id == id ? &*it : nullptr;
}

const Routine* RoutineLibrary::findRoutine(std::string_view id) const {
  const LibraryEntry* entry = find(id);
  return entry && entry->routine ? &*entry->routine : nullptr;
}

}  // namespace unknot
