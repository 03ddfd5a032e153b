#include "core/reminders/alarm_schedule.hpp"

#include <algorithm>

namespace unknot {

AlarmSchedule::AlarmSchedule(AlarmSettings settings) : m_settings(settings) {
  m_settings.interval = std::max(m_settings.interval, Millis(1));
  m_settings.volume = std::clamp(m_settings.volume, 0.0, 1.0);
  m_settings.firstFraction = std::clamp(m_settings.firstFraction, 0.0, 1.0);
  m_settings.ringsToFull = std::max(m_settings.ringsToFull, 1);
}

void AlarmSchedule::start(Millis at) {
  start(at, at);
}

void AlarmSchedule::start(Millis at, Millis audibleFrom) {
  m_startedAt = at;
  m_rung = 0;
  m_unheard = std::max(0, dueNumber(audibleFrom) - 1);
}

int AlarmSchedule::dueNumber(Millis now) const {
  if (!m_startedAt || now < *m_startedAt) return 0;
  return static_cast<int>((now - *m_startedAt) / m_settings.interval) + 1;
}

std::optional<AlarmRing> AlarmSchedule::poll(Millis now) {
  const int due = dueNumber(now);
  if (due <= m_rung) return std::nullopt;
  m_rung = due;
  return AlarmRing{due, volumeOf(due - m_unheard)};
}

std::optional<Millis> AlarmSchedule::untilNextRing(Millis now) const {
  if (!m_startedAt) return std::nullopt;
  const Millis next = *m_startedAt + m_settings.interval * m_rung;
  return std::max(Millis(0), next - now);
}

double AlarmSchedule::volumeOf(int ringNumber) const {
  const double first = m_settings.firstFraction;
  const double steps = m_settings.ringsToFull - 1;
  const double fraction =
      steps <= 0 ? 1.0 : std::min(1.0, first + (1.0 - first) * (ringNumber - 1) / steps);
  return m_settings.volume * fraction;
}

}  // namespace unknot
