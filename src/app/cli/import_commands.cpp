#include "app/cli/import_commands.hpp"

#include <istream>
#include <ostream>

#include "app/cli/command_support.hpp"
#include "app/session/routine_import.hpp"
#include "app/session/routine_install.hpp"

namespace unknot {

namespace fs = std::filesystem;

namespace {

bool ask(std::istream& in, std::ostream& out, const std::string& question) {
  out << question << " [y/N] " << std::flush;
  std::string answer;
  if (!std::getline(in, answer)) return false;
  return answer == "y" || answer == "Y" || answer == "yes";
}

}  // namespace

int importCommand(const AppPaths& paths, const Library& library, const ImportOptions& options,
                  std::istream& in, std::ostream& out, std::ostream& err) {
  return guarded(err, "import", [&] {
    if (options.files.empty()) throw UsageError{"expected one or more routine files"};
    if (paths.userRoutinesDir.empty()) {
      throw CommandFailure{"no routines folder: set HOME or XDG_CONFIG_HOME"};
    }
    // Read and check every file first; nothing is written unless all of them pass.
    const ImportCheck check =
        checkImports(std::vector<fs::path>(options.files.begin(), options.files.end()),
                     paths.userRoutinesDir, library.routines, library.loader);
    for (const ImportFile& file : check.files) {
      for (const Diagnostic& d : file.loaded.errors) err << d.toString() << '\n';
    }
    for (const std::string& problem : check.problems) err << errorLine("import", problem) << '\n';
    if (!check.ok()) {
      const bool findings = check.errors > 0;
      throw CommandFailure{
          "nothing was imported (" +
          counted(findings ? check.errors : static_cast<long long>(check.problems.size()),
                  findings ? "error" : "problem") +
          "; fix the files and try again)"};
    }
    // What each file would replace: a routine of the user's, or a bundled one it would hide.
    for (const ImportFile& file : check.files) {
      if (options.replace || (!file.replacesUserFile && !file.hidesBundled)) continue;
      const bool mine = file.replacesUserFile;
      const std::string what = mine ? "your routine " + displayPath(paths, file.target)
                                    : "the bundled routine '" + file.id + "'";
      if (options.interactive) {
        if (ask(in, out,
                (mine ? "Replace " : "Hide ") + what + " with " + file.source.filename().string() +
                    "?")) {
          continue;
        }
        throw CommandFailure{"kept " + what + "; nothing was imported"};
      }
      throw CommandFailure{file.source.string() + " would " + (mine ? "replace " : "hide ") + what +
                           "; nothing was imported (add --replace to " +
                           (mine ? "replace it)" : "hide it)")};
    }
    try {
      installImports(check, paths.userRoutinesDir);
    } catch (const InstallError& e) {
      throw CommandFailure{std::string(e.what()) + "; nothing was imported"};
    }
    out << "Imported " << counted(static_cast<long long>(check.files.size()), "routine") << " into "
        << displayPath(paths, paths.userRoutinesDir) << ":\n";
    for (const ImportFile& file : check.files) {
      out << "  " << file.id << "  " << file.loaded.routine->name << '\n';
    }
    out << "Run one with: unknot run " << check.files.front().id << '\n';
    return kExitOk;
  });
}

}  // namespace unknot
