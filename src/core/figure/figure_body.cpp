#include "core/figure/figure_body.hpp"

#include <numbers>

namespace unknot::figure {

namespace {

// A body part's axes: front, up (along the bone, towards the body's head end) and left.
struct Frame {
  Vec3 f{1, 0, 0}, u{0, 1, 0}, l{0, 0, 1};
};

Vec3 rotateAbout(Vec3 v, Vec3 axis, double degrees) {
  const double a = degrees * std::numbers::pi / 180.0;
  const double c = std::cos(a), s = std::sin(a);
  return v * c + cross(axis, v) * s + axis * (dot(axis, v) * (1 - c));
}

Frame rotated(const Frame& frame, Vec3 axis, double degrees) {
  return {rotateAbout(frame.f, axis, degrees), rotateAbout(frame.u, axis, degrees),
          rotateAbout(frame.l, axis, degrees)};
}

// Rotation about l by +a turns f towards u, about f turns u towards l, about u turns l
// towards f; each movement below picks the sign that matches its anatomical name, and every
// sideways movement carries the side's sign so the two sides are reflections of each other.
double sideSign(BodySide side) {
  return side == BodySide::Left ? 1.0 : -1.0;
}

void set(Skeleton& s, Joint joint, Vec3 at) {
  s.joints[static_cast<size_t>(joint)] = at;
}

Joint offset(Joint first, int by) {
  return static_cast<Joint>(static_cast<int>(first) + by);
}

void poseLeg(Skeleton& s, const Frame& pelvis, const LegAngles& leg, BodySide side) {
  const double sign = sideSign(side);
  const int base = side == BodySide::Left ? 0 : 5;
  const Vec3 hip = s.at(Joint::Root) + pelvis.l * (sign * bones::kHipOffset);
  Frame thigh = rotated(pelvis, pelvis.l, leg.hip.flexion);
  thigh = rotated(thigh, thigh.f, -sign * leg.hip.abduction);
  thigh = rotated(thigh, thigh.u * -1.0, sign * leg.hip.rotation);
  const Vec3 knee = hip - thigh.u * bones::kThigh;
  const Frame shin = rotated(thigh, thigh.l, -leg.knee);
  const Vec3 ankle = knee - shin.u * bones::kShank;
  const Frame foot = rotated(shin, shin.l, leg.ankle);
  const Vec3 sole = foot.u * (bones::kFootRadius - bones::kAnkleHeight);
  set(s, offset(Joint::LeftHip, base), hip);
  set(s, offset(Joint::LeftKnee, base), knee);
  set(s, offset(Joint::LeftAnkle, base), ankle);
  set(s, offset(Joint::LeftHeel, base), ankle + sole - foot.f * bones::kHeelBack);
  set(s, offset(Joint::LeftToe, base), ankle + sole + foot.f * bones::kToeForward);
}

void poseArm(Skeleton& s, const Frame& chest, const ArmAngles& arm, BodySide side) {
  const double sign = sideSign(side);
  const int base = side == BodySide::Left ? 0 : 4;
  const Vec3 shoulder = s.at(Joint::NeckBase) + chest.l * (sign * bones::kShoulderOffset);
  Frame upper = rotated(chest, chest.l, arm.flexion);
  upper = rotated(upper, upper.f, -sign * arm.abduction);
  const Vec3 elbow = shoulder - upper.u * bones::kUpperArm;
  const Frame fore = rotated(upper, upper.l, arm.elbow);
  const Vec3 wrist = elbow - fore.u * bones::kForearm;
  set(s, offset(Joint::LeftShoulder, base), shoulder);
  set(s, offset(Joint::LeftElbow, base), elbow);
  set(s, offset(Joint::LeftWrist, base), wrist);
  set(s, offset(Joint::LeftFingers, base), wrist - fore.u * bones::kHand);
}

constexpr std::array<JointRange, 12> kRanges{{
    {"hip", "flexion", -30, 120},
    {"hip", "abduction", -30, 45},
    {"hip", "rotation", -45, 45},
    {"knee", "flexion", 0, 135},
    {"ankle", "flexion", -50, 20},
    {"trunk", "flexion", -25, 80},
    {"trunk", "side", -35, 35},
    {"trunk", "rotation", -45, 45},
    {"shoulder", "flexion", -60, 180},
    {"shoulder", "abduction", 0, 180},
    {"elbow", "flexion", 0, 150},
    {"neck", "flexion", -45, 45},
}};

}  // namespace

BodySide opposite(BodySide side) {
  if (side == BodySide::Centre) return side;
  return side == BodySide::Left ? BodySide::Right : BodySide::Left;
}

JointAngles mirrored(const JointAngles& angles) {
  JointAngles out = angles;
  out.body.yaw = -angles.body.yaw;
  out.body.roll = -angles.body.roll;
  out.trunk.side = -angles.trunk.side;
  out.trunk.rotation = -angles.trunk.rotation;
  out.legs = {angles.legs[1], angles.legs[0]};
  out.arms = {angles.arms[1], angles.arms[0]};
  return out;
}

JointAngles blend(const JointAngles& a, const JointAngles& b, double t) {
  const auto mix = [t](double x, double y) { return x + (y - x) * t; };
  JointAngles out;
  out.body = {mix(a.body.yaw, b.body.yaw), mix(a.body.pitch, b.body.pitch),
              mix(a.body.roll, b.body.roll)};
  out.trunk = {mix(a.trunk.flexion, b.trunk.flexion), mix(a.trunk.side, b.trunk.side),
               mix(a.trunk.rotation, b.trunk.rotation)};
  out.neck = mix(a.neck, b.neck);
  for (size_t i = 0; i < 2; ++i) {
    const LegAngles &p = a.legs[i], &q = b.legs[i];
    out.legs[i] = {{mix(p.hip.flexion, q.hip.flexion), mix(p.hip.abduction, q.hip.abduction),
                    mix(p.hip.rotation, q.hip.rotation)},
                   mix(p.knee, q.knee),
                   mix(p.ankle, q.ankle)};
    const ArmAngles &m = a.arms[i], &n = b.arms[i];
    out.arms[i] = {mix(m.flexion, n.flexion), mix(m.abduction, n.abduction), mix(m.elbow, n.elbow)};
  }
  return out;
}

Skeleton pose(const JointAngles& angles) {
  Skeleton s;
  Frame pelvis = rotated(Frame{}, Vec3{0, 1, 0}, angles.body.yaw);
  pelvis = rotated(pelvis, pelvis.l, -angles.body.pitch);
  pelvis = rotated(pelvis, pelvis.f, -angles.body.roll);
  s.front = pelvis.f;
  s.up = pelvis.u;
  s.left = pelvis.l;
  set(s, Joint::Root, {});
  const Vec3 waist = pelvis.u * bones::kPelvis;
  set(s, Joint::Waist, waist);
  Frame chest = rotated(pelvis, pelvis.l, -angles.trunk.flexion);
  chest = rotated(chest, chest.f, angles.trunk.side);
  chest = rotated(chest, chest.u, -angles.trunk.rotation);
  const Vec3 neckBase = waist + chest.u * bones::kTorso;
  set(s, Joint::NeckBase, neckBase);
  const Frame head = rotated(chest, chest.l, -angles.neck);
  const Vec3 headBase = neckBase + head.u * bones::kNeck;
  set(s, Joint::HeadBase, headBase);
  const Vec3 centre = headBase + head.u * bones::kHeadRadius;
  set(s, Joint::HeadCentre, centre);
  set(s, Joint::Nose, centre + head.f * bones::kHeadRadius);
  for (BodySide side : {BodySide::Left, BodySide::Right}) {
    const auto i = static_cast<size_t>(side);
    poseLeg(s, pelvis, angles.legs[i], side);
    poseArm(s, chest, angles.arms[i], side);
  }
  return s;
}

const JointRange* rangeOf(std::string_view joint, std::string_view movement) {
  for (const JointRange& range : kRanges) {
    if (range.joint == joint && range.movement == movement) return &range;
  }
  return nullptr;
}

}  // namespace unknot::figure
