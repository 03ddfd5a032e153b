#include "core/figure/pose.hpp"

#include <array>

namespace unknot::figure {

namespace {

struct AnchorName {
  std::string_view name;
  Anchor anchor;
  bool sided;
};

constexpr std::array<AnchorName, 20> kAnchors{{
    {"head", Anchor::Head, false},
    {"neck", Anchor::Neck, false},
    {"torso", Anchor::Torso, false},
    {"shoulders", Anchor::Shoulders, false},
    {"pelvis", Anchor::Pelvis, false},
    {"hips", Anchor::Hips, false},
    {"upper_arm", Anchor::UpperArm, true},
    {"forearm", Anchor::Forearm, true},
    {"hand", Anchor::Hand, true},
    {"thigh", Anchor::Thigh, true},
    {"shin", Anchor::Shin, true},
    {"foot", Anchor::Foot, true},
    {"lower_back", Anchor::LowerBack, false},
    {"belly", Anchor::Belly, false},
    {"glute", Anchor::Glute, true},
    {"outer_hip", Anchor::OuterHip, true},
    {"hamstring", Anchor::Hamstring, true},
    {"hip_flexor", Anchor::HipFlexor, true},
    {"knee", Anchor::Knee, true},
    {"calf", Anchor::Calf, true},
}};

constexpr std::array<std::string_view, 8> kPropNames{"mat",   "foam_roller", "ball",     "wall",
                                                     "chair", "heat_pack",   "ice_pack", "band"};

const AnchorName& entry(Anchor anchor) {
  for (const AnchorName& a : kAnchors)
    if (a.anchor == anchor) return a;
  return kAnchors[0];
}

}  // namespace

bool isSided(Anchor anchor) {
  return entry(anchor).sided;
}

std::optional<Place> placeNamed(std::string_view name) {
  BodySide side = BodySide::Centre;
  if (name.starts_with("left_")) {
    side = BodySide::Left;
    name.remove_prefix(5);
  } else if (name.starts_with("right_")) {
    side = BodySide::Right;
    name.remove_prefix(6);
  }
  for (const AnchorName& a : kAnchors) {
    if (a.name != name) continue;
    if (a.sided != (side != BodySide::Centre)) return std::nullopt;
    return Place{a.anchor, side};
  }
  return std::nullopt;
}

std::string nameOf(Place place) {
  const std::string_view base = entry(place.anchor).name;
  if (place.side == BodySide::Centre) return std::string(base);
  return (place.side == BodySide::Left ? "left_" : "right_") + std::string(base);
}

std::vector<std::string> placeNames(bool partsOnly) {
  std::vector<std::string> out;
  for (const AnchorName& a : kAnchors) {
    if (partsOnly && !isPart(a.anchor)) continue;
    if (!a.sided) {
      out.emplace_back(a.name);
      continue;
    }
    out.push_back("left_" + std::string(a.name));
    out.push_back("right_" + std::string(a.name));
  }
  return out;
}

Place mirrored(Place place) {
  return {place.anchor, opposite(place.side)};
}

std::string_view nameOf(PropKind kind) {
  return kPropNames[static_cast<size_t>(kind)];
}

bool supports(PropKind kind) {
  return kind == PropKind::FoamRoller || kind == PropKind::Ball || kind == PropKind::Chair;
}

std::string_view nameOf(View view) {
  return view == View::Side ? "side" : "three-quarter";
}

CameraAngles defaultCamera(View view) {
  // Three-quarter: 40 degrees round towards the front and 28 above, so legs that cross the
  // midline (figure-four, clamshell) separate on screen while the floor still reads.
  return view == View::Side ? CameraAngles{0, 0} : CameraAngles{40, 28};
}

}  // namespace unknot::figure
