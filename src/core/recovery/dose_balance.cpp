#include "core/recovery/dose_balance.hpp"

#include <map>

namespace unknot {

namespace {

std::string amount(Millis time) {
  const auto seconds = time.count() / 1000;
  if (seconds < 60) return std::to_string(seconds) + " s";
  return std::to_string((seconds + 30) / 60) + " min";
}

void add(SideTime& into, Side side, Millis time) {
  (side == Side::Left ? into.left : into.right) += time;
}

}  // namespace

DoseBalance doseBalance(std::span<const HoldRecord> holds, DateRange range) {
  DoseBalance balance;
  std::map<std::string, SideTime> byMuscle;
  for (const HoldRecord& hold : holds) {
    if (hold.date < range.from || hold.date > range.to || hold.side == Side::None) continue;
    add(balance.total, hold.side, hold.time);
    for (const std::string& muscle : hold.muscles) add(byMuscle[muscle], hold.side, hold.time);
  }
  for (auto& [muscle, time] : byMuscle) balance.muscles.push_back({muscle, time});
  return balance;
}

std::string sideTimeText(const SideTime& time) {
  if (time.right >= time.left) return "right " + amount(time.right) + ", left " + amount(time.left);
  return "left " + amount(time.left) + ", right " + amount(time.right);
}

}  // namespace unknot
