// The check-in dialog: pain and tightness 0-10 as rows of big buttons (keys work too), "still
// there?" for each warning sign already on the record, the other signs as checkboxes (the
// urgent ones apart, in red) and a note; Save or Skip. The runner writes what it returns.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/recovery/checkin.hpp"
#include "ui/ui_types.hpp"

namespace unknot {

// A warning sign an earlier check-in reported and none has said is gone: the dialog asks
// whether it is still there ("still there" is the answer until the person says otherwise).
struct ActiveSign {
  Symptom symptom = Symptom::Numbness;
  LogicalDate reported;
  bool gone = false;
};

// What the user has entered so far; owned by the runner between frames.
struct CheckinDraft {
  std::optional<int> pain, tightness;  // nothing chosen yet: no made-up zero gets saved
  std::array<bool, std::size(kAllSymptoms)> symptoms{};  // ticked among the signs not active
  std::vector<ActiveSign> active;                        // asked "still there?"
  std::array<char, 512> note{};
  int focus = 0;  // 0: the pain row, 1: the tightness row (Up/Down move, Left/Right set)
  std::string error;

  // Signs to report: the ticked ones and the active ones still there.
  std::vector<Symptom> chosenSymptoms() const;
  // Active signs the person says have gone.
  std::vector<Symptom> goneSymptoms() const;
  bool isActive(Symptom symptom) const;
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
