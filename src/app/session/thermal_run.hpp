// One heat/ice run inside a runner (terminal or window): the ThermalController plus what it
// needs from outside the core — the wall clock, the stored deadline in the progress record,
// the alarm's bell and desktop notifications. Both runners drive it the same way.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "app/session/desktop_notifier.hpp"
#include "app/session/session_extras.hpp"
#include "core/thermal/thermal_controller.hpp"

namespace unknot {

std::int64_t systemNowMs();
// "14:35" in local time, or "2:35 PM" where the LC_TIME locale has a 12-hour clock.
std::string localClockText(std::int64_t utcMs);

// "Resumed Heat and ice from an earlier run: Heat, 04:10 left (ends at 14:35)."
std::string describeResume(const Plan& plan, const ResumePoint& point);

// What calls the user back at a switch, for each front end to put in its own true words.
struct SwitchCallers {
  bool sound = false;              // the alarm is heard: sound is on and an audio device opened
  bool notifications = false;      // a desktop notification service answered
  std::string whyNoNotifications;  // when there are none, e.g. "no D-Bus session bus"
};

class ThermalRun {
 public:
  struct Options {
    double timeScale = 1.0;
    std::function<std::int64_t()> wallNowMs = systemNowMs;
    DesktopNotifier* notifier = nullptr;  // null: no notifications at all (and nothing told)
    // Told once, when the cycle starts: what will call the user at each switch.
    std::function<void(const SwitchCallers&)> callers;
    bool resume = true;  // pick up a stored cycle of this plan
  };

  // `sinks` is the session's sink chain (for the record and the bell); may be null.
  ThermalRun(SessionEngine& engine, const Clock& clock, CueSink* sinks, Options options);

  // A stored cycle of this plan to pick up, if there is one.
  std::optional<ResumePoint> findResume();
  // Starts the engine, at `resume` (from findResume) when given: its record is taken over.
  // When it cannot be, the cycle starts from the beginning.
  void start(std::optional<ResumePoint> resume);
  // Ends the stored cycle findResume found, as stopped ("start again", --fresh).
  void discardStored();
  // Call after every engine.update() and key: wall-clock catch-up, the hold and its alarm,
  // the notification, the stored deadline.
  ThermalTick tick();
  void acknowledge();
  // A key may have moved the phase or paused it: store the new deadline on the next tick.
  void userMoved() { m_dirty = true; }
  // Closing mid-cycle: the session stays open with its deadline, to be resumed.
  void leave();
  bool left() const { return m_left; }

  const ThermalController& controller() const { return m_controller; }
  const SessionEngine& engine() const { return m_engine; }
  std::optional<Millis> untilNextChange() const { return m_controller.untilNextChange(); }
  // When the running phase ends on the wall clock; nullopt when paused, held or untimed.
  std::optional<std::int64_t> phaseEndUtcMs() const;
  bool recorded() const { return m_record != nullptr; }
  // Whether the alarm can be heard at all (not whether it is muted just now).
  bool alarmAudible() const { return m_bell && m_bell->audible(); }

 private:
  void keepToWall();
  void store();

  SessionEngine& m_engine;
  Options m_options;
  ThermalController m_controller;
  ThermalRecord* m_record = nullptr;
  AlarmBell* m_bell = nullptr;
  std::optional<ThermalCheckpoint> m_saved;
  std::optional<StoredCycle> m_stored;  // found by findResume
  // A resumed overdue switch keeps the instant it first fell due, however often it is resumed.
  std::optional<std::pair<size_t, std::int64_t>> m_firstDue;
  bool m_dirty = true;
  bool m_left = false;
};

}  // namespace unknot
