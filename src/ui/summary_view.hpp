// The screen shown when a routine finishes or is stopped: what was done, then "again" or back
// to the library.
#pragma once

#include <span>
#include <string>

#include "core/session_tally.hpp"
#include "ui/player_model.hpp"
#include "ui/ui_types.hpp"

namespace unknot {

struct SummaryModel {
  const Plan* plan = nullptr;
  SessionSnapshot snapshot;  // state Finished or Stopped
  SessionTally tally;        // what was really done
};

// The words of the finish screen: "Mostly skipped", "00:15 of 03:35 planned (0% done)",
// "0 of 8 phases done · 8 skipped · 2 pauses". `dot` separates the counts.
struct SummaryLines {
  std::string headline;
  std::string time;
  std::string phases;
};
SummaryLines summaryLines(const SummaryModel& model, const char* dot);

// Enter or Esc go back to the library, R runs the routine again, C opens the check-in.
PlayerIntent summaryIntentForKey(UiKey key);

PlayerIntent drawSummaryView(const SummaryModel& model, const UiFonts& fonts,
                             std::span<const UiKey> keys);

}  // namespace unknot
