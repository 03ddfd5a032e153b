// The pain rules on hand-made histories: not improving (2 points or 30 % against the first
// days, from plan day 22 or the plan's last day, with or without a plan) and getting worse (a
// rising 7-day mean, a check-in of 8 or more, a session that leaves the pain 2 points higher).
#include <catch2/catch.hpp>

#include "core/recovery/pain_rules.hpp"

using namespace unknot;
using std::chrono::days;
using std::chrono::hours;

namespace {

const LogicalDate kStart = *parseDate("2024-04-01");

RecoveryPlan planOf(int weeks) {
  PlanSettings settings = defaultPlanSettings();
  settings.weeks = weeks;
  RecoveryPlan plan;
  plan.start = kStart;
  plan.versions = {{kStart, settings}};
  return plan;
}

// Check-ins by day index from kStart (index 0 is plan day 1).
struct History {
  std::optional<RecoveryPlan> plan;
  std::vector<CheckinRecord> checkins;
  std::vector<DailyPain> baseline;

  void add(int index, int pain, CheckinMoment moment = CheckinMoment::Any, int hour = 12) {
    CheckinRecord c;
    c.date = kStart + days(index);
    c.at.utc = std::chrono::time_point_cast<std::chrono::milliseconds>(
        std::chrono::sys_days(c.date) + hours(hour));
    c.pain = pain;
    c.moment = moment;
    checkins.push_back(c);
  }
  void daily(int from, int to, int pain) {
    for (int i = from; i <= to; ++i) add(i, pain);
  }
  PainRuleInput on(int index) {
    const LogicalDate today = kStart + days(index);
    baseline = firstPainDays(checkins, baselineRange(plan, today));
    return PainRuleInput{today, plan ? &*plan : nullptr, checkins, baseline};
  }
};

}  // namespace

TEST_CASE("flat pain is not improving from plan day 22, or the last day of a shorter plan") {
  const int weeks = GENERATE(2, 3, 6);
  const int firstDay = std::min(22, weeks * 7);  // 14, 21, 22
  INFO(weeks << " weeks");
  History h;
  h.plan = planOf(weeks);
  h.daily(0, firstDay - 1, 6);
  CHECK_FALSE(painNotImproving(h.on(firstDay - 2)));  // the day before
  const auto flag = painNotImproving(h.on(firstDay - 1));
  REQUIRE(flag);
  CHECK(flag->kind == RedFlagKind::PainNotImproving);
  CHECK(flag->level == FlagLevel::SeeSoon);
  CHECK(flag->date == kStart + days(firstDay - 1));
  CHECK(flag->reason == "7-day mean 6, at the start 6");
  CHECK(notImprovingFrom(h.on(0)) == kStart + days(firstDay - 1));
}

TEST_CASE("a 3-week plan with pain at 6 every day shows not improving on day 21") {
  History h;
  h.plan = planOf(3);
  h.daily(0, 20, 6);
  const auto flags = painFlags(h.on(20));
  REQUIRE(flags.size() == 1);
  CHECK(flags[0].kind == RedFlagKind::PainNotImproving);
}

TEST_CASE("without a plan, not improving is checked 21 days after the first check-in") {
  History h;
  h.daily(10, 40, 5);
  CHECK_FALSE(painNotImproving(h.on(30)));
  CHECK(painNotImproving(h.on(31)));
  const PainComparison pain = comparePain(h.on(31));
  CHECK(pain.baselineFrom == kStart + days(10));  // the first check-ins of the whole record
  CHECK(pain.baselineTo == kStart + days(16));
  CHECK(pain.baselineDays == 7);
}

TEST_CASE("a 1-point drop is not improving but a 2-point or a 30 percent drop is") {
  History h;
  h.plan = planOf(3);
  SECTION("1 point: within noise") {
    h.daily(0, 6, 6);
    h.daily(14, 20, 5);
    CHECK(painNotImproving(h.on(20)));
  }
  SECTION("1.5 points from 6 (25 %): still not enough") {
    h.daily(0, 6, 6);
    for (int i = 14; i <= 20; ++i) h.add(i, i % 2 == 0 ? 4 : 5);  // 4,5,4,5,4,5,4: mean 4.43
    CHECK(painNotImproving(h.on(20)));
  }
  SECTION("2 points") {
    h.daily(0, 6, 6);
    h.daily(14, 20, 4);
    CHECK_FALSE(painNotImproving(h.on(20)));
  }
  SECTION("30 percent of a baseline of 4 (1.2 points)") {
    h.daily(0, 6, 4);
    int day = 16;
    for (const int pain : {3, 3, 3, 2, 3}) h.add(day++, pain);  // days 17-21 only
    REQUIRE(comparePain(h.on(20)).recent == Approx(2.8));
    CHECK_FALSE(painNotImproving(h.on(20)));
  }
  SECTION("just under 30 percent of 4") {
    h.daily(0, 6, 4);
    int day = 14;
    for (const int pain : {3, 3, 3, 2, 3, 3, 3}) h.add(day++, pain);
    REQUIRE(comparePain(h.on(20)).recent == Approx(20.0 / 7));
    CHECK(painNotImproving(h.on(20)));
  }
}

