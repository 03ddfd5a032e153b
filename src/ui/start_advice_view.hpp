// After a before-you-start check-in that reported a warning symptom: the advice first, then the
// person chooses — start the routine anyway, start a gentler one instead, or go back to the
// library. Nothing starts by itself, and Enter picks the safe choice.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "core/duration.hpp"
#include "core/routine.hpp"
#include "ui/ui_types.hpp"

namespace unknot {

struct StartAdviceModel {
  std::string routineName;          // the routine the person chose
  std::vector<std::string> advice;  // one paragraph per reported symptom
  struct Choice {
    std::string id, name;
    Millis total{0};
  };
  std::vector<Choice> gentler;  // shorter stretching and posture routines, gentlest first
};

struct StartAdviceIntent {
  enum class Kind { None, StartAnyway, StartGentler, Back } kind = Kind::None;
  std::string routineId;  // StartGentler: which one
};

// What the advice screen needs to know of each routine in the library.
struct RoutineSummary {
  std::string id, name;
  Category category = Category::Stretch;
  Millis total{0};
};

// Up to `most` gentler routines than `chosenId`: stretching and posture routines (no loading,
// no pressure on a sore spot) no longer than the chosen one, shortest first.
std::vector<StartAdviceModel::Choice> gentlerThan(const std::vector<RoutineSummary>& routines,
                                                  const std::string& chosenId, size_t most = 3);

// Enter and Esc go back to the library (nothing starts); S starts the chosen routine anyway.
StartAdviceIntent startAdviceIntentForKey(UiKey key);

StartAdviceIntent drawStartAdvice(const StartAdviceModel& model, const UiFonts& fonts,
                                  std::span<const UiKey> keys);

}  // namespace unknot
