// The Progress view: which day of the plan it is, the calendar heat map, streak and adherence,
// the pain trend, totals per category and side, and red-flag advice at the top when any is due
// (urgent advice in its own red box first).
#pragma once

#include <span>

#include "ui/progress_model.hpp"
#include "ui/warning_box.hpp"

namespace unknot {

// The first key in `keys` that means something wins; otherwise a clicked button.
ProgressIntent drawProgressView(const ProgressViewModel& model, const UiFonts& fonts,
                                std::span<const UiKey> keys);

// Helpers shared with the check-in and plan views.
// A button in the accent colour (the main action of a screen).
bool accentButton(const char* label, ImVec2 size);

}  // namespace unknot
