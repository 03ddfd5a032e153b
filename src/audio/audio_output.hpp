// The SDL side of the cue player: opens the device through SDL_mixer, runs a CueMixer in the
// mixer's music hook, closes the device while nothing plays and nothing is due (and opens it
// again in time for the next cue), and optionally logs every callback and placement for the
// timing tests and the bench (UNKNOT_AUDIO_LOG). Only one output can be open per process.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "audio/cue_mixer.hpp"
#include "audio/spsc_ring.hpp"
#include "core/clock.hpp"

namespace unknot {

// With its timing log on, the output's first two samples are +kStreamMarker, -kStreamMarker, so
// a recording can be lined up with the log (tests/support/cue_timing.hpp reads both).
inline constexpr int16_t kStreamMarker = 1000;

// Engine time as a continuous function of real time: engine ms = (now - origin) * scale.
struct EngineTimeBase {
  std::chrono::steady_clock::time_point origin;
  double scale = 1.0;
  double nowMs() const {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - origin)
               .count() *
           scale;
  }
  // The real instant engine time `engineMs` is reached.
  std::chrono::steady_clock::time_point realAt(double engineMs) const {
    return origin + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                        std::chrono::duration<double, std::milli>(engineMs / scale));
  }
};

// Finds the base of `clock` (an engine clock running `scale` times faster than real time)
// to better than a millisecond, though Clock::now() only counts whole ones.
EngineTimeBase calibrateEngineTime(const Clock& clock, double scale);

class SegmentedRecording;

struct OutputOptions {
  int sampleRate = 48000;
  // 43 ms: the mixing thread wakes 23 times a second while the device is open. A cue must
  // reach the output a buffer before its sample, which the placement latency allows for.
  int bufferFrames = 2048;
  double latencyMs = 100;
  EngineTimeBase time;
  std::filesystem::path logPath;  // empty: no log
  // Sleeping between cues (real milliseconds; sleepGapMs 0 never sleeps): the device closes
  // once nothing has played or waited for `sleepQuietMs` and the next due event
  // (expectNext) is at least `sleepGapMs` away, and opens `wakeAheadMs` before it, or at once
  // when a sound is sent while it sleeps.
  double sleepQuietMs = 400;
  double sleepGapMs = 2500;
  double wakeAheadMs = 600;
};

class AudioOutput {
 public:
  // Null when there is no usable device; `error` then says why in a few words.
  static std::unique_ptr<AudioOutput> open(const OutputOptions& options, std::string& error);
  ~AudioOutput();
  AudioOutput(const AudioOutput&) = delete;
  AudioOutput& operator=(const AudioOutput&) = delete;

  // Any thread; never waits for the audio callback.
  void submit(CueRequest request);
  void stopAll();
  void stopAlarm();
  void setGains(float master, float voice);
  // True when every cue sent has been played out (or dropped).
  bool idle() const;
  // With a log: notes when an engine event due at `atMs` reached the player (any thread).
  void logArrival(const char* event, size_t phase, double atMs);
  // The next engine event that may sound is due at engine time `engineMs` (nullopt: none is
  // scheduled). Any thread.
  void expectNext(std::optional<double> engineMs);

  int sampleRate() const { return m_options.sampleRate; }
  // Decodes a sound file (WAV, and OGG/FLAC/MP3 where SDL_mixer has them) into mixer format.
  SoundPtr load(const std::filesystem::path& path, std::string& error) const;

 private:
  enum class CommandKind { Submit, StopAll, StopAlarm };
  struct Command {
    CommandKind kind = CommandKind::Submit;
    CueRequest request;
  };
  struct LogRecord {
    bool isStart = false;
    uint64_t callback = 0;
    int64_t pos = 0;
    double engineMs = 0;
    ScheduledStart start;
  };

  explicit AudioOutput(const OutputOptions& options);
  void send(Command command);
  static void hook(void* self, unsigned char* stream, int bytes);
  void mix(int16_t* out, size_t frames);
  void writeLog();
  void runLogger();
  // Sleeping: the keeper thread opens and closes the device; the rest only asks it to.
  bool openDevice(std::string& error);
  void closeDevice();
  void runKeeper();
  void trimHeap();  // keeper only
  void wake();
  // Keeps the device open while it exists (loading a sound needs it open).
  class AwakeHold {
   public:
    explicit AwakeHold(const AudioOutput& output);
    ~AwakeHold();
    AwakeHold(const AwakeHold&) = delete;
    AwakeHold& operator=(const AwakeHold&) = delete;

   private:
    const AudioOutput& m_output;
  };

  static constexpr int kChannels = 2;
  static constexpr size_t kScratchFrames = 4096;
  OutputOptions m_options;
  CueMixer m_mixer;  // audio thread only once open
  std::vector<float> m_scratch;
  int64_t m_pos = 0;
  bool m_failed = false;  // the device never opened: nothing of SDL_mixer to close
  uint64_t m_callbacks = 0;
  std::atomic<float> m_master{1.0f};
  std::atomic<float> m_voice{1.0f};

  std::mutex m_sendMutex;              // serialises producers; the callback never takes it
  std::atomic<uint64_t> m_sent{0};     // commands pushed
  std::atomic<uint64_t> m_applied{0};  // commands the callback has taken
  std::atomic<bool> m_mixerIdle{true};
  // When what the mixer has placed will have played out (steady clock ticks; 0: not known).
  std::atomic<int64_t> m_quietAt{0};
  SpscRing<Command, 256> m_commands;
  SpscRing<SoundPtr, 128> m_retired;

  struct Arrival {
    const char* event = "";
    size_t phase = 0;
    double atMs = 0;
    double nowMs = 0;
  };
  // Only with a log: the rings are most of the output's memory (0.7 MiB), for nobody otherwise.
  struct TimingLog {
    SpscRing<LogRecord, 8192> records;  // audio thread to the logger
    SpscRing<Arrival, 1024> arrivals;   // producers (under m_sendMutex) to the logger
  };
  std::unique_ptr<TimingLog> m_timing;
  bool m_markStream = false;  // with a log: mark the next buffer as the start of an opening
  int64_t m_openedAt = 0;     // stream position of the current opening's first sample

  using Steady = std::chrono::steady_clock;
  mutable std::mutex m_powerMutex;  // the fields below; never held while the device opens
  mutable std::condition_variable m_power;
  bool m_awake = false;
  mutable bool m_wakeWanted = false;
  mutable int m_holds = 0;
  bool m_stopKeeper = false;
  std::optional<Steady::time_point> m_nextDue;
  Steady::time_point m_closedAt;
  std::unique_ptr<SegmentedRecording> m_recording;  // the disk driver's file, with a log
  std::thread m_keeper;
  std::atomic<uint64_t> m_logLost{0};
  std::ofstream m_logFile;
  std::atomic<bool> m_stopLogger{false};
  std::thread m_logger;
};

}  // namespace unknot
