// The key tables: the ? overlay lists every action of each screen, and each view's key handling
// does what its table (and so the overlay and the button hints) says.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "imgui_harness.hpp"
#include "plans.hpp"
#include "ui/checkin_view.hpp"
#include "ui/key_table.hpp"
#include "ui/library_view.hpp"
#include "ui/open_routine_view.hpp"
#include "ui/plan_editor.hpp"
#include "ui/player_view.hpp"
#include "ui/progress_model.hpp"
#include "ui/settings_view.hpp"
#include "ui/summary_view.hpp"

using namespace unknot;
using namespace unknot::testing;

namespace {

bool listed(KeyScreen screen, const std::string& description) {
  const std::vector<KeyLine> lines = keyLines(screen);
  return std::any_of(lines.begin(), lines.end(),
                     [&](const KeyLine& line) { return line.description == description; });
}

template <class Action>
void checkEveryBindingListed(KeyScreen screen, std::span<const KeyBinding<Action>> table) {
  for (const KeyBinding<Action>& binding : table) {
    INFO(screenTitle(screen) << ": " << binding.keyName);
    CHECK(listed(screen, binding.description));
  }
  CHECK(listed(screen, "Show or hide these keys"));
}

// The key the overlay gives an action, or "" when it has none.
template <class Action>
std::string keyOf(std::span<const KeyBinding<Action>> table, Action action) {
  const std::string label = withKey("x", table, action);
  return label == "x" ? "" : label.substr(4, label.size() - 5);
}

}  // namespace

TEST_CASE("every player action has a key the overlay lists, and the key does that action") {
  const Plan plan = manualPlan();  // offers Done
  PlayerModel model{&plan, {}, false, false, {}};
  model.snapshot.state = SessionState::Running;
  for (const PlayerIntent action :
       {PlayerIntent::TogglePause, PlayerIntent::Back, PlayerIntent::Skip, PlayerIntent::Done,
        PlayerIntent::Restart, PlayerIntent::Stop, PlayerIntent::ToggleMute, PlayerIntent::SayWhere,
        PlayerIntent::SayInstructions}) {
    INFO(toString(action));
    CHECK_FALSE(keyOf(playerKeys(), action).empty());
  }
  for (const auto& binding : playerKeys()) {
    if (binding.key == UiKey::Help) continue;
    INFO(binding.keyName);
    CHECK(playerIntentForKey(binding.key, model) == binding.action);
  }
  checkEveryBindingListed(KeyScreen::Player, playerKeys());
  CHECK(withKey("Pause", playerKeys(), PlayerIntent::TogglePause) == "Pause  [Space]");
}

TEST_CASE("every summary, library and settings action has a key the overlay lists") {
  for (const auto& binding : summaryKeys())
    CHECK(summaryIntentForKey(binding.key) == binding.action);
  for (const PlayerIntent action :
       {PlayerIntent::CheckIn, PlayerIntent::Again, PlayerIntent::Library})
    CHECK_FALSE(keyOf(summaryKeys(), action).empty());
  checkEveryBindingListed(KeyScreen::Summary, summaryKeys());

  for (const LibraryAction action :
       {LibraryAction::Previous, LibraryAction::Next, LibraryAction::Start, LibraryAction::Progress,
        LibraryAction::Settings, LibraryAction::Reload, LibraryAction::Keys})
    CHECK_FALSE(keyOf(libraryKeys(), action).empty());
  checkEveryBindingListed(KeyScreen::Library, libraryKeys());
  CHECK(keyOf(libraryKeys(), LibraryAction::Reload) == "F5");
  const std::vector<KeyLine> lines = keyLines(KeyScreen::Library);
  CHECK(std::any_of(lines.begin(), lines.end(), [](const KeyLine& line) {
    return line.keys == "F5/Ctrl+R";  // the overlay has both
  }));

  const std::pair<SettingsAction, SettingsIntent::Kind> settings[] = {
      {SettingsAction::Close, SettingsIntent::Kind::Close},
      {SettingsAction::TestVoice, SettingsIntent::Kind::TestVoice},
      {SettingsAction::NoticeAgain, SettingsIntent::Kind::NoticeAgain},
      {SettingsAction::EditDayStart, SettingsIntent::Kind::EditDayStart},
      {SettingsAction::BackgroundReminders, SettingsIntent::Kind::BackgroundReminders}};
  for (const auto& [action, kind] : settings) {
    const std::string key = keyOf(settingsKeys(), action);
    REQUIRE_FALSE(key.empty());
    const auto binding = std::find_if(settingsKeys().begin(), settingsKeys().end(),
                                      [&](const auto& b) { return b.action == action; });
    CHECK(settingsIntentForKey(binding->key).kind == kind);
  }
  checkEveryBindingListed(KeyScreen::Settings, settingsKeys());
}

