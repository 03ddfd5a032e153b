#include "audio/speech_service.hpp"

#include <algorithm>
#include <cstdlib>

#ifdef UNKNOT_HAVE_SPEECHD
#include <speech-dispatcher/libspeechd.h>
#endif

namespace unknot {

namespace {

#ifdef UNKNOT_HAVE_SPEECHD
class SpeechDispatcher final : public SpeechService {
 public:
  explicit SpeechDispatcher(SPDConnection* connection) : m_connection(connection) {}
  ~SpeechDispatcher() override { spd_close(m_connection); }
  SpeechDispatcher(const SpeechDispatcher&) = delete;
  SpeechDispatcher& operator=(const SpeechDispatcher&) = delete;

  void say(const std::string& text) override {
    spd_cancel(m_connection);
    spd_say(m_connection, SPD_MESSAGE, text.c_str());
  }
  void cancel() override { spd_cancel(m_connection); }
  std::vector<std::string> voices() override {
    std::vector<std::string> names;
    SPDVoice** list = spd_list_synthesis_voices(m_connection);
    for (SPDVoice** voice = list; voice && *voice; ++voice)
      if ((*voice)->name) names.emplace_back((*voice)->name);
    if (list) free_spd_voices(list);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
  }
  std::string name() const override { return "speech-dispatcher"; }

 private:
  SPDConnection* m_connection;
};
#endif

}  // namespace

std::unique_ptr<SpeechService> connectSpeechDispatcher(const std::string& voice,
                                                       std::string& error) {
#ifdef UNKNOT_HAVE_SPEECHD
  char* message = nullptr;
  SPDConnection* connection =
      spd_open2("unknot", "prompts", nullptr, SPD_MODE_THREADED, nullptr, 0, &message);
  if (!connection) {
    error = message ? message : "speech-dispatcher is not running";
    std::free(message);
    return nullptr;
  }
  if (!voice.empty()) spd_set_synthesis_voice(connection, voice.c_str());
  return std::make_unique<SpeechDispatcher>(connection);
#else
  (void)voice;
  error = "built without speech-dispatcher";
  return nullptr;
#endif
}

}  // namespace unknot
