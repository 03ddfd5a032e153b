#include "ui/library_model.hpp"

#include <algorithm>
#include <cctype>

namespace unknot {

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool contains(std::string_view haystack, const std::string& lowerNeedle) {
  return lower(haystack).find(lowerNeedle) != std::string::npos;
}

bool isWork(PhaseKind kind) {
  return kind == PhaseKind::Hold || kind == PhaseKind::Reps || kind == PhaseKind::Heat ||
         kind == PhaseKind::Ice || kind == PhaseKind::Manual;
}

// A step is its first work phase of the first round; its other side and sets add no figure.
std::vector<LibraryFigure> figuresOf(const Plan& plan, const figure::PoseLibrary& poses) {
  std::vector<LibraryFigure> figures;
  std::string last;
  for (const Phase& phase : plan.phases) {
    if (phase.round > 1 || !isWork(phase.kind)) continue;
    const std::string key = phase.routineId + "/" + phase.stepName;
    if (key == last) continue;
    last = key;
    const figure::Pose* pose = phase.pose.empty() ? nullptr : poses.find(phase.pose);
    if (!pose) continue;
    const figure::BodySide side =
        phase.side == Side::Left ? figure::BodySide::Left : figure::BodySide::Right;
    figures.push_back({phase.stepName, pose, side, figure::poseBounds(*pose, side)});
  }
  return figures;
}

LibraryItem makeItem(const LibraryEntry& entry, const Plan* dosed,
                     const figure::PoseLibrary* poses) {
  LibraryItem item;
  item.id = entry.id;
  item.name = entry.id;
  item.path = entry.path.string();
  item.isUser = entry.isUser;
  if (entry.routine) {
    const Routine& routine = *entry.routine;
    item.name = routine.name;
    item.summary = routine.summary;
    item.category = routine.category;
    item.tags = routine.tags;
    item.rounds = routine.rounds;
    for (const Diagnostic& warning : routine.warnings) item.warnings.push_back(warning.message);
  }
  if (entry.plan) {
    const Plan& plan = dosed ? *dosed : *entry.plan;
    item.total = plan.total;
    item.hasUntimed = plan.hasUntimedPhases;
    for (const Phase& phase : plan.phases) {
      item.phases.push_back(
          {phase.label, phase.side, phase.kind, phase.duration, phase.reps, phase.round});
    }
    if (poses) item.figures = figuresOf(plan, *poses);
  } else {
    item.category.reset();
    for (const Diagnostic& error : entry.errors) item.errors.push_back(error.toString());
    if (item.errors.empty()) item.errors.push_back(item.path + ": could not be loaded");
  }
  return item;
}

}  // namespace

LibraryModel makeLibraryModel(const RoutineLibrary& library, std::string userRoutinesDir,
                              const Dose& dose, std::string today,
                              const figure::PoseLibrary* poses) {
  LibraryModel model;
  model.userRoutinesDir = std::move(userRoutinesDir);
  model.today = std::move(today);
  const Dose standard;
  const bool dosed = dose.level != standard.level || dose.soreSide != standard.soreSide;
  const RoutineResolver resolve = [&library](std::string_view id) {
    return library.findRoutine(id);
  };
  for (const LibraryEntry& entry : library.entries()) {
    // A routine that cannot run at this dose still shows (and starts) as written.
    std::optional<Plan> plan;
    if (dosed && entry.routine && entry.plan) plan = expand(*entry.routine, resolve, dose).plan;
    model.items.push_back(makeItem(entry, plan ? &*plan : nullptr, poses));
  }
  return model;
}

std::string todayLine(const Dose& dose, bool fromPlan, const char* dot) {
  if (!fromPlan) return {};
  std::string line = std::string("Today: ") + toString(dose.level);
  if (dose.soreSide != Side::None) {
    line += std::string(" ") + dot + " sore side " + toString(dose.soreSide);
  }
  return line;
}

bool matchesFilter(const LibraryItem& item, const LibraryFilter& filter) {
  if (item.ok() && filter.category && item.category != filter.category) return false;
  if (filter.search.empty()) return true;
  const std::string needle = lower(filter.search);
  if (contains(item.name, needle) || contains(item.id, needle)) return true;
  return std::any_of(item.tags.begin(), item.tags.end(),
                     [&](const std::string& tag) { return contains(tag, needle); });
}

const char* categoryLabel(Category category) {
  switch (category) {
    case Category::Stretch:
      return "Stretch";
    case Category::FoamRoll:
      return "Foam roll";
    case Category::Massage:
      return "Massage";
    case Category::Strength:
      return "Strength";
    case Category::Thermal:
      return "Heat & ice";
    case Category::Posture:
      return "Posture";
    case Category::Mixed:
      return "Mixed";
  }
  return "?";
}

const std::vector<Category>& allCategories() {
  static const std::vector<Category> categories = {
      Category::Stretch, Category::FoamRoll, Category::Massage, Category::Strength,
      Category::Thermal, Category::Posture,  Category::Mixed};
  return categories;
}

}  // namespace unknot
