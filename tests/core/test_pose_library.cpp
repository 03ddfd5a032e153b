// The bundled poses as a physiotherapist would check them: every joint of every keyframe in
// its normal range of motion, nothing below the floor except declared contacts, which touch
// it (or the prop that carries them), and one pose for each exercise the routines teach.
#include <set>

#include "figure_helpers.hpp"

using namespace unknot;
using namespace unknot::figure;
using unknot::testing::bundledPoses;
using unknot::testing::everyPose;

namespace {

void checkRange(const char* joint, const char* movement, double value) {
  const JointRange* range = rangeOf(joint, movement);
  REQUIRE(range);
  INFO(joint << " " << movement << " = " << value);
  CHECK(value >= range->min);
  CHECK(value <= range->max);
}

}  // namespace

TEST_CASE("every joint of every keyframe stays within its normal range of motion") {
  // figure.md's AAOS figures, in this model's signs (extension, adduction and internal
  // rotation negative).
  CHECK(rangeOf("hip", "flexion")->max == 120);
  CHECK(rangeOf("hip", "flexion")->min == -30);
  CHECK(rangeOf("knee", "flexion")->max == 135);
  CHECK(rangeOf("ankle", "flexion")->min == -50);
  CHECK(rangeOf("trunk", "flexion")->max == 80);
  for (const Pose* p : everyPose()) {
    for (const Keyframe& k : p->keyframes) {
      INFO(p->id << " keyframe " << k.name);
      const JointAngles& a = k.angles;
      checkRange("trunk", "flexion", a.trunk.flexion);
      checkRange("trunk", "side", a.trunk.side);
      checkRange("trunk", "rotation", a.trunk.rotation);
      checkRange("neck", "flexion", a.neck);
      for (const LegAngles& leg : a.legs) {
        checkRange("hip", "flexion", leg.hip.flexion);
        checkRange("hip", "abduction", leg.hip.abduction);
        checkRange("hip", "rotation", leg.hip.rotation);
        checkRange("knee", "flexion", leg.knee);
        checkRange("ankle", "flexion", leg.ankle);
      }
      for (const ArmAngles& arm : a.arms) {
        checkRange("shoulder", "flexion", arm.flexion);
        checkRange("shoulder", "abduction", arm.abduction);
        checkRange("elbow", "flexion", arm.elbow);
      }
    }
  }
}

TEST_CASE("no part goes below the floor except declared contacts, which touch it") {
  for (const Pose* p : everyPose()) {
    for (size_t k = 0; k < p->keyframes.size(); ++k) {
      for (BodySide side : {BodySide::Right, BodySide::Left}) {
        INFO(p->id << " keyframe " << p->keyframes[k].name
                   << (side == BodySide::Left ? " left" : " right"));
        const Scene scene = keyframeScene(*p, k, side);
        REQUIRE_FALSE(scene.contacts.empty());
        for (const Contact& c : scene.contacts) {
          INFO("contact " << (c.part ? nameOf(*c.part) : std::string(nameOf(*c.prop))));
          CHECK(std::abs(contactGap(scene, c)) <= kContactTolerance);
        }
        for (const Capsule3& part : scene.parts) {
          bool contact = false;
          for (const Contact& c : scene.contacts)
            contact = contact || (c.part && *c.part == part.place);
          if (contact) continue;
          INFO(nameOf(part.place));
          CHECK(lowestPoint(part) >= -kContactTolerance);
        }
        for (const PropSolid& prop : scene.props) {
          const double low = prop.round ? lowestPoint(prop.capsule)
                                        : prop.box.centre.y - std::abs(prop.box.half[1].y);
          CHECK(low >= -0.01);  // a mat is 1 cm thick and lies in the floor's plane
        }
      }
    }
  }
}

TEST_CASE("a supporting prop carries its part at the prop's true height") {
  const Pose* roller = bundledPoses().find("foam-roller-glute");
  REQUIRE(roller);
  const Scene scene = keyframeScene(*roller, 0, BodySide::Right);
  bool found = false;
  for (const PropSolid& prop : scene.props) {
    if (prop.kind != PropKind::FoamRoller) continue;
    found = true;
    // A 15 cm roller for a 1.75 m person lies on the floor.
    CHECK(2 * prop.capsule.radius * 1.75 == Approx(0.15).margin(0.005));
    CHECK(lowestPoint(prop.capsule) == Approx(0).margin(1e-9));
  }
  CHECK(found);
  const Pose* chair = bundledPoses().find("seated-figure-four");
  REQUIRE(chair);
  const Scene seated = keyframeScene(*chair, 0, BodySide::Right);
  double seatTop = 0;
  for (const PropSolid& prop : seated.props)
    if (prop.kind == PropKind::Chair && !prop.round)
      seatTop = std::max(seatTop, prop.box.centre.y + std::abs(prop.box.half[1].y));
  CHECK(seatTop >= 0.25 - 1e-9);  // the seat, 0.25 H high (the backrest rises above it)
}

TEST_CASE("the library has a pose for every exercise the routines teach") {
  const std::set<std::string> wanted{"pigeon",
                                     "seated-forward-bend",
                                     "lying-figure-four",
                                     "knee-hug",
                                     "seated-figure-four",
                                     "foam-roller-glute",
                                     "ball-wall",
                                     "glute-bridge",
                                     "single-leg-bridge",
                                     "clamshell",
                                     "clamshell-band",
                                     "side-lying-leg-raise",
                                     "heat-pack",
                                     "ice-pack",
                                     "hip-flexor-stretch",
                                     "hip-hinge",
                                     "breathing"};
  for (const std::string& id : wanted) {
    INFO(id);
    CHECK(bundledPoses().find(id));
  }
  CHECK(bundledPoses().errorCount() == 0);
  // Reps move between keyframes; the rep exercises have at least two.
  for (const char* id : {"glute-bridge", "single-leg-bridge", "clamshell", "side-lying-leg-raise"})
    CHECK(bundledPoses().find(id)->keyframes.size() >= 2);
}

TEST_CASE("poses that cross the midline are seen from three-quarter, the others from the side") {
  for (const char* id : {"pigeon", "lying-figure-four", "seated-figure-four", "clamshell"})
    CHECK(bundledPoses().find(id)->view == View::ThreeQuarter);
  for (const char* id : {"glute-bridge", "seated-forward-bend", "hip-flexor-stretch"})
    CHECK(bundledPoses().find(id)->view == View::Side);
}
