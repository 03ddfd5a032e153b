#include "core/duration.hpp"

#include <cctype>
#include <cstdio>

namespace unknot {

namespace {

constexpr long long kMaxSeconds = 1000LL * 3600;

int unitRank(char unit) {
  switch (unit) {
    case 'h':
      return 0;
    case 'm':
      return 1;
    case 's':
      return 2;
    default:
      return -1;
  }
}

long long unitSeconds(char unit) {
  return unit == 'h' ? 3600 : unit == 'm' ? 60 : 1;
}

}  // namespace

std::optional<Millis> parseDurationText(std::string_view text) {
  if (text.empty()) return std::nullopt;
  long long total = 0;
  int lastRank = -1;
  size_t i = 0;
  while (i < text.size()) {
    long long number = 0;
    size_t digits = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      number = number * 10 + (text[i] - '0');
      if (number > kMaxSeconds) return std::nullopt;
      ++i;
      ++digits;
    }
    if (digits == 0 || i >= text.size()) return std::nullopt;
    const int rank = unitRank(text[i]);
    if (rank <= lastRank) return std::nullopt;
    total += number * unitSeconds(text[i]);
    if (total > kMaxSeconds) return std::nullopt;
    lastRank = rank;
    ++i;
  }
  return Millis(total * 1000);
}

std::string formatClock(Millis value) {
  long long ms = value.count() < 0 ? 0 : value.count();
  const long long seconds = (ms + 999) / 1000;
  const long long h = seconds / 3600, m = (seconds / 60) % 60, s = seconds % 60;
  char buffer[32];
  if (h > 0) {
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld:%02lld", h, m, s);
  } else {
    std::snprintf(buffer, sizeof buffer, "%02lld:%02lld", m, s);
  }
  return buffer;
}

std::string formatDuration(Millis value) {
  long long seconds = value.count() < 0 ? 0 : (value.count() + 999) / 1000;
  if (seconds == 0) return "0s";
  std::string out;
  const long long h = seconds / 3600, m = (seconds / 60) % 60, s = seconds % 60;
  if (h) out += std::to_string(h) + "h";
  if (m) out += std::to_string(m) + "m";
  if (s) out += std::to_string(s) + "s";
  return out;
}

}  // namespace unknot
