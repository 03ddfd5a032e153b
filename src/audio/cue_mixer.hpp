// Places each cue sound on an exact output sample and mixes everything that plays. It runs
// on the audio callback and knows nothing of SDL, so tests drive it with a fake stream.
//
// A cue due at engine time T starts at the sample whose stream time is T + latency. The
// constant latency lets a cue delivered a few milliseconds late (runners deliver due events
// on their next wake-up) still land on its exact sample instead of "somewhere in the next
// buffer".
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "audio/sound.hpp"
#include "audio/stream_clock.hpp"

namespace unknot {

struct CueRequest {
  SoundPtr sound;
  SoundTag tag = SoundTag::Chime;
  double atMs = 0;     // engine time the cue is due
  double delayMs = 0;  // real milliseconds after atMs (speech waits for the chime's attack)
  float gain = 1.0f;
  bool speech = false;   // scaled by the voice volume; a new prompt cuts the one playing
  int boundaryRank = 0;  // >0: one phase-boundary sound per instant, the highest rank wins
  int repeats = 1;       // the reminder alarm loops
  size_t phaseIndex = 0;
  int value = 0;
};

// Where a request was placed, for the timing log and the tests.
struct ScheduledStart {
  SoundTag tag = SoundTag::Chime;
  size_t phaseIndex = 0;
  int value = 0;
  double atMs = 0;
  double delayMs = 0;
  int64_t sample = 0;
  // Arrived after its sample had been played (a runner woke too late): starts at once.
  bool late = false;
};

class CueMixer {
 public:
  CueMixer(int sampleRate, double timeScale, double latencyMs);

  // Call order on each callback: observe, submit/stop..., render.
  void observe(int64_t bufferStart, double engineMs);
  // The device was closed and opened again: what the stream's clock learnt no longer holds.
  // Call with nothing playing (cues still waiting are placed on the new stream).
  void restartStream();
  // Queues a cue; it is placed on its sample by the render call whose buffer holds that
  // sample, so the placement uses the freshest knowledge of the stream's clock.
  void submit(CueRequest request);
  void stopAll();    // everything fades out within a few milliseconds
  void stopAlarm();  // the looping alarm only
  // Fills `out` (mono) with the samples [bufferStart, bufferStart + frames).
  void render(float* out, size_t frames, float masterGain, float voiceGain);

  // Placements since the last clear; bounded so the audio thread never allocates.
  const std::vector<ScheduledStart>& starts() const { return m_starts; }
  void clearStarts() { m_starts.clear(); }
  // Sounds that finished; the owner releases them off the audio thread.
  std::vector<SoundPtr>& retired() { return m_retired; }

  int sampleRate() const { return m_rate; }
  double latencyMs() const { return m_latencyMs; }
  const StreamClock& clock() const { return m_clock; }
  size_t playing() const { return m_voices.size(); }
  // The stream position from which nothing placed so far sounds (the next buffer's start when
  // nothing plays); nullopt while a cue waits to be placed, whose length is not known yet.
  std::optional<int64_t> quietFrom() const;
  size_t pending() const { return m_pending.size(); }
  size_t dropped() const { return m_dropped; }

 private:
  struct Voice {
    SoundPtr sound;
    SoundTag tag = SoundTag::Chime;
    int64_t start = 0;
    int64_t end = 0;                                      // start + length * repeats
    int64_t cutAt = std::numeric_limits<int64_t>::max();  // fades out to silence here
    float gain = 1.0f;
    bool speech = false;
    int boundaryRank = 0;
  };

  int64_t startOf(const CueRequest& request) const;
  void placeDue(int64_t bufferEnd);
  void place(CueRequest request, int64_t start, bool waited);
  bool resolveBoundary(const CueRequest& request, int64_t start);
  void cut(Voice& voice, int64_t at);
  // Whether a sound has a rate of its own, and its length in output frames.
  bool resampled(const Sound& sound) const;
  int64_t framesOf(const Sound& sound) const;
  void mixVoice(const Voice& voice, float* out, size_t frames, float gain) const;
  void retire(Voice& voice);

  static constexpr size_t kMaxVoices = 48;
  static constexpr size_t kMaxPending = 256;
  static constexpr size_t kMaxStarts = 256;
  int m_rate;
  double m_scale;
  double m_latencyMs;
  int64_t m_fadeSamples;
  int64_t m_boundaryWindow;  // cues this close count as the same boundary
  StreamClock m_clock;
  int64_t m_bufferStart = 0;
  struct Pending {
    CueRequest request;
    bool waited = false;  // already passed over by an earlier buffer
  };
  std::vector<Pending> m_pending;  // submitted, not yet placed
  std::vector<Voice> m_voices;
  std::vector<ScheduledStart> m_starts;
  std::vector<SoundPtr> m_retired;
  size_t m_dropped = 0;
};

}  // namespace unknot
