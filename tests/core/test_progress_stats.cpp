// The progress snapshot: what `unknot stats` and the Progress view read (its JSON form is tested
// with the app, tests/app/test_stats_json.cpp).
#include <catch2/catch.hpp>

#include "core/recovery/progress_stats.hpp"

using namespace unknot;
using std::chrono::days;

namespace {

const LogicalDate kStart = *parseDate("2024-04-01");

LogicalDate day(int n) {
  return kStart + days(n - 1);
}

SessionPart part(std::int64_t id, int n, const char* routine, Category category, int seconds,
                 Millis left = Millis(0), Millis right = Millis(0)) {
  SessionPart p;
  p.sessionId = id;
  p.date = day(n);
  p.routineId = routine;
  p.category = category;
  p.plannedWorkPhases = 2;
  p.doneWorkPhases = 2;
  p.workTime = Millis(seconds * 1000LL);
  p.leftHold = left;
  p.rightHold = right;
  return p;
}

CheckinRecord checkin(int n, int pain, std::vector<Symptom> symptoms = {}) {
  CheckinRecord c;
  c.date = day(n);
  c.pain = pain;
  c.symptoms = std::move(symptoms);
  return c;
}

ProgressInput planInput(int todayN) {
  ProgressInput input;
  input.today = day(todayN);
  RecoveryPlan plan;
  plan.id = 7;
  plan.start = kStart;
  PlanSettings settings;
  settings.weeks = 2;
  settings.targets = {Target{"", {Category::Stretch}, 1, 1},
                      Target{"", {Category::FoamRoll}, 1, 1}};
  settings.restDaysPerWeek = 1;
  plan.versions = {{kStart, settings}};
  input.plan = plan;
  return input;
}

}  // namespace

TEST_CASE("the snapshot gathers day states, streaks, adherence and totals for the plan window") {
  ProgressInput input = planInput(4);
  input.parts = {
      part(1, 1, "pigeon-pose", Category::Stretch, 90, Millis(45000), Millis(45000)),
      part(2, 1, "foam-roll-glutes", Category::FoamRoll, 120),
      part(3, 3, "pigeon-pose", Category::Stretch, 90, Millis(40000), Millis(50000)),
      part(4, 3, "foam-roll-glutes", Category::FoamRoll, 120),
      part(5, 4, "figure-four-stretch", Category::Stretch, 60),
      part(9, 20, "pigeon-pose", Category::Stretch, 90),  // outside the window
  };
  const ProgressSnapshot snap = progressSnapshot(input);
  CHECK(snap.hasPlan);
  CHECK(snap.dayNumber == 4);
  CHECK(snap.dayCount == 14);
  REQUIRE(snap.days.size() == 14);
  CHECK(snap.days[1].state == DayState::Rest);
  CHECK(snap.todayStatus()->state == DayState::Today);
  CHECK(snap.todayStatus()->completion == Approx(0.5));
  CHECK(snap.streaks.current == 2);
  CHECK(*snap.adherence == Approx(1.0));  // today at 0.5 would lower it, so it waits
  REQUIRE(snap.categories.size() == 2);
  CHECK(snap.categories[0].category == Category::Stretch);
  CHECK(snap.categories[0].sessions == 3);
  CHECK(snap.categories[0].time == Millis(240000));
  CHECK(snap.categories[1].sessions == 2);
  CHECK(snap.leftHold == Millis(85000));
  CHECK(snap.rightHold == Millis(95000));
}

TEST_CASE("pain series, trend and red flags come with the snapshot") {
  ProgressInput input = planInput(10);
  for (int n = 1; n <= 10; ++n) input.checkins.push_back(checkin(n, 8 - n / 2));
  input.checkins.push_back(checkin(9, 5, {Symptom::Radiating}));
  input.symptomMarks = symptomMarks(input.checkins);
  input.baseline = firstPainDays(input.checkins, baselineRange(input.plan, input.today));
  const auto snap = progressSnapshot(input);
  CHECK(snap.pain.size() == 10);
  CHECK(snap.painTrend.trend == PainTrend::Falling);
  CHECK(*snap.latestPain() == Approx(3.0));
  REQUIRE(snap.redFlags.size() == 1);  // pain fell: only the symptom is flagged
  CHECK(snap.redFlags[0].symptom == Symptom::Radiating);
  // The baseline is the days before the last 7 (days 1-3); day 9 has two check-ins (4 and 5).
  CHECK(snap.painComparison.baseline == Approx((8 + 7 + 7) / 3.0));
  CHECK(snap.painComparison.recent == Approx((6 + 6 + 5 + 5 + 4 + 4.5 + 3) / 7.0));
}

