// The right-hand panel of the library: one routine's description, warnings, Start button and
// expanded phases, or a broken file's errors.
#pragma once

#include "ui/library_model.hpp"
#include "ui/ui_types.hpp"

namespace unknot {

// Draws into the current ImGui window; true when Start was clicked.
bool drawLibraryDetails(const LibraryItem& item, const UiFonts& fonts);

}  // namespace unknot
