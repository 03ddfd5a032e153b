// The library as the view sees it: one plain item per routine file (broken files included,
// with their errors), built once from the RoutineLibrary, plus the search/category filter.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/figure/figure_scene.hpp"
#include "core/figure/pose_loader.hpp"
#include "core/routine_library.hpp"

namespace unknot {

struct LibraryPhaseRow {
  std::string label;
  Side side = Side::None;
  PhaseKind kind = PhaseKind::Hold;
  std::optional<Millis> duration;  // nullopt: until Done
  int reps = 0;                    // reps phases
  int round = 1;
};

// One step's small figure in the detail's strip, on the side the step starts with.
struct LibraryFigure {
  std::string step;  // the step's name, for the tooltip
  const figure::Pose* pose = nullptr;
  figure::BodySide side = figure::BodySide::Right;
  figure::Bounds bounds;
};

struct LibraryItem {
  std::string id;
  std::string name;  // the routine's name, or the id when the file did not parse
  std::string summary;
  std::string path;
  std::optional<Category> category;  // nullopt when the file did not parse
  Millis total{0};
  bool hasUntimed = false;
  bool isUser = false;
  int rounds = 1;
  std::vector<std::string> tags;
  std::vector<std::string> warnings;  // messages only; the file is known
  std::vector<std::string> errors;    // full "path:line:column: message" lines
  std::vector<LibraryPhaseRow> phases;
  std::vector<LibraryFigure> figures;  // one per step that has a pose, in order
  bool ok() const { return errors.empty(); }
};

struct LibraryModel {
  std::vector<LibraryItem> items;  // by id, as the library sorts them
  std::string userRoutinesDir;     // shown when the library is empty
  std::string today;               // "Today: standard · sore side right"; empty without a plan
};

// Items show their phases and totals at `dose` (the plan's level and side today), so the detail
// lists what Start will run; `today` is the header's line about it. With `poses`, each item
// gets its strip of step figures.
LibraryModel makeLibraryModel(const RoutineLibrary& library, std::string userRoutinesDir,
                              const Dose& dose = {}, std::string today = {},
                              const figure::PoseLibrary* poses = nullptr);

// "Today: standard · sore side right" (`dot` between the parts); "" when the dose is not a plan's.
std::string todayLine(const Dose& dose, bool fromPlan, const char* dot);

struct LibraryFilter {
  std::optional<Category> category;  // nullopt: all
  std::string search;                // case-insensitive; matches name, id or a tag
};

// Broken items ignore the category (they have none) so they are never hidden by it.
bool matchesFilter(const LibraryItem& item, const LibraryFilter& filter);

// "Stretch", "Foam roll", ...
const char* categoryLabel(Category category);

// Every category, in the order the filter chips show them.
const std::vector<Category>& allCategories();

}  // namespace unknot
