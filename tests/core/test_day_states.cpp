// Day states, streaks and adherence on hand-made histories.
#include <catch2/catch.hpp>

#include "core/recovery/day_states.hpp"

using namespace unknot;
using std::chrono::days;

namespace {

LogicalDate date(const char* text) {
  return *parseDate(text);
}

const LogicalDate kStart = date("2024-04-01");

LogicalDate day(int n) {
  return kStart + days(n - 1);
}

Target target(Category category, int perDay, int fromWeek = 1) {
  return Target{"", {category}, perDay, fromWeek};
}

RecoveryPlan plan(std::vector<Target> targets, int restDays = 1, int weeks = 2) {
  RecoveryPlan p;
  p.start = kStart;
  PlanSettings settings;
  settings.weeks = weeks;
  settings.targets = std::move(targets);
  settings.restDaysPerWeek = restDays;
  p.versions = {{kStart, settings}};
  return p;
}

// A fully done session of one routine on plan day n.
struct History {
  std::vector<SessionPart> parts;
  std::int64_t nextId = 1;
  History& done(int n, const char* routine, Category category, int workPhases = 4) {
    SessionPart part;
    part.sessionId = nextId++;
    part.date = day(n);
    part.routineId = routine;
    part.category = category;
    part.plannedWorkPhases = workPhases;
    part.doneWorkPhases = workPhases;
    part.workTime = Millis(workPhases * 45000);
    parts.push_back(part);
    return *this;
  }
  History& stretch(int n) { return done(n, "pigeon-pose", Category::Stretch); }
};

std::string states(const std::vector<DayStatus>& days) {
  std::string out;
  for (const auto& d : days) {
    switch (d.state) {
      case DayState::Met:
        out += 'M';
        break;
      case DayState::Partial:
        out += 'p';
        break;
      case DayState::Rest:
        out += 'r';
        break;
      case DayState::Flare:
        out += 'f';
        break;
      case DayState::Missed:
        out += 'x';
        break;
      case DayState::Today:
        out += 'T';
        break;
      case DayState::Future:
        out += '.';
        break;
      case DayState::Untracked:
        out += '-';
        break;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("day completion is the mean over targets of min(1, done / target)") {
  const RecoveryPlan p = plan({target(Category::Stretch, 2), target(Category::FoamRoll, 1)});
  History h;
  h.stretch(1).stretch(1).stretch(1);  // 3 of 2 is still only complete
  h.stretch(2).done(2, "foam-roll-glutes", Category::FoamRoll);
  h.done(3, "foam-roll-glutes", Category::FoamRoll);
  const auto result = evaluatePlanDays(p, h.parts, day(10));
  CHECK(result[0].completion == Approx(0.5));
  CHECK(result[1].completion == Approx(0.75));
  CHECK(result[2].completion == Approx(0.5));
  CHECK(result[0].targets[0].done == 3);
  CHECK(result[0].sessions == 3);
}

TEST_CASE("a session counts once at least half of its work phases were done") {
  const RecoveryPlan p = plan({target(Category::Stretch, 1)}, 0);
  History h;
  h.stretch(1);
  h.parts.back().doneWorkPhases = 2;  // 2 of 4: counts
  h.stretch(2);
  h.parts.back().doneWorkPhases = 1;  // 1 of 4: does not
  h.stretch(3);
  h.parts.back().doneWorkPhases = 0;  // all skipped: not even a session
  const auto result = evaluatePlanDays(p, h.parts, day(10));
  CHECK(result[0].state == DayState::Met);
  CHECK(result[1].state == DayState::Missed);
  CHECK(result[1].sessions == 1);
  CHECK(result[2].sessions == 0);
}

TEST_CASE("a routine target counts only that routine, and mixed sessions count each part") {
  RecoveryPlan p = plan({Target{"pigeon-pose", {}, 1, 1}, target(Category::FoamRoll, 1)}, 0);
  History h;
  h.done(1, "seated-forward-bend", Category::Stretch);
  // daily-recovery embeds pigeon pose and foam rolling: one session, two parts.
  h.done(2, "pigeon-pose", Category::Stretch).done(2, "foam-roll-glutes", Category::FoamRoll);
  h.parts[2].sessionId = h.parts[1].sessionId;
  const auto result = evaluatePlanDays(p, h.parts, day(10));
  CHECK(result[0].completion == Approx(0.0));
  CHECK(result[1].state == DayState::Met);
  CHECK(result[1].sessions == 1);
}

TEST_CASE("the first unmet day of each plan week is a rest day and bridges the streak") {
  const RecoveryPlan p = plan({target(Category::Stretch, 1)}, 1);
  History h;
  for (int n : {1, 2, 4, 6, 7, 8, 10, 11}) h.stretch(n);
  const auto result = evaluatePlanDays(p, h.parts, day(12));
  // Week 1: day 3 is its rest day, day 5 (a second miss) is missed; week 2: day 9 is rest.
  CHECK(states(result) == "MMrMxMMMrMMT..");
  const Streaks streaks = computeStreaks(result);
  CHECK(streaks.longest == 5);  // days 6-11 with day 9 bridging: 5 met days
  CHECK(streaks.current == 5);
}

TEST_CASE("a missed day breaks the streak and a partial day breaks it too") {
  const RecoveryPlan p = plan({target(Category::Stretch, 2)}, 0);
  History h;
  h.stretch(1).stretch(1).stretch(2).stretch(2).stretch(3).stretch(4).stretch(4);
  const auto result = evaluatePlanDays(p, h.parts, day(5));
  CHECK(states(result) == "MMpMT.........");
  CHECK(computeStreaks(result).current == 1);
  CHECK(computeStreaks(result).longest == 2);
}

TEST_CASE("an unfinished today neither adds to nor breaks the streak") {
  const RecoveryPlan p = plan({target(Category::Stretch, 1)}, 0);
  History h;
  h.stretch(1).stretch(2);
  auto result = evaluatePlanDays(p, h.parts, day(3));
  CHECK(result[2].state == DayState::Today);
  CHECK(computeStreaks(result).current == 2);
  h.stretch(3);
  result = evaluatePlanDays(p, h.parts, day(3));
  CHECK(result[2].state == DayState::Met);
  CHECK(computeStreaks(result).current == 3);
}

TEST_CASE("adherence averages completion over scheduled days, rest days excluded") {
  const RecoveryPlan p = plan({target(Category::Stretch, 2)}, 1);
  History h;
  h.stretch(1).stretch(1);  // 1.0
  h.stretch(2);             // 0.5, but the week's first unmet day: rest
  h.stretch(3);             // 0.5 partial
  //                           day 4 missed: 0
  const auto result = evaluatePlanDays(p, h.parts, day(5));
  CHECK(states(result) == "MrpxT.........");
  CHECK(*adherence(result, kStart, day(5)) == Approx((1.0 + 0.5 + 0.0) / 3));
  CHECK(*adherence(result, day(3), day(5)) == Approx(0.25));
}

TEST_CASE("today joins adherence only when it does not lower it") {
  const RecoveryPlan p = plan({target(Category::Stretch, 2)}, 0);
  History h;
  h.stretch(1);  // day 1: 0.5
  auto result = evaluatePlanDays(p, h.parts, day(2));
  CHECK(*adherence(result, kStart, day(2)) == Approx(0.5));  // today at 0 left out
  h.stretch(2);
  result = evaluatePlanDays(p, h.parts, day(2));
  CHECK(*adherence(result, kStart, day(2)) == Approx(0.5));  // today at 0.5 joins, same figure
  h.stretch(2);
  result = evaluatePlanDays(p, h.parts, day(2));
  CHECK(*adherence(result, kStart, day(2)) == Approx(0.75));
  // On day 1 with nothing done there is nothing to report yet.
  CHECK_FALSE(adherence(evaluatePlanDays(p, {}, kStart), kStart, kStart));
}

TEST_CASE("days before tracking starts are untracked: no rest taken, no streak broken") {
  const RecoveryPlan p = plan({target(Category::Stretch, 1)}, 1);
  History h;
  h.stretch(4).stretch(5);
  const auto result = evaluatePlanDays(p, h.parts, day(6), day(4));
  CHECK(states(result) == "---MMT........");
  CHECK(computeStreaks(result).current == 2);
  CHECK(*adherence(result, kStart, day(6)) == Approx(1.0));
  // The day tracking starts on is judged as usual: here the week's rest day.
  CHECK(states(evaluatePlanDays(p, h.parts, day(6), day(3))) == "--rMMT........");
}

TEST_CASE("past days keep the targets they had after an edit") {
  RecoveryPlan p = plan({target(Category::Stretch, 1)}, 0);
  PlanSettings harder = p.current();
  harder.targets = {target(Category::Stretch, 2)};
  p.versions.push_back({day(3), harder});
  History h;
  h.stretch(1).stretch(2).stretch(3);
  const auto result = evaluatePlanDays(p, h.parts, day(4));
  CHECK(states(result) == "MMpT..........");
  CHECK(result[2].targets[0].target.perDay == 2);
}

TEST_CASE("targets from a later week only apply from that week") {
  const RecoveryPlan p = plan({target(Category::Stretch, 1), target(Category::Strength, 1, 2)}, 0);
  History h;
  h.stretch(7).stretch(8);
  const auto result = evaluatePlanDays(p, h.parts, day(9));
  CHECK(result[6].state == DayState::Met);
  CHECK(result[7].completion == Approx(0.5));
}

TEST_CASE("sessions outside the plan window are ignored") {
  const RecoveryPlan p = plan({target(Category::Stretch, 1)}, 0);
  History h;
  h.parts.push_back(SessionPart{99, kStart - days(1), "pigeon-pose", Category::Stretch, 1, 1});
  const auto result = evaluatePlanDays(p, h.parts, day(2));
  CHECK(result.size() == 14);
  CHECK(result[0].state == DayState::Missed);
}