TEST_CASE("the library's keys start, open progress and open settings as the table says") {
  LibraryModel model;
  LibraryItem item;
  item.id = "pigeon";
  item.name = "Pigeon";
  model.items.push_back(item);
  LibraryViewState state;
  const UiKey s[] = {UiKey::S};
  CHECK(applyLibraryKeys(model, state, s).kind == LibraryIntent::Kind::Settings);
  const UiKey p[] = {UiKey::P};
  CHECK(applyLibraryKeys(model, state, p).kind == LibraryIntent::Kind::Progress);
  const UiKey enter[] = {UiKey::Enter};
  const LibraryIntent start = applyLibraryKeys(model, state, enter);
  CHECK(start.kind == LibraryIntent::Kind::Start);
  CHECK(start.routineId == "pigeon");
}

TEST_CASE("the overlay draws and closes on Esc or ?") {
  ImGuiHarness ui;
  CHECK_FALSE(ui.frame([&] { return drawKeyOverlay(KeyScreen::Player, ui.fonts(), {}); }));
  // An auto-sized window shows from its second frame.
  CHECK_FALSE(ui.frame([&] { return drawKeyOverlay(KeyScreen::Player, ui.fonts(), {}); }));
  CHECK(ui.vertexCount() > 0);
  const UiKey esc[] = {UiKey::Escape};
  CHECK(ui.frame([&] { return drawKeyOverlay(KeyScreen::Player, ui.fonts(), esc); }));
  const UiKey help[] = {UiKey::Help};
  CHECK(ui.frame([&] { return drawKeyOverlay(KeyScreen::Library, ui.fonts(), help); }));
}

TEST_CASE("every progress and shared-file action has a key the overlay lists") {
  for (const ProgressIntent action :
       {ProgressIntent::Back, ProgressIntent::Checkin, ProgressIntent::Plan, ProgressIntent::Flare,
        ProgressIntent::SoreDay, ProgressIntent::Report}) {
    const std::string key = keyOf(progressKeys(), action);
    CHECK_FALSE(key.empty());
  }
  for (const auto& binding : progressKeys())
    CHECK(progressIntentForKey(binding.key) == binding.action);
  checkEveryBindingListed(KeyScreen::Progress, progressKeys());
  CHECK(keyOf(progressKeys(), ProgressIntent::Report) == "R");

  for (const OpenRoutineIntent action :
       {OpenRoutineIntent::Import, OpenRoutineIntent::TryOnce, OpenRoutineIntent::Cancel})
    CHECK_FALSE(keyOf(openRoutineKeys(), action).empty());
  for (const auto& binding : openRoutineKeys())
    CHECK(openRoutineIntentForKey(binding.key, true) == binding.action);
  checkEveryBindingListed(KeyScreen::OpenRoutine, openRoutineKeys());
}

TEST_CASE("every check-in and plan editor action has a key the overlay lists") {
  for (const CheckinAction action :
       {CheckinAction::PainRow, CheckinAction::TightnessRow, CheckinAction::Less,
        CheckinAction::More, CheckinAction::Save, CheckinAction::Skip, CheckinAction::Keys})
    CHECK_FALSE(keyOf(checkinKeys(), action).empty());
  checkEveryBindingListed(KeyScreen::Checkin, checkinKeys());
  CheckinDraft draft;
  const UiKey right[] = {UiKey::Right, UiKey::Right};
  CHECK(applyCheckinKeys(draft, right) == CheckinIntent::None);
  CHECK(draft.pain == 1);  // from nothing to 0, then 1
  const UiKey down[] = {UiKey::Down, UiKey::Right};
  applyCheckinKeys(draft, down);
  CHECK(draft.tightness == 0);
  const UiKey enter[] = {UiKey::Enter};
  CHECK(applyCheckinKeys(draft, enter) == CheckinIntent::Save);
  const UiKey esc[] = {UiKey::Escape};
  CHECK(applyCheckinKeys(draft, esc) == CheckinIntent::Skip);

  for (const PlanEditorAction action :
       {PlanEditorAction::Save, PlanEditorAction::Cancel, PlanEditorAction::Keys})
    CHECK_FALSE(keyOf(planEditorKeys(), action).empty());
  checkEveryBindingListed(KeyScreen::PlanEditor, planEditorKeys());
  PlanEditorState state;
  CHECK(applyPlanEditorKeys(state, esc).kind == PlanEditorIntent::Kind::Cancel);
}

TEST_CASE("every heat/ice action has a key the overlay lists") {
  for (const ThermalAction action :
       {ThermalAction::Switched, ThermalAction::Repeat, ThermalAction::TogglePause,
        ThermalAction::Skip, ThermalAction::Stop, ThermalAction::ToggleMute,
        ThermalAction::SayWhere, ThermalAction::SayInstructions, ThermalAction::Keys})
    CHECK_FALSE(keyOf(thermalKeys(), action).empty());
  checkEveryBindingListed(KeyScreen::Thermal, thermalKeys());
}
