// The player: the routine's current phase drawn to be followed from two metres away, with
// controls. It reads a PlayerModel and returns what the user asked for; the runner applies the
// intent to the engine.
#pragma once

#include <span>

#include "ui/player_layout.hpp"
#include "ui/player_model.hpp"
#include "ui/ui_types.hpp"

namespace unknot {

// Space pauses or resumes, Right skips, Left goes back, Enter marks a phase done (only where
// Done is offered, so a stray Enter cannot cut a hold short), Esc stops, M mutes (when the run
// has sound).
PlayerIntent playerIntentForKey(UiKey key, const PlayerModel& model);

// The first key in `keys` that means something wins; otherwise a clicked button.
PlayerIntent drawPlayerView(const PlayerModel& model, const UiFonts& fonts,
                            std::span<const UiKey> keys);

// The window's background colour (the runner clears to it; a full-window quad would cost a
// software renderer a blended pass per frame): a highlight right after a phase change, and a
// warm tint through the last seconds of a phase.
ImU32 playerBackground(const PlayerModel& model);

// The current pose figure fitted into `box` (a panel no taller than its shape needs) on a
// faint panel; nothing without one.
void drawPlayerFigure(ImDrawList& list, Box box, const PlayerModel& model);

// Measures the countdown font ('0' and "00:00") for layoutPlayer.
DigitMetrics measureDigits(ImFont* digits);

FontSizes fontSizesOf(const UiFonts& fonts);

// Opens the borderless window that fills the display; every view draws into one.
void beginFullscreenWindow(const char* id);

}  // namespace unknot
