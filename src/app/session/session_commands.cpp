#include "app/session/session_commands.hpp"

#include "core/spoken_status.hpp"

namespace unknot {

void applySessionCommand(SessionControls& controls, SessionCommand command) {
  SessionEngine& engine = controls.engine;
  ThermalRun* thermal = controls.thermal;
  const bool held = thermal && thermal->controller().hold();
  switch (command) {
    case SessionCommand::TogglePause:
      engine.togglePause();
      break;
    case SessionCommand::Skip:
      engine.skip();
      break;
    case SessionCommand::Back:
      engine.back();
      break;
    case SessionCommand::Restart:
      engine.restart();
      break;
    case SessionCommand::Done:
      if (held) {
        thermal->acknowledge();
      } else {
        engine.done();
      }
      break;
    case SessionCommand::Acknowledge:
      if (held) thermal->acknowledge();
      break;
    case SessionCommand::Leave:
      if (thermal) thermal->leave();
      engine.stop();
      break;
    case SessionCommand::Stop:
      engine.stop();
      break;
    case SessionCommand::ToggleMute:
      if (controls.toggleMute) controls.toggleMute();
      return;
    case SessionCommand::SayWhere:
      if (controls.speak) controls.speak(whereAmISentence(engine.plan(), engine.snapshot()));
      return;
    case SessionCommand::SayInstructions:
      if (controls.speak) controls.speak(instructionsSentence(engine.plan(), engine.snapshot()));
      return;
  }
  if (thermal) thermal->userMoved();
}

}  // namespace unknot
