#include "core/thermal/thermal_controller.hpp"

#include <algorithm>
#include <cmath>

namespace unknot {

namespace {

std::int64_t toReal(Millis engine, double scale) {
  return static_cast<std::int64_t>(std::llround(engine.count() / std::max(scale, 1e-6)));
}

Millis toEngine(std::int64_t realMs, double scale) {
  return Millis(static_cast<std::int64_t>(std::llround(realMs * scale)));
}

}  // namespace

const char* toString(ThermalState state) {
  switch (state) {
    case ThermalState::Running:
      return "running";
    case ThermalState::Paused:
      return "paused";
    case ThermalState::Held:
      return "held";
  }
  return "?";
}

std::optional<ThermalState> thermalStateFromString(std::string_view text) {
  if (text == "running") return ThermalState::Running;
  if (text == "paused") return ThermalState::Paused;
  if (text == "held") return ThermalState::Held;
  return std::nullopt;
}

ResumePoint resumePoint(const Plan& plan, const ThermalCheckpoint& stored, std::int64_t nowUtcMs,
                        double timeScale) {
  ResumePoint point;
  point.phaseIndex = std::min(stored.phaseIndex, plan.phases.empty() ? 0 : plan.phases.size() - 1);
  const Phase& phase = plan.phases.at(point.phaseIndex);
  const Millis length = phase.duration.value_or(Millis(0));
  switch (stored.state) {
    case ThermalState::Paused:
      point.paused = true;
      point.elapsed = std::clamp(length - stored.remaining, Millis(0), length);
      break;
    case ThermalState::Held:
      // Due since the switch first fell due, not since this resume (unknown: since now).
      point.elapsed = length;
      if (stored.heldSinceUtcMs != 0)
        point.elapsed += std::max(Millis(0), toEngine(nowUtcMs - stored.heldSinceUtcMs, timeScale));
      point.overdue = true;
      point.held = true;
      point.dueUtcMs = stored.heldSinceUtcMs;
      break;
    case ThermalState::Running: {
      if (stored.deadlineUtcMs == 0) break;  // untimed: starts again
      const Millis left = toEngine(stored.deadlineUtcMs - nowUtcMs, timeScale);
      point.elapsed = std::max(Millis(0), length - left);
      point.overdue = left <= Millis(0) && isThermalPhase(phase);
      point.dueUtcMs = stored.deadlineUtcMs;
      break;
    }
  }
  return point;
}

ThermalController::ThermalController(SessionEngine& engine, const Clock& clock, AlarmSettings alarm)
    : m_engine(engine), m_clock(clock), m_alarm(alarm) {
  m_engine.setHoldRule([](const Phase& phase) { return isThermalPhase(phase); });
}

void ThermalController::resume(const ResumePoint& point) {
  m_alarmFloor = m_clock.now();
  if (point.held) {
    const Millis length = m_engine.plan().phases.at(point.phaseIndex).duration.value_or(Millis(0));
    m_engine.startHeld(point.phaseIndex, point.elapsed - length);
    return;
  }
  m_engine.startAt(point.phaseIndex, point.elapsed);
  if (point.paused) m_engine.pause();
}

ThermalTick ThermalController::update() {
  ThermalTick tick;
  if (m_engine.held() && !m_hold) {
    const size_t index = m_engine.snapshot().phaseIndex;
    m_hold = ThermalHold{index, m_engine.heldSince(), switchPrompt(m_engine.plan(), index)};
    m_alarm.start(m_engine.heldSince(), m_alarmFloor.value_or(m_engine.heldSince()));
    m_alarmFloor.reset();
    tick.holdStarted = true;
  } else if (!m_engine.held() && m_hold) {
    m_hold.reset();
    m_alarm.acknowledge();
    tick.holdEnded = true;
  }
  if (m_hold) tick.ring = m_alarm.poll(m_clock.now());
  return tick;
}

void ThermalController::acknowledge() {
  if (!m_hold) return;
  m_alarm.acknowledge();
  m_hold.reset();
  m_engine.release();
}

std::optional<Millis> ThermalController::untilNextChange() const {
  const auto engine = m_engine.untilNextChange();
  const auto ring = m_alarm.untilNextRing(m_clock.now());
  if (engine && ring) return std::min(*engine, *ring);
  return engine ? engine : ring;
}

bool ThermalController::keepToWall(Millis wallRemaining, Millis tolerance) {
  if (m_engine.state() != SessionState::Running || m_engine.held()) return false;
  const auto remaining = m_engine.snapshot().phaseRemaining;
  if (!remaining) return false;
  const Millis missed = *remaining - std::max(Millis(0), wallRemaining);
  if (missed <= tolerance) return false;
  m_engine.catchUp(missed);
  m_engine.update();
  return true;
}

ThermalCheckpoint ThermalController::checkpoint(std::int64_t nowUtcMs, double timeScale) const {
  const SessionSnapshot snap = m_engine.snapshot();
  ThermalCheckpoint point;
  point.phaseIndex = snap.phaseIndex;
  point.timeScale = timeScale;
  if (snap.held) {
    point.state = ThermalState::Held;
    point.heldSinceUtcMs = nowUtcMs - toReal(m_clock.now() - m_engine.heldSince(), timeScale);
  } else if (snap.state == SessionState::Paused) {
    point.state = ThermalState::Paused;
    point.remaining = snap.phaseRemaining.value_or(Millis(0));
  } else if (snap.phaseRemaining) {
    point.deadlineUtcMs = nowUtcMs + toReal(*snap.phaseRemaining, timeScale);
  }
  return point;
}

}  // namespace unknot
