#include "app/cli/level_text.hpp"

#include <ostream>

#include "core/safe_text.hpp"

namespace unknot {

namespace {

void printBalance(const char* title, const DoseBalance& balance, std::ostream& out) {
  if (balance.total.empty()) return;
  out << "Hold time by side, " << title << ": " << sideTimeText(balance.total) << '\n';
  for (const MuscleTime& muscle : balance.muscles)
    out << "  " << terminalSafe(muscle.muscle) << ": " << sideTimeText(muscle.time) << '\n';
}

}  // namespace

const char* soreSideName(Side side) {
  return side == Side::None ? "both" : toString(side);
}

void printLevel(const ProgressSnapshot& snap, std::ostream& out) {
  if (!snap.hasPlan) return;
  if (const LevelChange* today = snap.levelToday()) {
    out << "Level: " << levelSentence(*today) << '\n';
  } else if (!snap.levels.empty()) {
    out << "Level: " << toString(snap.levels.front().level) << " from "
        << dayLabel(snap.levels.front().from) << " (week 1 starts gentle)\n";
  }
  if (const LevelChange* tomorrow = snap.levelTomorrow())
    out << "From tomorrow: " << toString(tomorrow->level) << " — " << tomorrow->reason << '\n';
}

void printSoreSide(const PlanSettings& settings, std::ostream& out) {
  out << "Sore side: " << soreSideName(settings.soreSide);
  if (settings.soreSide != Side::None) {
    out << " (starts there, " << settings.extraSoreHolds << " extra "
        << (settings.extraSoreHolds == 1 ? "hold" : "holds") << " on it)";
  }
  out << '\n';
}

void printNextReview(const ProgressSnapshot& snap, std::ostream& out) {
  const LevelChange* today = snap.levelToday();
  if (!today || snap.finished) return;
  if (today->cause == LevelCause::Manual) {
    out << "Set by hand: the rules take over again after `unknot plan level auto`.\n";
    return;
  }
  if (snap.dose.level == Level::Strong) return;
  const int weeksIn = daysBetween(snap.plan.start, snap.today) / 7 + 1;
  const LogicalDate next = snap.plan.start + std::chrono::days(7 * weeksIn);
  if (next > snap.plan.end()) return;
  out << "Next step up: " << dayLabel(next) << ", if this week reaches "
      << static_cast<int>(level_rules::kMinAdherence * 100)
      << " % with no flare and pain no higher than the week before\n";
}

void printLevelHistory(const ProgressSnapshot& snap, std::ostream& out) {
  if (!snap.hasPlan || snap.levels.empty()) return;
  out << "Level history:\n";
  for (const LevelChange& change : snap.levels) {
    out << "  " << dayLabel(change.from) << "  " << toString(change.level) << " — " << change.reason
        << '\n';
  }
}

void printSideBalance(const ProgressSnapshot& snap, std::ostream& out) {
  printBalance("last 7 days", snap.balanceLast7, out);
  printBalance(snap.hasPlan ? "whole plan" : "last 28 days", snap.balanceWindow, out);
}

}  // namespace unknot
