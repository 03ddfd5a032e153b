// Today's dose as every front end asks for it: the plan's level and sore side from the record,
// the routine expanded at it, and the routine as written without a running plan.
#include <catch2/catch.hpp>

#include "app/session/today_dose.hpp"
#include "store/store.hpp"
#include "support/process.hpp"

using namespace unknot;
using namespace unknot::testing;

namespace {

LocalInstant noon(const char* date) {
  return {std::chrono::time_point_cast<std::chrono::milliseconds>(
              std::chrono::sys_days(*parseDate(date)) + std::chrono::hours(12)),
          std::chrono::seconds(0)};
}

const char* kStretch =
    "schema = 1\nname = \"Stretch\"\ncategory = \"stretch\"\nprepare = 0\n\n"
    "[[steps]]\nname = \"Stretch\"\nduration = 4\nsides = \"both\"\n";

}  // namespace

TEST_CASE("without a running plan today's dose is the routine as written") {
  TempDir temp;
  const TodayDose today = todayDose(DataDir{temp.file("data"), ""}, noon("2024-05-03"));
  CHECK_FALSE(today.fromPlan);
  CHECK(today.dose.level == Level::Standard);
  CHECK(today.dose.soreSide == Side::None);
  CHECK(doseLine(today).empty());
}

TEST_CASE("a running plan gives today's level with its reason and the sore side") {
  TempDir temp;
  {
    Store store(temp.file("data"));
    PlanSettings settings = defaultPlanSettings();
    settings.soreSide = Side::Left;
    store.startPlan(*parseDate("2024-05-01"), settings, noon("2024-05-01"));
    store.setLevelOverride(Level::Strong, *parseDate("2024-05-02"), noon("2024-05-02"));
  }
  const TodayDose today = todayDose(DataDir{temp.file("data"), ""}, noon("2024-05-03"));
  CHECK(today.fromPlan);
  CHECK(today.dose.level == Level::Strong);
  CHECK(today.dose.soreSide == Side::Left);
  CHECK(today.dose.extraSoreHolds == 1);
  CHECK(doseLine(today) == "Level: strong since Thu 2 May — set by hand; sore side left");
  REQUIRE(today.history.size() == 2);

  temp.write("routines/stretch.toml", kStretch);
  Library library;
  library.dirs = {temp.file("routines")};
  library.routines = RoutineLibrary::load(library.dirs, library.loader);
  const LibraryEntry* entry = library.routines.find("stretch");
  REQUIRE(entry);
  REQUIRE(entry->ok());
  const Plan plan = planAtDose(library, *entry, today.dose);
  CHECK(plan.level == Level::Strong);
  CHECK(plan.soreSide == Side::Left);
  CHECK(planAtDose(library, *entry, Dose{}).level == Level::Standard);
}
