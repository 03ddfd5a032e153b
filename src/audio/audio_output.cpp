#include "audio/audio_output.hpp"

#include <SDL.h>
#include <SDL_mixer.h>
#include <alsa/asoundlib.h>
#include <malloc.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include "audio/segmented_recording.hpp"

namespace unknot {

namespace {

// SDL_mixer drives one device per process; a second player would steal its music hook.
std::atomic<bool>& outputInUse() {
  static std::atomic<bool> inUse{false};
  return inUse;
}

// ALSA writes its configuration errors straight to stderr: 8 "ALSA lib ... cannot find card"
// lines on a computer without sound, ahead of the one line in which we say so ourselves.
void ignoreAlsaMessage(const char* /*file*/, int /*line*/, const char* /*function*/, int /*err*/,
                       const char* /*fmt*/, ...) {}

// Sound files named by routines are short cues; this bounds the memory one can take (the
// file's size is bounded by Sound::kMaxFileBytes, as for every sound read from a file).
constexpr double kMaxSoundSeconds = 60;

}  // namespace

EngineTimeBase calibrateEngineTime(const Clock& clock, double scale) {
  using Steady = std::chrono::steady_clock;
  // The engine clock is linear in real time: find the real instant one of its milliseconds
  // begins, and the rest follows from the scale. The tick happened between the read that
  // still showed the old value and the one that shows the new; a few ticks are timed and the
  // most tightly bracketed one is kept, so a preemption mid-measurement does not matter. On a
  // loaded machine every bracket of the first few ticks can span a preemption (tens of ms, half
  // of which would be the error), so it goes on until one is tight, within a longer limit.
  const auto start = Steady::now();
  const auto deadline = start + std::chrono::milliseconds(6);
  const auto limit = start + std::chrono::milliseconds(200);
  // Tight in engine time: a tenth of an engine millisecond, fewer real microseconds when sped up.
  const auto kTight = std::chrono::duration_cast<Steady::duration>(
      std::chrono::duration<double, std::micro>(100.0 / std::max(scale, 1.0)));
  std::optional<Steady::time_point> best;
  Steady::duration bestWidth = Steady::duration::max();
  // Taken before the first read, so the first bracket holds that read too.
  auto previousRead = Steady::now();
  Millis previous = clock.now();
  // A clock that does not move (a test's fake) shows no tick however long it is read; a thread
  // preempted past the deadline before its first read has not read it at all yet.
  int reads = 0;
  const auto done = [&](int ticks) {
    const auto now = Steady::now();
    if (now >= limit) return true;
    if (bestWidth > kTight) return !best && now >= deadline && reads >= 1000;
    return ticks >= 4 || now >= deadline;
  };
  for (int ticks = 0; !done(ticks); ++reads) {
    const auto before = Steady::now();
    const Millis value = clock.now();
    const auto after = Steady::now();
    if (value != previous) {
      ++ticks;
      const auto offset =
          std::chrono::duration<double, std::milli>(static_cast<double>(value.count()) / scale);
      const auto tick = previousRead + (after - previousRead) / 2;
      if (after - previousRead < bestWidth) {
        bestWidth = after - previousRead;
        best = tick - std::chrono::duration_cast<Steady::duration>(offset);
      }
      previous = value;
    }
    previousRead = before;
  }
  if (best) return {*best, scale};
  // A clock that does not advance (a test's fake): anchor it at its current reading.
  const auto offset =
      std::chrono::duration<double, std::milli>(static_cast<double>(clock.now().count()) / scale);
  return {Steady::now() - std::chrono::duration_cast<Steady::duration>(offset), scale};
}

AudioOutput::AudioOutput(const OutputOptions& options)
    : m_options(options),
      m_mixer(options.sampleRate, options.time.scale, options.latencyMs),
      m_scratch(kScratchFrames) {}

std::unique_ptr<AudioOutput> AudioOutput::open(const OutputOptions& options, std::string& error) {
  if (outputInUse().exchange(true)) {
    error = "the audio output is already in use";
    return nullptr;
  }
  // Left to itself SDL turns SIGINT and SIGTERM into quit events that nobody reads here, and
  // the app would no longer close when the desktop session or `kill` asks it to.
  SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
  // SDL loads the same libasound, so the handler holds for the devices it tries.
  snd_lib_error_set_handler(&ignoreAlsaMessage);
  if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
    error = SDL_GetError();
    outputInUse() = false;
    return nullptr;
  }
  std::unique_ptr<AudioOutput> output(new AudioOutput(options));
  if (!options.logPath.empty()) {
    output->m_timing = std::make_unique<TimingLog>();
    output->m_logFile.open(options.logPath, std::ios::trunc);
    output->m_logFile
        << "# unknot audio log v1: cb INDEX SAMPLE_POS ENGINE_MS | start TAG PHASE VALUE "
           "AT_MS DELAY_MS SAMPLE LATE | event TYPE PHASE AT_MS ARRIVED_MS\n"
        << "format rate=" << options.sampleRate << " channels=" << kChannels
        << " latency_ms=" << options.latencyMs << " scale=" << options.time.scale << "\n";
    output->m_logger = std::thread([raw = output.get()] { raw->runLogger(); });
    output->m_markStream = true;
  }
  if (!output->openDevice(error)) {
    output->m_failed = true;
    return nullptr;
  }
  Mix_Init(MIX_INIT_OGG | MIX_INIT_FLAC | MIX_INIT_MP3);  // optional decoders for step sounds
  if (!options.logPath.empty() && std::string_view(SDL_GetCurrentAudioDriver()) == "disk") {
    const char* file = std::getenv("SDL_DISKAUDIOFILE");
    output->m_recording =
        std::make_unique<SegmentedRecording>(file && *file ? file : "sdlaudio.raw", kChannels);
  }
  if (options.sleepGapMs > 0)
    output->m_keeper = std::thread([raw = output.get()] { raw->runKeeper(); });
  return output;
}

