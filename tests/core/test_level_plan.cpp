// The plan's level on hand-made histories: week 1 starts gentle, a good week raises it, a poor
// week keeps it, each kind of flare lowers it from the next day, a level set by hand wins, and
// it never leaves gentle..strong.
#include <catch2/catch.hpp>

#include "core/recovery/level_plan.hpp"

using namespace unknot;
using std::chrono::days;
using std::chrono::hours;

namespace {

const LogicalDate kStart = *parseDate("2024-04-01");  // a Monday

LogicalDate day(int n) {
  return kStart + days(n - 1);
}

struct History {
  RecoveryPlan plan;
  std::vector<SessionPart> parts;
  std::vector<CheckinRecord> checkins;
  std::vector<FlareDay> flares;
  std::vector<LevelOverride> overrides;
  std::vector<DayStatus> days;
  std::int64_t nextId = 1;

  explicit History(int weeks = 6) {
    PlanSettings settings;
    settings.weeks = weeks;
    settings.targets = {Target{"", {Category::Stretch}, 1, 1}};
    settings.restDaysPerWeek = 1;
    plan.start = kStart;
    plan.versions = {{kStart, settings}};
  }
  History& done(int from, int to) {
    for (int n = from; n <= to; ++n) {
      SessionPart part;
      part.sessionId = nextId++;
      part.date = day(n);
      part.routineId = "pigeon-pose";
      part.category = Category::Stretch;
      part.plannedWorkPhases = part.doneWorkPhases = 4;
      parts.push_back(part);
    }
    return *this;
  }
  History& pain(int n, int score, CheckinMoment moment = CheckinMoment::Any, int hour = 12) {
    CheckinRecord c;
    c.date = day(n);
    c.at.utc = std::chrono::time_point_cast<std::chrono::milliseconds>(
        std::chrono::sys_days(c.date) + hours(hour));
    c.pain = score;
    c.moment = moment;
    checkins.push_back(c);
    return *this;
  }
  History& painDaily(int from, int to, int score) {
    for (int n = from; n <= to; ++n) pain(n, score);
    return *this;
  }
  std::vector<LevelChange> on(int n) {
    std::vector<LogicalDate> flareDates;
    for (const auto& flare : flares) flareDates.push_back(flare.date);
    days = evaluatePlanDays(plan, parts, day(n), kStart, flareDates);
    LevelInput input;
    input.plan = &plan;
    input.days = days;
    input.checkins = checkins;
    input.flares = flares;
    input.overrides = overrides;
    input.today = day(n);
    return levelHistory(input);
  }
  Level levelOn(int today, int n) {
    const auto history = on(today);
    return unknot::levelOn(history, day(n));
  }
};

}  // namespace

TEST_CASE("week 1 starts gentle") {
  History h;
  const auto history = h.on(3);
  REQUIRE(history.size() == 1);
  CHECK(history[0].level == Level::Gentle);
  CHECK(history[0].from == kStart);
  CHECK(history[0].cause == LevelCause::Start);
}

TEST_CASE("a good week raises the level one step at the start of the next plan week") {
  History h;
  h.done(1, 7).painDaily(1, 7, 4);
  CHECK(h.levelOn(7, 7) == Level::Gentle);
  const auto history = h.on(8);
  REQUIRE(history.size() == 2);
  CHECK(history[1].from == day(8));
  CHECK(history[1].level == Level::Standard);
  CHECK(history[1].cause == LevelCause::GoodWeek);
  CHECK(history[1].reason == "7 of 7 days done, pain 4");
  CHECK(levelSentence(history[1]) == "standard since Mon 8 Apr — 7 of 7 days done, pain 4");
}

TEST_CASE("the reason compares the week's mean pain with the week before") {
  History h;
  h.done(1, 14).painDaily(1, 7, 4).painDaily(8, 14, 3);
  const auto history = h.on(15);
  REQUIRE(history.size() == 3);
  CHECK(history[2].level == Level::Strong);
  CHECK(history[2].reason == "7 of 7 days done, pain 4 → 3");
}

TEST_CASE("a week at 70 % adherence steps up and one below stays") {
  SECTION("5 of 6 scheduled days, one rest day: 83 %") {
    History h;
    h.done(1, 5);
    CHECK(h.levelOn(8, 8) == Level::Standard);
  }
  SECTION("4 of 6 scheduled days: 67 %") {
    History h;
    h.done(1, 4);
    const auto history = h.on(8);
    CHECK(history.size() == 1);
    CHECK(unknot::levelOn(history, day(8)) == Level::Gentle);
    LevelInput input;
    input.plan = &h.plan;
    input.days = h.days;
    input.today = day(8);
    CHECK(reviewWeek(input, day(8)).reason == "4 of 7 days done (67 %, needs 70 %)");
  }
}

TEST_CASE("the level stays after a week whose pain is higher than the week before") {
  History h;
  h.done(1, 14).painDaily(1, 7, 3).painDaily(8, 14, 4);
  const auto history = h.on(15);
  CHECK(unknot::levelOn(history, day(15)) == Level::Standard);  // week 1 raised it, week 2 not
}

TEST_CASE("the level stays after a week with a pain-worse flag") {
  History h;
  h.done(1, 7).painDaily(1, 6, 3).pain(7, 8);  // a check-in of 8 is severe pain
  // Day 7's 8 is also 5 above day 6: a flare, so it also cannot go up.
  CHECK(h.levelOn(8, 8) == Level::Gentle);
}

