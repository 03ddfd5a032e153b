#include <catch2/catch.hpp>
#include <cmath>

#include "audio/stream_clock.hpp"

using namespace unknot;

namespace {

constexpr double kRate = 48000;
constexpr int64_t kBuffer = 512;
constexpr double kSampleMs = 1000.0 / kRate;

}  // namespace

TEST_CASE("a stream running off its nominal rate maps engine time at its own pace") {
  // Like SDL's disk driver: buffers are taken 5% faster than the nominal rate says.
  const double pace = kSampleMs / 1.05;
  StreamClock clock(kSampleMs);
  int64_t pos = 0;
  for (int i = 0; i < 100; ++i, pos += kBuffer) clock.observe(pos, 5000.0 + pos * pace);
  CHECK(clock.engineMsPerSample() == Approx(pace));
  for (double ahead : {0.0, 20.0, 50.0}) {
    const double engineMs = 5000.0 + pos * pace + ahead;
    CHECK(clock.sampleAt(engineMs) == Approx((engineMs - 5000.0) / pace));
  }
}

TEST_CASE("the stream clock maps engine time both ways") {
  StreamClock clock(kSampleMs);
  for (int64_t i = 0; i < 40; ++i) clock.observe(i * kBuffer, 100.0 + i * kBuffer * kSampleMs);
  CHECK(clock.sampleAt(clock.engineMsAt(123456.0)) == Approx(123456.0));
  CHECK(clock.sampleAt(100.0) == Approx(0.0).margin(1e-6));
}

TEST_CASE("a sped-up engine clock is followed through the nominal pace") {
  // --time-scale 10: one sample is ten times as many engine milliseconds.
  StreamClock clock(10 * kSampleMs);
  clock.observe(0, 0.0);
  CHECK(clock.sampleAt(10.0) == Approx(kRate / 1000.0));
}

TEST_CASE("after a stall the stream is later from then on") {
  // The stream really paused: the samples after it are heard that much later.
  StreamClock clock(kSampleMs);
  int64_t pos = 0;
  double ms = 0;
  for (int i = 0; i < 40; ++i, pos += kBuffer, ms += kBuffer * kSampleMs) clock.observe(pos, ms);
  ms += 15.0;
  clock.observe(pos, ms);
  CHECK(clock.sampleAt(ms + 1.0) == Approx(static_cast<double>(pos) + 48.0));
  CHECK(clock.engineMsPerSample() == Approx(kSampleMs));  // one slow interval is not the pace
}

TEST_CASE("early callbacks do not pull the clock earlier") {
  // Devices pre-fill: several buffers are asked for at once, before they can be heard.
  StreamClock clock(kSampleMs);
  int64_t pos = 0;
  double ms = 0;
  for (int i = 0; i < 40; ++i, pos += kBuffer, ms += kBuffer * kSampleMs) clock.observe(pos, ms);
  const double steadyMs = ms;  // where the next callback belongs
  clock.observe(pos, ms - 0.1);
  clock.observe(pos + kBuffer, ms);  // a burst: two buffers at one instant
  // Not a buffer (10.7 ms) early: within the callbacks' own 0.1 ms of jitter.
  CHECK(clock.sampleAt(steadyMs + 2.0) == Approx(static_cast<double>(pos) + 96.0).margin(0.2 * 48));
}

TEST_CASE("a few callbacks at start-up keep the nominal pace") {
  StreamClock clock(kSampleMs);
  clock.observe(0, 0.0);
  clock.observe(kBuffer, 0.1);
  clock.observe(2 * kBuffer, 0.2);
  CHECK(clock.engineMsPerSample() == Approx(kSampleMs));
}

TEST_CASE("a stalled stream cannot stretch the pace beyond a plausible rate") {
  StreamClock clock(kSampleMs);
  for (int64_t i = 0; i < 64; ++i) clock.observe(i * kBuffer, i * 200.0);  // 20x too slow
  CHECK(clock.engineMsPerSample() <= 1.25 * kSampleMs + 1e-12);
}
