#include "core/figure/figure_scene.hpp"

#include <algorithm>
#include <limits>

namespace unknot::figure {

namespace {

// Props at true scale for a 1.75 m person (figure.md): a 15 cm by 45 cm foam roller, a 7 cm
// ball, a chair seat 0.25 H high, a 1 cm mat.
constexpr double kRollerRadius = 0.075 / 1.75;
constexpr double kRollerHalfLength = 0.225 / 1.75;
constexpr double kBallRadius = 0.035 / 1.75;
constexpr double kSeatHeight = 0.25;
constexpr double kMatThickness = 0.01 / 1.75;

Joint sided(Joint left, BodySide side) {
  // Each right-side joint follows its left twin at a fixed distance in the enum.
  const int shift = left >= Joint::LeftShoulder ? 4 : 5;
  return side == BodySide::Left ? left : static_cast<Joint>(static_cast<int>(left) + shift);
}

Vec3 mid(Vec3 a, Vec3 b) {
  return (a + b) * 0.5;
}

Vec3 horizontal(Vec3 v, Vec3 fallback) {
  v.y = 0;
  const double n = length(v);
  return n > 1e-6 ? v * (1 / n) : fallback;
}

std::vector<Capsule3> bodyParts(const Skeleton& s) {
  using J = Joint;
  const auto part = [&](J a, J b, double r, Anchor anchor, BodySide side = BodySide::Centre) {
    return Capsule3{s.at(a), s.at(b), r, {anchor, side}};
  };
  std::vector<Capsule3> parts{
      part(J::HeadCentre, J::HeadCentre, bones::kHeadRadius, Anchor::Head),
      part(J::Nose, J::Nose, 0.016, Anchor::Head),
      part(J::NeckBase, J::HeadBase, 0.028, Anchor::Neck),
      part(J::Waist, J::NeckBase, 0.068, Anchor::Torso),
      part(J::LeftShoulder, J::RightShoulder, 0.046, Anchor::Shoulders),
      part(J::Root, J::Waist, 0.058, Anchor::Pelvis),
      part(J::LeftHip, J::RightHip, 0.056, Anchor::Hips),
  };
  for (BodySide side : {BodySide::Left, BodySide::Right}) {
    parts.push_back(part(sided(J::LeftShoulder, side), sided(J::LeftElbow, side), 0.032,
                         Anchor::UpperArm, side));
    parts.push_back(
        part(sided(J::LeftElbow, side), sided(J::LeftWrist, side), 0.026, Anchor::Forearm, side));
    parts.push_back(
        part(sided(J::LeftWrist, side), sided(J::LeftFingers, side), 0.02, Anchor::Hand, side));
    parts.push_back(
        part(sided(J::LeftHip, side), sided(J::LeftKnee, side), 0.05, Anchor::Thigh, side));
    parts.push_back(
        part(sided(J::LeftKnee, side), sided(J::LeftAnkle, side), 0.036, Anchor::Shin, side));
    parts.push_back(part(sided(J::LeftHeel, side), sided(J::LeftToe, side), bones::kFootRadius,
                         Anchor::Foot, side));
  }
  return parts;
}

// A region as a sphere: where a stretch is felt, or what a prop lies under, behind or on.
Capsule3 regionOf(const Skeleton& s, Place place) {
  const double sign = place.side == BodySide::Left ? 1.0 : -1.0;
  const Vec3 hip = s.at(sided(Joint::LeftHip, place.side));
  const Vec3 knee = s.at(sided(Joint::LeftKnee, place.side));
  const auto sphere = [place](Vec3 at, double r) { return Capsule3{at, at, r, place}; };
  switch (place.anchor) {
    case Anchor::LowerBack:
      return sphere(mid(s.at(Joint::Root), s.at(Joint::Waist)) - s.front * 0.06, 0.06);
    case Anchor::Belly:
      return sphere(s.at(Joint::Waist) + s.front * 0.06, 0.06);
    case Anchor::Glute:
      return sphere(hip - s.front * 0.065 + s.left * (sign * 0.015), 0.06);
    case Anchor::OuterHip:
      return sphere(hip + s.left * (sign * 0.055), 0.05);
    case Anchor::Hamstring:
      return sphere(mid(hip, knee), 0.055);
    case Anchor::HipFlexor:
      return sphere(hip + s.front * 0.05 + s.up * 0.03, 0.045);
    case Anchor::Knee:
      return sphere(knee, 0.045);
    case Anchor::Calf:
      return sphere(mid(knee, s.at(sided(Joint::LeftAnkle, place.side))), 0.04);
    default:
      return sphere(s.at(Joint::Root), 0.06);
  }
}

// A part's end nearest the floor (or the sky) as a sphere; a region as it is.
Capsule3 anchorSphere(const Skeleton& s, const std::vector<Capsule3>& parts, Place place,
                      bool top) {
  if (!isPart(place.anchor)) return regionOf(s, place);
  for (const Capsule3& c : parts) {
    if (!(c.place == place)) continue;
    const bool aLower = c.a.y <= c.b.y;
    const Vec3 end = (aLower != top) ? c.a : c.b;
    return {end, end, c.radius, place};
  }
  return regionOf(s, place);
}

double supportHeight(PropKind kind) {
  switch (kind) {
    case PropKind::FoamRoller:
      return 2 * kRollerRadius;
    case PropKind::Ball:
      return 2 * kBallRadius;
    case PropKind::Chair:
      return kSeatHeight;
    default:
      return 0;
  }
}

const Prop* supportingProp(const std::vector<Prop>& props, PropKind kind) {
  for (const Prop& p : props)
    if (p.kind == kind && p.placement == Placement::Under) return &p;
  return nullptr;
}

PropSolid box(PropKind kind, Vec3 centre, Vec3 a, Vec3 b, Vec3 c, bool over = false) {
  PropSolid solid;
  solid.kind = kind;
  solid.over = over;
  solid.box = {centre, {a, b, c}};
  return solid;
}

PropSolid rod(PropKind kind, Vec3 a, Vec3 b, double r, bool over = false) {
  PropSolid solid;
  solid.kind = kind;
  solid.round = true;
  solid.over = over;
  solid.capsule = {a, b, r, {}};
  return solid;
}

void addProp(Scene& scene, const Prop& prop, const std::vector<Prop>& all) {
  const Skeleton& s = scene.skeleton;
  const Vec3 up{0, 1, 0};
  const Vec3 front = horizontal(s.front, horizontal(s.up * -1.0, {1, 0, 0}));
  const Vec3 side = cross(front, up) * -1.0;   // the body's left, level with the floor
  const Vec3 along = horizontal(s.up, front);  // head-wards along a lying body
  const Capsule3 at = anchorSphere(s, scene.parts, prop.at, prop.placement == Placement::On);
  switch (prop.kind) {
    case PropKind::Mat: {
      double minX = 1e9, maxX = -1e9, minZ = 1e9, maxZ = -1e9;
      for (const Capsule3& c : scene.parts) {
        for (Vec3 p : {c.a, c.b}) {
          minX = std::min(minX, p.x - c.radius), maxX = std::max(maxX, p.x + c.radius);
          minZ = std::min(minZ, p.z - c.radius), maxZ = std::max(maxZ, p.z + c.radius);
        }
      }
      const Vec3 centre{(minX + maxX) / 2, -kMatThickness / 2, (minZ + maxZ) / 2};
      scene.props.push_back(box(PropKind::Mat, centre, {(maxX - minX) / 2 + 0.05, 0, 0},
                                {0, kMatThickness / 2, 0}, {0, 0, (maxZ - minZ) / 2 + 0.05}));
      break;
    }
    case PropKind::FoamRoller: {
      const Vec3 c{at.a.x, kRollerRadius, at.a.z};
      scene.props.push_back(rod(prop.kind, c - side * kRollerHalfLength,
                                c + side * kRollerHalfLength, kRollerRadius));
      break;
    }
    case PropKind::Ball: {
      Vec3 c{at.a.x, kBallRadius, at.a.z};
      if (prop.placement == Placement::Behind) c = at.a - front * (at.radius + kBallRadius);
      scene.props.push_back(rod(prop.kind, c, c, kBallRadius));
      break;
    }
    case PropKind::Wall: {
      double gap = at.radius;
      for (const Prop& other : all) {
        if (other.kind == PropKind::Ball && other.placement == Placement::Behind &&
            other.at == prop.at)
          gap += 2 * kBallRadius;
      }
      const Vec3 face = at.a - front * (gap + 0.012);
      scene.props.push_back(
          box(prop.kind, Vec3{face.x, 0.6, face.z}, front * 0.012, up * 0.6, side * 0.35));
      break;
    }
    case PropKind::Chair: {
      const double top = supportHeight(PropKind::Chair);
      const Vec3 seat{at.a.x, top - 0.015, at.a.z};
      const Vec3 centre = seat - front * 0.02;
      scene.props.push_back(box(prop.kind, centre, front * 0.13, up * 0.015, side * 0.13));
      const Vec3 back = centre - front * 0.13;
      scene.props.push_back(box(prop.kind, Vec3{back.x, top + 0.14, back.z} - front * 0.01,
                                front * 0.012, up * 0.14, side * 0.13));
      for (double f : {-1.0, 1.0}) {
        for (double l : {-1.0, 1.0}) {
          const Vec3 corner = centre + front * (f * 0.115) + side * (l * 0.115);
          scene.props.push_back(rod(prop.kind, corner, Vec3{corner.x, 0.006, corner.z}, 0.009));
        }
      }
      break;
    }
    case PropKind::HeatPack:
    case PropKind::IcePack: {
      const bool ice = prop.kind == PropKind::IcePack;
      const Vec3 top = at.a + up * at.radius;
      if (ice) {
        PropSolid cloth = box(prop.kind, top + up * 0.004, along * 0.075, up * 0.004,
                              cross(along, up) * 0.06, true);
        cloth.cloth = true;
        scene.props.push_back(cloth);
      }
      const double h = ice ? 0.01 : 0.012;
      scene.props.push_back(box(prop.kind, top + up * (ice ? 0.008 + h : h),
                                along * (ice ? 0.055 : 0.075), up * h,
                                cross(along, up) * (ice ? 0.04 : 0.05), true));
      break;
    }
    case PropKind::Band: {
      const auto above = [&](BodySide b) {
        return s.at(sided(Joint::LeftHip, b)) * 0.2 + s.at(sided(Joint::LeftKnee, b)) * 0.8;
      };
      scene.props.push_back(
          rod(prop.kind, above(BodySide::Left), above(BodySide::Right), 0.012, true));
      break;
    }
  }
}

double contactLowest(const std::vector<Capsule3>& parts, const Skeleton& s,
                     const std::vector<Prop>& props, const Contact& contact) {
  if (contact.part) {
    double low = std::numeric_limits<double>::infinity();
    for (const Capsule3& c : parts)
      if (c.place == *contact.part) low = std::min(low, lowestPoint(c));
    return low;
  }
  const Prop* prop = contact.prop ? supportingProp(props, *contact.prop) : nullptr;
  if (!prop) return std::numeric_limits<double>::infinity();
  return lowestPoint(anchorSphere(s, parts, prop->at, false)) - supportHeight(prop->kind);
}

void translate(Scene& scene, Vec3 by) {
  for (Vec3& j : scene.skeleton.joints) j = j + by;
  for (Capsule3& c : scene.parts) c.a = c.a + by, c.b = c.b + by;
}

Contact mirroredContact(Contact c) {
  if (c.part) c.part = mirrored(*c.part);
  return c;
}

}  // namespace

double lowestPoint(const Capsule3& c) {
  return std::min(c.a.y, c.b.y) - c.radius;
}

bool isWorking(Limb limb, Place place) {
  switch (limb) {
    case Limb::LeftLeg:
    case Limb::RightLeg: {
      const BodySide side = limb == Limb::LeftLeg ? BodySide::Left : BodySide::Right;
      const bool leg = place.anchor == Anchor::Thigh || place.anchor == Anchor::Shin ||
                       place.anchor == Anchor::Foot;
      return leg && place.side == side;
    }
    case Limb::LeftArm:
    case Limb::RightArm: {
      const BodySide side = limb == Limb::LeftArm ? BodySide::Left : BodySide::Right;
      const bool arm = place.anchor == Anchor::UpperArm || place.anchor == Anchor::Forearm ||
                       place.anchor == Anchor::Hand;
      return arm && place.side == side;
    }
    case Limb::None:
      break;
  }
  return false;
}

Scene buildScene(const Pose& pose, const JointAngles& angles, std::span<const Contact> contacts,
                 BodySide side) {
  const bool mirror = side == BodySide::Left;
  Scene scene;
  scene.skeleton = figure::pose(mirror ? mirrored(angles) : angles);
  scene.parts = bodyParts(scene.skeleton);
  std::vector<Prop> props = pose.props;
  if (mirror) {
    for (Prop& p : props) p.at = mirrored(p.at);
  }
  for (const Contact& c : contacts) scene.contacts.push_back(mirror ? mirroredContact(c) : c);
  scene.working = pose.working;
  if (mirror) {
    switch (pose.working) {
      case Limb::LeftLeg:
        scene.working = Limb::RightLeg;
        break;
      case Limb::RightLeg:
        scene.working = Limb::LeftLeg;
        break;
      case Limb::LeftArm:
        scene.working = Limb::RightArm;
        break;
      case Limb::RightArm:
        scene.working = Limb::LeftArm;
        break;
      case Limb::None:
        break;
    }
  }
  double drop = std::numeric_limits<double>::infinity();
  for (const Contact& c : scene.contacts)
    drop = std::min(drop, contactLowest(scene.parts, scene.skeleton, props, c));
  if (drop == std::numeric_limits<double>::infinity()) {
    for (const Capsule3& c : scene.parts) drop = std::min(drop, lowestPoint(c));
  }
  translate(scene, Vec3{0, -drop, 0});
  for (const Prop& p : props) addProp(scene, p, props);
  scene.propSpecs = std::move(props);
  for (Place place : pose.felt) {
    scene.felt.push_back(
        anchorSphere(scene.skeleton, scene.parts, mirror ? mirrored(place) : place, true));
  }
  return scene;
}

double contactGap(const Scene& scene, const Contact& contact) {
  return contactLowest(scene.parts, scene.skeleton, scene.propSpecs, contact);
}

Scene keyframeScene(const Pose& pose, size_t keyframe, BodySide side) {
  const Keyframe& k = pose.keyframes.at(keyframe);
  return buildScene(pose, k.angles, k.contacts, side);
}

Scene tweenScene(const Pose& pose, size_t a, size_t b, double t, BodySide side) {
  const Keyframe &ka = pose.keyframes.at(a), &kb = pose.keyframes.at(b);
  std::vector<Contact> contacts = ka.contacts;
  contacts.insert(contacts.end(), kb.contacts.begin(), kb.contacts.end());
  return buildScene(pose, blend(ka.angles, kb.angles, t), contacts, side);
}

}  // namespace unknot::figure
