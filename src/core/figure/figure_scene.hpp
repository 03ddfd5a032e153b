// A posed figure in the room and through the camera: the skeleton placed on the floor (or on
// the prop that carries it), its parts as capsules, the props at true scale and the felt
// regions, then projected orthographically to 2-D shapes with depth for a renderer.
#pragma once

#include <array>
#include <span>
#include <vector>

#include "core/figure/pose.hpp"

namespace unknot::figure {

struct Capsule3 {
  Vec3 a, b;
  double radius = 0;
  Place place;
};
struct Box3 {
  Vec3 centre;
  std::array<Vec3, 3> half;  // half-extent vectors
};
struct PropSolid {
  PropKind kind = PropKind::Mat;
  bool over = false;   // drawn over the figure (a pack on the body, a band round the knees)
  bool cloth = false;  // the cloth an ice pack is wrapped in
  bool round = false;  // a capsule (roller, ball, chair leg, band) rather than a box
  Capsule3 capsule;
  Box3 box;
};

struct Scene {
  Skeleton skeleton;  // placed: y is height above the floor
  std::vector<Capsule3> parts;
  std::vector<PropSolid> props;
  std::vector<Capsule3> felt;  // spheres (a == b)
  std::vector<Contact> contacts;
  std::vector<Prop> propSpecs;  // as placed (mirrored with the body)
  Limb working = Limb::None;
};

// The side's scene: BodySide::Right draws the file as written, Left its mirror image.
// `contacts` decide the height: the lowest of them rests on the floor (or on its prop).
Scene buildScene(const Pose& pose, const JointAngles& angles, std::span<const Contact> contacts,
                 BodySide side);
// A keyframe's scene; between keyframes a and b (t in 0..1) the angles are blended and both
// keyframes' contacts may carry the body.
Scene keyframeScene(const Pose& pose, size_t keyframe, BodySide side);
Scene tweenScene(const Pose& pose, size_t a, size_t b, double t, BodySide side);

// How far a contact is above what carries it (negative: sunk into it), in H.
double contactGap(const Scene& scene, const Contact& contact);
// The lowest point of a capsule (radius included).
double lowestPoint(const Capsule3& capsule);
// Whether a capsule belongs to the working limb.
bool isWorking(Limb limb, Place place);

struct Point2 {
  float x = 0, y = 0;  // y up
};
struct Capsule2 {
  Point2 a, b;
  float radius = 0;
  float depth = 0;  // larger is farther from the camera
  BodySide side = BodySide::Centre;
  bool working = false;
  Anchor part = Anchor::Torso;
};
struct Shape2 {
  PropKind kind = PropKind::Mat;
  bool over = false, cloth = false, round = false;
  Capsule2 capsule;              // when round
  std::array<Point2, 8> hull{};  // convex outline, counter-clockwise, when not round
  int count = 0;
  float depth = 0;
};
struct Bounds {
  float minX = 0, minY = 0, maxX = 0, maxY = 0;
  void add(Point2 p, float r = 0);
  void add(const Bounds& other);
  bool empty = true;
};
struct Drawing {
  std::vector<Capsule2> parts;  // far to near: draw in order
  std::vector<Shape2> props;    // far to near
  std::vector<Capsule2> felt;   // circles
  std::array<Point2, 4> floor{};
  Point2 floorFrom, floorTo;          // the floor's edge nearest the camera: the floor line
  float nearDepth = 0, farDepth = 0;  // of the figure's parts, for shading
  Bounds bounds;
};

struct Camera {
  Vec3 right, up, forward;
};
// Side view from the working side; three-quarter from above, in front and to that side. The
// left side's camera is the right one's mirror, so its picture is the exact mirror image.
Camera cameraFor(CameraAngles angles, BodySide side);

Drawing project(const Scene& scene, const Camera& camera);
// The drawing of a keyframe or of a point between two, for the pose's view and `side`.
Drawing drawPose(const Pose& pose, size_t a, size_t b, double t, BodySide side);
// The union of every keyframe's bounds: fitting this keeps the figure still in its box while it
// moves between keyframes.
Bounds poseBounds(const Pose& pose, BodySide side);

}  // namespace unknot::figure
