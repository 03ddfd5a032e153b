// The set of routines the user can pick: bundled files first, then the user's own folder,
// where a file with the same id replaces the bundled one. A broken file is kept as an entry
// with its errors so views can list it instead of hiding it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/plan.hpp"
#include "core/routine_loader.hpp"

namespace unknot {

struct LibraryEntry {
  std::string id;
  std::filesystem::path path;
  bool isUser = false;
  std::optional<Routine> routine;  // parsed (may still fail expansion)
  std::optional<Plan> plan;        // set when the routine parsed and expanded cleanly
  Diagnostics errors;              // parse or expansion errors, one line each
  bool ok() const { return plan.has_value(); }
};

class RoutineLibrary {
 public:
  // Loads every *.toml in each directory in order (missing directories are skipped), then
  // resolves embedded routines and expands every routine.
  static RoutineLibrary load(const std::vector<std::filesystem::path>& dirs,
                             const LoaderOptions& options);

  // Entries sorted by id; broken ones included.
  const std::vector<LibraryEntry>& entries() const { return m_entries; }
  const LibraryEntry* find(std::string_view id) const;
  const Routine* findRoutine(std::string_view id) const;

 private:
  void expandAll();
  std::vector<LibraryEntry> m_entries;
};

}  // namespace unknot
