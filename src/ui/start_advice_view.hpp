// Starting a routine while a warning is on the record (a sign not yet gone, a pain rule): the
// advice first, then the person chooses — start the routine anyway, start a gentler one
// instead, or go back to the library. Nothing starts by itself and Enter picks the safe choice;
// with an urgent warning the screen advises against exercise today, offers nothing gentler and
// answers only clicks, so no stray key starts a routine.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "core/duration.hpp"
#include "core/recovery/red_flags.hpp"
#include "core/routine.hpp"
#include "ui/ui_types.hpp"

namespace unknot {

struct StartAdviceModel {
  std::string routineName;     // the routine the person chose
  std::vector<RedFlag> flags;  // the active warnings, most pressing first
  struct Choice {
    std::string id, name;
    Millis total{0};
  };
  std::vector<Choice> gentler;  // shorter stretching and posture routines, gentlest first
  bool urgent() const { return anyUrgent(flags); }
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

// As startAdviceKeys() says: 1 to 3 start a gentler routine (where there is one), Enter and Esc
// go back to the library (nothing starts), S starts the chosen routine anyway. With an urgent
// warning no key does anything: only a click answers.
StartAdviceIntent startAdviceIntentForKey(UiKey key, const StartAdviceModel& model);

StartAdviceIntent drawStartAdvice(const StartAdviceModel& model, const UiFonts& fonts,
                                  std::span<const UiKey> keys);

}  // namespace unknot
