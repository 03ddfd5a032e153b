// The figure's body: real-body proportions standing, fixed bone lengths in every keyframe and
// on the way between keyframes, and the left side as the exact mirror of the right.
#include <cmath>

#include "core/figure/figure_scene.hpp"
#include "figure_helpers.hpp"

using namespace unknot;
using namespace unknot::figure;
using unknot::testing::allBones;
using unknot::testing::everyPose;

namespace {

double distance(Vec3 a, Vec3 b) {
  return length(a - b);
}

void checkBones(const Skeleton& skeleton) {
  for (const testing::Bone& bone : allBones()) {
    INFO(bone.name);
    CHECK(distance(skeleton.at(bone.a), skeleton.at(bone.b)) == Approx(bone.length).margin(1e-9));
  }
}

Vec3 reflected(Vec3 p) {
  return {p.x, p.y, -p.z};
}

// The same joint on the other side of the body (centre joints are their own twin).
Joint twin(Joint joint) {
  const int i = static_cast<int>(joint);
  const int leftLeg = static_cast<int>(Joint::LeftHip),
            rightLeg = static_cast<int>(Joint::RightHip);
  const int leftArm = static_cast<int>(Joint::LeftShoulder);
  const int rightArm = static_cast<int>(Joint::RightShoulder);
  if (i >= leftLeg && i < rightLeg) return static_cast<Joint>(i + 5);
  if (i >= rightLeg && i < leftArm) return static_cast<Joint>(i - 5);
  if (i >= leftArm && i < rightArm) return static_cast<Joint>(i + 4);
  if (i >= rightArm) return static_cast<Joint>(i - 4);
  return joint;
}

bool mirrors(Point2 a, Point2 b) {
  return std::abs(a.x + b.x) < 1e-4f && std::abs(a.y - b.y) < 1e-4f;
}

}  // namespace

TEST_CASE("standing straight, the figure has the landmark heights of a real body") {
  Skeleton s = pose(JointAngles{});
  // Feet flat on the floor: lift the skeleton so the soles are at 0.
  const double sole = s.at(Joint::LeftHeel).y - bones::kFootRadius;
  const auto height = [&](Joint j) { return s.at(j).y - sole; };
  // Winter's table of Drillis & Contini: fractions of standing height H.
  CHECK(height(Joint::LeftShoulder) == Approx(0.818).margin(0.002));
  CHECK(height(Joint::LeftHip) == Approx(0.530).margin(0.002));
  CHECK(height(Joint::LeftKnee) == Approx(0.285).margin(0.002));
  CHECK(height(Joint::LeftAnkle) == Approx(0.039).margin(0.002));
  CHECK(height(Joint::HeadCentre) + bones::kHeadRadius == Approx(1.0).margin(0.002));
  CHECK(2 * bones::kHeadRadius == Approx(0.130));
  CHECK(bones::kHeelBack + bones::kToeForward == Approx(0.152));
  CHECK(distance(s.at(Joint::LeftShoulder), s.at(Joint::RightShoulder)) < 0.259);
  CHECK(distance(s.at(Joint::LeftHip), s.at(Joint::RightHip)) < 0.191);
  checkBones(s);
}

TEST_CASE("bone lengths stay fixed in every keyframe and between keyframes") {
  for (const Pose* p : everyPose()) {
    for (size_t k = 0; k < p->keyframes.size(); ++k) {
      INFO(p->id << " keyframe " << p->keyframes[k].name);
      for (BodySide side : {BodySide::Right, BodySide::Left}) {
        checkBones(keyframeScene(*p, k, side).skeleton);
        if (k + 1 < p->keyframes.size()) {
          for (double t : {0.25, 0.5, 0.75}) checkBones(tweenScene(*p, k, k + 1, t, side).skeleton);
        }
      }
    }
  }
}

TEST_CASE("the mirrored angles give the skeleton's exact reflection, left and right swapped") {
  for (const Pose* p : everyPose()) {
    for (const Keyframe& k : p->keyframes) {
      INFO(p->id << " keyframe " << k.name);
      const Skeleton right = pose(k.angles);
      const Skeleton left = pose(mirrored(k.angles));
      for (size_t j = 0; j < kJointCount; ++j) {
        const Vec3 expected = reflected(right.at(twin(static_cast<Joint>(j))));
        const Vec3 got = left.joints[j];
        CHECK(got.x == Approx(expected.x).margin(1e-9));
        CHECK(got.y == Approx(expected.y).margin(1e-9));
        CHECK(got.z == Approx(expected.z).margin(1e-9));
      }
    }
  }
}

TEST_CASE("the left side's drawing is the right side's mirrored across the screen") {
  for (const Pose* p : everyPose()) {
    for (size_t k = 0; k < p->keyframes.size(); ++k) {
      INFO(p->id << " keyframe " << p->keyframes[k].name);
      const Drawing right = drawPose(*p, k, k, 0, BodySide::Right);
      const Drawing left = drawPose(*p, k, k, 0, BodySide::Left);
      REQUIRE(right.parts.size() == left.parts.size());
      for (const Capsule2& r : right.parts) {
        const BodySide other = opposite(r.side);
        bool found = false;
        for (const Capsule2& l : left.parts) {
          if (l.part != r.part || l.side != other) continue;
          // The shoulder and hip lines run from left to right, so their ends trade places.
          const bool same = mirrors(l.a, r.a) && mirrors(l.b, r.b);
          const bool swapped = mirrors(l.a, r.b) && mirrors(l.b, r.a);
          if (!same && !swapped) continue;
          found = std::abs(l.depth - r.depth) < 1e-4f && l.working == r.working;
          if (found) break;
        }
        CHECK(found);
      }
      CHECK(left.bounds.minX == Approx(-right.bounds.maxX).margin(1e-4));
      CHECK(left.bounds.maxY == Approx(right.bounds.maxY).margin(1e-4));
      REQUIRE(left.felt.size() == right.felt.size());
      for (size_t i = 0; i < left.felt.size(); ++i)
        CHECK(left.felt[i].a.x == Approx(-right.felt[i].a.x).margin(1e-4));
    }
  }
}

TEST_CASE("the working limb is drawn as working on its own side only") {
  for (const Pose* p : everyPose()) {
    if (p->working == Limb::None) continue;
    INFO(p->id);
    for (BodySide side : {BodySide::Right, BodySide::Left}) {
      const Drawing drawing = drawPose(*p, 0, 0, 0, side);
      int working = 0;
      for (const Capsule2& part : drawing.parts) {
        if (!part.working) continue;
        ++working;
        CHECK(part.side == side);  // the files give the right side's pose
      }
      CHECK(working == 3);  // thigh, shin, foot (or upper arm, forearm, hand)
    }
  }
}

TEST_CASE("parts are drawn far to near so near limbs cover far ones") {
  for (const Pose* p : everyPose()) {
    const Drawing drawing = drawPose(*p, 0, 0, 0, BodySide::Right);
    for (size_t i = 1; i < drawing.parts.size(); ++i)
      CHECK(drawing.parts[i - 1].depth >= drawing.parts[i].depth);
    CHECK(drawing.nearDepth <= drawing.farDepth);
  }
}
