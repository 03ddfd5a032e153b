// Speech the desktop provides: speech-dispatcher, when it runs, speaks prompts in the voice and
// rate a screen-reader user set up for everything else. unknot never starts it; when it is not
// running the prompts are synthesized by espeak-ng here (audio/speech). Tests fake it.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace unknot {

class SpeechService {
 public:
  virtual ~SpeechService() = default;
  // Speaks `text` now, cutting whatever this program had it say before.
  virtual void say(const std::string& text) = 0;
  virtual void cancel() = 0;
  // The voices its synthesizer offers ("English (America)+Alex"), for the settings screen.
  virtual std::vector<std::string> voices() = 0;
  // The backend's name for notices and the settings screen.
  virtual std::string name() const = 0;
};

// Connects to a running speech-dispatcher (never spawns one). `voice` (may be empty: the user's
// default) is chosen when the synthesizer has it. Null, with the reason in `error`, when none runs
// or unknot was built without libspeechd.
std::unique_ptr<SpeechService> connectSpeechDispatcher(const std::string& voice,
                                                       std::string& error);

}  // namespace unknot
