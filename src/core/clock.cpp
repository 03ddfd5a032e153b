#include "core/clock.hpp"

namespace unknot {

SteadyClock::SteadyClock(double scale)
    : m_scale(scale), m_origin(std::chrono::steady_clock::now()) {}

Millis SteadyClock::now() const {
  const auto real = std::chrono::steady_clock::now() - m_origin;
  const double ms = std::chrono::duration<double, std::milli>(real).count() * m_scale;
  return Millis(static_cast<long long>(ms));
}

std::chrono::microseconds SteadyClock::toReal(Millis span) const {
  return std::chrono::microseconds(static_cast<long long>(span.count() * 1000.0 / m_scale));
}

}  // namespace unknot
