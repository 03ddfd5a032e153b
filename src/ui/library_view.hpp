// The library: routines as cards (name, category, total time, tags, warnings), filtered by
// category and search, with the selected routine's phases and a Start button. Broken routine
// files are listed with their errors rather than hidden.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ui/library_model.hpp"
#include "ui/ui_types.hpp"

namespace unknot {

// What the library remembers between frames; owned by the runner.
struct LibraryViewState {
  std::array<char, 128> search{};
  std::optional<Category> category;
  std::string selectedId;
  bool scrollToSelected = false;
  LibraryFilter filter() const;
};

struct LibraryIntent {
  enum class Kind { None, Start, Progress } kind = Kind::None;
  std::string routineId;
};

// Indices of the items the filter lets through: loadable ones first, broken ones after.
std::vector<size_t> visibleItems(const LibraryModel& model, const LibraryFilter& filter);

// Up/Down move the selection through the visible items, Enter starts the selected routine
// when it loaded, P opens Progress. Keeps the selection on a visible item.
LibraryIntent applyLibraryKeys(const LibraryModel& model, LibraryViewState& state,
                               std::span<const UiKey> keys);

LibraryIntent drawLibraryView(const LibraryModel& model, LibraryViewState& state,
                              const UiFonts& fonts, std::span<const UiKey> keys);

}  // namespace unknot
