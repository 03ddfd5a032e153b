// A clock tests move by hand, so engine timing is exact and independent of machine load.
#pragma once

#include "core/clock.hpp"

namespace unknot::testing {

class FakeClock final : public Clock {
 public:
  Millis now() const override { return m_now; }
  void advance(Millis by) { m_now += by; }
  void set(Millis to) { m_now = to; }

 private:
  Millis m_now{1'000'000};  // not zero, so code that treats 0 as "unset" is caught
};

}  // namespace unknot::testing
