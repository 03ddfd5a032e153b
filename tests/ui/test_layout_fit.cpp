// Every screen at 800x600 x 100 % and 1280x800 x 200 %: the text each draws is read back from
// ImGui's draw data and must stay inside the window, uncut by its box, and clear of other text.
#include <catch2/catch.hpp>
#include <functional>
#include <string>

#include "core/recovery/pain_rules.hpp"
#include "core/session_engine.hpp"
#include "core/thermal/thermal_controller.hpp"
#include "imgui_harness.hpp"
#include "layout_check.hpp"
#include "plans.hpp"
#include "support/fake_clock.hpp"
#include "support/process.hpp"
#include "support/recording_sink.hpp"
#include "ui/checkin_view.hpp"
#include "ui/key_table.hpp"
#include "ui/library_view.hpp"
#include "ui/plan_editor.hpp"
#include "ui/player_view.hpp"
#include "ui/progress_view.hpp"
#include "ui/safety_views.hpp"
#include "ui/settings_view.hpp"
#include "ui/start_advice_view.hpp"
#include "ui/stop_question.hpp"
#include "ui/summary_view.hpp"
#include "ui/theme.hpp"
#include "ui/thermal_dialogs.hpp"
#include "ui/thermal_view.hpp"

using namespace unknot;
using namespace unknot::testing;
using namespace std::chrono_literals;

