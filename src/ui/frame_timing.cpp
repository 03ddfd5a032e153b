#include "ui/frame_timing.hpp"

#include <algorithm>

namespace unknot {

std::optional<Millis> untilDisplayChange(const SessionSnapshot& snapshot) {
  if (snapshot.state != SessionState::Running) return std::nullopt;
  if (snapshot.phaseRemaining) {
    const long long remaining = snapshot.phaseRemaining->count();
    if (remaining <= 0) return Millis(0);
    // Shown value is ceil(remaining / 1000); it drops when remaining reaches the multiple of
    // 1000 below it.
    return Millis(remaining - ((remaining - 1) / 1000) * 1000);
  }
  const long long elapsed = std::max<long long>(0, snapshot.phaseElapsed.count());
  return Millis(1000 - elapsed % 1000);
}

std::optional<Millis> earliest(std::optional<Millis> a, std::optional<Millis> b) {
  if (!a) return b;
  if (!b) return a;
  return std::min(*a, *b);
}

}  // namespace unknot
