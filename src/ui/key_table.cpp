#include "ui/key_table.hpp"

#include <algorithm>
#include <array>

namespace unknot {

namespace {

constexpr const char* kKeysLine = "Show or hide these keys";

constexpr std::array<KeyBinding<LibraryAction>, 8> kLibraryKeys{{
    {UiKey::Up, LibraryAction::Previous, "Up", "Select the routine above"},
    {UiKey::Down, LibraryAction::Next, "Down", "Select the routine below"},
    {UiKey::Enter, LibraryAction::Start, "Enter", "Start the selected routine"},
    {UiKey::P, LibraryAction::Progress, "P", "Progress: calendar, pain trend, plan"},
    {UiKey::S, LibraryAction::Settings, "S", "Settings: sound, voice, look"},
    {UiKey::Reload, LibraryAction::Reload, "F5", "Load the routine folders again"},
    {UiKey::Reload, LibraryAction::Reload, "Ctrl+R", "Load the routine folders again"},
    {UiKey::Help, LibraryAction::Keys, "?", kKeysLine},
}};

constexpr std::array<KeyBinding<PlayerIntent>, 10> kPlayerKeys{{
    {UiKey::Space, PlayerIntent::TogglePause, "Space", "Pause or resume"},
    {UiKey::Left, PlayerIntent::Back, "Left", "Back: this step again, or the one before"},
    {UiKey::Right, PlayerIntent::Skip, "Right", "Skip to the next step"},
    {UiKey::Enter, PlayerIntent::Done, "Enter", "Done (steps without a timer)"},
    {UiKey::R, PlayerIntent::Restart, "R", "Restart the routine"},
    {UiKey::Escape, PlayerIntent::Stop, "Esc", "Stop (asks first)"},
    {UiKey::M, PlayerIntent::ToggleMute, "M", "Mute or sound on"},
    {UiKey::W, PlayerIntent::SayWhere, "W", "Say where I am: step, side, time left, next"},
    {UiKey::I, PlayerIntent::SayInstructions, "I", "Read the step's instructions aloud"},
    {UiKey::Help, PlayerIntent::None, "?", kKeysLine},
}};

constexpr std::array<KeyBinding<PlayerIntent>, 5> kSummaryKeys{{
    {UiKey::C, PlayerIntent::CheckIn, "C", "Check in: how do you feel?"},
    {UiKey::R, PlayerIntent::Again, "R", "The same routine again"},
    {UiKey::Enter, PlayerIntent::Library, "Enter", "Back to the library"},
    {UiKey::Escape, PlayerIntent::Library, "Esc", "Back to the library"},
    {UiKey::Help, PlayerIntent::None, "?", kKeysLine},
}};

constexpr std::array<KeyBinding<SettingsAction>, 6> kSettingsKeys{{
    {UiKey::Escape, SettingsAction::Close, "Esc", "Back to the library"},
    {UiKey::W, SettingsAction::TestVoice, "W", "Hear the voice as set"},
    {UiKey::E, SettingsAction::EditDayStart, "E", "Edit the day's start hour (in the plan)"},
    {UiKey::F, SettingsAction::NoticeAgain, "F", "Show the first-start notice again"},
    {UiKey::R, SettingsAction::BackgroundReminders, "R",
     "Reminders with the app closed: on or off"},
    {UiKey::Help, SettingsAction::Keys, "?", kKeysLine},
}};

constexpr std::array<KeyBinding<ProgressIntent>, 9> kProgressKeys{{
    {UiKey::C, ProgressIntent::Checkin, "C", "Check in: how do you feel?"},
    {UiKey::F, ProgressIntent::Flare, "F", "Mark today a flare day"},
    {UiKey::E, ProgressIntent::Plan, "E", "The plan: length, targets, reminders"},
    {UiKey::P, ProgressIntent::Plan, "P", "The plan: length, targets, reminders"},
    {UiKey::R, ProgressIntent::Report, "R", "Save the one-page report (PDF)"},
    {UiKey::S, ProgressIntent::SoreDay, "S", "Start the Sore day routine (after a flare)"},
    {UiKey::Escape, ProgressIntent::Back, "Esc", "Back to the library"},
    {UiKey::Enter, ProgressIntent::Back, "Enter", "Back to the library"},
    {UiKey::Help, ProgressIntent::None, "?", kKeysLine},
}};

constexpr std::array<KeyBinding<OpenRoutineIntent>, 4> kOpenRoutineKeys{{
    {UiKey::Enter, OpenRoutineIntent::Import, "Enter", "Import the routine into your folder"},
    {UiKey::R, OpenRoutineIntent::TryOnce, "R", "Try it once without importing"},
    {UiKey::Escape, OpenRoutineIntent::Cancel, "Esc", "Cancel: leave everything as it is"},
    {UiKey::Help, OpenRoutineIntent::None, "?", kKeysLine},
}};

constexpr std::array<KeyBinding<CheckinAction>, 7> kCheckinKeys{{
    {UiKey::Up, CheckinAction::PainRow, "Up", "Choose the pain row"},
    {UiKey::Down, CheckinAction::TightnessRow, "Down", "Choose the tightness row"},
    {UiKey::Left, CheckinAction::Less, "Left", "Lower the chosen row's score"},
    {UiKey::Right, CheckinAction::More, "Right", "Raise the chosen row's score"},
    {UiKey::Enter, CheckinAction::Save, "Enter", "Save the check-in"},
    {UiKey::Escape, CheckinAction::Skip, "Esc", "Skip it"},
    {UiKey::Help, CheckinAction::Keys, "?", kKeysLine},
}};

constexpr std::array<KeyBinding<PlanEditorAction>, 3> kPlanEditorKeys{{
    {UiKey::Enter, PlanEditorAction::Save, "Enter", "Save the plan (or start it)"},
    {UiKey::Escape, PlanEditorAction::Cancel, "Esc", "Cancel: change nothing"},
    {UiKey::Help, PlanEditorAction::Keys, "?", kKeysLine},
}};

constexpr std::array<KeyBinding<ThermalAction>, 9> kThermalKeys{{
    {UiKey::Enter, ThermalAction::Switched, "Enter", "I've switched (at a switch)"},
    {UiKey::Left, ThermalAction::Repeat, "Left", "This application again (Repeat)"},
    {UiKey::Space, ThermalAction::TogglePause, "Space", "Pause or resume"},
    {UiKey::Right, ThermalAction::Skip, "Right", "Skip to the next application"},
    {UiKey::Escape, ThermalAction::Stop, "Esc", "Stop (asks first)"},
    {UiKey::M, ThermalAction::ToggleMute, "M", "Mute or sound on"},
    {UiKey::W, ThermalAction::SayWhere, "W", "Say where I am: pack, time left, next"},
    {UiKey::I, ThermalAction::SayInstructions, "I", "Read the instructions aloud"},
    {UiKey::Help, ThermalAction::Keys, "?", kKeysLine},
}};

constexpr std::array<KeyBinding<StartAdviceAction>, 7> kStartAdviceKeys{{
    {UiKey::Num1, StartAdviceAction::Gentler1, "1", "Start the first gentler routine instead"},
    {UiKey::Num2, StartAdviceAction::Gentler2, "2", "Start the second gentler routine instead"},
    {UiKey::Num3, StartAdviceAction::Gentler3, "3", "Start the third gentler routine instead"},
    {UiKey::Enter, StartAdviceAction::Back, "Enter", "Back to the library: nothing starts"},
    {UiKey::Escape, StartAdviceAction::Back, "Esc", "Back to the library: nothing starts"},
    {UiKey::S, StartAdviceAction::StartAnyway, "S", "Start the chosen routine anyway"},
    {UiKey::Help, StartAdviceAction::Keys, "?", kKeysLine},
}};

constexpr std::array<KeyBinding<UrgentAction>, 1> kUrgentKeys{{
    {UiKey::Help, UrgentAction::Keys, "?", kKeysLine},
}};

constexpr std::array<KeyBinding<NoticeAction>, 2> kNoticeKeys{{
    {UiKey::Enter, NoticeAction::Accept, "Enter", "I understand: go on to unknot"},
    {UiKey::Help, NoticeAction::Keys, "?", kKeysLine},
}};

constexpr std::array<KeyBinding<StopAction>, 3> kStopQuestionKeys{{
    {UiKey::Escape, StopAction::Stop, "Esc", "Stop the routine now"},
    {UiKey::Enter, StopAction::GoOn, "Enter", "Go on with it (any other key too)"},
    {UiKey::Help, StopAction::Keys, "?", kKeysLine},
}};

constexpr std::array<KeyBinding<ThermalConfirmAction>, 4> kThermalConfirmKeys{{
    {UiKey::U, ThermalConfirmAction::Understand, "U", "Tick or untick \"I understand\""},
    {UiKey::Enter, ThermalConfirmAction::Start, "Enter", "Start anyway (once ticked)"},
    {UiKey::Escape, ThermalConfirmAction::Back, "Esc", "Back: nothing starts"},
    {UiKey::Help, ThermalConfirmAction::Keys, "?", kKeysLine},
}};

constexpr std::array<KeyBinding<ResumeAction>, 5> kResumeKeys{{
    {UiKey::Enter, ResumeAction::Resume, "Enter", "Resume where it was"},
    {UiKey::R, ResumeAction::Resume, "R", "Resume where it was"},
    {UiKey::S, ResumeAction::StartAgain, "S",
     "Start again from the beginning (drops the earlier run)"},
    {UiKey::Escape, ResumeAction::NotNow, "Esc", "Not now: back to the library, it stays open"},
    {UiKey::Help, ResumeAction::Keys, "?", kKeysLine},
}};

template <class Action>
std::vector<KeyLine> linesOf(std::span<const KeyBinding<Action>> table) {
  std::vector<KeyLine> lines;
  for (const KeyBinding<Action>& binding : table) {
    const auto same = std::find_if(lines.begin(), lines.end(), [&](const KeyLine& line) {
      return line.description == binding.description;
    });
    if (same != lines.end()) {
      same->keys += "/" + std::string(binding.keyName);
    } else {
      lines.push_back({binding.keyName, binding.description});
    }
  }
  return lines;
}

}  // namespace

std::span<const KeyBinding<LibraryAction>> libraryKeys() {
  return kLibraryKeys;
}
std::span<const KeyBinding<PlayerIntent>> playerKeys() {
  return kPlayerKeys;
}
std::span<const KeyBinding<PlayerIntent>> summaryKeys() {
  return kSummaryKeys;
}
std::span<const KeyBinding<SettingsAction>> settingsKeys() {
  return kSettingsKeys;
}

std::span<const KeyBinding<ProgressIntent>> progressKeys() {
  return kProgressKeys;
}
std::span<const KeyBinding<OpenRoutineIntent>> openRoutineKeys() {
  return kOpenRoutineKeys;
}

std::span<const KeyBinding<CheckinAction>> checkinKeys() {
  return kCheckinKeys;
}
std::span<const KeyBinding<PlanEditorAction>> planEditorKeys() {
  return kPlanEditorKeys;
}

std::span<const KeyBinding<ThermalAction>> thermalKeys() {
  return kThermalKeys;
}

std::span<const KeyBinding<StartAdviceAction>> startAdviceKeys() {
  return kStartAdviceKeys;
}
std::span<const KeyBinding<UrgentAction>> urgentKeys() {
  return kUrgentKeys;
}
std::span<const KeyBinding<NoticeAction>> noticeKeys() {
  return kNoticeKeys;
}
std::span<const KeyBinding<StopAction>> stopQuestionKeys() {
  return kStopQuestionKeys;
}
std::span<const KeyBinding<ThermalConfirmAction>> thermalConfirmKeys() {
  return kThermalConfirmKeys;
}
std::span<const KeyBinding<ResumeAction>> resumeKeys() {
  return kResumeKeys;
}

std::vector<KeyLine> keyLines(KeyScreen screen) {
  switch (screen) {
    case KeyScreen::StartAdvice:
      return linesOf(startAdviceKeys());
    case KeyScreen::UrgentAdvice:
      return linesOf(urgentKeys());
    case KeyScreen::Notice:
      return linesOf(noticeKeys());
    case KeyScreen::StopQuestion:
      return linesOf(stopQuestionKeys());
    case KeyScreen::ThermalConfirm:
      return linesOf(thermalConfirmKeys());
    case KeyScreen::ThermalResume:
      return linesOf(resumeKeys());
    case KeyScreen::Thermal:
      return linesOf(thermalKeys());
    case KeyScreen::Checkin:
      return linesOf(checkinKeys());
    case KeyScreen::PlanEditor:
      return linesOf(planEditorKeys());
    case KeyScreen::Progress:
      return linesOf(progressKeys());
    case KeyScreen::OpenRoutine:
      return linesOf(openRoutineKeys());
    case KeyScreen::Player:
      return linesOf(playerKeys());
    case KeyScreen::Summary:
      return linesOf(summaryKeys());
    case KeyScreen::Settings:
      return linesOf(settingsKeys());
    case KeyScreen::Library:
      break;
  }
  return linesOf(libraryKeys());
}

const char* screenTitle(KeyScreen screen) {
  switch (screen) {
    case KeyScreen::StartAdvice:
      return "Keys in the advice before a routine";
    case KeyScreen::UrgentAdvice:
      return "Keys in the urgent advice";
    case KeyScreen::Notice:
      return "Keys in the first-start notice";
    case KeyScreen::StopQuestion:
      return "Keys while asked to stop";
    case KeyScreen::ThermalConfirm:
      return "Keys before a long heat or ice application";
    case KeyScreen::ThermalResume:
      return "Keys for a heat/ice cycle still under way";
    case KeyScreen::Thermal:
      return "Keys during heat and ice";
    case KeyScreen::Checkin:
      return "Keys in the check-in";
    case KeyScreen::PlanEditor:
      return "Keys in the plan editor";
    case KeyScreen::Progress:
      return "Keys in Progress";
    case KeyScreen::OpenRoutine:
      return "Keys for a shared routine file";
    case KeyScreen::Player:
      return "Keys while a routine runs";
    case KeyScreen::Summary:
      return "Keys after a routine";
    case KeyScreen::Settings:
      return "Keys in Settings";
    case KeyScreen::Library:
      break;
  }
  return "Keys in the library";
}

const char* screenNote(KeyScreen screen) {
  // A key pressed out of habit must not wave a warning sign away: this screen is answered with
  // the mouse, and the overlay says so rather than leave someone looking for a key.
  if (screen == KeyScreen::UrgentAdvice)
    return "No keys here: please read the advice, then choose with the mouse. That way a key "
           "pressed out of habit cannot skip it.";
  return nullptr;
}

bool drawKeyOverlay(KeyScreen screen, const UiFonts& fonts, std::span<const UiKey> keys) {
  bool close = std::any_of(keys.begin(), keys.end(),
                           [](UiKey key) { return key == UiKey::Escape || key == UiKey::Help; });
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::PushFont(fonts.body);
  // The screen behind dims and takes no clicks while the keys are read. Two plain windows
  // rather than a modal popup: nothing stays open in ImGui once the overlay is not drawn.
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(display);
  ImGui::SetNextWindowBgAlpha(0.7f);
  ImGui::SetNextWindowFocus();
  ImGui::Begin("##keys-dim", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoNav);
  ImGui::End();
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowFocus();
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, std::max(1.0f, fonts.bodySize * 0.1f));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(fonts.bodySize, fonts.bodySize));
  ImGui::Begin("##keys", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove);
  ImGui::PopStyleVar(2);
  ImGui::PushFont(fonts.heading);
  ImGui::TextUnformatted(screenTitle(screen));
  ImGui::PopFont();
  ImGui::Separator();
  if (const char* note = screenNote(screen)) {
    // The window sizes itself to its contents: the note wraps at a width of its own.
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + fonts.bodySize * 24.0f);
    ImGui::TextUnformatted(note);
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
  }
  if (ImGui::BeginTable("##key-lines", 2, ImGuiTableFlags_SizingFixedFit)) {
    for (const KeyLine& line : keyLines(screen)) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(line.keys.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(line.description.c_str());
    }
    ImGui::EndTable();
  }
  ImGui::Spacing();
  if (ImGui::Button("Close  [Esc]")) close = true;
  ImGui::End();
  ImGui::PopFont();
  return close;
}

}  // namespace unknot
