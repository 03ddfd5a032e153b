#include "audio/speech.hpp"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>

namespace unknot {

namespace {

// espeak-ng is a process-wide singleton in C; this is the one place that mirrors that.
struct EspeakState {
  std::mutex mutex;
  int rate = 0;       // 0 until initialised
  std::string voice;  // the voice espeak-ng is set to
  bool pathSet = false;
};

EspeakState& espeakState() {
  static EspeakState state;
  return state;
}

struct SynthJob {
  std::vector<int16_t>* out;
  const std::atomic<bool>* cancel;
};

int onSynth(short* wav, int count, espeak_EVENT* events) {
  auto* job = static_cast<SynthJob*>(events ? events->user_data : nullptr);
  if (!job) return 0;
  if (wav && count > 0) job->out->insert(job->out->end(), wav, wav + count);
  return job->cancel->load() ? 1 : 0;  // 1 aborts synthesis
}

std::string statusText(espeak_ng_STATUS status) {
  char buffer[256] = {};
  espeak_ng_GetStatusCodeMessage(status, buffer, sizeof buffer);
  return buffer[0] ? buffer : "error " + std::to_string(static_cast<int>(status));
}

// Prompts come from routine files; a page of text is not a prompt.
constexpr size_t kMaxPromptBytes = 400;

void setPathLocked(EspeakState& state) {
  if (!state.pathSet) espeak_ng_InitializePath(nullptr);  // honours ESPEAK_DATA_PATH
  state.pathSet = true;
}

// Loads espeak-ng's data, once per process (it cannot be unloaded: espeak_ng_Terminate hangs
// in synchronous mode in 1.51).
bool loadLocked(EspeakState& state, std::string& error) {
  if (state.rate != 0) return true;
  setPathLocked(state);
  espeak_ng_ERROR_CONTEXT context = nullptr;
  espeak_ng_STATUS status = espeak_ng_Initialize(&context);
  espeak_ng_ClearErrorContext(&context);
  if (status == ENS_OK) status = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr);
  if (status == ENS_OK) status = espeak_ng_SetVoiceByName("en");
  if (status != ENS_OK) {
    error = "espeak-ng: " + statusText(status);
    return false;
  }
  espeak_SetSynthCallback(onSynth);
  state.rate = espeak_ng_GetSampleRate();
  state.voice = "en";
  return true;
}

}  // namespace

std::unique_ptr<SpeechSynth> SpeechSynth::create(std::string& error, const std::string& voice,
                                                 std::string* notice) {
  EspeakState& state = espeakState();
  std::lock_guard lock(state.mutex);
  setPathLocked(state);
  if (state.rate == 0) {
    // What espeak_ng_Initialize reads first, checked without loading it all.
    const char* data = nullptr;
    espeak_Info(&data);
    for (const char* name : {"phontab", "phonindex", "phondata", "intonations"}) {
      std::error_code ec;
      if (!data || !std::filesystem::is_regular_file(std::filesystem::path(data) / name, ec)) {
        error = "espeak-ng: no " + std::string(name) + " in " + (data ? data : "its data folder");
        return nullptr;
      }
    }
  }
  // A chosen voice is checked now, so an unknown one is named at the start: that loads the
  // data, as only espeak-ng knows every name it accepts.
  if (!voice.empty() && voice != "en" && !loadLocked(state, error)) return nullptr;
  std::string chosen = "en";
  if (!voice.empty() && voice != state.voice) {
    if (espeak_ng_SetVoiceByName(voice.c_str()) == ENS_OK) {
      chosen = voice;
    } else {
      if (notice) *notice = "espeak-ng has no voice \"" + voice + "\"; speaking English";
      espeak_ng_SetVoiceByName("en");
    }
    state.voice = chosen;
  } else if (!voice.empty()) {
    chosen = voice;
  }
  return std::unique_ptr<SpeechSynth>(new SpeechSynth(chosen));
}

