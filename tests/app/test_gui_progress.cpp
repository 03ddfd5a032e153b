// The GUI's progress controller against a real store in a temp folder: keys fed into the
// check-in dialog save a check-in that `unknot stats --json` reports, the red-flag advice
// shows at once, plans and reminders are written, a broken store is an error line, and a
// read-only data folder is still shown.
#ifdef UNKNOT_HAVE_GUI
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "app/gui/gui_progress.hpp"
#include "core/recovery/red_flags.hpp"
#include "support/process.hpp"
#include "support/read_only_folder.hpp"
#include "ui/imgui_harness.hpp"

using namespace unknot;
using namespace unknot::testing;

namespace {

GuiProgress controllerFor(const TempDir& dir) {
  GuiProgress::Options options;
  options.dataDir = DataDir{dir.file("data"), {}};
  options.routineIds = {"pigeon-pose"};
  return GuiProgress(options);
}

void frame(ImGuiHarness& ui, GuiProgress& progress, std::vector<UiKey> keys) {
  ui.frame([&] {
    progress.draw(ui.fonts(), keys);
    return 0;
  });
}

ProcessResult statsJson(const TempDir& dir) {
  return runProcess({UNKNOT_BINARY, "stats", "--json", "--data-dir", dir.file("data")});
}

}  // namespace

TEST_CASE("a check-in saved through the GUI dialog shows in unknot stats") {
  TempDir dir;
  ImGuiHarness ui;
  GuiProgress progress = controllerFor(dir);
  progress.open(GuiProgress::Screen::Checkin, true);
  REQUIRE(progress.screen() == GuiProgress::Screen::Checkin);
  // Pain 4 (from nothing: 0, then four steps up), tightness 2, then Enter.
  frame(ui, progress,
        {UiKey::Right, UiKey::Right, UiKey::Right, UiKey::Right, UiKey::Right, UiKey::Down,
         UiKey::Right, UiKey::Right, UiKey::Right});
  CHECK(progress.checkinDraft().pain == 4);
  CHECK(progress.checkinDraft().tightness == 2);
  frame(ui, progress, {UiKey::Enter});
  INFO(progress.checkinDraft().error);
  CHECK(progress.screen() == GuiProgress::Screen::Progress);
  REQUIRE(progress.model().snapshot);
  CHECK_THAT(progress.model().notice, Catch::StartsWith("Check-in saved"));
  CHECK(progress.model().snapshot->latestPain() == Approx(4.0));

  const ProcessResult stats = statsJson(dir);
  INFO(stats.err);
  REQUIRE(stats.exitCode == 0);
  CHECK_THAT(stats.out, Catch::Contains("\"latest\":4"));
  CHECK_THAT(stats.out, Catch::Contains("\"tightness\":2"));
}

TEST_CASE("a check-in with a symptom brings the red-flag advice at once") {
  TempDir dir;
  GuiProgress progress = controllerFor(dir);
  progress.open(GuiProgress::Screen::Checkin);
  CheckinDraft draft;
  draft.pain = 5;
  draft.symptoms[0] = true;  // numbness or tingling
  std::snprintf(draft.note.data(), draft.note.size(), "tingling in the left foot");
  REQUIRE(progress.saveCheckin(draft));
  REQUIRE(progress.model().snapshot);
  const auto& flags = progress.model().snapshot->redFlags;
  REQUIRE(flags.size() == 1);
  CHECK(flags[0].symptom == Symptom::Numbness);
  const ProcessResult stats = statsJson(dir);
  CHECK_THAT(stats.out, Catch::Contains("numbness"));
}

TEST_CASE("Skip leaves the dialog without writing anything") {
  TempDir dir;
  ImGuiHarness ui;
  GuiProgress progress = controllerFor(dir);
  progress.open(GuiProgress::Screen::Checkin, true);
  frame(ui, progress, {UiKey::Right, UiKey::Escape});
  CHECK(progress.screen() == GuiProgress::Screen::Closed);
  progress.open(GuiProgress::Screen::Progress);
  REQUIRE(progress.model().snapshot);
  CHECK_FALSE(progress.model().snapshot->latestPain().has_value());
}