bool AudioOutput::openDevice(std::string& error) {
  // Hooked before the device opens (SDL_mixer keeps the hook), so our first callback is the
  // stream's first buffer: sample positions then count from the device's first sample.
  Mix_HookMusic(&AudioOutput::hook, this);
  // No format changes allowed: SDL converts for the hardware, so the mixer (and the disk
  // driver's file) always sees 16-bit stereo at our rate.
  if (Mix_OpenAudioDevice(m_options.sampleRate, AUDIO_S16SYS, kChannels, m_options.bufferFrames,
                          nullptr, 0) != 0) {
    error = Mix_GetError();
    Mix_HookMusic(nullptr, nullptr);
    return false;
  }
  std::lock_guard lock(m_powerMutex);
  m_awake = true;
  return true;
}

void AudioOutput::closeDevice() {
  Mix_HookMusic(nullptr, nullptr);  // waits for a running callback, then none start
  Mix_CloseAudio();
  if (m_recording) m_recording->pieceEnded(m_openedAt);
}

AudioOutput::~AudioOutput() {
  if (m_keeper.joinable()) {
    {
      std::lock_guard lock(m_powerMutex);
      m_stopKeeper = true;
    }
    m_power.notify_all();
    m_keeper.join();
  }
  if (!m_failed) {
    if (m_awake) closeDevice();
    m_recording.reset();
    Mix_Quit();
  }
  SDL_QuitSubSystem(SDL_INIT_AUDIO);
  if (m_logger.joinable()) {
    m_stopLogger = true;
    m_logger.join();
    writeLog();
    if (m_logLost > 0) m_logFile << "lost " << m_logLost.load() << "\n";
  }
  outputInUse() = false;
}

void AudioOutput::send(Command command) {
  {
    std::lock_guard lock(m_sendMutex);
    SoundPtr done;
    while (m_retired.pop(done)) done.reset();  // frees finished sounds here, not in the callback
    if (m_commands.push(std::move(command))) ++m_sent;  // full (256 pending cues): dropped
  }
  wake();
}

