// The two screens that wait for an answer before anything else: the urgent advice (after a
// check-in, or at start, while an urgent warning sign is up: only a click dismisses it, so a
// key pressed by habit cannot wave it away) and the first-start notice (not medical advice;
// stop on sharp pain, numbness or tingling), acknowledged once.
#pragma once

#include <span>
#include <vector>

#include "core/recovery/red_flags.hpp"
#include "ui/ui_types.hpp"

namespace unknot {

// True once the button was clicked; keys do nothing here.
bool drawUrgentAdvice(const std::vector<RedFlag>& flags, const UiFonts& fonts);

// True once acknowledged: Enter or the button.
bool firstStartNoticeKeys(std::span<const UiKey> keys);
bool drawFirstStartNotice(const UiFonts& fonts, std::span<const UiKey> keys);

}  // namespace unknot
