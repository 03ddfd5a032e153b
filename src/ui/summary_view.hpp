// The screen shown when a routine finishes or is stopped: what was done, then "again" or back
// to the library.
#pragma once

#include <span>

#include "ui/player_model.hpp"
#include "ui/ui_types.hpp"

namespace unknot {

struct SummaryModel {
  const Plan* plan = nullptr;
  SessionSnapshot snapshot;  // state Finished or Stopped
  SessionTally tally;
};

// Enter or Esc go back to the library, R runs the routine again, C opens the check-in.
PlayerIntent summaryIntentForKey(UiKey key);

PlayerIntent drawSummaryView(const SummaryModel& model, const UiFonts& fonts,
                             std::span<const UiKey> keys);

}  // namespace unknot