void AudioOutput::wake() {
  if (!m_keeper.joinable()) return;
  {
    std::lock_guard lock(m_powerMutex);
    if (m_awake) return;
    m_wakeWanted = true;
  }
  m_power.notify_all();
}

void AudioOutput::expectNext(std::optional<double> engineMs) {
  std::optional<Steady::time_point> due;
  if (engineMs) due = m_options.time.realAt(*engineMs);
  {
    std::lock_guard lock(m_powerMutex);
    m_nextDue = due;
  }
  m_power.notify_all();
}

AudioOutput::AwakeHold::AwakeHold(const AudioOutput& output) : m_output(output) {
  std::unique_lock lock(output.m_powerMutex);
  ++output.m_holds;
  if (output.m_awake || !output.m_keeper.joinable()) return;
  output.m_wakeWanted = true;
  output.m_power.notify_all();
  // The keeper opens the device (or gives up for now) and says so.
  output.m_power.wait(lock, [&] { return output.m_awake || !output.m_wakeWanted; });
}

AudioOutput::AwakeHold::~AwakeHold() {
  {
    std::lock_guard lock(m_output.m_powerMutex);
    --m_output.m_holds;
  }
  m_output.m_power.notify_all();
}

void AudioOutput::runKeeper() {
  using std::chrono::duration;
  const auto ms = [](double value) {
    return std::chrono::duration_cast<Steady::duration>(duration<double, std::milli>(value));
  };
  // While open it sleeps until what plays has ended (the callback says when), then until the
  // quiet spell is over, or until the next event is no longer near: a few wake-ups an opening.
  // It looks again after `poll` only while that is not known (a cue not yet placed).
  const auto poll = std::chrono::milliseconds(100);
  // The callback that finds a sound ended runs up to a buffer ahead of its playing, and the
  // device plays a buffer or so behind the callback.
  const auto buffer = ms(1000.0 * m_options.bufferFrames / m_options.sampleRate);
  const auto playedOut = 2 * buffer;
  std::unique_lock lock(m_powerMutex);
  std::optional<Steady::time_point> quietSince;
  while (!m_stopKeeper) {
    const auto now = Steady::now();
    if (m_awake) {
      m_wakeWanted = false;
      if (!idle() || m_holds > 0) {
        quietSince.reset();
        const auto quietAt = Steady::time_point(Steady::duration(m_quietAt.load()));
        const auto until = quietAt == Steady::time_point() ? now + poll : quietAt + playedOut;
        // At least a buffer: a cue sent but not yet taken is taken by the next callback.
        m_power.wait_until(lock, std::clamp(until, now + buffer, now + std::chrono::seconds(5)));
        continue;
      }
      if (!quietSince) quietSince = now;
      const auto closeAt = *quietSince + ms(m_options.sleepQuietMs);
      const bool dueSoon = m_nextDue && *m_nextDue - now < ms(m_options.sleepGapMs);
      if (!dueSoon && now >= closeAt) {
        // Marked asleep first: a sound sent while it closes asks for the device again.
        m_awake = false;
        lock.unlock();
        closeDevice();
        trimHeap();
        lock.lock();
        m_closedAt = Steady::now();
        continue;
      }
      // Near an event it stays open until the event has come (expectNext then wakes it);
      // otherwise until the quiet spell is over.
      m_power.wait_until(lock, dueSoon ? std::max(*m_nextDue, now + poll) : closeAt);
      continue;
    }
    const auto wakeAt =
        m_nextDue ? *m_nextDue - ms(m_options.wakeAheadMs) : Steady::time_point::max();
    if (!m_wakeWanted && now < wakeAt) {
      if (wakeAt == Steady::time_point::max()) {
        m_power.wait(lock);
      } else {
        m_power.wait_until(lock, wakeAt);
      }
      continue;
    }
    lock.unlock();
    // The stream's positions go on with real time, so the log and the recording keep one
    // timeline across the gap; what the stream's clock learnt before it no longer holds.
    const auto gap = duration<double>(Steady::now() - m_closedAt).count();
    m_pos += std::max<int64_t>(0, std::llround(gap * m_options.sampleRate));
    m_openedAt = m_pos;
    m_markStream = m_logFile.is_open();
    m_mixer.restartStream();
    std::string error;
    const bool opened = openDevice(error);
    lock.lock();
    if (!opened) {
      // The device went away: cues are dropped rather than played late; tried again at the
      // next one.
      m_wakeWanted = false;
      lock.unlock();
      {
        std::lock_guard sendLock(m_sendMutex);
        Command command;
        while (m_commands.pop(command)) ++m_applied;
      }
      lock.lock();
      if (m_nextDue && *m_nextDue <= Steady::now() + ms(m_options.wakeAheadMs)) m_nextDue.reset();
    }
    quietSince.reset();
    m_power.notify_all();
  }
  // SDL keeps per-thread state (its error text) for threads it did not start.
  lock.unlock();
  SDL_TLSCleanup();
}