TEST_CASE("the first routine of the day offers a check-in and skipping it starts the routine") {
  TempDir dir;
  ImGuiHarness ui;
  GuiProgress progress = controllerFor(dir);
  REQUIRE(progress.offerBeforeSession("pigeon-pose"));
  CHECK(progress.screen() == GuiProgress::Screen::Checkin);
  CHECK_FALSE(progress.takeStartRequest());
  frame(ui, progress, {UiKey::Escape});
  CHECK_FALSE(progress.isOpen());
  CHECK(progress.takeStartRequest() == std::optional<std::string>("pigeon-pose"));
  CHECK_FALSE(progress.takeStartRequest());           // asked for once
  CHECK(progress.offerBeforeSession("pigeon-pose"));  // nothing was saved: still offered
}

TEST_CASE("a check-in before the routine is saved and starts it, and is not asked again that day") {
  TempDir dir;
  ImGuiHarness ui;
  GuiProgress progress = controllerFor(dir);
  REQUIRE(progress.offerBeforeSession("pigeon-pose"));
  frame(ui, progress, {UiKey::Right, UiKey::Right, UiKey::Right});  // pain 2
  frame(ui, progress, {UiKey::Enter});
  INFO(progress.checkinDraft().error);
  CHECK(progress.takeStartRequest() == std::optional<std::string>("pigeon-pose"));
  CHECK_FALSE(progress.offerBeforeSession("pigeon-pose"));
  CHECK_FALSE(progress.isOpen());
}

