#include "audio/cue_mixer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace unknot {

CueMixer::CueMixer(int sampleRate, double timeScale, double latencyMs)
    : m_rate(sampleRate),
      m_scale(timeScale),
      m_latencyMs(latencyMs),
      m_fadeSamples(sampleRate * 8 / 1000),
      m_boundaryWindow(sampleRate * 20 / 1000),
      m_clock(1000.0 * timeScale / sampleRate) {
  m_voices.reserve(kMaxVoices);
  m_starts.reserve(kMaxStarts);
  m_pending.reserve(kMaxPending);
  m_retired.reserve(kMaxVoices + kMaxPending);
}

void CueMixer::observe(int64_t bufferStart, double engineMs) {
  m_bufferStart = bufferStart;
  m_clock.observe(bufferStart, engineMs);
}

void CueMixer::restartStream() {
  m_clock = StreamClock(1000.0 * m_scale / m_rate);
}

void CueMixer::submit(CueRequest request) {
  if (!request.sound || request.sound->samples.empty()) return;
  if (m_pending.size() == kMaxPending) {
    ++m_dropped;
    return;
  }
  m_pending.push_back({std::move(request), false});
}

int64_t CueMixer::startOf(const CueRequest& request) const {
  // Latency and delay are real time; the stream clock runs on engine time.
  const double due = request.atMs + (m_latencyMs + request.delayMs) * m_scale;
  return std::llround(m_clock.sampleAt(due));
}

void CueMixer::placeDue(int64_t bufferEnd) {
  if (!m_clock.ready()) return;
  for (size_t i = 0; i < m_pending.size();) {
    Pending& pending = m_pending[i];
    const int64_t start = startOf(pending.request);
    if (start >= bufferEnd) {
      pending.waited = true;  // a later callback will know the stream's clock better
      ++i;
      continue;
    }
    place(std::move(pending.request), start, pending.waited);
    m_pending.erase(m_pending.begin() + static_cast<std::ptrdiff_t>(i));
  }
}

void CueMixer::place(CueRequest request, int64_t start, bool waited) {
  // A cue that waited for this buffer and still finds its instant passed fell into a stall
  // of the stream, where nothing played: starting first thing is exactly on time. One that
  // only just arrived was delivered late (within a millisecond is rounding).
  const bool late = !waited && start < m_bufferStart - m_rate / 1000;
  start = std::max(start, m_bufferStart);
  if (request.boundaryRank > 0 && !resolveBoundary(request, start)) return;
  if (m_voices.size() == kMaxVoices) {
    ++m_dropped;
    return;
  }
  if (request.speech) {
    // The new prompt starts on time; the old one fades out under its first milliseconds.
    for (Voice& voice : m_voices)
      if (voice.speech) cut(voice, start + m_fadeSamples);
  }
  const int64_t length = framesOf(*request.sound);
  if (m_starts.size() < kMaxStarts)
    m_starts.push_back({request.tag, request.phaseIndex, request.value, request.atMs,
                        request.delayMs, start, late});
  Voice voice;
  voice.tag = request.tag;
  voice.start = start;
  voice.end = start + length * std::max(1, request.repeats);
  voice.gain = request.gain;
  voice.speech = request.speech;
  voice.boundaryRank = request.boundaryRank;
  voice.sound = std::move(request.sound);
  m_voices.push_back(std::move(voice));
}

// A phase boundary can bring several cues at one instant (a round starts with a phase, the
// routine finishes as the last phase ends); the most specific one plays alone.
bool CueMixer::resolveBoundary(const CueRequest& request, int64_t start) {
  for (size_t i = 0; i < m_voices.size();) {
    Voice& voice = m_voices[i];
    const bool same = voice.boundaryRank > 0 &&
                      voice.cutAt == std::numeric_limits<int64_t>::max() &&
                      std::llabs(voice.start - start) <= m_boundaryWindow;
    if (!same) {
      ++i;
      continue;
    }
    if (voice.boundaryRank >= request.boundaryRank) return false;
    if (voice.start >= m_bufferStart) {
      // Never heard, so it must not be reported as placed either.
      std::erase_if(m_starts, [&](const ScheduledStart& s) {
        return s.sample == voice.start && s.tag == voice.tag;
      });
      retire(voice);
      m_voices.erase(m_voices.begin() + static_cast<std::ptrdiff_t>(i));
      continue;
    }
    cut(voice, m_bufferStart + m_fadeSamples);
    ++i;
  }
  return true;
}

void CueMixer::cut(Voice& voice, int64_t at) {
  voice.cutAt = std::min(voice.cutAt, std::max(at, voice.start));
}

