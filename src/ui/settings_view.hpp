// The settings screen (S from the library): look, sound, voice, calendar and the first-start
// notice, each change returned at once for the controller to apply and save. Tab and the
// arrows move between the controls; the focused one has a thick ring.
#pragma once

#include <span>

#include "ui/settings_model.hpp"
#include "ui/ui_types.hpp"

namespace unknot {

SettingsIntent drawSettingsView(const SettingsScreenModel& model, const UiFonts& fonts,
                                std::span<const UiKey> keys);

// The screen's keys (ui/key_table) to an intent; None for keys it does not use.
SettingsIntent settingsIntentForKey(UiKey key);

// A ring around the last item when the keyboard focus is on it, thick enough to see from a
// distance (Dear ImGui's own highlight is a thin line).
void drawFocusRing(float thickness);

}  // namespace unknot