TEST_CASE("a warning symptom before the routine shows advice and nothing starts until chosen") {
  ImGuiHarness ui;
  GuiProgress::Options options;
  options.routineIds = {"pigeon-pose", "desk-break", "glute-strength"};
  options.routines = {{"pigeon-pose", "Pigeon pose", Category::Stretch, Millis(215'000)},
                      {"desk-break", "Desk break", Category::Posture, Millis(215'000)},
                      {"glute-strength", "Glute strength", Category::Strength, Millis(60'000)}};
  for (const UiKey answer : {UiKey::S, UiKey::Enter, UiKey::Escape}) {
    TempDir dir;  // a fresh record: no check-in yet today
    options.dataDir = DataDir{dir.file("data"), {}};
    GuiProgress progress(options);
    REQUIRE(progress.offerBeforeSession("pigeon-pose"));
    progress.checkinDraft().pain = 4;
    progress.checkinDraft().symptoms[0] = true;  // numbness or tingling
    frame(ui, progress, {UiKey::Enter});
    REQUIRE(progress.screen() == GuiProgress::Screen::StartAdvice);
    CHECK_FALSE(progress.takeStartRequest());  // the chosen routine waits for the person
    CHECK(progress.startAdvice().routineName == "Pigeon pose");
    REQUIRE(progress.startAdvice().flags.size() == 1);
    CHECK(progress.startAdvice().flags[0].advice == symptomAdvice(Symptom::Numbness));
    REQUIRE(progress.startAdvice().gentler.size() == 1);  // no strength work offered
    CHECK(progress.startAdvice().gentler[0].id == "desk-break");
    frame(ui, progress, {answer});
    CHECK_FALSE(progress.isOpen());
    if (answer == UiKey::S) {
      CHECK(progress.takeStartRequest() == std::optional<std::string>("pigeon-pose"));
    } else {
      CHECK_FALSE(progress.takeStartRequest());  // back to the library, nothing started
    }
  }
}

GuiProgress::Options threeRoutines(const TempDir& dir) {
  GuiProgress::Options options;
  options.dataDir = DataDir{dir.file("data"), {}};
  options.routineIds = {"pigeon-pose", "desk-break", "glute-strength"};
  options.routines = {{"pigeon-pose", "Pigeon pose", Category::Stretch, Millis(215'000)},
                      {"desk-break", "Desk break", Category::Posture, Millis(215'000)},
                      {"glute-strength", "Glute strength", Category::Strength, Millis(60'000)}};
  return options;
}

void checkIn(GuiProgress& progress, int pain, std::vector<size_t> signs = {}) {
  progress.open(GuiProgress::Screen::Checkin);
  CheckinDraft draft = progress.checkinDraft();
  draft.pain = pain;
  for (const size_t i : signs) draft.symptoms[i] = true;
  REQUIRE(progress.saveCheckin(draft));
  progress.close();
}

TEST_CASE("any routine started while a pain warning is up shows its advice before the timer") {
  TempDir dir;
  ImGuiHarness ui;
  GuiProgress progress(threeRoutines(dir));
  CHECK_FALSE(progress.adviseBeforeStart("pigeon-pose"));  // nothing on the record: no advice
  checkIn(progress, 9);  // today's check-in: not asked again, but the warning stands
  REQUIRE(progress.offerBeforeSession("pigeon-pose"));
  REQUIRE(progress.screen() == GuiProgress::Screen::StartAdvice);
  REQUIRE(progress.startAdvice().flags.size() == 1);
  CHECK(progress.startAdvice().flags[0].kind == RedFlagKind::PainHigh);
  CHECK_FALSE(progress.startAdvice().urgent());
  REQUIRE(progress.startAdvice().gentler.size() == 1);
  CHECK(progress.startAdvice().gentler[0].id == "desk-break");
  CHECK_FALSE(progress.takeStartRequest());
  frame(ui, progress, {UiKey::S});  // one explicit confirmation
  CHECK(progress.takeStartRequest() == std::optional<std::string>("pigeon-pose"));
  // The same for a routine started another way (--run).
  CHECK(progress.adviseBeforeStart("glute-strength"));
  CHECK(progress.screen() == GuiProgress::Screen::StartAdvice);
}

TEST_CASE("with an urgent sign the advice offers nothing gentler and no key starts the routine") {
  TempDir dir;
  ImGuiHarness ui;
  GuiProgress progress(threeRoutines(dir));
  checkIn(progress, 3, {8});  // fever
  REQUIRE(progress.offerBeforeSession("pigeon-pose"));
  REQUIRE(progress.screen() == GuiProgress::Screen::StartAdvice);
  CHECK(progress.startAdvice().urgent());
  CHECK(progress.startAdvice().gentler.empty());
  frame(ui, progress, {UiKey::S, UiKey::Enter, UiKey::Escape, UiKey::Space});
  CHECK(progress.screen() == GuiProgress::Screen::StartAdvice);  // only a click answers
  CHECK_FALSE(progress.takeStartRequest());
}

TEST_CASE(
    "a check-in that reports an urgent sign opens the urgent advice, which keys do not close") {
  TempDir dir;
  ImGuiHarness ui;
  GuiProgress progress = controllerFor(dir);
  progress.open(GuiProgress::Screen::Checkin);
  progress.checkinDraft().pain = 4;
  progress.checkinDraft().symptoms[7] = true;  // new trouble with bladder or bowels
  frame(ui, progress, {UiKey::Enter});
  REQUIRE(progress.screen() == GuiProgress::Screen::Urgent);
  frame(ui, progress, {UiKey::Enter, UiKey::Escape, UiKey::Space, UiKey::S});
  CHECK(progress.screen() == GuiProgress::Screen::Urgent);
  CHECK(anyUrgent(progress.warnings()));
  // At start, the same advice comes before the library while the sign is up.
  GuiProgress later = controllerFor(dir);
  later.refreshWarnings();
  CHECK(later.showUrgentIfAny());
  CHECK(later.screen() == GuiProgress::Screen::Urgent);
}

TEST_CASE("the check-in asks about each sign on the record, and gone takes it down") {
  TempDir dir;
  GuiProgress progress = controllerFor(dir);
  checkIn(progress, 5, {0, 3});  // numbness, swelling
  progress.open(GuiProgress::Screen::Checkin);
  auto& draft = progress.checkinDraft();
  REQUIRE(draft.active.size() == 2);
  CHECK(draft.active[0].symptom == Symptom::Numbness);  // "today" before "see soon"
  CHECK_FALSE(draft.active[0].gone);                    // still there, unless said otherwise
  draft.pain = 3;
  draft.active[0].gone = true;
  REQUIRE(progress.saveCheckin(draft));
  REQUIRE(progress.warnings().size() == 1);
  CHECK(progress.warnings()[0].symptom == Symptom::Swelling);
  const ProcessResult stats = statsJson(dir);
  CHECK_THAT(stats.out, Catch::Contains("\"symptom\":\"swelling\""));
  CHECK_THAT(stats.out, !Catch::Contains("\"symptom\":\"numbness\""));
}

TEST_CASE("gentler choices are shorter stretching and posture routines, shortest first") {
  const std::vector<RoutineSummary> routines{
      {"long-stretch", "Long stretch", Category::Stretch, Millis(600'000)},
      {"strength", "Strength", Category::Strength, Millis(60'000)},
      {"chosen", "Chosen", Category::Mixed, Millis(300'000)},
      {"short-stretch", "Short stretch", Category::Stretch, Millis(120'000)},
      {"desk", "Desk", Category::Posture, Millis(90'000)},
      {"roll", "Roll", Category::FoamRoll, Millis(60'000)}};
  const auto gentler = gentlerThan(routines, "chosen");
  REQUIRE(gentler.size() == 2);
  CHECK(gentler[0].id == "desk");
  CHECK(gentler[1].id == "short-stretch");
  CHECK(gentlerThan(routines, "chosen", 1).size() == 1);
}

TEST_CASE("the plan editor starts a plan, then edits it from today on") {
  TempDir dir;
  ImGuiHarness ui;
  GuiProgress progress = controllerFor(dir);
  progress.open(GuiProgress::Screen::Plan);
  CHECK_FALSE(progress.planEditor().editing);
  PlanSettings settings = defaultPlanSettings();
  settings.weeks = 3;
  REQUIRE(progress.savePlan(settings, false));
  REQUIRE(progress.model().snapshot);
  CHECK(progress.model().snapshot->hasPlan);
  CHECK(progress.model().snapshot->dayCount == 21);

  progress.open(GuiProgress::Screen::Plan);
  CHECK(progress.planEditor().editing);
  CHECK(progress.planEditor().settings.weeks == 3);
  settings.weeks = 4;
  REQUIRE(progress.savePlan(settings, false));
  CHECK(progress.model().snapshot->dayCount == 28);
  CHECK_THAT(progress.model().notice, Catch::Contains("earlier days keep"));
  // Enter in the editor saves through the same path.
  progress.open(GuiProgress::Screen::Plan);
  frame(ui, progress, {UiKey::Enter});
  CHECK(progress.screen() == GuiProgress::Screen::Progress);

  const ProcessResult show =
      runProcess({UNKNOT_BINARY, "plan", "show", "--data-dir", dir.file("data")});
  CHECK_THAT(show.out, Catch::Contains("4 weeks"));
}

TEST_CASE("reminders added and removed in the plan editor are stored") {
  TempDir dir;
  GuiProgress progress = controllerFor(dir);
  progress.open(GuiProgress::Screen::Plan);
  REQUIRE(progress.addReminder(8 * 60, "stretch"));
  REQUIRE(progress.addReminder(18 * 60, "stretch"));
  CHECK(progress.planEditor().reminders.size() == 2);
  CHECK_FALSE(progress.addReminder(8 * 60, "stretch"));  // a duplicate is refused, with a reason
  CHECK_THAT(progress.planEditor().reminderError, Catch::Contains("already a reminder"));
  REQUIRE(progress.removeReminder(8 * 60, "stretch"));
  REQUIRE(progress.planEditor().reminders.size() == 1);
  CHECK(progress.planEditor().reminders[0].minuteOfDay == 18 * 60);
  const ProcessResult list =
      runProcess({UNKNOT_BINARY, "reminders", "list", "--data-dir", dir.file("data")});
  CHECK_THAT(list.out, Catch::Contains("18:00"));
  CHECK_THAT(list.out, !Catch::Contains("08:00"));
}

TEST_CASE("a store that cannot be opened is one error line and is left untouched") {
  TempDir dir;
  std::filesystem::create_directories(dir.file("data"));
  const std::string garbage = "this is not an SQLite database, just some text";
  { std::ofstream(dir.file("data/unknot.db")) << garbage; }
  GuiProgress progress = controllerFor(dir);
  progress.open(GuiProgress::Screen::Progress);
  CHECK_FALSE(progress.model().snapshot);
  CHECK_THAT(progress.model().error, Catch::Contains("unknot.db"));
  CHECK(progress.model().error.find('\n') == std::string::npos);
  CheckinDraft draft;
  draft.pain = 2;
  progress.open(GuiProgress::Screen::Checkin);
  CHECK_FALSE(progress.saveCheckin(draft));
  CHECK_THAT(progress.checkinDraft().error, Catch::StartsWith("Could not save the check-in"));
  std::ifstream in(dir.file("data/unknot.db"));
  std::string kept((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(kept == garbage);
}

TEST_CASE("a read-only data folder still shows the Progress view and is left as it was") {
  TempDir dir;
  {
    GuiProgress writer = controllerFor(dir);
    CheckinDraft draft;
    draft.pain = 4;
    writer.open(GuiProgress::Screen::Checkin);
    REQUIRE(writer.saveCheckin(draft));
  }
  const auto before = folderBytes(dir.file("data"));
  // Root ignores modes, so as root the folder is made immutable instead.
  const ReadOnlyFolder readOnly(dir.file("data"), ::geteuid() == 0 ? ReadOnlyFolder::Way::Immutable
                                                                   : ReadOnlyFolder::Way::Modes);
  if (!readOnly.active()) {
    WARN("this file system has no immutable attribute: skipped");
    return;
  }
  GuiProgress progress = controllerFor(dir);
  progress.open(GuiProgress::Screen::Progress);
  INFO(progress.model().error);
  REQUIRE(progress.model().snapshot);
  CHECK(progress.model().error.empty());
  CHECK(progress.model().snapshot->latestPain() == Approx(4.0));
  CHECK_THAT(progress.model().notice, Catch::Contains("not recorded"));
  CheckinDraft draft;
  draft.pain = 2;
  progress.open(GuiProgress::Screen::Checkin);
  CHECK_FALSE(progress.saveCheckin(draft));
  CHECK_THAT(progress.checkinDraft().error, Catch::StartsWith("Could not save the check-in"));
  CHECK(folderBytes(dir.file("data")) == before);
}
TEST_CASE("the Flare day key marks today, keeps the streak and offers the Sore day routine") {
  TempDir dir;
  ImGuiHarness ui;
  GuiProgress::Options options;
  options.dataDir = DataDir{dir.file("data"), {}};
  options.routineIds = {"pigeon-pose", "sore-day"};
  GuiProgress progress(options);
  PlanSettings settings = defaultPlanSettings();
  progress.open(GuiProgress::Screen::Plan);
  REQUIRE(progress.savePlan(settings, false));
  progress.open(GuiProgress::Screen::Progress);
  frame(ui, progress, {UiKey::F});
  REQUIRE(progress.model().snapshot);
  CHECK_THAT(progress.model().notice, Catch::Contains("keeps your streak like a rest day"));
  CHECK(progress.model().offerSoreDay);
  const DayStatus* today = progress.model().snapshot->todayStatus();
  REQUIRE(today);
  CHECK(today->state == DayState::Flare);
  // S (or the button) asks for the Sore day routine and closes the view for it.
  frame(ui, progress, {UiKey::S});
  CHECK_FALSE(progress.isOpen());
  CHECK(progress.takeStartRequest() == std::optional<std::string>("sore-day"));
  const ProcessResult stats = statsJson(dir);
  CHECK_THAT(stats.out, Catch::Contains("\"flare\""));
}

TEST_CASE("the plan editor saves the sore side, its extra holds and a level chosen by hand") {
  TempDir dir;
  ImGuiHarness ui;
  GuiProgress progress = controllerFor(dir);
  progress.open(GuiProgress::Screen::Plan);
  PlanSettings settings = defaultPlanSettings();
  settings.soreSide = Side::Left;
  settings.extraSoreHolds = 2;
  REQUIRE(progress.savePlan(settings, false));
  progress.open(GuiProgress::Screen::Plan);
  CHECK(progress.planEditor().settings.soreSide == Side::Left);
  CHECK(progress.planEditor().settings.extraSoreHolds == 2);
  CHECK_FALSE(progress.planEditor().level);
  const ProcessResult before =
      runProcess({UNKNOT_BINARY, "plan", "show", "--data-dir", dir.file("data")});
  CHECK_THAT(before.out, Catch::Contains("Sore side: left"));
}
#endif

TEST_CASE("Report… saves the one-page PDF in the documents folder and says where") {
  TempDir dir;
  std::filesystem::create_directories(dir.file("home/Documents"));
  GuiProgress::Options options;
  options.dataDir = DataDir{dir.file("data"), {}};
  options.documentsDir = dir.file("home/Documents");
  options.documentsShown = "~/Documents";
  GuiProgress progress(options);
  progress.open(GuiProgress::Screen::Plan);
  REQUIRE(progress.savePlan(defaultPlanSettings(), false));
  progress.open(GuiProgress::Screen::Progress);
  REQUIRE(progress.saveReport());
  const std::string name = "unknot-report-" + formatDate(progress.model().snapshot->today) + ".pdf";
  CHECK_THAT(progress.model().notice, Catch::StartsWith("Report saved to ~/Documents/" + name));
  const ProcessResult info = runProcess({"pdfinfo", dir.file("home/Documents/" + name)});
  INFO(info.err);
  CHECK_THAT(info.out, Catch::Contains("Pages:           1\n"));

  // A documents folder that has gone: one error line, no file anywhere.
  std::filesystem::remove_all(dir.file("home/Documents"));
  CHECK_FALSE(progress.saveReport());
  CHECK_THAT(progress.model().error,
             Catch::StartsWith("Could not save the report: cannot write in "));
  CHECK(progress.model().notice.empty());
}
