// Heat/ice cycles built for walking away: next to the session engine, the controller holds the
// session when a heat or ice phase ends, rings an AlarmSchedule until the user says they have
// switched, and describes where the cycle stands on the wall clock so it survives a restart.
#pragma once

#include <cstdint>
#include <optional>

#include "core/reminders/alarm_schedule.hpp"
#include "core/session_engine.hpp"
#include "core/thermal/thermal_checkpoint.hpp"
#include "core/thermal/thermal_rules.hpp"

namespace unknot {

// A session held at a switch.
struct ThermalHold {
  size_t phaseIndex = 0;  // the heat or ice phase that ended
  Millis since{0};        // engine time the switch fell due
  SwitchPrompt prompt;
};

struct ThermalTick {
  bool holdStarted = false;  // announce it: prompt, notification, window attention
  bool holdEnded = false;    // acknowledged (or skipped/back): the alarm has stopped
  std::optional<AlarmRing> ring;
};

class ThermalController {
 public:
  // Installs the hold rule on `engine` (heat and ice phases hold at their end).
  ThermalController(SessionEngine& engine, const Clock& clock, AlarmSettings alarm = {});

  // Starts the engine at a stored point instead of engine.start(). An overdue switch holds at
  // once, due since it first fell due; its alarm rings now, soft first since the user has just
  // come back, with rings numbered from when the switch fell due.
  void resume(const ResumePoint& point);
  // Call after every engine.update() or key: notices holds, and the alarm ring due now.
  ThermalTick update();
  // The user has switched packs: the alarm stops and the next phase starts counting now.
  void acknowledge();

  const std::optional<ThermalHold>& hold() const { return m_hold; }
  bool alarmActive() const { return m_alarm.active(); }
  // The earlier of the engine's next change and the next alarm ring.
  std::optional<Millis> untilNextChange() const;

  // The stored wall-clock deadline says the phase has `wallRemaining` left; if the engine
  // thinks it has more than `tolerance` beyond that, the clock missed time (a suspend) and the
  // phase catches up. True when it did.
  bool keepToWall(Millis wallRemaining, Millis tolerance);
  ThermalCheckpoint checkpoint(std::int64_t nowUtcMs, double timeScale) const;

 private:
  SessionEngine& m_engine;
  const Clock& m_clock;
  AlarmSchedule m_alarm;
  std::optional<ThermalHold> m_hold;
  std::optional<Millis> m_alarmFloor;  // a resumed hold rings from the resume on, soft first
};

}  // namespace unknot
