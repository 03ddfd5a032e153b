// The daily-reminder banner over whatever the window shows: "08:00 reminder: time for stretch
// (0 of 2 done today)" with Snooze 10 min, Silence today and a close button.
#pragma once

#include <string>

#include "ui/ui_types.hpp"

namespace unknot {

enum class BannerIntent { None, Snooze, Silence, Dismiss };

BannerIntent drawReminderBanner(const std::string& text, const UiFonts& fonts);

}  // namespace unknot
