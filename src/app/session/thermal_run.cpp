#include "app/session/thermal_run.hpp"

#include <chrono>
#include <ctime>

#include "app/session/locale_calendar.hpp"
#include "core/duration.hpp"
#include "core/phase_text.hpp"

namespace unknot {

namespace {

// Steady and wall clocks drift apart by far less than this unless the machine slept (or the
// wall clock was set); then the phase keeps to its wall-clock deadline.
constexpr Millis kSuspendTolerance{2000};

}  // namespace

std::int64_t systemNowMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string localClockText(std::int64_t utcMs) {
  const std::time_t seconds = static_cast<std::time_t>(utcMs / 1000);
  std::tm local{};
  localtime_r(&seconds, &local);
  return localeClockText(local);
}

ThermalRun::ThermalRun(SessionEngine& engine, const Clock& clock, CueSink* sinks, Options options)
    : m_engine(engine),
      m_options(std::move(options)),
      m_controller(engine, clock),
      m_record(findInChain<ThermalRecord>(sinks)),
      m_bell(findInChain<AlarmBell>(sinks)) {}

std::optional<ResumePoint> ThermalRun::findResume() {
  if (m_options.notifier && m_options.callers) {
    SwitchCallers callers;
    callers.sound = alarmAudible();
    callers.notifications = m_options.notifier->available();
    if (!callers.notifications) callers.whyNoNotifications = m_options.notifier->reason();
    m_options.callers(callers);
  }
  if (!m_record || !m_options.resume) return std::nullopt;
  const std::int64_t now = m_options.wallNowMs();
  const auto stored = m_record->findResumable(now);
  if (!stored) return std::nullopt;
  m_stored = stored;
  return resumePoint(m_engine.plan(), stored->checkpoint, now, m_options.timeScale);
}

void ThermalRun::discardStored() {
  if (m_record && m_stored) m_record->discard(m_stored->sessionId);
  m_stored.reset();
}

void ThermalRun::start(std::optional<ResumePoint> resume) {
  if (resume && (!m_record || !m_stored || !m_record->adopt(m_stored->sessionId))) resume.reset();
  // Taking the record over writes to disk: where the cycle stands is worked out again after.
  if (resume) {
    resume = resumePoint(m_engine.plan(), m_stored->checkpoint, m_options.wallNowMs(),
                         m_options.timeScale);
  }
  m_stored.reset();
  if (resume) {
    if (resume->overdue && resume->dueUtcMs != 0)
      m_firstDue = {resume->phaseIndex, resume->dueUtcMs};
    m_controller.resume(*resume);
  } else {
    m_engine.start();
  }
  m_dirty = true;
}

void ThermalRun::keepToWall() {
  if (m_dirty || !m_saved || m_saved->state != ThermalState::Running || m_saved->deadlineUtcMs == 0)
    return;
  const SessionSnapshot snap = m_engine.snapshot();
  if (snap.phaseIndex != m_saved->phaseIndex || snap.state != SessionState::Running || snap.held)
    return;
  const std::int64_t realLeft = m_saved->deadlineUtcMs - m_options.wallNowMs();
  const Millis wallLeft(static_cast<std::int64_t>(realLeft * m_options.timeScale));
  const Millis tolerance(
      static_cast<std::int64_t>(kSuspendTolerance.count() * m_options.timeScale));
  m_controller.keepToWall(wallLeft, tolerance);
}

ThermalTick ThermalRun::tick() {
  keepToWall();
  // "I've switched" clicked in the notification counts like the key.
  const bool clicked =
      m_options.notifier && m_controller.hold() && m_options.notifier->actionTaken();
  if (clicked) acknowledge();
  ThermalTick tick = m_controller.update();
  tick.holdEnded = tick.holdEnded || clicked;
  if (tick.holdEnded && m_options.notifier) m_options.notifier->withdraw();
  if (m_bell) {
    if (tick.holdEnded) m_bell->silence();
    if (tick.ring) m_bell->ring(tick.ring->volume);
  }
  if (tick.holdStarted && m_options.notifier && m_options.notifier->available()) {
    const SwitchPrompt& prompt = m_controller.hold()->prompt;
    m_options.notifier->notifyWithAction(
        prompt.title, prompt.skin + " " + prompt.next,
        prompt.nextKind.empty() ? "The pack is off" : "I've switched");
  }
  store();
  return tick;
}

std::string describeResume(const Plan& plan, const ResumePoint& point) {
  const Phase& phase = plan.phases.at(point.phaseIndex);
  std::string line = "Resumed " + plan.name + " from an earlier run: ";
  if (point.overdue) {
    line += "the switch after " + phase.label + " was due";
    if (point.dueUtcMs != 0) line += " at " + localClockText(point.dueUtcMs);
    return line + ".";
  }
  const Millis left =
      phase.duration ? std::max(Millis(0), *phase.duration - point.elapsed) : Millis(0);
  if (point.paused)
    return line + phaseTitle(phase) + ", paused with " + formatClock(left) + " left.";
  line += phaseTitle(phase) + ", " + formatClock(left) + " left";
  if (point.dueUtcMs != 0) line += " (ends at " + localClockText(point.dueUtcMs) + ")";
  return line + ".";
}

void ThermalRun::store() {
  const SessionState state = m_engine.state();
  if (state != SessionState::Running && state != SessionState::Paused) return;
  const std::int64_t now = m_options.wallNowMs();
  ThermalCheckpoint point = m_controller.checkpoint(now, m_options.timeScale);
  if (point.state == ThermalState::Held && m_firstDue && m_firstDue->first == point.phaseIndex) {
    point.heldSinceUtcMs = m_firstDue->second;
  } else if (point.state != ThermalState::Held) {
    m_firstDue.reset();
  }
  if (!m_dirty && m_saved && m_saved->sameMoment(point)) return;
  m_dirty = false;
  m_saved = point;
  if (m_record) m_record->save(point, now);
}

void ThermalRun::acknowledge() {
  m_controller.acknowledge();
  if (m_bell) m_bell->silence();
  if (m_options.notifier) m_options.notifier->withdraw();  // it was urgent: it would linger
  m_dirty = true;
}

void ThermalRun::leave() {
  store();
  m_left = true;
  if (m_bell) m_bell->silence();
  if (m_options.notifier) m_options.notifier->withdraw();
  if (m_record) m_record->leaveOpen();
}

std::optional<std::int64_t> ThermalRun::phaseEndUtcMs() const {
  if (!m_saved || m_saved->state != ThermalState::Running || m_saved->deadlineUtcMs == 0)
    return std::nullopt;
  if (m_saved->phaseIndex != m_engine.snapshot().phaseIndex) return std::nullopt;
  return m_saved->deadlineUtcMs;
}

}  // namespace unknot