int SpeechSynth::sampleRate() const {
  EspeakState& state = espeakState();
  std::lock_guard lock(state.mutex);
  return state.rate;
}

std::string SpeechSynth::identity() const {
  return std::string("espeak-ng ") + espeak_Info(nullptr) + "|" + m_voice;
}

std::vector<std::string> espeakVoices() {
  EspeakState& state = espeakState();
  std::lock_guard lock(state.mutex);
  setPathLocked(state);
  std::vector<std::string> names;
  const espeak_VOICE** voices = espeak_ListVoices(nullptr);
  for (const espeak_VOICE** voice = voices; voice && *voice; ++voice)
    if ((*voice)->name && *(*voice)->name) names.emplace_back((*voice)->name);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::optional<std::vector<int16_t>> SpeechSynth::synthesize(const std::string& text,
                                                            int wordsPerMinute,
                                                            const std::atomic<bool>& cancel,
                                                            std::string& error) const {
  std::vector<int16_t> pcm;
  SynthJob job{&pcm, &cancel};
  const std::string prompt = text.substr(0, kMaxPromptBytes);
  EspeakState& state = espeakState();
  std::lock_guard lock(state.mutex);
  if (!loadLocked(state, error)) return std::nullopt;
  // Another player (the last session's, still finishing) may have set another voice.
  if (state.voice != m_voice && espeak_ng_SetVoiceByName(m_voice.c_str()) == ENS_OK)
    state.voice = m_voice;
  espeak_ng_SetParameter(espeakRATE,
                         std::clamp(wordsPerMinute, espeakRATE_MINIMUM, espeakRATE_MAXIMUM), 0);
  const espeak_ng_STATUS status = espeak_ng_Synthesize(
      prompt.c_str(), prompt.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, &job);
  if (status != ENS_OK && status != ENS_SPEECH_STOPPED) {
    error = "espeak-ng: " + statusText(status);
    return std::nullopt;
  }
  return pcm;
}

Sound speechToSound(const std::vector<int16_t>& pcm, int rate) {
  constexpr int kQuiet = 200;  // about -44 dBFS
  const auto loud = [](int16_t v) { return std::abs(static_cast<int>(v)) > kQuiet; };
  const auto first = std::find_if(pcm.begin(), pcm.end(), loud);
  if (first == pcm.end()) return Sound::owning({}, rate);
  const auto last = std::find_if(pcm.rbegin(), pcm.rend(), loud).base();
  const auto lead = std::min<std::ptrdiff_t>(first - pcm.begin(), rate * 2 / 1000);
  const auto tail = std::min<std::ptrdiff_t>(pcm.end() - last, rate * 30 / 1000);
  return Sound::owning(std::vector<int16_t>(first - lead, last + tail), rate);
}

SpeechWorker::SpeechWorker(std::unique_ptr<SpeechSynth> synth, std::unique_ptr<SpeechCache> disk)
    : m_synth(std::move(synth)), m_disk(std::move(disk)), m_thread([this] { run(); }) {}

SpeechWorker::~SpeechWorker() {
  stop();
}

void SpeechWorker::stop() {
  m_stop = true;
  {
    std::lock_guard lock(m_mutex);
    m_queue.clear();
  }
  m_wake.notify_all();
  if (m_thread.joinable()) m_thread.join();
}

std::string SpeechWorker::key(const std::string& text, int wordsPerMinute) {
  return std::to_string(wordsPerMinute) + "|" + text;
}

void SpeechWorker::want(const std::vector<std::string>& texts, int wordsPerMinute) {
  {
    std::lock_guard lock(m_mutex);
    m_queue.clear();
    std::set<std::string> wanted;
    for (const std::string& text : texts) {
      const std::string& cacheKey = *wanted.insert(key(text, wordsPerMinute)).first;
      if (!m_cache.count(cacheKey)) m_queue.emplace_back(text, wordsPerMinute);
    }
    // A prompt whose phase has gone by is not kept: over a long routine the cache would hold
    // seconds of sound for every phase. One still playing is held by the mixer until it ends.
    std::erase_if(m_cache, [&](const auto& entry) { return !wanted.count(entry.first); });
  }
  m_wake.notify_one();
}

void SpeechWorker::urgent(const std::string& text, int wordsPerMinute) {
  {
    std::lock_guard lock(m_mutex);
    if (m_cache.count(key(text, wordsPerMinute))) return;
    m_queue.emplace_front(text, wordsPerMinute);
  }
  m_wake.notify_one();
}

SoundPtr SpeechWorker::find(const std::string& text, int wordsPerMinute) const {
  std::lock_guard lock(m_mutex);
  const auto it = m_cache.find(key(text, wordsPerMinute));
  if (it == m_cache.end()) return nullptr;
  it->second.lastUse = ++m_useCounter;
  return it->second.sound;
}

void SpeechWorker::onReady(std::function<void(const std::string&, SoundPtr)> handler) {
  std::lock_guard lock(m_mutex);
  m_onReady = std::move(handler);
}

std::optional<std::string> SpeechWorker::takeError() {
  std::lock_guard lock(m_mutex);
  if (!m_error || m_errorTaken) return std::nullopt;
  m_errorTaken = true;
  return m_error;
}

void SpeechWorker::store(const std::string& cacheKey, SoundPtr sound) {
  if (m_cache.size() >= kCacheSize) {
    const auto oldest = std::min_element(
        m_cache.begin(), m_cache.end(),
        [](const auto& a, const auto& b) { return a.second.lastUse < b.second.lastUse; });
    m_cache.erase(oldest);
  }
  m_cache[cacheKey] = {std::move(sound), ++m_useCounter};
}

std::string SpeechWorker::diskKey(const SpeechSynth& synth, const std::string& text,
                                  int wordsPerMinute) {
  return synth.identity() + "|" + key(text, wordsPerMinute);
}

// On the worker: from the disk when it was spoken before, else synthesized (and kept there).
SoundPtr SpeechWorker::render(const std::string& text, int wordsPerMinute, std::string& error) {
  const std::string diskKey =
      m_disk ? SpeechWorker::diskKey(*m_synth, text, wordsPerMinute) : std::string();
  if (m_disk)
    if (SoundPtr kept = m_disk->find(diskKey)) return kept;
  const auto pcm = m_synth->synthesize(text, wordsPerMinute, m_stop, error);
  if (!pcm || m_stop) return nullptr;
  Sound sound = speechToSound(*pcm, m_synth->sampleRate());
  // Read back in place, the prompt leaves the heap; when it cannot be written it stays there.
  if (m_disk)
    if (SoundPtr kept = m_disk->store(diskKey, sound)) return kept;
  return std::make_shared<const Sound>(std::move(sound));
}

void SpeechWorker::run() {
  while (!m_stop) {
    std::pair<std::string, int> job;
    {
      std::unique_lock lock(m_mutex);
      m_wake.wait(lock, [this] { return m_stop || !m_queue.empty(); });
      if (m_stop) return;
      job = std::move(m_queue.front());
      m_queue.pop_front();
      if (m_cache.count(key(job.first, job.second))) continue;
    }
    std::string error;
    SoundPtr sound = render(job.first, job.second, error);
    if (m_stop) return;
    // A failed prompt is cached as silence so it is not retried for every phase.
    if (!sound) sound = std::make_shared<const Sound>();
    std::function<void(const std::string&, SoundPtr)> handler;
    {
      std::lock_guard lock(m_mutex);
      if (!error.empty() && !m_error) m_error = error;
      store(key(job.first, job.second), sound);
      handler = m_onReady;
    }
    if (handler) handler(job.first, std::move(sound));
  }
}

}  // namespace unknot
