// Daily reminders while the window is open (also minimised): about once a minute, on the
// minute, the due reminders are checked against the progress store (the same rules and the
// same record as `unknot remind --once`, so cron and the window never both ring one), sent
// as a desktop notification and shown in a banner with Snooze 10 min and Silence today.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "app/session/app_paths.hpp"
#include "app/session/desktop_notifier.hpp"
#include "ui/ui_types.hpp"

namespace unknot {

class GuiReminders {
 public:
  using WallTime = std::chrono::system_clock::time_point;

  // Disabled (stills, tests of other things): never checks.
  GuiReminders(DataDir dataDir, bool enabled);

  // Checks when a new minute has begun since the last check; cheap otherwise.
  void check(WallTime now);
  // Real time until the next check is due; nullopt when disabled.
  std::optional<std::chrono::microseconds> untilNextCheck(WallTime now) const;
  // Draws the banner when a reminder rang and acts on its buttons.
  void draw(const UiFonts& fonts);
  int revision() const { return m_revision; }

 private:
  void ring(WallTime now);
  void snooze();
  void silence();

  DataDir m_dataDir;
  bool m_enabled;
  std::optional<long long> m_checkedMinute;
  std::string m_banner;  // empty: nothing showing
  DesktopNotifier m_notifier;
  bool m_toldNoService = false;
  bool m_storeBroken = false;
  int m_revision = 0;
};

}  // namespace unknot