void CueMixer::stopAll() {
  for (Pending& pending : m_pending)
    if (m_retired.size() < m_retired.capacity())
      m_retired.push_back(std::move(pending.request.sound));
  m_pending.clear();
  for (Voice& voice : m_voices) cut(voice, m_bufferStart + m_fadeSamples);
}

void CueMixer::stopAlarm() {
  std::erase_if(m_pending, [](const Pending& p) { return p.request.tag == SoundTag::Alarm; });
  for (Voice& voice : m_voices)
    if (voice.tag == SoundTag::Alarm) cut(voice, m_bufferStart + m_fadeSamples);
}

bool CueMixer::resampled(const Sound& sound) const {
  return sound.rate > 0 && sound.rate != m_rate;
}

int64_t CueMixer::framesOf(const Sound& sound) const {
  const auto count = static_cast<int64_t>(sound.samples.size());
  if (!resampled(sound)) return count;
  return (count * m_rate + sound.rate - 1) / sound.rate;  // the last source sample is heard
}

namespace {

// Catmull-Rom interpolation between samples i and i + 1 at fraction t: four taps, cheap enough
// for the callback. From espeak-ng's 22,050 Hz a 1 kHz tone comes out 71 dB above the error and
// a 3 kHz one 40 dB, which is where speech has its energy. Samples outside the sound are silence.
float resampledAt(std::span<const int16_t> samples, int64_t i, float t) {
  const auto at = [&](int64_t k) {
    return k < 0 || k >= static_cast<int64_t>(samples.size())
               ? 0.0f
               : static_cast<float>(samples[static_cast<size_t>(k)]);
  };
  const float p0 = at(i - 1), p1 = at(i), p2 = at(i + 1), p3 = at(i + 2);
  return p1 + 0.5f * t *
                  (p2 - p0 +
                   t * (2.0f * p0 - 5.0f * p1 + 4.0f * p2 - p3 + t * (3.0f * (p1 - p2) + p3 - p0)));
}

}  // namespace

void CueMixer::mixVoice(const Voice& voice, float* out, size_t frames, float gain) const {
  const Sound& sound = *voice.sound;
  const auto& samples = sound.samples;
  gain /= Sound::kFullScale;
  const int64_t length = framesOf(sound);
  const bool resample = resampled(sound);
  const double step = resample ? static_cast<double>(sound.rate) / m_rate : 1.0;
  const int64_t bufferEnd = m_bufferStart + static_cast<int64_t>(frames);
  const int64_t from = std::max(voice.start, m_bufferStart);
  const int64_t to = std::min({voice.end, voice.cutAt, bufferEnd});
  const int64_t fadeFrom = voice.cutAt == std::numeric_limits<int64_t>::max()
                               ? to
                               : std::max(voice.start, voice.cutAt - m_fadeSamples);
  for (int64_t n = from; n < to; ++n) {
    const int64_t k = (n - voice.start) % length;
    float value;
    if (resample) {
      const double x = static_cast<double>(k) * step;
      const auto i = static_cast<int64_t>(x);
      value = resampledAt(samples, i, static_cast<float>(x - static_cast<double>(i))) * gain;
    } else {
      value = static_cast<float>(samples[static_cast<size_t>(k)]) * gain;
    }
    if (n >= fadeFrom)
      value *= static_cast<float>(voice.cutAt - n) / static_cast<float>(m_fadeSamples + 1);
    out[n - m_bufferStart] += value;
  }
}

void CueMixer::retire(Voice& voice) {
  // Keep the last reference off the audio thread when there is room; freeing memory here
  // could take the allocator's lock.
  if (m_retired.size() < m_retired.capacity()) m_retired.push_back(std::move(voice.sound));
}

void CueMixer::render(float* out, size_t frames, float masterGain, float voiceGain) {
  placeDue(m_bufferStart + static_cast<int64_t>(frames));
  std::fill(out, out + frames, 0.0f);
  for (const Voice& voice : m_voices)
    mixVoice(voice, out, frames, voice.gain * masterGain * (voice.speech ? voiceGain : 1.0f));
  const int64_t bufferEnd = m_bufferStart + static_cast<int64_t>(frames);
  for (size_t i = 0; i < m_voices.size();) {
    Voice& voice = m_voices[i];
    if (std::min(voice.end, voice.cutAt) <= bufferEnd) {
      retire(voice);
      m_voices.erase(m_voices.begin() + static_cast<std::ptrdiff_t>(i));
    } else {
      ++i;
    }
  }
  m_bufferStart = bufferEnd;
}

std::optional<int64_t> CueMixer::quietFrom() const {
  if (!m_pending.empty()) return std::nullopt;
  int64_t quiet = m_bufferStart;
  for (const Voice& voice : m_voices) quiet = std::max(quiet, std::min(voice.end, voice.cutAt));
  return quiet;
}

}  // namespace unknot
