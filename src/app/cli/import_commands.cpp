#include "app/cli/import_commands.hpp"

#include <fstream>
#include <istream>
#include <map>
#include <optional>
#include <ostream>
#include <sstream>

#include "app/cli/command_support.hpp"
#include "app/cli/library_commands.hpp"
#include "app/cli/routine_install.hpp"
#include "core/routine_loader.hpp"

namespace unknot {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kSharedSuffix = ".unknot.toml";

struct Candidate {
  fs::path source;
  std::string id;
  fs::path target;
  std::string bytes;
  LoadResult loaded;
};

bool endsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// The file's bytes, at most one past the loader's limit (which the loader then reports).
std::optional<std::string> readLimited(const fs::path& path, std::string& problem) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    problem = "no such file";
    return std::nullopt;
  }
  if (!fs::is_regular_file(status)) {
    problem = "not a routine file (a folder or a device)";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    problem = "cannot be read";
    return std::nullopt;
  }
  std::string bytes(limits::kMaxFileBytes + 1, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<size_t>(in.gcount()));
  return bytes;
}

// Messages name the file the user gave, not the place it is checked as.
void nameSource(Diagnostics& diagnostics, const fs::path& source) {
  for (Diagnostic& d : diagnostics) d.path = source.string();
}

bool ask(std::istream& in, std::ostream& out, const std::string& question) {
  out << question << " [y/N] " << std::flush;
  std::string answer;
  if (!std::getline(in, answer)) return false;
  return answer == "y" || answer == "Y" || answer == "yes";
}

}  // namespace

std::string importedId(const fs::path& file) {
  const std::string name = file.filename().string();
  if (endsWith(name, kSharedSuffix)) return name.substr(0, name.size() - kSharedSuffix.size());
  if (endsWith(name, ".toml")) return name.substr(0, name.size() - 5);
  return {};
}

int importCommand(const AppPaths& paths, const Library& library, const ImportOptions& options,
                  std::istream& in, std::ostream& out, std::ostream& err) {
  return guarded(err, "import", [&] {
    if (options.files.empty()) throw UsageError{"expected one or more routine files"};
    if (paths.userRoutinesDir.empty()) {
      throw CommandFailure{"no routines folder: set HOME or XDG_CONFIG_HOME"};
    }
    // Read and check every file first; nothing is written unless all of them pass.
    std::vector<Candidate> candidates;
    std::map<std::string, fs::path> byId;
    std::vector<std::string> problems;
    for (const std::string& name : options.files) {
      const fs::path source = name;
      Candidate c{source, importedId(source), {}, {}, {}};
      if (c.id.empty()) {
        problems.push_back(name + ": expected a routine file ending in .unknot.toml or .toml");
        continue;
      }
      std::string problem;
      const auto bytes = readLimited(source, problem);
      if (!bytes) {
        problems.push_back(name + ": " + problem);
        continue;
      }
      if (const auto [it, fresh] = byId.emplace(c.id, source); !fresh) {
        problems.push_back(name + " and " + it->second.string() + " would both be installed as " +
                           c.id + ".toml");
        continue;
      }
      c.bytes = *bytes;
      c.target = paths.userRoutinesDir / (c.id + ".toml");
      // Checked as the installed file: its id and the folder its sounds are found from.
      c.loaded = parseRoutine(c.bytes, c.target, library.loader);
      nameSource(c.loaded.errors, source);
      candidates.push_back(std::move(c));
    }
    // Embedded routines resolve against the other imported files, then the library.
    const RoutineResolver resolve = [&](std::string_view id) -> const Routine* {
      for (const Candidate& c : candidates) {
        if (c.id == id && c.loaded.routine) return &*c.loaded.routine;
      }
      return library.routines.findRoutine(id);
    };
    int errors = 0;
    for (Candidate& c : candidates) {
      if (c.loaded.routine) {
        c.loaded.errors = expandEveryDose(*c.loaded.routine, resolve);
        nameSource(c.loaded.errors, c.source);
      }
      for (const Diagnostic& d : c.loaded.errors) err << d.toString() << '\n';
      errors += static_cast<int>(c.loaded.errors.size());
    }
    for (const std::string& problem : problems) err << errorLine("import", problem) << '\n';
    if (errors > 0 || !problems.empty()) {
      const int broken = errors > 0 ? errors : static_cast<int>(problems.size());
      throw CommandFailure{"nothing was imported (" +
                           counted(broken, errors > 0 ? "error" : "problem") +
                           "; fix the files and try again)"};
    }
    // What each file would replace: a routine of the user's, or a bundled one it would hide.
    for (const Candidate& c : candidates) {
      std::error_code ec;
      const LibraryEntry* existing = library.routines.find(c.id);
      const bool userFile = fs::exists(c.target, ec);
      if (!userFile && !existing) continue;
      if (options.replace) continue;
      const std::string what = userFile ? "your routine " + displayPath(paths, c.target)
                                        : "the bundled routine '" + c.id + "'";
      const std::string verb = userFile ? "Replace " : "Hide ";
      if (options.interactive) {
        if (ask(in, out, verb + what + " with " + c.source.filename().string() + "?")) continue;
        throw CommandFailure{"kept " + what + "; nothing was imported"};
      }
      throw CommandFailure{c.source.string() + " would " + (userFile ? "replace " : "hide ") +
                           what + "; nothing was imported (add --replace to " +
                           (userFile ? "replace it)" : "hide it)")};
    }
    std::error_code ec;
    fs::create_directories(paths.userRoutinesDir, ec);
    if (ec) {
      throw CommandFailure{"cannot create " + paths.userRoutinesDir.string() + ": " + ec.message()};
    }
    std::vector<InstallFile> files;
    for (const Candidate& c : candidates) files.push_back({c.target, c.bytes});
    try {
      installAll(files);
    } catch (const InstallError& e) {
      throw CommandFailure{std::string(e.what()) + "; nothing was imported"};
    }
    out << "Imported " << counted(static_cast<long long>(candidates.size()), "routine") << " into "
        << displayPath(paths, paths.userRoutinesDir) << ":\n";
    for (const Candidate& c : candidates) {
      out << "  " << c.id << "  " << c.loaded.routine->name << '\n';
    }
    out << "Run one with: unknot run " << candidates.front().id << '\n';
    return kExitOk;
  });
}

}  // namespace unknot
