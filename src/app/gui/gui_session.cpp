#include "app/gui/gui_session.hpp"

#include "ui/frame_timing.hpp"

namespace unknot {

GuiSession::GuiSession(const Plan& plan, const Options& options)
    : m_plan(plan),
      m_level(options.level),
      m_clock(options.timeScale, options.frozenClock),
      m_tally(m_plan),
      m_engine(m_plan, m_clock, m_fanout) {
  if (options.makeSink && *options.makeSink) m_outside = (*options.makeSink)(m_plan, m_clock);
  m_gate.target = m_outside.get();
  m_fanout.add(m_tally);
  m_fanout.add(m_gate);
}

GuiSession::~GuiSession() {
  if (!over()) m_engine.stop();
}

void GuiSession::start(Millis at) {
  m_engine.start();
  if (at > Millis(0)) jump(at);
}

void GuiSession::jump(Millis by) {
  m_gate.open = false;
  m_clock.advance(by);
  m_engine.update();
  m_gate.open = true;
}

bool GuiSession::over() const {
  const SessionState state = m_engine.state();
  return state == SessionState::Finished || state == SessionState::Stopped;
}

std::optional<std::chrono::microseconds> GuiSession::untilNextChange() const {
  const auto next = earliest(m_engine.untilNextChange(), untilDisplayChange(snapshot()));
  if (!next) return std::nullopt;
  return m_clock.toReal(*next);
}

}  // namespace unknot
