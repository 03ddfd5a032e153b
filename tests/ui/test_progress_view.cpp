// The Progress view's models (heat-map cells and colours, chart scaling, figures as words), the
// check-in dialog and plan editor driven by keys, and the keys that open them from the library
// and the finish screen. Views are drawn on a headless ImGui context.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstring>

#include "imgui_harness.hpp"
#include "plans.hpp"
#include "ui/checkin_view.hpp"
#include "ui/library_view.hpp"
#include "ui/plan_editor.hpp"
#include "ui/progress_view.hpp"
#include "ui/summary_view.hpp"
#include "ui/theme.hpp"

using namespace unknot;
using namespace unknot::testing;
using std::chrono::days;

namespace {

LogicalDate date(const char* text) {
  return *parseDate(text);
}

// Ten days from Sunday 2026-11-01, today the 5th: met, partial, rest, missed, today, future...
ProgressSnapshot handMadeSnapshot() {
  ProgressSnapshot s;
  s.today = date("2026-11-05");
  s.hasPlan = true;
  s.plan.start = date("2026-11-01");
  s.plan.versions.push_back({s.plan.start, defaultPlanSettings()});
  const DayState states[] = {
      DayState::Met,    DayState::Partial, DayState::Rest,   DayState::Missed, DayState::Today,
      DayState::Future, DayState::Future,  DayState::Future, DayState::Future, DayState::Future};
  for (int i = 0; i < 10; ++i) {
    DayStatus day;
    day.date = s.plan.start + days(i);
    day.planDay = i + 1;
    day.state = states[i];
    s.days.push_back(day);
  }
  s.dayNumber = 5;
  s.dayCount = 42;
  return s;
}

}  // namespace

TEST_CASE("heat-map cells run in rows of seven from the window's first day") {
  const ProgressSnapshot s = handMadeSnapshot();
  const std::vector<HeatCell> cells = heatMapCells(s);
  REQUIRE(cells.size() == 10);
  CHECK(heatMapRows(s) == 2);
  CHECK(cells[0].row == 0);
  CHECK(cells[0].column == 0);
  CHECK(cells[6].column == 6);
  CHECK(cells[7].row == 1);
  CHECK(cells[7].column == 0);
  CHECK(cells[9].date == date("2026-11-10"));
  // Only today's cell is outlined, and it keeps its state.
  for (const HeatCell& cell : cells) CHECK(cell.today == (cell.date == s.today));
  CHECK(cells[4].state == DayState::Today);
  CHECK(cells[3].state == DayState::Missed);
}

TEST_CASE("every day state has its own heat-map colour and legend word") {
  const DayState all[] = {DayState::Met,   DayState::Partial, DayState::Rest,     DayState::Missed,
                          DayState::Today, DayState::Future,  DayState::Untracked};
  for (size_t i = 0; i < std::size(all); ++i) {
    for (size_t j = i + 1; j < std::size(all); ++j) {
      CHECK(dayStateColour(all[i]) != dayStateColour(all[j]));
      CHECK(std::strcmp(dayStateLabel(all[i]), dayStateLabel(all[j])) != 0);
    }
  }
  CHECK(dayStateColour(DayState::Met) == palette().accent);
  CHECK(dayStateColour(DayState::Future) == palette().panel);
}

TEST_CASE("without a plan a day with no session is neutral, not missed") {
  CHECK(heatCellColour(DayState::Missed, true) == dayStateColour(DayState::Missed));
  CHECK(heatCellColour(DayState::Missed, false) != dayStateColour(DayState::Missed));
  CHECK(heatCellColour(DayState::Missed, false) != heatCellColour(DayState::Met, false));
  CHECK(std::string(heatCellLabel(DayState::Missed, false)) == "no session");
  CHECK(legendStates(true).size() == 7);
  const std::vector<DayState> noPlan = legendStates(false);
  CHECK(std::find(noPlan.begin(), noPlan.end(), DayState::Rest) == noPlan.end());
  CHECK(std::find(noPlan.begin(), noPlan.end(), DayState::Partial) == noPlan.end());
}

