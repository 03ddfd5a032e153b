// The desktop app's progress screens (Progress view, check-in dialog, plan editor, the advice
// before a routine and the urgent advice) and their link to the store: it reads a snapshot
// when a screen opens or after a save, never per frame, and writes check-ins, plans and
// reminders. A store that cannot be opened is an error line. It also keeps the active warnings
// for the library's banner and for the advice that comes before any routine starts.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/session/app_paths.hpp"
#include "ui/checkin_view.hpp"
#include "ui/plan_editor.hpp"
#include "ui/progress_model.hpp"
#include "ui/start_advice_view.hpp"

namespace unknot {

class GuiProgress {
 public:
  enum class Screen { Closed, Progress, Checkin, Plan, StartAdvice, Urgent };

  struct Options {
    DataDir dataDir;                       // the resolved progress folder
    std::vector<std::string> routineIds;   // offered as per-routine plan targets
    std::vector<RoutineSummary> routines;  // names and gentler choices for the advice screen
    std::function<LocalInstant()> now = localNow;
    std::filesystem::path documentsDir;  // where Report… saves the PDF
    std::string documentsShown;          // the same folder as the notice names it ("~/Documents")
    std::optional<int> firstWeekday;     // the calendar's first column (0 = Sunday)
    std::function<std::string(LogicalDate)> dateText;  // the locale's dates; empty: ISO
  };

  explicit GuiProgress(Options options);

  Screen screen() const { return m_screen; }
  bool isOpen() const { return m_screen != Screen::Closed; }
  // Opens a screen and reads the store. `afterSession`: the check-in follows a routine.
  void open(Screen screen, bool afterSession = false);
  void close() { m_screen = Screen::Closed; }
  // Before a routine from the library. With no check-in yet today, opens the check-in; after
  // Skip or Save, or at once when today has a check-in, any active warning shows its advice
  // screen, where the person chooses; otherwise `routineId` is asked for (takeStartRequest).
  // False, and nothing opens, when there is neither a check-in to offer nor a warning.
  bool offerBeforeSession(const std::string& routineId);
  // The advice screen alone, for a routine started another way (--run): false when no
  // warning is up.
  bool adviseBeforeStart(const std::string& routineId);
  // Reads the active warnings from the record (read-only; nothing is created).
  void refreshWarnings();
  const std::vector<RedFlag>& warnings() const { return m_warnings; }
  // At start: the urgent advice, when an urgent warning is up (one click dismisses it).
  bool showUrgentIfAny();
  std::optional<std::string> takeStartRequest() { return std::exchange(m_startRequest, {}); }
  // Draws the open screen and acts on what the user did.
  void draw(const UiFonts& fonts, std::span<const UiKey> keys);
  // Changes whenever what the screens show changes (for the runner's frame key).
  int revision() const { return m_revision; }

  // The writes behind the screens; true on success, otherwise the reason is on the screen.
  bool saveCheckin(const CheckinDraft& draft);
  bool savePlan(const PlanSettings& settings, bool startNew);
  bool addReminder(int minuteOfDay, const std::string& target);
  bool removeReminder(int minuteOfDay, const std::string& target);
  // The Report… button: the one-page PDF of today's snapshot in the documents folder, and a
  // notice saying where it went (or an error line).
  bool saveReport();

  const ProgressViewModel& model() const { return m_model; }
  const PlanEditorState& planEditor() const { return m_plan; }
  const CheckinDraft& checkinDraft() const { return m_draft; }
  // The open dialog's answers, as the view edits them (symptoms are ticked with the mouse).
  CheckinDraft& checkinDraft() { return m_draft; }
  const StartAdviceModel& startAdvice() const { return m_advice; }

 private:
  void reload();
  void resetPlanEditor();
  bool afterReminderChange(bool saved);
  void show(Screen screen);
  void applyProgress(ProgressIntent intent);
  // The Flare day button: marks today, says what it did and offers the Sore day routine.
  void markFlare();
  void applyCheckin(CheckinIntent intent);
  void applyPlan(const PlanEditorIntent& intent);
  void applyStartAdvice(const StartAdviceIntent& intent);
  void offerAdvice(const std::string& routineId);
  CheckinDraft freshDraft() const;
  // Runs `body` with a freshly opened store; a StoreError becomes `error` and false. Reading
  // opens a read-only data folder read-only (see openStoreForReading).
  enum class StoreUse { Write, Read };
  template <typename Body>
  bool withStore(Body&& body, std::string& error, StoreUse use = StoreUse::Write);

  Options m_options;
  Screen m_screen = Screen::Closed;
  Screen m_back = Screen::Closed;  // where Skip and Cancel return to
  CheckinOccasion m_occasion = CheckinOccasion::Any;
  std::optional<std::string> m_pendingStart;  // the routine a before-session check-in holds
  std::optional<std::string> m_startRequest;
  std::string m_adviceRoutine;  // the routine the advice screen holds back
  std::vector<RedFlag> m_warnings;
  Screen m_afterUrgent = Screen::Closed;  // where the urgent advice leads once dismissed
  StartAdviceModel m_advice;
  ProgressViewModel m_model;
  std::optional<RecoveryPlan> m_currentPlan;
  std::vector<Reminder> m_reminders;
  CheckinDraft m_draft;
  PlanEditorState m_plan;
  int m_revision = 0;
};

// "progress", "checkin" or "plan" (the --view option); nullopt for anything else.
std::optional<GuiProgress::Screen> parseGuiView(std::string_view name);

}  // namespace unknot
