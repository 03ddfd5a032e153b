#include "core/closest_match.hpp"

#include <algorithm>

namespace unknot {

namespace {

std::string normalizedForMatch(std::string_view word) {
  std::string out;
  for (char c : word) {
    if (c == '-') c = '_';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out += c;
  }
  return out;
}

// Optimal string alignment distance: a swapped pair ("hodl") counts as one typo.
size_t editDistance(std::string_view a, std::string_view b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

std::vector<std::string_view> views(const std::vector<std::string>& words) {
  return {words.begin(), words.end()};
}

}  // namespace

std::string closestMatch(std::string_view word, std::span<const std::string_view> candidates) {
  if (word.size() > 64) return {};
  const std::string typed = normalizedForMatch(word);
  const size_t allowed = typed.size() >= 5 ? 2 : 1;
  std::string_view best;
  size_t bestDistance = allowed + 1;
  for (std::string_view candidate : candidates) {
    const size_t distance = editDistance(typed, normalizedForMatch(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return std::string(best);
}

std::string closestMatch(std::string_view word, const std::vector<std::string>& candidates) {
  return closestMatch(word, views(candidates));
}

std::string didYouMean(std::string_view word, std::span<const std::string_view> candidates) {
  const std::string match = closestMatch(word, candidates);
  return match.empty() ? std::string() : " (did you mean '" + match + "'?)";
}

std::string didYouMean(std::string_view word, const std::vector<std::string>& candidates) {
  return didYouMean(word, views(candidates));
}

}  // namespace unknot
