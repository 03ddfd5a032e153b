// Steady time for the session engine. Runners use SteadyClock (optionally sped up for demos
// and tests); unit tests use a fake clock they advance by hand.
#pragma once

#include <chrono>

#include "core/duration.hpp"

namespace unknot {

class Clock {
 public:
  virtual ~Clock() = default;
  // Monotonic milliseconds since an arbitrary epoch.
  virtual Millis now() const = 0;
};

// std::chrono::steady_clock, scaled by `scale` (1 = real time) from the moment of creation.
class SteadyClock final : public Clock {
 public:
  explicit SteadyClock(double scale = 1.0);
  Millis now() const override;
  // Converts a span of this clock's time into real time (for sleeping).
  std::chrono::microseconds toReal(Millis span) const;

 private:
  double m_scale;
  std::chrono::steady_clock::time_point m_origin;
};

}  // namespace unknot
