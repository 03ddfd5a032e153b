// The drawn figure's body: a 3-D skeleton with fixed bone lengths in real-body proportions
// (docs/poses.md cites them), posed by joint angles in degrees, with the normal ranges of
// motion every pose is checked against.
#pragma once

#include <array>
#include <cmath>
#include <string_view>

namespace unknot::figure {

struct Vec3 {
  double x = 0, y = 0, z = 0;
};
inline Vec3 operator+(Vec3 a, Vec3 b) {
  return {a.x + b.x, a.y + b.y, a.z + b.z};
}
inline Vec3 operator-(Vec3 a, Vec3 b) {
  return {a.x - b.x, a.y - b.y, a.z - b.z};
}
inline Vec3 operator*(Vec3 a, double s) {
  return {a.x * s, a.y * s, a.z * s};
}
inline double dot(Vec3 a, Vec3 b) {
  return a.x * b.x + a.y * b.y + a.z * b.z;
}
inline Vec3 cross(Vec3 a, Vec3 b) {
  return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
}
inline double length(Vec3 a) {
  return std::sqrt(dot(a, a));
}

// Which half of the body a part belongs to. Index order matters: legs and arms are arrays
// indexed by Left and Right.
enum class BodySide { Left = 0, Right = 1, Centre = 2 };
BodySide opposite(BodySide side);

// Lengths in units of standing height H (Drillis & Contini 1966, via Winter's table).
namespace bones {
inline constexpr double kPelvis = 0.100;      // hip-joint centre line to the waist
inline constexpr double kTorso = 0.188;       // waist to the shoulder line: 0.818 - 0.530 - kPelvis
inline constexpr double kNeck = 0.052;        // shoulder line to the chin: 1 - 0.818 - 0.130
inline constexpr double kHeadRadius = 0.065;  // crown to chin 0.130
inline constexpr double kShoulderOffset = 0.105;  // half of the 0.259 shoulder width, less flesh
inline constexpr double kHipOffset = 0.048;       // joint centres: a quarter of the 0.191 hip width
inline constexpr double kUpperArm = 0.186;
inline constexpr double kForearm = 0.146;
inline constexpr double kHand = 0.108;
inline constexpr double kThigh = 0.245;
inline constexpr double kShank = 0.246;
inline constexpr double kAnkleHeight = 0.039;
inline constexpr double kFootLength = 0.152;
inline constexpr double kFootRadius = 0.016;  // the foot drawn as a capsule resting on its sole
// The ankle sits a quarter of the foot's length in front of the heel.
inline constexpr double kHeelBack = 0.25 * kFootLength;
inline constexpr double kToeForward = 0.75 * kFootLength;
}  // namespace bones

struct HipAngles {
  double flexion = 0;    // + forward; - extension
  double abduction = 0;  // + away from the midline; - adduction (about the thigh's own front)
  double rotation = 0;   // + external (foot towards the midline with the knee bent); - internal
};
struct LegAngles {
  HipAngles hip;
  double knee = 0;   // flexion
  double ankle = 0;  // + dorsiflexion; - plantarflexion
};
struct ArmAngles {
  double flexion = 0;    // + forward and up; - extension (behind the body)
  double abduction = 0;  // + out to the side
  double elbow = 0;      // flexion
};
struct TrunkAngles {
  double flexion = 0;   // lumbar: + forward; - extension
  double side = 0;      // + towards the body's left
  double rotation = 0;  // + chest turned to the left
};
// The whole body's orientation in the room: yaw about the vertical, then pitch (+ tips the
// head forward: 90 lies face down, -90 face up), then roll (+ lifts the left side: 90 lies on
// the right side).
struct BodyOrientation {
  double yaw = 0, pitch = 0, roll = 0;
};

struct JointAngles {
  BodyOrientation body;
  TrunkAngles trunk;
  double neck = 0;                // + flexion (chin down)
  std::array<LegAngles, 2> legs;  // [Left], [Right]
  std::array<ArmAngles, 2> arms;
};

// The other side's pose: left and right swapped, sideways angles negated, so its skeleton is
// the exact reflection across the body's midline plane.
JointAngles mirrored(const JointAngles& angles);
// Every angle linearly between a and b (t in 0..1): bone lengths stay fixed on the way.
JointAngles blend(const JointAngles& a, const JointAngles& b, double t);

enum class Joint {
  Root,  // midway between the hip joints
  Waist,
  NeckBase,  // middle of the shoulder line
  HeadBase,
  HeadCentre,
  Nose,
  LeftHip,
  LeftKnee,
  LeftAnkle,
  LeftHeel,
  LeftToe,
  RightHip,
  RightKnee,
  RightAnkle,
  RightHeel,
  RightToe,
  LeftShoulder,
  LeftElbow,
  LeftWrist,
  LeftFingers,
  RightShoulder,
  RightElbow,
  RightWrist,
  RightFingers,
  Count
};
inline constexpr size_t kJointCount = static_cast<size_t>(Joint::Count);

// Joint positions (in H) with the root at the origin; the scene puts it on the floor.
struct Skeleton {
  std::array<Vec3, kJointCount> joints{};
  // The pelvis's axes in the room (front, up, left), for props and felt regions.
  Vec3 front{1, 0, 0}, up{0, 1, 0}, left{0, 0, 1};

  Vec3 at(Joint joint) const { return joints[static_cast<size_t>(joint)]; }
};

Skeleton pose(const JointAngles& angles);

// A movement's normal active range (AAOS figures via figure.md), in the signs used above.
struct JointRange {
  std::string_view joint;     // as pose files name it: "hip", "knee", ...
  std::string_view movement;  // "flexion", ...
  double min, max;
};
// nullptr when the movement has no limit (the body's orientation in the room).
const JointRange* rangeOf(std::string_view joint, std::string_view movement);

}  // namespace unknot::figure
