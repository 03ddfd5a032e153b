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

LibraryItem makeItem(const LibraryEntry& entry) {
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
    item.total = entry.plan->total;
    item.hasUntimed = entry.plan->hasUntimedPhases;
    for (const Phase& phase : entry.plan->phases) {
      item.phases.push_back(
          {phase.label, phase.side, phase.kind, phase.duration, phase.reps, phase.round});
    }
  } else {
    item.category.reset();
    for (const Diagnostic& error : entry.errors) item.errors.push_back(error.toString());
    if (item.errors.empty()) item.errors.push_back(item.path + ": could not be loaded");
  }
  return item;
}

}  // namespace

LibraryModel makeLibraryModel(const RoutineLibrary& library, std::string userRoutinesDir) {
  LibraryModel model;
  model.userRoutinesDir = std::move(userRoutinesDir);
  for (const LibraryEntry& entry : library.entries()) model.items.push_back(makeItem(entry));
  return model;
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
