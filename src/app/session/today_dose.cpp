#include "app/session/today_dose.hpp"

#include "store/store.hpp"

namespace unknot {

TodayDose todayDose(const DataDir& dataDir, const LocalInstant& now) {
  TodayDose today;
  if (dataDir.path.empty()) return today;
  try {
    const ProgressSnapshot snap = Store(dataDir.path, Store::Access::ReadOnly).snapshot(now);
    if (!snap.hasPlan || snap.notStarted || snap.finished) return today;
    today.fromPlan = true;
    today.dose = snap.dose;
    if (const LevelChange* since = snap.levelToday()) today.since = *since;
    if (const LevelChange* tomorrow = snap.levelTomorrow()) today.tomorrow = *tomorrow;
    today.history = snap.levels;
  } catch (const std::exception&) {
    return TodayDose{};
  }
  return today;
}

Plan planAtDose(const Library& library, const LibraryEntry& entry, const Dose& dose) {
  const Dose standard;
  if (!entry.routine || (dose.level == standard.level && dose.soreSide == standard.soreSide &&
                         dose.extraSoreHolds == standard.extraSoreHolds)) {
    return *entry.plan;
  }
  const RoutineResolver resolve = [&library](std::string_view id) {
    return library.routines.findRoutine(id);
  };
  ExpandResult result = expand(*entry.routine, resolve, dose);
  return result.plan ? std::move(*result.plan) : *entry.plan;
}

std::string doseLine(const TodayDose& today) {
  if (!today.fromPlan) return {};
  std::string line = "Level: ";
  line += today.since ? levelSentence(*today.since) : std::string(toString(today.dose.level));
  line += "; sore side ";
  line += today.dose.soreSide == Side::None ? "both" : toString(today.dose.soreSide);
  return line;
}

std::string flareOutcome(const ProgressSnapshot& snapshot, LogicalDate day) {
  std::string out = "Flare marked for " + formatDate(day) +
                    ". It keeps your streak like a rest day and does not use up this week's rest "
                    "days.";
  if (!snapshot.hasPlan) return out;
  if (const LevelChange* tomorrow = snapshot.levelTomorrow()) {
    out += std::string(" From tomorrow the level is ") + toString(tomorrow->level) + ".";
  } else if (!snapshot.finished && !snapshot.notStarted) {
    out += std::string(" The level stays ") + toString(snapshot.dose.level) +
           " (it goes no lower than gentle).";
  }
  return out;
}

}  // namespace unknot
