// The window's side of a shared routine file (`unknot --open FILE`): the file is checked as
// `unknot import` checks it, shown with its phases and problems, and then imported (all or
// nothing, saying where it went), tried once without importing, or left alone.
#pragma once

#include <filesystem>
#include <optional>
#include <span>

#include "app/session/app_paths.hpp"
#include "app/session/library.hpp"
#include "app/session/routine_import.hpp"
#include "ui/open_routine_view.hpp"

namespace unknot {

class GuiOpen {
 public:
  GuiOpen(const std::filesystem::path& file, const AppPaths& paths, const RoutineLibrary& library,
          const LoaderOptions& loader);

  const OpenRoutineModel& model() const { return m_model; }
  int revision() const { return m_revision; }

  enum class Outcome { Stay, Imported, TryOnce, Close };
  // Acts on the view's intent. Imported: the file is installed (the library should be read
  // again). TryOnce: tryPlan() holds the routine, expanded against the library, not installed.
  Outcome apply(OpenRoutineIntent intent);
  const std::optional<Plan>& tryPlan() const { return m_tryPlan; }
  const std::string& importedId() const { return m_id; }

 private:
  AppPaths m_paths;
  ImportCheck m_check;
  std::string m_id;
  std::optional<Plan> m_tryPlan;
  OpenRoutineModel m_model;
  int m_revision = 0;
};

}  // namespace unknot
