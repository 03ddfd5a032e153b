#include "app/cli/library_commands.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <ostream>
#include <system_error>

#include "app/cli/command_support.hpp"
#include "core/phase_text.hpp"

namespace unknot {

namespace {

std::string padded(std::string text, size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text + "  ";
}

std::vector<std::filesystem::path> tomlFilesIn(const std::filesystem::path& path, std::ostream& err,
                                               bool& failed) {
  std::error_code ec;
  // A dangling or looping link is there: the loader says what is wrong with it.
  if (!std::filesystem::exists(std::filesystem::symlink_status(path, ec))) {
    // A path that is not there is the command's problem, not a finding in a file.
    err << errorLine("validate", path.string() + ": no such file or folder") << '\n';
    failed = true;
    return {};
  }
  if (!std::filesystem::is_directory(path, ec)) return {path};
  std::vector<std::filesystem::path> files;
  for (const auto& item : std::filesystem::directory_iterator(path, ec)) {
    if (item.path().extension() == ".toml") files.push_back(item.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

int listCommand(const Library& library, std::ostream& out, std::ostream& err) {
  size_t idWidth = 2, nameWidth = 4;
  for (const auto& entry : library.routines.entries()) {
    idWidth = std::max(idWidth, entry.id.size());
    if (entry.ok()) nameWidth = std::max(nameWidth, entry.plan->name.size());
  }
  out << padded("ID", idWidth) << padded("NAME", nameWidth) << padded("CATEGORY", 9) << "TIME\n";
  int broken = 0;
  for (const auto& entry : library.routines.entries()) {
    if (!entry.ok()) {
      ++broken;
      out << padded(entry.id, idWidth)
          << "ERROR: " << (entry.errors.empty() ? "unknown error" : entry.errors.front().toString())
          << '\n';
      continue;
    }
    out << padded(entry.id, idWidth) << padded(entry.plan->name, nameWidth)
        << padded(toString(entry.plan->category), 9)
        << totalText(entry.plan->total, entry.plan->hasUntimedPhases);
    if (entry.isUser) out << "  (yours)";
    out << '\n';
    for (const auto& warning : entry.routine->warnings)
      out << "    warning: " << warning.toString() << '\n';
  }
  if (broken > 0) {
    err << errorLine("list", counted(broken, "routine file") +
                                 " could not be loaded (see the errors "
                                 "above, or unknot validate)")
        << '\n';
  }
  return kExitOk;
}

int listIdsCommand(const Library& library, std::ostream& out) {
  for (const auto& entry : library.routines.entries())
    if (entry.ok()) out << entry.id << '\n';
  return kExitOk;
}

int showCommand(const Library& library, const std::string& id, const Dose& dose,
                const std::string& doseNote, std::ostream& out, std::ostream& err) {
  const auto [entry, code] = findRunnable(library, id, "show", err);
  if (!entry) return code;
  const RoutineResolver resolve = [&](std::string_view other) {
    return library.routines.findRoutine(other);
  };
  // The library holds the standard plan; another dose is expanded here, and validate has
  // already made every level of a loadable routine expand (an error here is still reported).
  ExpandResult dosed = expand(*entry->routine, resolve, dose);
  if (!dosed.plan) {
    err << errorLine("show", "routine '" + id + "' cannot run at the " + toString(dose.level) +
                                 " level: " + dosed.errors.front().toString())
        << '\n';
    return kExitFailure;
  }
  const Plan& plan = *dosed.plan;
  out << plan.name << " (" << toString(plan.category) << ", " << toString(plan.level) << ", "
      << totalText(plan.total, plan.hasUntimedPhases);
  if (plan.soreSide != Side::None) out << ", sore side " << toString(plan.soreSide);
  out << ")\n";
  if (!doseNote.empty()) out << doseNote << '\n';
  if (!entry->routine->summary.empty()) out << entry->routine->summary << '\n';
  for (const auto& warning : entry->routine->warnings)
    out << "warning: " << warning.toString() << '\n';
  out << '\n' << padded("#", 3) << padded("START", 8) << padded("LENGTH", 8) << "PHASE\n";
  for (size_t i = 0; i < plan.phases.size(); ++i) {
    const Phase& phase = plan.phases[i];
    const std::string length = phase.duration ? formatDuration(*phase.duration) : "done";
    std::string title = phaseTitle(phase);
    if (phase.kind == PhaseKind::Reps) title += " - " + std::to_string(phase.reps) + " reps";
    if (const std::string counters = countersText(phase, "-"); !counters.empty())
      title += " - " + counters;
    out << padded(std::to_string(i + 1), 3) << padded(formatClock(phase.offset), 8)
        << padded(length, 8) << title << '\n';
  }
  return kExitOk;
}

int validateCommand(const Library& library, const std::vector<std::string>& paths,
                    std::ostream& out, std::ostream& err) {
  bool failed = false;
  std::vector<std::filesystem::path> files;
  for (const auto& path : paths) {
    for (auto& file : tomlFilesIn(path, err, failed)) files.push_back(std::move(file));
  }
  if (paths.empty()) {
    for (const auto& dir : library.dirs) {
      std::error_code ec;
      if (!std::filesystem::is_directory(dir, ec)) continue;
      for (auto& file : tomlFilesIn(dir, err, failed)) files.push_back(std::move(file));
    }
  }
  // Files validated together may embed each other; otherwise embedded ids come from the library.
  std::map<std::string, Routine, std::less<>> batch;
  std::vector<std::pair<std::filesystem::path, LoadResult>> results;
  for (const auto& file : files) {
    LoadResult result = loadRoutineFile(file, library.loader);
    if (result.routine) batch[result.routine->id] = *result.routine;
    results.emplace_back(file, std::move(result));
  }
  const RoutineResolver resolve = [&](std::string_view id) -> const Routine* {
    auto it = batch.find(id);
    return it != batch.end() ? &it->second : library.routines.findRoutine(id);
  };
  int errorCount = 0;
  for (auto& [file, result] : results) {
    if (result.routine) result.errors = expandEveryDose(*result.routine, resolve);
    for (const auto& e : result.errors) err << e.toString() << '\n';
    errorCount += static_cast<int>(result.errors.size());
    if (result.routine) {
      for (const auto& w : result.routine->warnings) err << "warning: " << w.toString() << '\n';
      // Only once the file is otherwise right: a missing figure is the least of its problems.
      if (result.errors.empty()) {
        for (const auto& w : stepsWithoutPose(*result.routine))
          err << "warning: " << w.toString() << '\n';
      }
    }
  }
  // A summary of nothing checked would read as a pass.
  if (!files.empty() || !failed) {
    out << counted(static_cast<long long>(files.size()), "file") << " checked, "
        << counted(errorCount, "error") << '\n';
  }
  return failed || errorCount > 0 ? kExitFailure : kExitOk;
}

}  // namespace unknot