TEST_CASE("without a plan the last 28 days count any session") {
  ProgressInput input;
  input.today = day(40);
  input.parts = {part(1, 39, "heat-ice", Category::Thermal, 600),
                 part(2, 40, "desk-break", Category::Posture, 60)};
  input.firstRecord = day(1);  // in use long before the window
  const auto snap = progressSnapshot(input);
  CHECK_FALSE(snap.hasPlan);
  CHECK(snap.days.size() == 28);
  CHECK(snap.days.back().date == day(40));
  CHECK(snap.streaks.current == 2);
  CHECK(snap.days[26].state == DayState::Met);
  CHECK(snap.days[25].state == DayState::Missed);
  const auto window = sessionRange(std::nullopt, day(40));
  CHECK(window.from == day(13));
}

TEST_CASE("without a plan the days before the first record are untracked, not missed") {
  ProgressInput input;
  input.today = day(40);
  SECTION("nothing recorded yet: every past day is untracked and there is no adherence") {
    const auto snap = progressSnapshot(input);
    CHECK(trackingStart(input) == day(40));
    CHECK(snap.days.front().state == DayState::Untracked);
    CHECK(snap.days[26].state == DayState::Untracked);
    CHECK(snap.todayStatus()->state == DayState::Today);
    CHECK_FALSE(snap.adherence);
    CHECK_FALSE(snap.adherenceLast7);
  }
  SECTION("a check-in three days ago starts tracking; the days since count") {
    input.checkins = {checkin(37, 4)};
    input.parts = {part(1, 40, "pigeon-pose", Category::Stretch, 60)};
    const auto snap = progressSnapshot(input);
    CHECK(trackingStart(input) == day(37));
    CHECK(snap.day(day(36))->state == DayState::Untracked);
    CHECK(snap.day(day(37))->state == DayState::Missed);
    CHECK(snap.day(day(40))->state == DayState::Met);
    CHECK(*snap.adherence == Approx(0.25));  // 3 missed days and today met
  }
  SECTION("the store's first record counts even when it is older than the window") {
    input.firstRecord = day(2);
    const auto snap = progressSnapshot(input);
    CHECK(snap.days.front().state == DayState::Missed);
    CHECK(*snap.adherence == Approx(0.0));
  }
}

TEST_CASE("a plan is tracked from its start even before the first record") {
  ProgressInput input = planInput(3);
  input.parts = {part(1, 3, "pigeon-pose", Category::Stretch, 60)};
  input.firstRecord = day(3);
  const auto snap = progressSnapshot(input);
  CHECK(trackingStart(input) == kStart);
  CHECK(snap.days[0].state == DayState::Rest);
  CHECK(snap.days[1].state == DayState::Missed);
}

TEST_CASE("a plan that has not started or has finished says so") {
  ProgressInput early = planInput(1);
  early.today = day(-2);
  auto snap = progressSnapshot(early);
  CHECK(snap.notStarted);
  CHECK(snap.dayNumber == 0);
  CHECK(snap.days.front().state == DayState::Future);
  CHECK_FALSE(snap.adherence);

  ProgressInput late = planInput(30);
  late.parts = {part(1, 14, "pigeon-pose", Category::Stretch, 60)};
  snap = progressSnapshot(late);
  CHECK(snap.finished);
  CHECK(snap.dayNumber == 14);
  CHECK(snap.days.back().state == DayState::Partial);
  CHECK(snap.adherenceLast7);
}

TEST_CASE("the snapshot keeps the latest noted check-ins up to today, newest first") {
  ProgressInput input = planInput(6);
  for (int n = 1; n <= 7; ++n) {
    CheckinRecord c = checkin(n, 5);
    if (n != 4) c.note = "day " + std::to_string(n);
    input.checkins.push_back(c);
  }
  const ProgressSnapshot snap = progressSnapshot(input);
  REQUIRE(snap.notes.size() == kSnapshotNotes);
  // Day 7 is after today and day 4 has no note.
  CHECK(snap.notes[0].note == "day 6");
  CHECK(snap.notes[1].note == "day 5");
  CHECK(snap.notes[2].note == "day 3");
}
