#include "app/gui/gui_thermal.hpp"

#include <GLFW/glfw3.h>

#include <iostream>

#include "app/gui/gui_runner.hpp"
#include "app/session/open_store.hpp"
#include "app/session/thermal_run.hpp"
#include "ui/theme.hpp"
#include "ui/thermal_dialogs.hpp"

namespace unknot {

namespace {

ThermalRun::Options runOptions(const GuiThermal::Options& options, DesktopNotifier* notifier,
                               std::string* banner) {
  ThermalRun::Options out;
  out.timeScale = options.timeScale;
  out.notifier = options.still ? nullptr : notifier;
  out.resume = !options.still;
  out.callers = [banner](const SwitchCallers& callers) {
    if (const std::string line = callersNotice(callers); !line.empty()) std::cerr << line << '\n';
    *banner = callersBanner(callers);
  };
  return out;
}

}  // namespace

std::string callersNotice(const SwitchCallers& callers) {
  if (callers.notifications) return "";
  return "unknot: no desktop notifications (" + callers.whyNoNotifications + "); " +
         (callers.sound ? "the alarm and this window still call you at each switch"
                        : "no sound either: only this window shows each switch");
}

std::string callersBanner(const SwitchCallers& callers) {
  if (callers.notifications && callers.sound) return "";
  if (callers.notifications)
    return "No sound here: a desktop notification and this window will call you, no alarm.";
  if (callers.sound)
    return "No desktop notifications here: the alarm and this window will call you.";
  return "No desktop notifications and no sound here: nothing will call you, so come back at "
         "the switch time shown.";
}

const Plan* storedThermalPlan(const GuiOptions& options) {
  if (!options.library) return nullptr;
  try {
    const auto store = openStore(options.paths.data, std::cerr);
    const std::int64_t now = systemNowMs();
    for (const LibraryEntry& entry : options.library->entries()) {
      if (!entry.plan || !isThermalPlan(*entry.plan)) continue;
      const auto found = store->resumableThermal(entry.id, now);
      if (found && found->planHash == planHash(*entry.plan)) return &*entry.plan;
    }
  } catch (const StoreError&) {
    // No record to resume from; the session itself will say why when it starts.
  }
  return nullptr;
}

GuiThermal::GuiThermal(GuiSession& session, const Options& options)
    : m_session(session),
      m_options(options),
      m_run(session.engine(), session.clock(), session.outside(),
            runOptions(options, &m_notifier, &m_banner)) {
  if (needsLongThermalConfirmation(session.plan())) m_confirm = longThermalWarning(session.plan());
}

void GuiThermal::start(Millis at) {
  m_startAt = at;
  if (m_confirm) return;  // waits for the dialog
  m_offer = m_run.findResume();
  // An overdue switch is announced at once: the alarm is the offer.
  if (!m_offer || m_offer->overdue) {
    begin(m_offer);
    m_offer.reset();
  }
}

void GuiThermal::begin(std::optional<ResumePoint> resume) {
  if (resume) {
    m_banner = describeResume(m_session.plan(), *resume);
    m_run.start(resume);
    m_session.update();
  } else if (m_options.still) {
    jumpInto(m_startAt);
  } else {
    m_session.start(m_startAt);
  }
  tick();
}

// A still `at` into a heat/ice routine: every switch on the way is taken at once, except one
// that fell due within kStillHold before `at`, so `--at 16m` shows the held state.
void GuiThermal::jumpInto(Millis at) {
  constexpr Millis kStep{1000}, kStillHold{2 * 60'000};
  SessionEngine& engine = m_session.engine();
  m_session.start(Millis(0));
  const Millis origin = m_session.clock().now();
  for (Millis done{0}; done < at && engine.state() == SessionState::Running;) {
    const Millis step = std::min(kStep, at - done);
    m_session.jump(step);
    done += step;
    if (engine.held() && at - (engine.heldSince() - origin) >= kStillHold) engine.release();
  }
}

void GuiThermal::tick() {
  if (awaitingConfirmation()) return;
  const ThermalTick tick = m_run.tick();
  if (tick.ring) m_rings = tick.ring->number;
  if (tick.holdEnded) m_rings = 0;
  if (tick.holdStarted) {
    ++m_holds;
    if (m_options.window && !m_options.still) glfwRequestWindowAttention(m_options.window);
  }
}

ThermalViewModel GuiThermal::model(std::optional<bool> muted) const {
  ThermalViewModel out;
  out.player = m_session.playerModel(false);
  out.player.muted = muted;
  const size_t index = out.player.snapshot.phaseIndex;
  const ThermalCycle cycle = thermalCycle(m_session.plan(), index);
  out.cycle = cycle.number;
  out.cycleCount = cycle.count;
  out.banner = m_banner;
  if (const auto& hold = m_run.controller().hold()) {
    out.held = true;
    out.heldTitle = hold->prompt.title;
    out.skinCheck = hold->prompt.skin;
    out.nextUp = hold->prompt.next;
    out.heldFor = std::max(Millis(0), m_session.clock().now() - hold->since);
    // The figure shows what to do now: the next pack, not the one to take off.
    if (auto next = m_session.startFigure(index + 1)) out.player.figure = next;
    out.ring = m_rings;
    if (!m_run.alarmAudible()) {
      out.alarm = AlarmSound::Silent;
    } else if (muted && *muted) {
      out.alarm = AlarmSound::Muted;
    }
    return out;
  }
  const Phase& phase = m_session.plan().phases.at(index);
  if (const auto end = m_run.phaseEndUtcMs(); end && isThermalPhase(phase)) {
    const SwitchPrompt next = switchPrompt(m_session.plan(), index);
    out.switchAt = next.nextKind.empty()
                       ? "Take the pack off at " + localClockText(*end)
                       : "Switch to " + next.nextKind + " at " + localClockText(*end);
  } else if (const auto end2 = m_run.phaseEndUtcMs(); end2) {
    out.switchAt = phase.label + " ends at " + localClockText(*end2);
  }
  return out;
}

GuiThermal::Outcome GuiThermal::draw(const UiFonts& fonts, std::span<const UiKey> keys,
                                     std::optional<bool> muted) {
  Outcome outcome;
  if (m_confirm) {
    switch (drawLongThermalConfirm(m_session.plan().name, *m_confirm, m_understood, fonts, keys)) {
      case ConfirmIntent::Start:
        m_confirm.reset();
        start(m_startAt);  // may still offer a stored cycle
        outcome.started = !m_offer;
        break;
      case ConfirmIntent::Cancel:
        outcome.cancelled = true;
        break;
      case ConfirmIntent::None:
        break;
    }
    return outcome;
  }
  if (m_offer) {
    const std::string where = describeResume(m_session.plan(), *m_offer);
    switch (
        drawResumeOffer(m_session.plan().name, where.substr(where.find(": ") + 2), fonts, keys)) {
      case ResumeIntent::Resume: {
        const auto offer = m_offer;
        m_offer.reset();
        begin(offer);
        outcome.started = true;
        break;
      }
      case ResumeIntent::StartAgain:
        m_offer.reset();
        m_run.discardStored();
        begin(std::nullopt);
        outcome.started = true;
        break;
      case ResumeIntent::NotNow:
        outcome.cancelled = true;
        break;
      case ResumeIntent::None:
        break;
    }
    return outcome;
  }
  const ThermalIntent intent = drawThermalView(model(muted), fonts, keys);
  if (intent.acknowledge) {
    outcome.command = SessionCommand::Acknowledge;
    m_rings = 0;
  }
  if (intent.acknowledge || intent.player != PlayerIntent::None) m_banner.clear();
  outcome.player = intent.player;
  return outcome;
}

void GuiThermal::leave() {
  const SessionState state = m_session.engine().state();
  if (!awaitingConfirmation() && (state == SessionState::Running || state == SessionState::Paused))
    m_run.leave();
}

ImU32 GuiThermal::background() const {
  if (awaitingConfirmation()) return palette().background;
  return thermalBackground(model(std::nullopt));
}

int GuiThermal::revision() const {
  const auto& hold = m_run.controller().hold();
  const long long heldSeconds = hold ? (m_session.clock().now() - hold->since).count() / 1000 : 0;
  return static_cast<int>(m_holds * 100000 + m_rings * 1000 + heldSeconds % 1000) +
         (m_confirm ? 7 : 0) + (m_offer ? 11 : 0) + (m_understood ? 13 : 0) +
         static_cast<int>(m_banner.size());
}

std::optional<std::chrono::microseconds> GuiThermal::untilNextChange() const {
  if (awaitingConfirmation()) return std::nullopt;
  std::optional<Millis> next = m_run.untilNextChange();
  if (m_run.controller().hold()) {
    // The "due … ago" clock ticks each second while held.
    const Millis held = m_session.clock().now() - m_run.controller().hold()->since;
    const Millis toSecond(1000 - held.count() % 1000);
    next = next ? std::min(*next, toSecond) : toSecond;
  }
  if (!next) return std::nullopt;
  return m_session.clock().toReal(*next);
}

}  // namespace unknot
