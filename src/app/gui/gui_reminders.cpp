#include "app/gui/gui_reminders.hpp"

#include <iostream>

#include "app/session/open_store.hpp"
#include "core/reminders/reminder_schedule.hpp"
#include "ui/reminder_banner.hpp"

namespace unknot {

namespace {

using std::chrono::duration_cast;
using std::chrono::minutes;

std::string bannerLine(const DueReminder& due) {
  return formatTimeOfDay(due.reminder.minuteOfDay) + " reminder: time for " +
         describeTarget(due.target) + " (" + std::to_string(due.done) + " of " +
         std::to_string(due.needed) + " done today)";
}

}  // namespace

GuiReminders::GuiReminders(DataDir dataDir, bool enabled)
    : m_dataDir(std::move(dataDir)), m_enabled(enabled) {}

void GuiReminders::check(WallTime now) {
  if (!m_enabled || m_storeBroken) return;
  const long long minute = duration_cast<minutes>(now.time_since_epoch()).count();
  if (m_checkedMinute && *m_checkedMinute == minute) return;
  m_checkedMinute = minute;
  ring(now);
}

std::optional<std::chrono::microseconds> GuiReminders::untilNextCheck(WallTime now) const {
  if (!m_enabled || m_storeBroken) return std::nullopt;
  const auto since = now.time_since_epoch();
  const auto next = duration_cast<minutes>(since) + minutes(1);
  return duration_cast<std::chrono::microseconds>(next - since);
}

void GuiReminders::ring(WallTime now) {
  // No database yet means no reminders: opening the window must not create one.
  std::error_code ec;
  if (m_dataDir.path.empty() || !std::filesystem::exists(m_dataDir.path / Store::kFileName, ec))
    return;
  try {
    const auto store = openStore(m_dataDir, std::cerr);
    const ReminderSchedule schedule(store->reminders());
    if (schedule.empty()) return;
    LogicalDate today;
    const ReminderSituation situation = store->reminderSituation(
        localInstantAt(std::chrono::time_point_cast<std::chrono::milliseconds>(now)), today);
    const auto due = dueReminders(schedule, situation);
    if (due.empty()) return;
    auto batch = store->batch();
    for (const DueReminder& reminder : due) {
      for (const auto id : reminder.covers)
        store->addReminderEvent(
            {id, today, ReminderAction::Fired, situation.now.utc, std::nullopt});
      store->addReminderEvent(
          {reminder.reminder.id, today, ReminderAction::Fired, situation.now.utc, std::nullopt});
    }
    batch.commit();
    m_banner = bannerLine(due.front());
    if (due.size() > 1) m_banner += " and " + std::to_string(due.size() - 1) + " more";
    ++m_revision;
    const std::string title = "unknot: time for " + describeTarget(due.front().target);
    if (!m_notifier.notify(title, m_banner) && !m_toldNoService) {
      std::cerr << "unknot: " << m_notifier.reason() << "; reminders show in the window only\n";
      m_toldNoService = true;
    }
  } catch (const StoreError& e) {
    std::cerr << "unknot: reminders are off in this window: " << e.what() << '\n';
    m_storeBroken = true;
  }
}

void GuiReminders::snooze() {
  try {
    const auto store = openStore(m_dataDir, std::cerr);
    const ReminderSchedule schedule(store->reminders());
    LogicalDate today;
    const auto situation = store->reminderSituation(localNow(), today);
    auto batch = store->batch();
    for (const auto id : snoozableReminders(schedule, situation)) {
      ReminderEvent event = snoozeEvent(id, situation);
      event.date = today;
      store->addReminderEvent(event);
    }
    batch.commit();
  } catch (const StoreError& e) {
    std::cerr << "unknot: could not snooze: " << e.what() << '\n';
  }
}

void GuiReminders::silence() {
  try {
    const auto store = openStore(m_dataDir, std::cerr);
    LogicalDate today;
    const auto situation = store->reminderSituation(localNow(), today);
    ReminderEvent event = silenceEvent(0, situation);
    event.date = today;
    store->addReminderEvent(event);
  } catch (const StoreError& e) {
    std::cerr << "unknot: could not silence the reminders: " << e.what() << '\n';
  }
}

void GuiReminders::draw(const UiFonts& fonts) {
  if (m_banner.empty()) return;
  const BannerIntent intent = drawReminderBanner(m_banner, fonts);
  if (intent == BannerIntent::None) return;
  if (intent == BannerIntent::Snooze) snooze();
  if (intent == BannerIntent::Silence) silence();
  m_banner.clear();
  ++m_revision;
}

}  // namespace unknot
