// The library: routines as cards (name, category, total time, tags, warnings), filtered by
// category and search, with the selected routine's phases and a Start button. Broken routine
// files are listed with their errors rather than hidden; active red flags show as a banner.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/recovery/red_flags.hpp"
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
  enum class Kind { None, Start, Progress, Settings } kind = Kind::None;
  std::string routineId;
};

// What the category chips count: routines that loaded and match the search; broken files are
// counted apart (they are listed under "Could not load", not in any category).
struct ChipCounts {
  int all = 0;
  int broken = 0;
  std::map<Category, int> byCategory;
  int of(Category category) const {
    const auto it = byCategory.find(category);
    return it == byCategory.end() ? 0 : it->second;
  }
};
ChipCounts chipCounts(const LibraryModel& model, const std::string& search);

// A card's name on one line, or two when it does not fit (shrunk to 80 % at most before it is
// cut), so "Ball massage for the outer glutes" is read whole in a narrow list.
struct CardName {
  std::vector<std::string> lines;
  float size = 0;
};
CardName fitCardName(const std::string& name, ImFont* font, float size, float width,
                     const char* ellipsis);

// Indices of the items the filter lets through: loadable ones first, broken ones after.
std::vector<size_t> visibleItems(const LibraryModel& model, const LibraryFilter& filter);

// Up/Down move the selection through the visible items, Enter starts the selected routine
// when it loaded, P opens Progress, S Settings (ui/key_table). Keeps the selection on a visible
// item.
LibraryIntent applyLibraryKeys(const LibraryModel& model, LibraryViewState& state,
                               std::span<const UiKey> keys);

// `warnings`: the active red flags, shown as a banner at the top until they are down (a click
// on it opens Progress, where the advice is). A one-line "not medical advice" footer is always
// there.
LibraryIntent drawLibraryView(const LibraryModel& model, LibraryViewState& state,
                              const UiFonts& fonts, std::span<const UiKey> keys,
                              const std::vector<RedFlag>& warnings = {});

}  // namespace unknot
