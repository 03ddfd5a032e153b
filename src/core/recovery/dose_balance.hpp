// Hold time per side, and per muscle and side: where the work went, so the sore side's extra
// holds (or a side that keeps getting skipped) show in the stats.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "core/duration.hpp"
#include "core/recovery/logical_day.hpp"
#include "core/routine.hpp"

namespace unknot {

// The completed hold time of one side of one step on one day (the store sums phases into these).
struct HoldRecord {
  LogicalDate date;
  Side side = Side::None;
  std::vector<std::string> muscles;  // the step's muscles; empty for older records
  Millis time{0};
};

struct SideTime {
  Millis left{0}, right{0};
  bool empty() const { return left.count() == 0 && right.count() == 0; }
};

struct MuscleTime {
  std::string muscle;
  SideTime time;
};

struct DoseBalance {
  SideTime total;
  std::vector<MuscleTime> muscles;  // by name
};

// Holds dated in `range` with a side; a hold with several muscles counts for each of them.
DoseBalance doseBalance(std::span<const HoldRecord> holds, DateRange range);

// "right 14 min, left 9 min": the larger side first, whole minutes (seconds under a minute).
std::string sideTimeText(const SideTime& time);

}  // namespace unknot
