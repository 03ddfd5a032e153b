// A pose as the library holds it: named keyframes of joint angles, what touches the floor, the
// props, the camera and where the stretch or work is felt. Files give the right side's pose;
// the left side is its mirror.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/figure/figure_body.hpp"

namespace unknot::figure {

// A named place on the body: a drawn part (a capsule), or a region that props rest under or on
// and where a stretch is felt. Sided kinds carry their side; the mirror flips it.
enum class Anchor {
  // parts
  Head,
  Neck,
  Torso,
  Shoulders,
  Pelvis,
  Hips,
  UpperArm,
  Forearm,
  Hand,
  Thigh,
  Shin,
  Foot,
  // regions
  LowerBack,
  Belly,
  Glute,
  OuterHip,
  Hamstring,
  HipFlexor,
  Knee,
  Calf,
};
inline constexpr int kPartCount = 12;  // Head .. Foot are parts

struct Place {
  Anchor anchor = Anchor::Pelvis;
  BodySide side = BodySide::Centre;
  bool operator==(const Place&) const = default;
};
inline bool isPart(Anchor anchor) {
  return static_cast<int>(anchor) < kPartCount;
}
bool isSided(Anchor anchor);
// "right_glute", "pelvis"; nullopt for an unknown name.
std::optional<Place> placeNamed(std::string_view name);
std::string nameOf(Place place);
// Every valid name, for "did you mean" and the docs; parts only when `partsOnly`.
std::vector<std::string> placeNames(bool partsOnly);
Place mirrored(Place place);

enum class PropKind { Mat, FoamRoller, Ball, Wall, Chair, HeatPack, IcePack, Band };
enum class Placement { Floor, Under, Behind, On, Knees };
std::string_view nameOf(PropKind kind);
// Props that can carry the body (and so be named as a contact).
bool supports(PropKind kind);

struct Prop {
  PropKind kind = PropKind::Mat;
  Placement placement = Placement::Floor;
  Place at;  // what it is under, behind or on
};

enum class View { Side, ThreeQuarter };
std::string_view nameOf(View view);
// Where the camera stands: degrees round from the working side towards the front, and above
// the floor. Each view has its own; a pose may turn or raise it.
struct CameraAngles {
  double azimuth = 0, elevation = 0;
};
CameraAngles defaultCamera(View view);

enum class Limb { None, LeftLeg, RightLeg, LeftArm, RightArm };

// A contact is a body part resting on the floor, or a supporting prop the pose names.
struct Contact {
  std::optional<Place> part;
  std::optional<PropKind> prop;
};

struct Keyframe {
  std::string name;
  JointAngles angles;
  std::vector<Contact> contacts;
  SourcePos pos;
};

struct Pose {
  std::string id;  // the file stem
  std::string name;
  View view = View::Side;
  CameraAngles camera;  // defaultCamera(view) unless the file says otherwise
  Limb working = Limb::None;
  std::vector<Place> felt;
  std::vector<Prop> props;
  std::vector<Keyframe> keyframes;  // at least one
  std::filesystem::path path;
};

}  // namespace unknot::figure
