// The check-in dialog: pain and tightness 0-10 as rows of big buttons (keys work too), the five
// warning symptoms as checkboxes and a note; Save or Skip. The runner writes what it returns.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/recovery/checkin.hpp"
#include "ui/ui_types.hpp"

namespace unknot {

// What the user has entered so far; owned by the runner between frames.
struct CheckinDraft {
  std::optional<int> pain, tightness;  // nothing chosen yet: no made-up zero gets saved
  std::array<bool, std::size(kAllSymptoms)> symptoms{};
  std::array<char, 512> note{};
  int focus = 0;  // 0: the pain row, 1: the tightness row (Up/Down move, Left/Right set)
  std::string error;

  std::vector<Symptom> chosenSymptoms() const;
  std::string noteText() const { return note.data(); }
};

enum class CheckinIntent { None, Save, Skip };

// Up/Down pick the row, Left/Right change its score (from nothing to 0 first), Enter saves
// once a pain score is chosen (otherwise `error` says so), Esc skips.
CheckinIntent applyCheckinKeys(CheckinDraft& draft, std::span<const UiKey> keys);

// When the dialog is offered; its title and skip button say so.
enum class CheckinOccasion { Any, BeforeSession, AfterSession };

CheckinIntent drawCheckinView(CheckinDraft& draft, const UiFonts& fonts,
                              std::span<const UiKey> keys, CheckinOccasion occasion);

// Button colour for a chosen score: calm for low, amber for middling, red for high.
ImU32 scoreColour(int score);

}  // namespace unknot
