// Routine files someone shared, checked as they will run once installed in the user's routines
// folder (their id, the folder their sounds come from, every dose, embeds resolved against each
// other and the library); what the CLI's `import` and the window's Open screen both use.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "app/session/library.hpp"
#include "core/routine_loader.hpp"

namespace unknot {

struct ImportFile {
  std::filesystem::path source;  // as the user gave it; findings name it
  std::string id;
  std::filesystem::path target;  // userRoutinesDir/<id>.toml
  std::string bytes;             // what was checked is what gets installed
  LoadResult loaded;             // findings with the source's path
  bool replacesUserFile = false;
  bool hidesBundled = false;  // a bundled routine has the same id
};

struct ImportCheck {
  std::vector<ImportFile> files;
  std::vector<std::string> problems;  // "<file>: <what>", for files that could not be read
  int errors = 0;                     // findings in the files read
  bool ok() const { return problems.empty() && errors == 0; }
};

// The id a shared file installs as: "glute-plan" for glute-plan.unknot.toml or glute-plan.toml;
// empty for any other name.
std::string importedId(const std::filesystem::path& file);

ImportCheck checkImports(const std::vector<std::filesystem::path>& files,
                         const std::filesystem::path& userRoutinesDir,
                         const RoutineLibrary& library, const LoaderOptions& loader);

// Installs every file of a check that is ok(), all or none; throws InstallError.
void installImports(const ImportCheck& check, const std::filesystem::path& userRoutinesDir);

}  // namespace unknot