void AudioOutput::trimHeap() {
#ifdef __GLIBC__
  // What the opening, the prompts, the player's making and the window's frames left free goes
  // back to the system while nothing plays (1.5-2 MiB of the window's anonymous memory). It is
  // done at every close: held back until 256 KiB more were freed, the window's own churn (the
  // frames allocate and free as much again every time) stayed resident, 1.6 MiB more.
  malloc_trim(0);
#endif
}

void AudioOutput::logArrival(const char* event, size_t phase, double atMs) {
  if (!m_logFile.is_open()) return;
  std::lock_guard lock(m_sendMutex);
  if (!m_timing->arrivals.push({event, phase, atMs, m_options.time.nowMs()})) ++m_logLost;
}

bool AudioOutput::idle() const {
  return m_applied.load() == m_sent.load() && m_mixerIdle.load();
}

void AudioOutput::submit(CueRequest request) {
  send({CommandKind::Submit, std::move(request)});
}
void AudioOutput::stopAll() {
  send({CommandKind::StopAll, {}});
}
void AudioOutput::stopAlarm() {
  send({CommandKind::StopAlarm, {}});
}

void AudioOutput::setGains(float master, float voice) {
  m_master = master;
  m_voice = voice;
}

void AudioOutput::hook(void* self, unsigned char* stream, int bytes) {
  const auto frames = static_cast<size_t>(bytes) / (sizeof(int16_t) * kChannels);
  static_cast<AudioOutput*>(self)->mix(reinterpret_cast<int16_t*>(stream), frames);
}