TEST_CASE("low pain at the start, or too few check-ins, raise no not-improving flag") {
  History h;
  h.plan = planOf(3);
  SECTION("a baseline under 2") {
    h.daily(0, 6, 1);
    h.daily(14, 20, 2);
    CHECK_FALSE(painNotImproving(h.on(20)));
  }
  SECTION("one day of check-ins in the last week") {
    h.daily(0, 6, 6);
    h.add(20, 6);
    CHECK_FALSE(painNotImproving(h.on(20)));
  }
  SECTION("one day of check-ins before the last week") {
    h.add(0, 6);
    h.daily(14, 20, 6);
    CHECK_FALSE(painNotImproving(h.on(20)));
  }
}

TEST_CASE("the baseline is the first 7 days with check-ins, even when plan week 1 has one") {
  History h;
  h.plan = planOf(3);
  h.add(0, 6);
  h.add(9, 6);
  h.add(10, 7);
  h.daily(14, 20, 6);
  const PainComparison pain = comparePain(h.on(20));
  CHECK(pain.baselineDays == 3);  // days 1, 10 and 11: the days before the last week
  CHECK(pain.baseline == Approx(19.0 / 3));
  CHECK(painNotImproving(h.on(20)));
}

TEST_CASE("pain 2 points above the start is getting worse") {
  History h;
  h.plan = planOf(6);
  h.daily(0, 6, 3);
  h.daily(7, 13, 4);
  h.daily(14, 20, 5);
  const auto flag = painRising(h.on(20));
  REQUIRE(flag);
  CHECK(flag->kind == RedFlagKind::PainRising);
  CHECK(flag->level == FlagLevel::EaseOff);
  CHECK(flag->reason == "7-day mean 5, at the start 3");
  CHECK(flag->advice == painAdvice(RedFlagKind::PainRising));
  CHECK_FALSE(painRising(h.on(19)));  // days 13-19: 4 + six days of 5, under 2 points up
}

TEST_CASE("pain 2 points above the week before is getting worse, whatever the start was") {
  History h;
  h.daily(0, 6, 5);
  h.daily(7, 13, 4);
  SECTION("up 2 on the week before") {
    h.daily(14, 20, 6);
    const auto flag = painRising(h.on(20));
    REQUIRE(flag);
    CHECK(flag->reason == "7-day mean 6, the 7 days before 4");
  }
  SECTION("up 1.5: not yet") {
    for (int i = 14; i <= 20; ++i) h.add(i, i % 2 == 0 ? 5 : 6);  // mean 5.43
    CHECK_FALSE(painRising(h.on(20)));
  }
}

TEST_CASE("one check-in of 8 or more warns at once and for the 7 days it counts in") {
  History h;
  h.add(3, 7);
  CHECK_FALSE(painHigh(h.on(3)));
  h.add(4, 8);
  const auto flag = painHigh(h.on(4));
  REQUIRE(flag);
  CHECK(flag->kind == RedFlagKind::PainHigh);
  CHECK(flag->date == kStart + days(4));
  CHECK(flag->reason == "pain 8 on 2024-04-05");
  CHECK(painHigh(h.on(10)));
  CHECK_FALSE(painHigh(h.on(11)));
  CHECK(painFlags(h.on(4)).size() == 1);
}

TEST_CASE("an after-session check-in 2 above the same day's before-session one warns") {
  History h;
  using M = CheckinMoment;
  SECTION("3 before, 5 after") {
    h.add(2, 3, M::Before, 9);
    h.add(2, 5, M::After, 10);
    const auto flag = painAfterSession(h.on(2));
    REQUIRE(flag);
    CHECK(flag->reason == "pain 3 before, 5 after on 2024-04-03");
    CHECK(flag->level == FlagLevel::EaseOff);
    CHECK(painAfterSession(h.on(8)));
    CHECK_FALSE(painAfterSession(h.on(9)));
  }
  SECTION("3 before, 4 after: no") {
    h.add(2, 3, M::Before, 9);
    h.add(2, 4, M::After, 10);
    CHECK_FALSE(painAfterSession(h.on(2)));
  }
  SECTION("the before check-in was on another day: no") {
    h.add(1, 3, M::Before, 9);
    h.add(2, 6, M::After, 10);
    CHECK_FALSE(painAfterSession(h.on(2)));
  }
  SECTION("a check-in at any other time is not a before-session one") {
    h.add(2, 3, M::Any, 9);
    h.add(2, 6, M::After, 10);
    CHECK_FALSE(painAfterSession(h.on(2)));
  }
  SECTION("the latest before-session check-in is the one compared") {
    h.add(2, 3, M::Before, 8);
    h.add(2, 5, M::Before, 9);
    h.add(2, 6, M::After, 10);
    CHECK_FALSE(painAfterSession(h.on(2)));
  }
}

TEST_CASE("pain flags come most pressing first, and an empty record has none") {
  History h;
  CHECK(painFlags(h.on(30)).empty());
  h.plan = planOf(3);
  h.daily(0, 6, 5);
  h.daily(7, 13, 5);
  h.daily(14, 19, 7);
  h.add(20, 9);
  const auto flags = painFlags(h.on(20));
  REQUIRE(flags.size() == 3);
  CHECK(flags[0].kind == RedFlagKind::PainNotImproving);  // see soon before ease off
  CHECK(flags[1].kind == RedFlagKind::PainRising);
  CHECK(flags[2].kind == RedFlagKind::PainHigh);
}
