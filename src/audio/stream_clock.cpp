#include "audio/stream_clock.hpp"

#include <algorithm>

namespace unknot {

StreamClock::StreamClock(double engineMsPerSample)
    : m_nominalSlope(engineMsPerSample), m_slope(engineMsPerSample) {}

void StreamClock::observe(int64_t samplePos, double engineMs) {
  m_points[m_count % kWindow] = {samplePos, engineMs};
  ++m_count;
  refit();
}

void StreamClock::refit() {
  const size_t points = std::min(m_count, kWindow);
  double slope = m_nominalSlope;
  if (points > kMinIntervals) {
    std::array<double, kWindow> paces{};
    size_t n = 0;
    for (size_t back = 0; back + 1 < points; ++back) {
      const Point& later = recent(back);
      const Point& earlier = recent(back + 1);
      if (later.pos > earlier.pos)
        paces[n++] = (later.ms - earlier.ms) / static_cast<double>(later.pos - earlier.pos);
    }
    if (n > 0) {
      std::nth_element(paces.begin(), paces.begin() + static_cast<std::ptrdiff_t>(n / 2),
                       paces.begin() + static_cast<std::ptrdiff_t>(n));
      // A stalled or bursting stream can show any pace; real clocks stay within a few %.
      slope = std::clamp(paces[n / 2], m_nominalSlope * 0.8, m_nominalSlope * 1.25);
    }
  }
  m_slope = slope;
  // How late each callback says the stream is, against the pace.
  const auto lateness = [slope](const Point& p) {
    return p.ms - slope * static_cast<double>(p.pos);
  };
  m_anchor = recent(0);
  const double margin = kAnchorMarginSamples * m_nominalSlope;
  for (size_t back = 1; back < std::min(points, kAnchors); ++back) {
    const Point& p = recent(back);
    if (lateness(p) > lateness(m_anchor) + margin) m_anchor = p;
  }
}

double StreamClock::sampleAt(double engineMs) const {
  return static_cast<double>(m_anchor.pos) + (engineMs - m_anchor.ms) / m_slope;
}

double StreamClock::engineMsAt(double samplePos) const {
  return m_anchor.ms + (samplePos - static_cast<double>(m_anchor.pos)) * m_slope;
}

}  // namespace unknot
