#include "app/gui/gui_session.hpp"

#include "ui/frame_timing.hpp"
#include "ui/player_figure.hpp"

namespace unknot {

GuiSession::GuiSession(const Plan& plan, const Options& options)
    : m_plan(plan),
      m_level(options.level),
      m_poses(options.poses),
      m_reducedMotion(options.reducedMotion),
      m_clock(options.timeScale, options.frozenClock),
      m_tally(m_plan),
      m_engine(m_plan, m_clock, m_fanout) {
  if (options.makeSink && *options.makeSink) m_outside = (*options.makeSink)(m_plan, m_clock);
  m_gate.target = m_outside.get();
  m_fanout.add(m_tally);
  m_fanout.add(m_gate);
  if (!m_poses) return;
  for (const Phase& phase : m_plan.phases) {
    const figure::Pose* pose = phase.pose.empty() ? nullptr : m_poses->find(phase.pose);
    if (!pose) continue;
    for (figure::BodySide side : {figure::BodySide::Left, figure::BodySide::Right}) {
      const auto key = std::make_pair(phase.pose, side);
      if (!m_bounds.contains(key)) m_bounds.emplace(key, figure::poseBounds(*pose, side));
    }
  }
}

PlayerModel GuiSession::playerModel(bool flash) const {
  PlayerModel model{&m_plan, snapshot(), flash, std::nullopt, m_level, std::nullopt};
  const Phase* phase = currentPhase(model);
  if (!m_poses || !phase || phase->pose.empty()) return model;
  const figure::Pose* pose = m_poses->find(phase->pose);
  if (!pose) return model;
  PlayerFigure figure;
  figure.pose = pose;
  figure.frame = playerFigureFrame(model, *pose, m_reducedMotion);
  const auto bounds = m_bounds.find({phase->pose, figure.frame.side});
  if (bounds == m_bounds.end()) return model;
  figure.bounds = bounds->second;
  model.figure = figure;
  return model;
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
  // What was announced inside the jump went nowhere.
  if (m_outside) m_outside->onNextDue(m_engine.nextDueAt());
}

bool GuiSession::over() const {
  const SessionState state = m_engine.state();
  return state == SessionState::Finished || state == SessionState::Stopped;
}

std::optional<PlayerFigure> GuiSession::startFigure(size_t index) const {
  if (!m_poses || index >= m_plan.phases.size()) return std::nullopt;
  const Phase& phase = m_plan.phases[index];
  const figure::Pose* pose = phase.pose.empty() ? nullptr : m_poses->find(phase.pose);
  if (!pose) return std::nullopt;
  PlayerFigure figure;
  figure.pose = pose;
  figure.frame.side = phase.side == Side::Left ? figure::BodySide::Left : figure::BodySide::Right;
  const auto bounds = m_bounds.find({phase.pose, figure.frame.side});
  if (bounds == m_bounds.end()) return std::nullopt;
  figure.bounds = bounds->second;
  return figure;
}

std::optional<std::chrono::microseconds> GuiSession::untilNextChange() const {
  auto next = earliest(m_engine.untilNextChange(), untilDisplayChange(snapshot()));
  if (const PlayerModel model = playerModel(false); model.figure) {
    next = earliest(next, untilFigureChange(model, *model.figure->pose, m_reducedMotion));
  }
  if (!next) return std::nullopt;
  return m_clock.toReal(*next);
}

}  // namespace unknot
