// The binary's side of the sound module: loading it, and the hookup that waits for it.
#include <dlfcn.h>

#include <memory>
#include <optional>
#include <thread>

#include "app/session/audio_module_api.hpp"
#include "app/session/audio_sinks.hpp"

namespace unknot {

namespace {

// Loaded once and never unloaded (RTLD_NODELETE): players, their threads and the libraries'
// exit handlers may outlive whoever asked first. dlclose then only drops our reference.
const AudioModuleEntry* openAudioModule(const std::filesystem::path& file, std::string& error) {
  void* handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
  if (!handle) {
    const char* why = dlerror();
    error = why ? why : ("cannot load " + file.string());
    return nullptr;
  }
  using EntryFunction = const AudioModuleEntry* (*)();
  const auto function = reinterpret_cast<EntryFunction>(dlsym(handle, kAudioModuleSymbol));
  const AudioModuleEntry* entry = function ? function() : nullptr;
  dlclose(handle);
  if (!entry) {
    error = file.string() + ": not a sound module";
  } else if (entry->abi != kAudioModuleAbi) {
    error = file.string() + ": from another build of unknot";
    entry = nullptr;
  }
  return entry;
}

// The hookup before and after the module is there: every call waits for a load in flight, or
// loads, and without a module the run is silent (and the other sinks still listen).
class LazyAudio {
 public:
  struct Request {
    std::filesystem::path module;
    AudioSettings settings;
    double timeScale = 1.0;
    AudioFolders folders;
    SessionSinkFactory other;
  };
  LazyAudio(Request request, std::ostream& notices)
      : m_request(std::move(request)), m_notices(notices) {}
  ~LazyAudio() {
    if (m_loader.joinable()) m_loader.join();
  }
  LazyAudio(const LazyAudio&) = delete;
  LazyAudio& operator=(const LazyAudio&) = delete;

  void loadAhead() {
    m_loader = std::thread([this] { load(); });
  }

  // The module's hookup; null (after one notice) when there is no module.
  AudioHookup* real() {
    if (m_loader.joinable()) {
      m_loader.join();
    } else if (!m_tried) {
      load();
    }
    if (!m_error.empty()) {
      m_notices << "unknot: no sound (" << m_error << "); the timer runs as usual\n";
      m_error.clear();
    }
    return m_real ? &*m_real : nullptr;
  }

  const SessionSinkFactory& other() const { return m_request.other; }
  bool toggleQuietMute() { return m_quietMuted = !m_quietMuted; }

 private:
  // On the loader thread or the caller's, never both; nothing else is touched meanwhile.
  void load() {
    m_tried = true;
    if (const AudioModuleEntry* entry = openAudioModule(m_request.module, m_error)) {
      m_real = entry->hookup(m_request.settings, m_request.timeScale, m_request.folders, m_notices,
                             m_request.other);
    }
  }

  Request m_request;
  std::ostream& m_notices;
  bool m_tried = false;
  std::string m_error;
  std::optional<AudioHookup> m_real;
  bool m_quietMuted = false;
  std::thread m_loader;  // last: joined before what it writes goes away
};

}  // namespace

AudioHookup audioHookup(const std::filesystem::path& module, const AudioSettings& settings,
                        double timeScale, const AudioFolders& folders, std::ostream& notices,
                        SessionSinkFactory other, bool loadAhead) {
  auto lazy = std::make_shared<LazyAudio>(
      LazyAudio::Request{module, settings, timeScale, folders, std::move(other)}, notices);
  if (loadAhead) lazy->loadAhead();
  AudioHookup hookup;
  hookup.makeSessionSink = [lazy](const Plan& plan,
                                  const Clock& clock) -> std::unique_ptr<CueSink> {
    if (AudioHookup* real = lazy->real()) return real->makeSessionSink(plan, clock);
    return lazy->other() ? lazy->other()(plan, clock) : nullptr;
  };
  hookup.toggleMute = [lazy] {
    if (AudioHookup* real = lazy->real()) return real->toggleMute();
    return lazy->toggleQuietMute();
  };
  hookup.speak = [lazy](const std::string& text) {
    if (AudioHookup* real = lazy->real()) real->speak(text);
  };
  hookup.applySettings = [lazy](const AudioSettings& audio) {
    if (AudioHookup* real = lazy->real()) real->applySettings(audio);
  };
  return hookup;
}

VoiceChoices voiceChoices(const std::filesystem::path& module, bool speechDispatcher) {
  std::string error;
  const AudioModuleEntry* entry = openAudioModule(module, error);
  return entry ? entry->voices(speechDispatcher) : VoiceChoices{};
}

std::function<bool()> savingMuteChanges(std::function<bool()> toggle,
                                        std::filesystem::path settingsPath) {
  return [toggle = std::move(toggle), path = std::move(settingsPath)] {
    const bool muted = toggle();
    SettingsLoad current = loadSettings(path);
    if (current.errors.empty()) {
      current.settings.audio.muted = muted;
      (void)saveSettings(current.settings, path);  // best effort: the switch itself worked
    }
    return muted;
  };
}

}  // namespace unknot