TEST_CASE("a day marked as a flare lowers the level from the next day") {
  History h;
  h.done(1, 14);
  h.flares.push_back({day(10), "sitting all day"});
  const auto history = h.on(10);
  REQUIRE(history.size() == 3);
  CHECK(history[1].level == Level::Standard);
  CHECK(history[2].from == day(11));
  CHECK(history[2].level == Level::Gentle);
  CHECK(history[2].cause == LevelCause::Flare);
  CHECK(history[2].reason == "flare marked on Wed 10 Apr");
  CHECK(unknot::levelOn(history, day(10)) == Level::Standard);
}

TEST_CASE("an after-session check-in 2 points above the one before is a flare") {
  History h;
  h.done(1, 14).pain(9, 3, CheckinMoment::Before, 10).pain(9, 5, CheckinMoment::After, 11);
  const auto history = h.on(12);
  CHECK(unknot::levelOn(history, day(9)) == Level::Standard);
  CHECK(unknot::levelOn(history, day(10)) == Level::Gentle);
  CHECK(history.back().reason == "pain 3 before a session, 5 after on Tue 9 Apr");
}

TEST_CASE("a check-in 2 points above the previous day's is a flare") {
  History h;
  h.done(1, 14).pain(9, 2).pain(10, 4);
  const auto history = h.on(12);
  CHECK(unknot::levelOn(history, day(10)) == Level::Standard);
  CHECK(unknot::levelOn(history, day(11)) == Level::Gentle);
  CHECK(history.back().reason == "pain 4 on Wed 10 Apr, the day before 2");
}

TEST_CASE("a rise of 1 point is no flare") {
  History h;
  h.done(1, 14)
      .pain(9, 2)
      .pain(10, 3)
      .pain(11, 3, CheckinMoment::Before)
      .pain(11, 4, CheckinMoment::After, 13);
  CHECK(h.levelOn(12, 12) == Level::Standard);
}

TEST_CASE("a flare keeps tomorrow's level in the history") {
  History h;
  h.done(1, 9);
  h.flares.push_back({day(9), ""});
  const auto history = h.on(9);
  CHECK(history.back().from == day(10));
  CHECK(history.back().level == Level::Gentle);
}

TEST_CASE("the level never goes below gentle or above strong") {
  SECTION("a flare in week 1 leaves it gentle") {
    History h;
    h.flares.push_back({day(3), ""});
    const auto history = h.on(5);
    CHECK(history.size() == 1);
    CHECK(unknot::levelOn(history, day(5)) == Level::Gentle);
  }
  SECTION("good weeks stop at strong") {
    History h;
    h.done(1, 42);
    const auto history = h.on(42);
    CHECK(history.size() == 3);
    CHECK(unknot::levelOn(history, day(42)) == Level::Strong);
  }
}

TEST_CASE("a flare in a week keeps the level from going up at the next week's start") {
  History h;
  h.done(1, 7);
  h.flares.push_back({day(3), ""});  // week 1: gentle stays gentle, and the week does not count
  CHECK(h.levelOn(8, 8) == Level::Gentle);
}

TEST_CASE("a level set by hand wins from its day until auto") {
  History h;
  h.done(1, 21);
  h.overrides.push_back({day(3), Level::Strong});
  h.flares.push_back({day(5), ""});  // the person's choice stands over a flare
  CHECK(h.levelOn(10, 2) == Level::Gentle);
  CHECK(h.levelOn(10, 3) == Level::Strong);
  CHECK(h.levelOn(10, 8) == Level::Strong);
  h.overrides.push_back({day(10), std::nullopt});
  h.overrides.push_back({day(12), Level::Gentle});
  h.overrides.push_back({day(13), std::nullopt});
  const auto history = h.on(16);
  CHECK(unknot::levelOn(history, day(12)) == Level::Gentle);
  CHECK(unknot::levelOn(history, day(13)) == Level::Gentle);    // the rules pick up from it
  CHECK(unknot::levelOn(history, day(15)) == Level::Standard);  // ... and week 2 was good
  const LevelChange* manual = levelChangeOn(history, day(12));
  REQUIRE(manual);
  CHECK(manual->cause == LevelCause::Manual);
}

TEST_CASE("a flare keeps the streak, uses no rest day and is left out of adherence") {
  History h;
  h.done(1, 3).done(5, 7);
  h.flares.push_back({day(4), ""});
  h.on(8);
  CHECK(h.days[3].state == DayState::Flare);
  const Streaks streaks = computeStreaks(h.days);
  CHECK(streaks.current == 6);
  CHECK(adherence(h.days, day(1), day(7)) == Approx(1.0));
  // The week's rest day is still there for a day that falls short.
  History r;
  r.done(1, 3).done(6, 7);
  r.flares.push_back({day(4), ""});
  r.on(8);
  CHECK(r.days[3].state == DayState::Flare);
  CHECK(r.days[4].state == DayState::Rest);
  CHECK(computeStreaks(r.days).current == 5);
}

TEST_CASE("a flare on a day that met its targets stays met") {
  History h;
  h.done(1, 4);
  h.flares.push_back({day(4), ""});
  h.on(5);
  CHECK(h.days[3].state == DayState::Met);
}

TEST_CASE("today's dose carries the level, the sore side and its extra holds") {
  History h;
  h.plan.versions[0].settings.soreSide = Side::Right;
  h.plan.versions[0].settings.extraSoreHolds = 2;
  h.done(1, 7);
  const auto history = h.on(8);
  const Dose dose = planDose(h.plan, history, day(8));
  CHECK(dose.level == Level::Standard);
  CHECK(dose.soreSide == Side::Right);
  CHECK(dose.extraSoreHolds == 2);
  h.plan.versions[0].settings.soreSide = Side::None;
  CHECK(planDose(h.plan, history, day(8)).extraSoreHolds == 0);
}
