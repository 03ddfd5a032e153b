// Drives a CueMixer the way the audio callback does, without a device: fixed-size buffers,
// each requested at an engine time the test controls, everything rendered kept for checks.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "audio/cue_mixer.hpp"

namespace unknot::testing {

inline SoundPtr testSound(size_t length, float first = 0.5f) {
  std::vector<int16_t> samples;
  for (size_t i = 0; i < length; ++i)
    samples.push_back(
        static_cast<int16_t>((first - 0.0005f * static_cast<float>(i % 100)) * Sound::kFullScale));
  return std::make_shared<Sound>(Sound::owning(std::move(samples)));
}

struct FakeStream {
  static constexpr int kRate = 48000;

  explicit FakeStream(double scale = 1.0, double startMs = 1000.0, size_t bufferFrames = 480)
      : mixer(kRate, scale, kLatencyMs), engineMs(startMs), buffer(bufferFrames), scale(scale) {}

  // One callback; `during` runs between observe and render, as commands are applied there.
  void callback(const std::function<void()>& during = {}, float master = 1.0f, float voice = 1.0f) {
    mixer.observe(pos, engineMs + lateness);
    if (during) during();
    std::vector<float> out(buffer);
    mixer.render(out.data(), buffer, master, voice);
    output.insert(output.end(), out.begin(), out.end());
    pos += static_cast<int64_t>(buffer);
    engineMs += static_cast<double>(buffer) * 1000.0 / kRate * scale * rateError;
  }
  void runUntil(double untilMs) {
    while (engineMs < untilMs) callback();
  }
  // Engine time of a sample, by construction of this stream (no jitter, no rate error).
  int64_t sampleOf(double atMs) const {
    return static_cast<int64_t>(
        std::llround((atMs + kLatencyMs * scale - start) * kRate / 1000.0 / scale));
  }
  int64_t firstSound(int64_t from = 0) const {
    for (auto i = static_cast<size_t>(from); i < output.size(); ++i)
      if (output[i] != 0.0f) return static_cast<int64_t>(i);
    return -1;
  }

  static constexpr double kLatencyMs = 50;
  CueMixer mixer;
  double engineMs;
  double start = engineMs;
  size_t buffer;
  double scale;
  double rateError = 1.0;
  double lateness = 0;  // added to each callback's timestamp
  int64_t pos = 0;
  std::vector<float> output;
};

inline CueRequest requestAt(double atMs, const SoundPtr& sound, SoundTag tag = SoundTag::Chime) {
  CueRequest request;
  request.sound = sound;
  request.tag = tag;
  request.atMs = atMs;
  return request;
}

}  // namespace unknot::testing
