#include "app/session/routine_import.hpp"

#include <fstream>
#include <map>
#include <optional>

#include "app/session/routine_install.hpp"

namespace unknot {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kSharedSuffix = ".unknot.toml";

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

}  // namespace

std::string importedId(const fs::path& file) {
  const std::string name = file.filename().string();
  if (endsWith(name, kSharedSuffix)) return name.substr(0, name.size() - kSharedSuffix.size());
  if (endsWith(name, ".toml")) return name.substr(0, name.size() - 5);
  return {};
}

ImportCheck checkImports(const std::vector<fs::path>& files, const fs::path& userRoutinesDir,
                         const RoutineLibrary& library, const LoaderOptions& loader) {
  ImportCheck check;
  std::map<std::string, fs::path> byId;
  for (const fs::path& source : files) {
    ImportFile file{source, importedId(source), {}, {}, {}};
    if (file.id.empty()) {
      check.problems.push_back(source.string() +
                               ": expected a routine file ending in .unknot.toml or .toml");
      continue;
    }
    std::string problem;
    auto bytes = readLimited(source, problem);
    if (!bytes) {
      check.problems.push_back(source.string() + ": " + problem);
      continue;
    }
    if (const auto [it, fresh] = byId.emplace(file.id, source); !fresh) {
      check.problems.push_back(source.string() + " and " + it->second.string() +
                               " would both be installed as " + file.id + ".toml");
      continue;
    }
    file.bytes = std::move(*bytes);
    file.target = userRoutinesDir / (file.id + ".toml");
    // Checked as the installed file: its id and the folder its sounds are found from.
    file.loaded = parseRoutine(file.bytes, file.target, loader);
    nameSource(file.loaded.errors, source);
    std::error_code ec;
    file.replacesUserFile = fs::exists(file.target, ec);
    const LibraryEntry* existing = library.find(file.id);
    file.hidesBundled = !file.replacesUserFile && existing && !existing->isUser;
    check.files.push_back(std::move(file));
  }
  // Embedded routines resolve against the other imported files, then the library.
  const RoutineResolver resolve = [&](std::string_view id) -> const Routine* {
    for (const ImportFile& file : check.files) {
      if (file.id == id && file.loaded.routine) return &*file.loaded.routine;
    }
    return library.findRoutine(id);
  };
  for (ImportFile& file : check.files) {
    if (file.loaded.routine) {
      file.loaded.errors = expandEveryDose(*file.loaded.routine, resolve);
      nameSource(file.loaded.errors, file.source);
    }
    check.errors += static_cast<int>(file.loaded.errors.size());
  }
  return check;
}

void installImports(const ImportCheck& check, const fs::path& userRoutinesDir) {
  std::error_code ec;
  fs::create_directories(userRoutinesDir, ec);
  if (ec) throw InstallError("cannot create " + userRoutinesDir.string() + ": " + ec.message());
  std::vector<InstallFile> files;
  for (const ImportFile& file : check.files) files.push_back({file.target, file.bytes});
  installAll(files);
}

}  // namespace unknot
