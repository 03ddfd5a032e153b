// The fixed vocabulary a step's `muscles` key names, so the plan and the progress screens can
// count work per muscle without guessing at spellings (docs/routines.md, "Muscles").
#pragma once

#include <array>
#include <string_view>

namespace unknot {

// The muscles a glute trigger-point programme works on: the three glutes and piriformis, where
// the points sit; tensor fasciae latae, which shares gluteus medius's job and its referred pain;
// and the neighbours whose stiffness loads the glutes (hamstrings, hip flexors, adductors, the
// lower back). Lowercase with hyphens, like routine ids and tags.
inline constexpr std::array<std::string_view, 9> kMuscles{
    "piriformis",  "gluteus-maximus", "gluteus-medius", "gluteus-minimus",     "hamstrings",
    "hip-flexors", "adductors",       "lower-back",     "tensor-fasciae-latae"};

inline bool isKnownMuscle(std::string_view name) {
  for (std::string_view muscle : kMuscles)
    if (muscle == name) return true;
  return false;
}

}  // namespace unknot