namespace {

struct Screen {
  const char* name;
  std::function<void(const UiFonts&)> draw;
};

// A screen drawn for a few frames (child windows and tables size themselves on the second),
// then checked.
LayoutProblems drawAndCheck(const Screen& screen, ImVec2 size, float scale) {
  ImGuiHarness ui(size, scale, true);
  ImGui::GetStyle().AntiAliasedLinesUseTex = false;  // lines then never look like glyphs
  const float body = ui.fonts().bodySize;
  applyTheme(ImGui::GetStyle(), body);
  ImGui::GetStyle().AntiAliasedLinesUseTex = false;
  for (int i = 0; i < 3; ++i) {
    ui.frame([&] {
      screen.draw(ui.fonts());
      return 0;
    });
  }
  return checkLayout(drawnGlyphs(), size);
}

Plan heatThenIce() {
  Step heat = holdStep("Heat", 60);
  heat.kind = StepKind::Heat;
  Step ice = holdStep("Ice", 60);
  ice.kind = StepKind::Ice;
  return *expand(makeRoutine("hot-cold", {heat, ice}), {}).plan;
}

RedFlag flag(Symptom symptom) {
  return {RedFlagKind::Symptom,  symptom, *parseDate("2026-11-05"), symptomAdvice(symptom),
          symptomLevel(symptom), ""};
}

ProgressSnapshot snapshot() {
  ProgressSnapshot s;
  s.today = *parseDate("2026-11-05");
  s.hasPlan = true;
  s.plan.start = *parseDate("2026-11-01");
  s.plan.versions.push_back({s.plan.start, defaultPlanSettings()});
  for (int i = 0; i < 42; ++i) {
    DayStatus day;
    day.date = s.plan.start + std::chrono::days(i);
    day.planDay = i + 1;
    day.state = i < 4 ? DayState(i % 4) : i == 4 ? DayState::Today : DayState::Future;
    // Today's targets and the level's reason are the longest lines beside the calendar.
    if (i == 4) {
      Target stretch, roll, strength;
      stretch.categories = {Category::Stretch};
      stretch.perDay = 2;
      roll.categories = {Category::FoamRoll, Category::Massage};
      strength.categories = {Category::Strength};
      Target heat;
      heat.categories = {Category::Thermal};
      day.targets = {{stretch, 1}, {roll, 0}, {strength, 0}, {heat, 0}};
    }
    s.days.push_back(day);
  }
  s.levels.push_back({s.plan.start, Level::Gentle, LevelCause::Start, "week 1 starts gentle"});
  s.levels.push_back(
      {s.plan.start + std::chrono::days(3), Level::Strong, LevelCause::GoodWeek,
       "5 of 7 days done, pain 6.2 → 4.8, no flare and no check-in 2 or more above the day "
       "before, so the level goes up a step as the week starts"});
  s.dose.soreSide = Side::Right;
  s.dayNumber = 5;
  s.dayCount = 42;
  return s;
}

struct Fixtures {
  RoutineLibrary library = RoutineLibrary::load({UNKNOT_SOURCE_DIR "/routines"}, LoaderOptions{});
  LibraryModel libraryModel = makeLibraryModel(library, "/home/someone/.config/unknot/routines");
  LibraryViewState libraryState;
  Plan sided = sidedPlan();
  FakeClock clock;
  RecordingCueSink sink;
  SessionEngine engine{sided, clock, sink};
  Plan thermalPlan = heatThenIce();
  FakeClock thermalClock;
  SessionEngine thermalEngine{thermalPlan, thermalClock, sink};
  ProgressViewModel progress{snapshot(), "", "", false, 1};
  CheckinDraft draft;
  PlanEditorState planEditor;
  StartAdviceModel advice{"Pigeon pose", {flag(Symptom::Radiating)}, {}};
  StartAdviceModel adviceWithChoices{"Pigeon pose",
                                     {flag(Symptom::Radiating)},
                                     {{"hip-flexor", "Hip flexor stretch", Millis(120'000)},
                                      {"posture", "Posture break", Millis(180'000)},
                                      {"figure-four", "Seated figure four", Millis(240'000)}}};
  StartAdviceModel urgentStartAdvice{"Pigeon pose", {flag(Symptom::BladderBowel)}, {}};
  bool understood = false;
  StopQuestion question;
  std::vector<RedFlag> urgent{flag(Symptom::BladderBowel)};
  SettingsScreenModel settings = [] {
    SettingsScreenModel model;
    model.voiceBackend = "espeak-ng";
    model.voices = {"English (Great Britain)", "Norwegian Bokm\xC3\xA5l"};
    model.localeWeekday = 1;
    model.dayStartHour = 3;
    model.backgroundReminders = true;
    model.backgroundText =
        "Reminders ring with unknot closed: the systemd user timer unknot-remind.timer is on.";
    return model;
  }();
  Fixtures() {
    engine.start();
    clock.advance(Millis(12'000));
    engine.update();
    thermalEngine.start();
    thermalClock.advance(Millis(20'000));
    thermalEngine.update();
    const UiKey escape[] = {UiKey::Escape};
    (void)question.filter(escape);  // asking
  }
  std::vector<Screen> screens() {
    const PlayerModel player{&sided, engine.snapshot(), false, false, "gentle", std::nullopt};
    ThermalViewModel thermal;
    thermal.player = PlayerModel{&thermalPlan, thermalEngine.snapshot(), false, false, {}, {}};
    const SummaryModel summary{&sided, engine.snapshot(),
                               SessionTally{4, 0, 0, 0, Millis(70000), 1.0}};
    return {
        {"library",
         [this](const UiFonts& f) { drawLibraryView(libraryModel, libraryState, f, {}); }},
        {"player", [player](const UiFonts& f) { drawPlayerView(player, f, {}); }},
        {"summary", [summary](const UiFonts& f) { drawSummaryView(summary, f, {}); }},
        {"progress", [this](const UiFonts& f) { drawProgressView(progress, f, {}); }},
        {"check-in",
         [this](const UiFonts& f) { drawCheckinView(draft, f, {}, CheckinOccasion::Any); }},
        {"plan editor", [this](const UiFonts& f) { drawPlanEditor(planEditor, f, {}); }},
        {"thermal", [thermal](const UiFonts& f) { drawThermalView(thermal, f, {}); }},
        {"notice", [](const UiFonts& f) { drawFirstStartNotice(f, {}); }},
        {"urgent advice", [this](const UiFonts& f) { drawUrgentAdvice(urgent, f); }},
        {"start advice", [this](const UiFonts& f) { drawStartAdvice(advice, f, {}); }},
        {"start advice with gentler choices",
         [this](const UiFonts& f) { drawStartAdvice(adviceWithChoices, f, {}); }},
        {"start advice, urgent",
         [this](const UiFonts& f) { drawStartAdvice(urgentStartAdvice, f, {}); }},
        {"long heat/ice confirmation",
         [this](const UiFonts& f) {
           drawLongThermalConfirm("Long heat",
                                  "Heat lasts 25m per application, longer than the usual 20m. "
                                  "Check your skin every 5 minutes.",
                                  understood, f, {});
         }},
        {"heat/ice resume offer",
         [](const UiFonts& f) {
           drawResumeOffer("Heat and ice", "Heat, 09:12 left (ends at 14:35)", f, {});
         }},
        {"settings", [this](const UiFonts& f) { drawSettingsView(settings, f, {}); }},
        {"keys of the player",
         [](const UiFonts& f) { (void)drawKeyOverlay(KeyScreen::Player, f, {}); }},
        {"keys of the urgent advice",
         [](const UiFonts& f) { (void)drawKeyOverlay(KeyScreen::UrgentAdvice, f, {}); }},
        {"keys of the advice before a routine",
         [](const UiFonts& f) { (void)drawKeyOverlay(KeyScreen::StartAdvice, f, {}); }},
        {"keys of the heat/ice resume offer",
         [](const UiFonts& f) { (void)drawKeyOverlay(KeyScreen::ThermalResume, f, {}); }},
        {"stop question",
         // Alone: over the player it covers the text below on purpose.
         [this](const UiFonts& f) { drawStopQuestion(question, f); }},
    };
  }
};

}  // namespace

TEST_CASE(
    "every screen fits 800x600 at 100 % and 1280x800 at 200 % without cut or overlapping text") {
  const auto [width, height, scale] =
      GENERATE(std::tuple{800.0f, 600.0f, 1.0f}, std::tuple{1280.0f, 800.0f, 2.0f});
  Fixtures fixtures;
  for (const Screen& screen : fixtures.screens()) {
    const LayoutProblems problems = drawAndCheck(screen, ImVec2(width, height), scale);
    INFO(screen.name << " at " << width << "x" << height << " x " << scale * 100
                     << " %: " << problems.glyphs << " glyphs, " << problems.outside << " outside, "
                     << problems.clipped << " cut, " << problems.overlapping << " overlapping; "
                     << problems.first);
    CHECK(problems.glyphs > 20);
    CHECK(problems.none());
  }
}

TEST_CASE("the layout check finds text pushed out of the window and text drawn over text") {
  ImGuiHarness ui(ImVec2(800, 600));
  ui.frame([&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(800, 600));
    ImGui::Begin("clipped", nullptr, ImGuiWindowFlags_NoDecoration);
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddText(ImVec2(785, 10), IM_COL32_WHITE, "this line runs off the right edge");
    list->AddText(ImVec2(10, 100), IM_COL32_WHITE, "one text");
    list->AddText(ImVec2(12, 102), IM_COL32_WHITE, "over another");
    ImGui::End();
    return 0;
  });
  const LayoutProblems problems = checkLayout(drawnGlyphs(), ImVec2(800, 600));
  INFO(problems.glyphs << " glyphs, " << problems.outside << " outside, " << problems.clipped
                       << " cut, " << problems.overlapping << " overlapping");
  CHECK(problems.clipped + problems.outside > 0);
  CHECK(problems.overlapping > 0);
}
