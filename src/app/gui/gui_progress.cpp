#include "app/gui/gui_progress.hpp"

#include <algorithm>
#include <sstream>

#include "app/session/open_store.hpp"
#include "app/session/today_dose.hpp"
#include "app/session/warnings.hpp"
#include "core/recovery/red_flags.hpp"
#include "store/store.hpp"
#include "ui/progress_view.hpp"
#include "ui/safety_views.hpp"

namespace unknot {

namespace {

// The recovered-sessions note goes nowhere here: the snapshot shows the sessions anyway.
std::shared_ptr<Store> openQuietly(const DataDir& dataDir, bool forReading) {
  std::ostringstream ignored;
  return forReading ? openStoreForReading(dataDir, ignored) : openStore(dataDir, ignored);
}

}  // namespace

std::optional<GuiProgress::Screen> parseGuiView(std::string_view name) {
  if (name == "progress") return GuiProgress::Screen::Progress;
  if (name == "checkin") return GuiProgress::Screen::Checkin;
  if (name == "plan") return GuiProgress::Screen::Plan;
  return std::nullopt;
}

GuiProgress::GuiProgress(Options options) : m_options(std::move(options)) {
  m_model.firstWeekday = m_options.firstWeekday;
  m_model.dateText = m_options.dateText;
}

template <typename Body>
bool GuiProgress::withStore(Body&& body, std::string& error, StoreUse use) {
  try {
    const std::shared_ptr<Store> store = openQuietly(m_options.dataDir, use == StoreUse::Read);
    body(*store);
    return true;
  } catch (const std::exception& e) {  // StoreError, or bad_alloc on a huge record
    error = e.what();
    return false;
  }
}

void GuiProgress::reload() {
  ++m_revision;
  m_model.snapshot.reset();
  m_model.error.clear();
  m_warnings.clear();  // a record that cannot be read has none to show
  withStore(
      [&](Store& store) {
        const LocalInstant now = m_options.now();
        m_model.snapshot = store.snapshot(now);
        m_warnings = m_model.snapshot->redFlags;
        m_currentPlan = store.currentPlan();
        m_reminders = store.reminders();
        if (store.readOnly())
          m_model.notice =
              "The data folder is read-only: new sessions and check-ins are not recorded.";
      },
      m_model.error, StoreUse::Read);
  m_plan.reminders = m_reminders;
}

void GuiProgress::refreshWarnings() {
  m_warnings = activeWarnings(m_options.dataDir, m_options.now());
}

bool GuiProgress::showUrgentIfAny() {
  if (!anyUrgent(m_warnings)) return false;
  m_afterUrgent = Screen::Closed;
  show(Screen::Urgent);
  return true;
}

// Every sign on the record is asked about ("still there?"), so one check-in can clear it.
CheckinDraft GuiProgress::freshDraft() const {
  CheckinDraft draft;
  for (const RedFlag& flag : m_warnings) {
    if (flag.kind == RedFlagKind::Symptom && flag.symptom)
      draft.active.push_back({*flag.symptom, flag.date, false});
  }
  return draft;
}

void GuiProgress::resetPlanEditor() {
  m_plan = PlanEditorState{};
  m_plan.routineIds = m_options.routineIds;
  m_plan.reminders = m_reminders;
  const LogicalDate today =
      m_model.snapshot ? m_model.snapshot->today : logicalDate(m_options.now());
  if (m_currentPlan && today <= m_currentPlan->end()) {
    m_plan.editing = true;
    m_plan.settings = m_currentPlan->current();
  }
  const LevelChange* level = m_model.snapshot ? m_model.snapshot->levelToday() : nullptr;
  if (level && level->cause == LevelCause::Manual) m_plan.level = m_plan.savedLevel = level->level;
}

void GuiProgress::show(Screen screen) {
  m_screen = screen;
  ++m_revision;
}

void GuiProgress::open(Screen screen, bool afterSession) {
  m_back = m_screen == Screen::Progress ? Screen::Progress : Screen::Closed;
  m_occasion = afterSession ? CheckinOccasion::AfterSession : CheckinOccasion::Any;
  m_pendingStart.reset();
  m_model.notice.clear();
  m_model.offerSoreDay = false;
  reload();
  if (screen == Screen::Checkin) m_draft = freshDraft();
  if (screen == Screen::Plan) resetPlanEditor();
  show(screen);
}

bool GuiProgress::saveCheckin(const CheckinDraft& draft) {
  CheckinInput input;
  input.pain = draft.pain.value_or(-1);
  input.tightness = draft.tightness;
  input.symptoms = draft.chosenSymptoms();
  input.gone = draft.goneSymptoms();
  input.note = draft.noteText();
  input.moment = m_occasion == CheckinOccasion::AfterSession    ? CheckinMoment::After
                 : m_occasion == CheckinOccasion::BeforeSession ? CheckinMoment::Before
                                                                : CheckinMoment::Any;
  if (const auto error = validateCheckin(input)) {
    m_draft.error = *error;
    return false;
  }
  std::string date;
  const bool saved = withStore(
      [&](Store& store) {
        const LocalInstant now = m_options.now();
        store.addCheckin(input, now);
        date = formatDate(store.dateFor(now));
      },
      m_draft.error);
  if (!saved) {
    m_draft.error = "Could not save the check-in: " + m_draft.error;
    return false;
  }
  reload();
  m_model.notice = "Check-in saved for " + date + ".";
  return true;
}

bool GuiProgress::savePlan(const PlanSettings& settings, bool startNew) {
  if (const auto error = validatePlanSettings(settings)) {
    m_plan.error = *error;
    return false;
  }
  std::string notice;
  const bool saved = withStore(
      [&](Store& store) {
        const LocalInstant now = m_options.now();
        const LogicalDate today = store.dateFor(now);
        const auto current = store.currentPlan();
        if (!startNew && current && today <= current->end()) {
          store.editPlan(today, settings, now);
          notice = "Plan changed from " + formatDate(std::max(today, current->start)) +
                   " on; earlier days keep their targets.";
        } else {
          store.startPlan(today, settings, now);
          notice = "Plan started today, " + formatDate(today) + ".";
        }
        // A new plan starts on the rules; a level chosen in the editor holds from today.
        if (m_plan.level != m_plan.savedLevel || (startNew && m_plan.level))
          store.setLevelOverride(m_plan.level, today, now);
      },
      m_plan.error);
  if (!saved) return false;
  reload();
  m_model.notice = notice;
  return true;
}

bool GuiProgress::addReminder(int minuteOfDay, const std::string& target) {
  const bool saved =
      withStore([&](Store& store) { store.addReminder(minuteOfDay, target, m_options.now()); },
                m_plan.reminderError);
  return afterReminderChange(saved);
}

// The editor keeps its unsaved settings; only its reminder list is read again.
bool GuiProgress::afterReminderChange(bool saved) {
  if (saved) m_plan.reminderError.clear();
  PlanEditorState kept = m_plan;
  reload();
  kept.reminders = m_reminders;
  m_plan = std::move(kept);
  return saved;
}

bool GuiProgress::removeReminder(int minuteOfDay, const std::string& target) {
  const bool saved = withStore([&](Store& store) { store.removeReminders(minuteOfDay, target); },
                               m_plan.reminderError);
  return afterReminderChange(saved);
}

void GuiProgress::applyProgress(ProgressIntent intent) {
  switch (intent) {
    case ProgressIntent::Back:
      close();
      break;
    case ProgressIntent::Checkin:
      m_occasion = CheckinOccasion::Any;
      m_pendingStart.reset();
      m_back = Screen::Progress;
      m_draft = freshDraft();
      show(Screen::Checkin);
      break;
    case ProgressIntent::Plan:
      m_back = Screen::Progress;
      resetPlanEditor();
      show(Screen::Plan);
      break;
    case ProgressIntent::Flare:
      markFlare();
      break;
    case ProgressIntent::Report:
      saveReport();
      break;
    case ProgressIntent::SoreDay:
      m_startRequest = kSoreDayRoutine;
      close();
      break;
    case ProgressIntent::None:
      break;
  }
}

void GuiProgress::markFlare() {
  std::string notice, error;
  const bool saved = withStore(
      [&](Store& store) {
        const LocalInstant now = m_options.now();
        const LogicalDate today = store.dateFor(now);
        store.markFlare(today, "", now);
        notice = flareOutcome(store.snapshot(now), today);
      },
      error);
  reload();
  if (!saved) {
    m_model.error = "Could not mark today as a flare day: " + error;
    return;
  }
  m_model.notice = notice;
  m_model.offerSoreDay = std::find(m_options.routineIds.begin(), m_options.routineIds.end(),
                                   kSoreDayRoutine) != m_options.routineIds.end();
}

bool GuiProgress::offerBeforeSession(const std::string& routineId) {
  bool checkedInToday = true;  // a store that cannot be read must not stand between user and timer
  std::string error;
  withStore(
      [&](Store& store) {
        const LogicalDate today = store.dateFor(m_options.now());
        checkedInToday = !store.checkins(DateRange{today, today}).empty();
      },
      error, StoreUse::Read);
  if (checkedInToday) return adviseBeforeStart(routineId);
  open(Screen::Checkin);
  m_occasion = CheckinOccasion::BeforeSession;
  m_pendingStart = routineId;
  return true;
}

bool GuiProgress::adviseBeforeStart(const std::string& routineId) {
  refreshWarnings();
  if (m_warnings.empty()) return false;
  offerAdvice(routineId);
  return true;
}

void GuiProgress::applyCheckin(CheckinIntent intent) {
  if (m_pendingStart &&
      (intent == CheckinIntent::Skip || (intent == CheckinIntent::Save && saveCheckin(m_draft)))) {
    // Any warning on the record, this check-in's included, shows its advice first; then the
    // person chooses what to do.
    const std::string routineId = *std::exchange(m_pendingStart, {});
    if (intent == CheckinIntent::Skip) refreshWarnings();
    if (!m_warnings.empty()) {
      offerAdvice(routineId);
    } else {
      m_startRequest = routineId;
      close();
    }
    return;
  }
  if (intent == CheckinIntent::Skip) {
    m_back == Screen::Progress ? show(Screen::Progress) : close();
  } else if (intent == CheckinIntent::Save && saveCheckin(m_draft)) {
    // The record, with the advice at the top; urgent advice first, until clicked away.
    if (anyUrgent(m_warnings)) {
      m_afterUrgent = Screen::Progress;
      show(Screen::Urgent);
    } else {
      show(Screen::Progress);
    }
  }
}

void GuiProgress::offerAdvice(const std::string& routineId) {
  m_adviceRoutine = routineId;
  m_advice = StartAdviceModel{};
  m_advice.routineName = routineId;
  for (const RoutineSummary& routine : m_options.routines)
    if (routine.id == routineId) m_advice.routineName = routine.name;
  m_advice.flags = m_warnings;
  // With an urgent warning nothing is offered as "gentler": no exercise is advised today.
  if (!anyUrgent(m_warnings)) m_advice.gentler = gentlerThan(m_options.routines, routineId);
  show(Screen::StartAdvice);
}

void GuiProgress::applyStartAdvice(const StartAdviceIntent& intent) {
  using Kind = StartAdviceIntent::Kind;
  switch (intent.kind) {
    case Kind::StartAnyway:
      m_startRequest = m_adviceRoutine;
      close();
      break;
    case Kind::StartGentler:
      m_startRequest = intent.routineId;
      close();
      break;
    case Kind::Back:
      close();
      break;
    case Kind::None:
      break;
  }
}

void GuiProgress::applyPlan(const PlanEditorIntent& intent) {
  using Kind = PlanEditorIntent::Kind;
  switch (intent.kind) {
    case Kind::Save:
    case Kind::StartNew:
      if (savePlan(m_plan.settings, intent.kind == Kind::StartNew)) show(Screen::Progress);
      break;
    case Kind::Cancel:
      m_back == Screen::Progress ? show(Screen::Progress) : close();
      break;
    case Kind::AddReminder:
      addReminder(intent.minuteOfDay, intent.target);
      break;
    case Kind::RemoveReminder:
      removeReminder(intent.minuteOfDay, intent.target);
      break;
    case Kind::None:
      break;
  }
}

void GuiProgress::draw(const UiFonts& fonts, std::span<const UiKey> keys) {
  switch (m_screen) {
    case Screen::Progress:
      applyProgress(drawProgressView(m_model, fonts, keys));
      break;
    case Screen::Checkin:
      applyCheckin(drawCheckinView(m_draft, fonts, keys, m_occasion));
      break;
    case Screen::Plan:
      applyPlan(drawPlanEditor(m_plan, fonts, keys));
      break;
    case Screen::StartAdvice:
      applyStartAdvice(drawStartAdvice(m_advice, fonts, keys));
      break;
    case Screen::Urgent:
      if (drawUrgentAdvice(m_warnings, fonts))
        m_afterUrgent == Screen::Progress ? show(Screen::Progress) : close();
      break;
    case Screen::Closed:
      break;
  }
}

}  // namespace unknot