TEST_CASE("without a plan the days before the first record are neutral, as days without one") {
  ProgressInput input;
  input.today = date("2026-11-28");
  input.checkins = {CheckinRecord{}};
  input.checkins[0].date = date("2026-11-26");
  input.checkins[0].pain = 3;
  const ProgressSnapshot s = progressSnapshot(input);
  const std::vector<HeatCell> cells = heatMapCells(s);
  REQUIRE(cells.size() == 28);
  CHECK(cells[24].state == DayState::Untracked);
  CHECK(cells[25].state == DayState::Missed);
  CHECK(heatCellColour(cells[24].state, false) == heatCellColour(cells[25].state, false));
  CHECK(heatCellColour(cells[24].state, false) != heatCellColour(DayState::Missed, true));
}

TEST_CASE("the trend chart maps 0-10 bottom to top and days left to right") {
  ChartScale scale;
  scale.plot = Box{ImVec2(100, 50), ImVec2(500, 250)};
  scale.days = 41;
  CHECK(scale.x(0) == Approx(100));
  CHECK(scale.x(40) == Approx(500));
  CHECK(scale.x(20) == Approx(300));
  CHECK(scale.y(0) == Approx(250));
  CHECK(scale.y(10) == Approx(50));
  CHECK(scale.y(5) == Approx(150));
  CHECK(scale.y(12) == Approx(50));  // out of range values stay inside the box
  CHECK(scale.y(-1) == Approx(250));
  scale.days = 1;  // a single day sits in the middle rather than dividing by zero
  CHECK(scale.x(0) == Approx(300));
}

