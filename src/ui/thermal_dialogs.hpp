// The two dialogs before a heat/ice cycle starts: the confirmation asked before applications over
// 20 minutes, and the offer to resume a cycle an earlier run left open. Their keys come from
// thermalConfirmKeys() and resumeKeys(), as their buttons and the ? overlay do.
#pragma once

#include <span>
#include <string>

#include "ui/ui_types.hpp"

namespace unknot {

enum class ConfirmIntent { None, Start, Cancel };
// The confirmation's keys in order: U ticks or unticks the box, Enter starts only once it is
// ticked, Esc goes back.
ConfirmIntent applyLongThermalConfirmKeys(std::span<const UiKey> keys, bool& understood);
// "Heat lasts 25m per application ... Start anyway?"
ConfirmIntent drawLongThermalConfirm(const std::string& routineName, const std::string& warning,
                                     bool& understood, const UiFonts& fonts,
                                     std::span<const UiKey> keys);

enum class ResumeIntent { None, Resume, StartAgain, NotNow };
// Enter or R resume, S starts again (the stored cycle is dropped), Esc: not now (it stays).
ResumeIntent resumeIntentForKey(UiKey key);
// "Heat and ice is still under way from an earlier run ..."
ResumeIntent drawResumeOffer(const std::string& routineName, const std::string& where,
                             const UiFonts& fonts, std::span<const UiKey> keys);

}  // namespace unknot
