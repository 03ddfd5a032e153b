// The screen a shared routine file opens on (`unknot --open FILE`, a double-click on a
// *.unknot.toml): what the routine is, its phases and any problems, with Import, Try once and
// Cancel. Model in, intent out, like every view.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "ui/ui_types.hpp"

namespace unknot {

struct OpenRoutineModel {
  std::string fileName;  // "desk-stretch.unknot.toml"
  std::string title;     // the routine's name, or the file name when it could not be read
  std::string summary;   // "stretch · 12 phases · 4m30s · installs as desk-stretch"
  std::vector<std::string> phases;    // "0:00  Seated figure four (left) 30s"
  std::vector<std::string> problems;  // path:line:column: message, or one line
  std::string replaces;    // "Importing replaces your routine ~/.config/..." (empty: nothing)
  std::string outcome;     // after Import: what happened, or why it failed
  bool canImport = false;  // no problems: Import and Try once are offered
};

enum class OpenRoutineIntent { None, Import, TryOnce, Cancel };

// Enter imports (when it can), R runs it once without importing, Escape cancels.
OpenRoutineIntent openRoutineIntentForKey(UiKey key, bool canImport);
OpenRoutineIntent drawOpenRoutineView(const OpenRoutineModel& model, const UiFonts& fonts,
                                      std::span<const UiKey> keys);

}  // namespace unknot
