#include "app/gui/gui_open.hpp"

#include "app/session/routine_install.hpp"
#include "core/duration.hpp"
#include "core/phase_text.hpp"

namespace unknot {

namespace {

std::string clock(Millis offset) {
  const long long seconds = offset.count() / 1000;
  return std::to_string(seconds / 60) + ":" + (seconds % 60 < 10 ? "0" : "") +
         std::to_string(seconds % 60);
}

}  // namespace

GuiOpen::GuiOpen(const std::filesystem::path& file, const AppPaths& paths,
                 const RoutineLibrary& library, const LoaderOptions& loader)
    : m_paths(paths), m_check(checkImports({file}, paths.userRoutinesDir, library, loader)) {
  m_model.fileName = file.filename().string();
  m_model.title = m_model.fileName;
  for (const std::string& problem : m_check.problems) m_model.problems.push_back(problem);
  if (paths.userRoutinesDir.empty()) {
    m_model.problems.push_back("there is no routines folder to import into (no HOME)");
  }
  if (m_check.files.empty()) return;
  const ImportFile& imported = m_check.files.front();
  m_id = imported.id;
  for (const Diagnostic& d : imported.loaded.errors) m_model.problems.push_back(d.toString());
  if (!imported.loaded.routine) return;
  const Routine& routine = *imported.loaded.routine;
  m_model.title = routine.name;
  const RoutineResolver resolve = [&library](std::string_view id) {
    return library.findRoutine(id);
  };
  if (ExpandResult expanded = expand(routine, resolve); expanded.plan) {
    m_tryPlan = std::move(expanded.plan);
    for (const Phase& phase : m_tryPlan->phases) {
      m_model.phases.push_back(clock(phase.offset) + "   " + phaseTitle(phase) +
                               (phase.duration ? "  " + formatDuration(*phase.duration) : ""));
    }
    m_model.summary = std::string(toString(routine.category)) + " \xC2\xB7 " +
                      std::to_string(m_tryPlan->phases.size()) + " phases \xC2\xB7 " +
                      formatDuration(m_tryPlan->total) + " \xC2\xB7 installs as " + m_id;
  }
  m_model.canImport = m_check.ok() && m_model.problems.empty() && m_tryPlan.has_value();
  if (m_model.canImport && imported.replacesUserFile) {
    m_model.replaces =
        "Importing replaces your routine " + displayPath(paths, imported.target) + ".";
  } else if (m_model.canImport && imported.hidesBundled) {
    m_model.replaces = "Importing hides the bundled routine '" + m_id + "' (yours is used).";
  }
}

GuiOpen::Outcome GuiOpen::apply(OpenRoutineIntent intent) {
  switch (intent) {
    case OpenRoutineIntent::None:
      return Outcome::Stay;
    case OpenRoutineIntent::Cancel:
      return Outcome::Close;
    case OpenRoutineIntent::TryOnce:
      return m_tryPlan ? Outcome::TryOnce : Outcome::Stay;
    case OpenRoutineIntent::Import:
      break;
  }
  if (!m_model.canImport) return Outcome::Stay;
  ++m_revision;
  try {
    installImports(m_check, m_paths.userRoutinesDir);
  } catch (const InstallError& e) {
    m_model.outcome = std::string("Could not import it: ") + e.what() + "; nothing was changed.";
    return Outcome::Stay;
  }
  m_model.outcome = "Imported into " + displayPath(m_paths, m_paths.userRoutinesDir) + " as " +
                    m_id + ".toml: it is in your library now.";
  m_model.canImport = false;
  m_model.replaces.clear();
  return Outcome::Imported;
}

}  // namespace unknot
