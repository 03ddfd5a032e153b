// Measures the progress store: stats over 10 years of generated history (target <= 20 ms)
// and start-up (open + migrate + recover + stats) with 3 years. Prints `name value unit`
// lines like the other benches.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <vector>

#include "store/export.hpp"
#include "store/store.hpp"

namespace {

using namespace unknot;
using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

LocalInstant instant(LogicalDate day, int hour, int minute) {
  using namespace std::chrono;
  return {UtcMillis(day + hours(hour - 1) + minutes(minute)), hours(1)};
}

struct RoutineShape {
  const char* id;
  Category category;
  int holds;  // hold phases per side
};

constexpr RoutineShape kShapes[] = {
    {"pigeon-pose", Category::Stretch, 3},       {"seated-forward-bend", Category::Stretch, 2},
    {"foam-roll-glutes", Category::FoamRoll, 4}, {"ball-massage", Category::Massage, 3},
    {"glute-strength", Category::Strength, 3},   {"heat-ice", Category::Thermal, 2}};

// One session: prepare, then per hold a right hold, a switch and a left hold.
void addSession(Store& store, const RoutineShape& shape, LogicalDate day, int hour,
                std::mt19937& random) {
  SessionStart start;
  start.routineId = shape.id;
  start.routineName = shape.id;
  start.category = shape.category;
  start.planHash = "0123456789abcdef";
  start.phaseCount = 1 + shape.holds * 3;
  start.planned = Millis(start.phaseCount * 40000LL);
  start.parts = {{shape.id, shape.category, shape.holds * 2}};
  const auto id = store.beginSession(start, instant(day, hour, 0));
  int minute = 0;
  for (int i = 0; i < start.phaseCount; ++i) {
    PhaseRecord phase;
    phase.index = static_cast<size_t>(i);
    phase.kind = i == 0 ? PhaseKind::Prepare : (i % 3 == 2 ? PhaseKind::Switch : PhaseKind::Hold);
    phase.label = phase.kind == PhaseKind::Hold ? shape.id : "Switch sides";
    phase.routineId = shape.id;
    phase.category = shape.category;
    phase.side =
        phase.kind != PhaseKind::Hold ? Side::None : (i % 3 == 1 ? Side::Right : Side::Left);
    phase.planned = Millis(40000);
    phase.skipped = random() % 20 == 0;
    phase.actual = phase.skipped ? Millis(5000) : Millis(40000);
    store.addPhase(id, phase, instant(day, hour, ++minute));
  }
  store.endSession(id, random() % 10 == 0 ? SessionOutcome::Stopped : SessionOutcome::Completed,
                   instant(day, hour, minute + 1));
}

// Years of daily use ending today: 0-3 sessions and usually a check-in a day, a plan at the end.
void generate(Store& store, int years, LogicalDate today) {
  std::mt19937 random(42);
  Transaction batch = store.batch();
  const LogicalDate first = today - std::chrono::days(years * 365);
  for (LogicalDate day = first; day < today; day += std::chrono::days(1)) {
    const int sessions = static_cast<int>(random() % 4);
    for (int s = 0; s < sessions; ++s) {
      addSession(store, kShapes[random() % std::size(kShapes)], day, 8 + s * 4, random);
    }
    if (random() % 5 != 0) {
      CheckinInput checkin;
      checkin.pain = static_cast<int>(random() % 8);
      checkin.tightness = static_cast<int>(random() % 8);
      if (random() % 60 == 0) checkin.symptoms = {Symptom::Numbness};
      store.addCheckin(checkin, instant(day, 21, 0));
    }
  }
  store.startPlan(today - std::chrono::days(20), defaultPlanSettings(), instant(today, 9, 0));
  batch.commit();
}

std::filesystem::path freshDir(const char* name) {
  const auto dir = std::filesystem::temp_directory_path() / name;
  std::filesystem::remove_all(dir);
  return dir;
}

}  // namespace

int main() {
  const LocalInstant now = localNow();
  const LogicalDate today = logicalDate(now);

  const auto tenYears = freshDir("unknot-bench-store-10y");
  {
    Store store(tenYears);
    const auto start = Clock::now();
    generate(store, 10, today);
    std::printf("store.generate_10y_s %.1f s\n", msSince(start) / 1000);
    const auto sessions = store.sessions({today - std::chrono::days(3700), today}).size();
    std::printf("store.history_10y_sessions %zu sessions\n", sessions);
  }
  std::printf("store.db_10y_mb %.1f MB\n",
              static_cast<double>(std::filesystem::file_size(tenYears / Store::kFileName)) / 1e6);
  {
    Store store(tenYears);
    std::vector<double> runs;
    size_t days = 0;
    for (int i = 0; i < 30; ++i) {
      const auto start = Clock::now();
      const auto snapshot = store.snapshot(now);
      runs.push_back(msSince(start));
      days = snapshot.days.size();
    }
    std::printf("store.stats_10y_ms %.2f ms (median of 30, %zu plan days; target <= 20 ms)\n",
                median(runs), days);
    // What a view over all ten years would cost: every session part and check-in read back.
    auto start = Clock::now();
    const DateRange all{today - std::chrono::days(3700), today};
    const size_t rows = store.sessionParts(all).size() + store.checkins(all).size();
    std::printf("store.scan_all_10y_ms %.1f ms (%zu parts and check-ins)\n", msSince(start), rows);
    start = Clock::now();
    exportCsv(store, tenYears / "export", now);
    std::printf("store.export_csv_10y_ms %.0f ms\n", msSince(start));
  }

  const auto threeYears = freshDir("unknot-bench-store-3y");
  {
    Store store(threeYears);
    generate(store, 3, today);
  }
  std::vector<double> startups;
  for (int i = 0; i < 15; ++i) {
    const auto start = Clock::now();
    Store store(threeYears);
    const auto snapshot = store.snapshot(now);
    startups.push_back(msSince(start));
    if (snapshot.days.empty()) std::fprintf(stderr, "bench: empty snapshot\n");
  }
  std::printf("store.startup_3y_ms %.2f ms (open + migrate + recover + stats, median of 15)\n",
              median(startups));
  {
    Store store(threeYears);
    std::vector<double> writes;
    for (int i = 0; i < 15; ++i) {
      CheckinInput checkin;
      checkin.pain = 3;
      const auto start = Clock::now();
      store.addCheckin(checkin, now);
      writes.push_back(msSince(start));
    }
    std::printf("store.checkin_write_ms %.2f ms (one committed transaction, median of 15)\n",
                median(writes));
  }
  std::filesystem::remove_all(tenYears);
  std::filesystem::remove_all(threeYears);
  return 0;
}
