// The Progress view: which day of the plan it is, the calendar heat map, streak and adherence,
// the pain trend, totals per category and side, and red-flag advice at the top when any is due.
#pragma once

#include <span>

#include "ui/progress_model.hpp"

namespace unknot {

// The first key in `keys` that means something wins; otherwise a clicked button.
ProgressIntent drawProgressView(const ProgressViewModel& model, const UiFonts& fonts,
                                std::span<const UiKey> keys);

// Helpers shared with the check-in and plan views.
// Height of `text` wrapped at `width`.
float wrappedTextHeight(ImFont* font, float size, std::string_view text, float width);
// A panel with a coloured edge holding the red-flag advice and the "not medical advice" line;
// drawn at the cursor and reserved. Nothing when `flags` is empty.
void drawRedFlagBox(const std::vector<RedFlag>& flags, const UiFonts& fonts, float width);
// A button in the accent colour (the main action of a screen).
bool accentButton(const char* label, ImVec2 size);

}  // namespace unknot
