// "Did you mean": the known word closest to a mistyped one, for routine keys and values, plan
// targets, categories, symptoms, routine ids and command names alike.
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace unknot {

// The closest of `candidates` to `word` when it is plausibly a typo, else empty.
std::string closestMatch(std::string_view word, std::span<const std::string_view> candidates);
std::string closestMatch(std::string_view word, const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" for the closest candidate, or empty when none is close.
std::string didYouMean(std::string_view word, std::span<const std::string_view> candidates);
std::string didYouMean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace unknot
