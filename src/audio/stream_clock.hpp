// Relates output sample positions to engine time, learnt from the audio callback's own
// timestamps: a buffer is heard from the moment its callback asks for it, at the stream's
// steady pace. That pace is the median callback interval (a device, or SDL's disk driver,
// runs a few percent off its nominal rate), and the anchor is the latest callback, unless an
// earlier one says the stream is clearly later than that: a burst of callbacks (a device
// pre-filling its buffers) must not pull cues early, while a stream that stalled really is
// later from then on.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace unknot {

class StreamClock {
 public:
  // `engineMsPerSample` is the nominal pace: 1000 * timeScale / sampleRate.
  explicit StreamClock(double engineMsPerSample);

  // One callback: the buffer starting at `samplePos` was requested at engine time `engineMs`.
  void observe(int64_t samplePos, double engineMs);

  bool ready() const { return m_count > 0; }
  // The fractional sample position whose stream time is `engineMs` (needs ready()).
  double sampleAt(double engineMs) const;
  double engineMsAt(double samplePos) const;
  double engineMsPerSample() const { return m_slope; }

 private:
  struct Point {
    int64_t pos = 0;
    double ms = 0;
  };
  void refit();
  const Point& recent(size_t back) const { return m_points[(m_count - 1 - back) % kWindow]; }

  static constexpr size_t kWindow = 33;  // 32 intervals for the median pace
  static constexpr size_t kAnchors = 4;  // recent callbacks that may anchor the line
  // An earlier anchor must be this much later than the latest callback to win (6 ms at
  // 48 kHz): beyond the jitter of callbacks on a busy machine and of a pace a few percent
  // off, but under a whole buffer, which is what a burst puts between them.
  static constexpr double kAnchorMarginSamples = 288;
  // Until this many intervals are seen the pace stays nominal: start-up is irregular (a busy
  // process, devices pre-filling) and a median of a few intervals can be far off.
  static constexpr size_t kMinIntervals = 16;

  double m_nominalSlope;
  double m_slope;
  Point m_anchor;
  std::array<Point, kWindow> m_points{};
  size_t m_count = 0;  // observations so far (m_points holds the last kWindow)
};

}  // namespace unknot