void AudioOutput::mix(int16_t* out, size_t frames) {
  const double now = m_options.time.nowMs();
  m_mixer.observe(m_pos, now);
  Command command;
  uint64_t applied = 0;
  while (m_commands.pop(command)) {
    switch (command.kind) {
      case CommandKind::Submit:
        m_mixer.submit(std::move(command.request));
        break;
      case CommandKind::StopAll:
        m_mixer.stopAll();
        break;
      case CommandKind::StopAlarm:
        m_mixer.stopAlarm();
        break;
    }
    ++applied;
  }
  const bool logging = m_logFile.is_open();
  if (logging && !m_timing->records.push({false, m_callbacks, m_pos, now, {}})) ++m_logLost;

  const float master = m_master.load(std::memory_order_relaxed);
  const float voice = m_voice.load(std::memory_order_relaxed);
  for (size_t done = 0; done < frames;) {
    const size_t n = std::min(frames - done, kScratchFrames);
    m_mixer.render(m_scratch.data(), n, master, voice);
    for (size_t i = 0; i < n; ++i) {
      const float clipped = std::clamp(m_scratch[i], -1.0f, 1.0f);
      const auto value = static_cast<int16_t>(std::lrint(clipped * 32767.0f));
      for (int c = 0; c < kChannels; ++c) out[(done + i) * kChannels + c] = value;
    }
    done += n;
  }

  if (logging && m_markStream) {
    m_markStream = false;
    // SDL writes silent buffers while the device is still paused; this doublet marks where
    // sample position 0 lies in a recording, so the log's positions can be found in it.
    for (int c = 0; c < kChannels; ++c) {
      out[c] = kStreamMarker;
      out[kChannels + c] = static_cast<int16_t>(-kStreamMarker);
    }
  }
  if (logging)
    for (const ScheduledStart& start : m_mixer.starts())
      if (!m_timing->records.push({true, m_callbacks, m_pos, now, start})) ++m_logLost;
  m_mixer.clearStarts();
  for (SoundPtr& sound : m_mixer.retired())
    if (!m_retired.push(std::move(sound))) sound.reset();
  m_mixer.retired().clear();
  m_mixerIdle = m_mixer.pending() == 0 && m_mixer.playing() == 0;
  // When what is placed has played out, so the keeper sleeps until then instead of polling.
  if (const auto quiet = m_mixer.quietFrom()) {
    const auto ahead =
        std::chrono::duration<double>(static_cast<double>(*quiet - m_pos) / m_options.sampleRate);
    m_quietAt = (Steady::now() + std::chrono::duration_cast<Steady::duration>(ahead))
                    .time_since_epoch()
                    .count();
  } else {
    m_quietAt = 0;
  }
  m_applied += applied;  // after the idle flag, so idle() never sees a taken cue as played
  m_pos += static_cast<int64_t>(frames);
  ++m_callbacks;
}

void AudioOutput::runLogger() {
  while (!m_stopLogger) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    writeLog();
  }
}

void AudioOutput::writeLog() {
  char line[256];
  Arrival arrival;
  while (m_timing->arrivals.pop(arrival)) {
    std::snprintf(line, sizeof line, "event %s %zu %.3f %.3f\n", arrival.event, arrival.phase,
                  arrival.atMs, arrival.nowMs);
    m_logFile << line;
  }
  LogRecord record;
  while (m_timing->records.pop(record)) {
    if (record.isStart) {
      const ScheduledStart& s = record.start;
      std::snprintf(line, sizeof line, "start %s %zu %d %.3f %.3f %lld %d\n", toString(s.tag),
                    s.phaseIndex, s.value, s.atMs, s.delayMs, static_cast<long long>(s.sample),
                    s.late ? 1 : 0);
    } else {
      std::snprintf(line, sizeof line, "cb %llu %lld %.3f\n",
                    static_cast<unsigned long long>(record.callback),
                    static_cast<long long>(record.pos), record.engineMs);
    }
    m_logFile << line;
  }
  m_logFile.flush();
}

SoundPtr AudioOutput::load(const std::filesystem::path& path, std::string& error) const {
  const AwakeHold awake(*this);  // SDL_mixer converts to the open device's format
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    error = ec.message();
    return nullptr;
  }
  if (size > Sound::kMaxFileBytes) {
    error = "file is larger than 16 MiB";
    return nullptr;
  }
  Mix_Chunk* chunk = Mix_LoadWAV(path.c_str());
  if (!chunk) {
    error = Mix_GetError();
    return nullptr;
  }
  const size_t frames =
      std::min<size_t>(chunk->alen / (sizeof(int16_t) * kChannels),
                       static_cast<size_t>(kMaxSoundSeconds * m_options.sampleRate));
  std::vector<int16_t> samples(frames);
  const auto* pcm = reinterpret_cast<const int16_t*>(chunk->abuf);
  for (size_t i = 0; i < frames; ++i) {
    int sum = 0;
    for (int c = 0; c < kChannels; ++c) sum += pcm[i * kChannels + c];
    samples[i] = static_cast<int16_t>(sum / kChannels);
  }
  Mix_FreeChunk(chunk);
  return std::make_shared<const Sound>(Sound::owning(std::move(samples)));
}

}  // namespace unknot