TEST_CASE("figures read as words: trend, percentages, time and the plan day") {
  PainTrendResult trend;
  CHECK_THAT(trendWords(trend), Catch::StartsWith("No trend yet"));
  trend = {PainTrend::Falling, -0.84};
  CHECK(trendWords(trend) == "Pain is falling (-0.8 a week)");
  trend = {PainTrend::Steady, 0.1};
  CHECK(trendWords(trend) == "Pain is flat (+0.1 a week)");
  trend = {PainTrend::Rising, 1.0};
  CHECK(trendWords(trend) == "Pain is rising (+1.0 a week)");
  CHECK(percentText(std::nullopt) == "-");
  CHECK(percentText(0.826) == "83%");
  CHECK(minutesText(Millis(45'000)) == "45 s");
  CHECK(minutesText(Millis(12 * 60'000)) == "12 min");
  CHECK(minutesText(Millis(65 * 60'000)) == "1 h 05 min");
  ProgressSnapshot s = handMadeSnapshot();
  CHECK(dayLine(s) == "Day 5 of 42");
  s.notStarted = true;
  s.today = s.plan.start - days(3);
  CHECK(dayLine(s) == "Starts in 3 days");
  s.hasPlan = false;
  CHECK(dayLine(s) == "No plan: the last 28 days");
}

TEST_CASE("the progress view's keys go back, open the check-in and the plan editor") {
  CHECK(progressIntentForKey(UiKey::Escape) == ProgressIntent::Back);
  CHECK(progressIntentForKey(UiKey::C) == ProgressIntent::Checkin);
  CHECK(progressIntentForKey(UiKey::E) == ProgressIntent::Plan);
  CHECK(progressIntentForKey(UiKey::Space) == ProgressIntent::None);
}

TEST_CASE("the progress view draws a snapshot, red flags and an error line") {
  const auto [width, height] = GENERATE(std::pair{1280.0f, 800.0f}, std::pair{800.0f, 600.0f});
  ImGuiHarness ui(ImVec2(width, height));
  ProgressViewModel model;
  model.snapshot = handMadeSnapshot();
  model.snapshot->redFlags.push_back({RedFlagKind::Symptom, Symptom::Numbness, date("2026-11-05"),
                                      symptomAdvice(Symptom::Numbness), FlagLevel::SeeSoon, ""});
  const UiKey c[] = {UiKey::C};
  CHECK(ui.frame([&] { return drawProgressView(model, ui.fonts(), c); }) ==
        ProgressIntent::Checkin);
  const int withSnapshot = ui.vertexCount();
  CHECK(withSnapshot > 2000);  // 10 cells, legend, chart grid, figures, the advice box
  ProgressViewModel broken;
  broken.error = "unknot.db: file is not a database";
  CHECK(ui.frame([&] { return drawProgressView(broken, ui.fonts(), {}); }) == ProgressIntent::None);
  CHECK(ui.vertexCount() > 0);
  CHECK(ui.vertexCount() < withSnapshot);
}

TEST_CASE("the check-in dialog is driven by keys: rows, scores, save and skip") {
  CheckinDraft draft;
  SECTION("Enter without a pain score does not save and says why") {
    const UiKey enter[] = {UiKey::Enter};
    CHECK(applyCheckinKeys(draft, enter) == CheckinIntent::None);
    CHECK_THAT(draft.error, Catch::Contains("pain score"));
  }
  SECTION("Right sets pain from nothing to 0 and up, Down moves to tightness") {
    const UiKey keys[] = {UiKey::Right, UiKey::Right, UiKey::Right, UiKey::Right,
                          UiKey::Down,  UiKey::Right, UiKey::Right, UiKey::Left};
    CHECK(applyCheckinKeys(draft, keys) == CheckinIntent::None);
    CHECK(draft.pain == 3);
    CHECK(draft.tightness == 0);
    const UiKey enter[] = {UiKey::Enter};
    CHECK(applyCheckinKeys(draft, enter) == CheckinIntent::Save);
  }
  SECTION("scores stay within 0 to 10") {
    draft.pain = 10;
    const UiKey right[] = {UiKey::Right};
    applyCheckinKeys(draft, right);
    CHECK(draft.pain == 10);
    draft.pain = 0;
    const UiKey left[] = {UiKey::Left};
    applyCheckinKeys(draft, left);
    CHECK(draft.pain == 0);
  }
  SECTION("Esc skips in one key") {
    const UiKey escape[] = {UiKey::Escape};
    CHECK(applyCheckinKeys(draft, escape) == CheckinIntent::Skip);
  }
  SECTION("the drawn dialog returns the same intents") {
    ImGuiHarness ui(ImVec2(800, 600));
    const UiKey keys[] = {UiKey::Right, UiKey::Enter};
    CHECK(ui.frame([&] {
      return drawCheckinView(draft, ui.fonts(), keys, CheckinOccasion::AfterSession);
    }) == CheckinIntent::Save);
    CHECK(draft.pain == 0);
    CHECK(ui.vertexCount() > 500);
  }
  draft.symptoms[2] = true;
  draft.symptoms[5] = true;
  CHECK(draft.chosenSymptoms() == std::vector<Symptom>{Symptom::Radiating, Symptom::Injury});
  CHECK(draft.goneSymptoms().empty());
}

TEST_CASE("the check-in asks about each sign on the record and still there reports it again") {
  CheckinDraft draft;
  const LogicalDate reported = *parseDate("2026-11-01");
  draft.active = {{Symptom::Numbness, reported, false}, {Symptom::Fever, reported, true}};
  draft.symptoms[0] = true;  // a box for a sign already asked about counts once, not twice
  draft.symptoms[3] = true;  // swelling: new
  CHECK(draft.chosenSymptoms() == std::vector<Symptom>{Symptom::Swelling, Symptom::Numbness});
  CHECK(draft.goneSymptoms() == std::vector<Symptom>{Symptom::Fever});
  CHECK(draft.isActive(Symptom::Fever));
  CHECK_FALSE(draft.isActive(Symptom::Swelling));
  ImGuiHarness ui(ImVec2(800, 600));
  ui.frame([&] { return drawCheckinView(draft, ui.fonts(), {}, CheckinOccasion::Any); });
  CHECK(ui.vertexCount() > 500);
}

TEST_CASE("the plan editor checks settings before saving and builds reminders") {
  PlanEditorState state;
  const UiKey enter[] = {UiKey::Enter};
  CHECK(applyPlanEditorKeys(state, enter).kind == PlanEditorIntent::Kind::Save);
  state.settings.targets.clear();
  CHECK(applyPlanEditorKeys(state, enter).kind == PlanEditorIntent::Kind::None);
  CHECK_THAT(state.error, Catch::Contains("at least one daily target"));
  addTarget(state, "routine:pigeon-pose");
  REQUIRE(state.settings.targets.size() == 1);
  CHECK(state.settings.targets[0].routineId == "pigeon-pose");
  addTarget(state, "routine:pigeon-pose");
  CHECK(state.settings.targets.size() == 1);
  CHECK_THAT(state.error, Catch::Contains("already a target"));
  CHECK(planEditorSave(state, true).kind == PlanEditorIntent::Kind::StartNew);
  const UiKey escape[] = {UiKey::Escape};
  CHECK(applyPlanEditorKeys(state, escape).kind == PlanEditorIntent::Kind::Cancel);

  state.settings = defaultPlanSettings();
  CHECK(reminderTargets(state.settings) ==
        std::vector<std::string>{"stretch", "foam-roll+massage", "strength", "any"});
  std::strcpy(state.reminderTime.data(), "18:30");
  state.reminderTarget = 1;
  const PlanEditorIntent add = reminderToAdd(state);
  CHECK(add.kind == PlanEditorIntent::Kind::AddReminder);
  CHECK(add.minuteOfDay == 18 * 60 + 30);
  CHECK(add.target == "foam-roll+massage");
  std::strcpy(state.reminderTime.data(), "25:00");
  CHECK(reminderToAdd(state).kind == PlanEditorIntent::Kind::None);
  CHECK_THAT(state.reminderError, Catch::StartsWith("reminder time:"));
}

TEST_CASE("the plan editor refuses a reminder it already lists and says so by the reminder row") {
  PlanEditorState state;
  state.reminders = {{1, 8 * 60, "stretch"}};
  state.reminderTarget = 0;  // stretch
  for (const char* time : {"08:00", "8:00"}) {
    std::strcpy(state.reminderTime.data(), time);
    CHECK(reminderToAdd(state).kind == PlanEditorIntent::Kind::None);
    CHECK(state.reminderError == "there is already a reminder for stretch at 08:00");
  }
  std::strcpy(state.reminderTime.data(), "9:00");  // H:MM, another time: added
  const PlanEditorIntent add = reminderToAdd(state);
  CHECK(add.kind == PlanEditorIntent::Kind::AddReminder);
  CHECK(add.minuteOfDay == 9 * 60);
  CHECK(state.reminderError.empty());
}

TEST_CASE("the plan editor draws at both window sizes") {
  const auto [width, height] = GENERATE(std::pair{1280.0f, 800.0f}, std::pair{800.0f, 600.0f});
  ImGuiHarness ui(ImVec2(width, height));
  PlanEditorState state;
  state.reminders = {{1, 8 * 60, "stretch"}};
  state.routineIds = {"pigeon-pose"};
  const UiKey escape[] = {UiKey::Escape};
  CHECK(ui.frame([&] { return drawPlanEditor(state, ui.fonts(), escape); }).kind ==
        PlanEditorIntent::Kind::Cancel);
  CHECK(ui.vertexCount() > 1000);
}

TEST_CASE("P on the library opens Progress and C on the finish screen opens the check-in") {
  LibraryModel model;
  LibraryViewState state;
  const UiKey p[] = {UiKey::P};
  CHECK(applyLibraryKeys(model, state, p).kind == LibraryIntent::Kind::Progress);
  CHECK(summaryIntentForKey(UiKey::C) == PlayerIntent::CheckIn);
  ImGuiHarness ui;
  const Plan plan = sidedPlan();
  SummaryModel summary{&plan, {}, {}};
  summary.snapshot.state = SessionState::Finished;
  const UiKey c[] = {UiKey::C};
  CHECK(ui.frame([&] { return drawSummaryView(summary, ui.fonts(), c); }) == PlayerIntent::CheckIn);
}
