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
