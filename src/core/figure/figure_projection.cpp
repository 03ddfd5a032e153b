// The orthographic camera: 3-D scene to 2-D shapes with depth (figure_scene.hpp).
#include <algorithm>
#include <numbers>

#include "core/figure/figure_scene.hpp"

namespace unknot::figure {

namespace {

Vec3 normalised(Vec3 v) {
  return v * (1 / length(v));
}

Point2 toScreen(const Camera& camera, Vec3 p) {
  return {static_cast<float>(dot(p, camera.right)), static_cast<float>(dot(p, camera.up))};
}

float depthOf(const Camera& camera, Vec3 p) {
  return static_cast<float>(dot(p, camera.forward));
}

Capsule2 flat(const Camera& camera, const Capsule3& c) {
  Capsule2 out;
  out.a = toScreen(camera, c.a);
  out.b = toScreen(camera, c.b);
  out.radius = static_cast<float>(c.radius);
  out.depth = depthOf(camera, (c.a + c.b) * 0.5);
  out.side = c.place.side;
  out.part = c.place.anchor;
  return out;
}

double cross2(Point2 o, Point2 a, Point2 b) {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

// Andrew's monotone chain over the box's eight projected corners.
int convexHull(std::array<Point2, 8> points, std::array<Point2, 8>& hull) {
  std::sort(points.begin(), points.end(),
            [](Point2 a, Point2 b) { return a.x != b.x ? a.x < b.x : a.y < b.y; });
  std::array<Point2, 16> chain{};
  int k = 0;
  for (int i = 0; i < 8; ++i) {
    while (k >= 2 && cross2(chain[k - 2], chain[k - 1], points[i]) <= 0) --k;
    chain[k++] = points[i];
  }
  for (int i = 6, lower = k + 1; i >= 0; --i) {
    while (k >= lower && cross2(chain[k - 2], chain[k - 1], points[i]) <= 0) --k;
    chain[k++] = points[i];
  }
  const int count = std::min(std::max(k - 1, 0), 8);
  std::copy_n(chain.begin(), count, hull.begin());
  return count;
}

Shape2 flatProp(const Camera& camera, const PropSolid& solid) {
  Shape2 out;
  out.kind = solid.kind;
  out.over = solid.over;
  out.cloth = solid.cloth;
  out.round = solid.round;
  if (solid.round) {
    out.capsule = flat(camera, solid.capsule);
    out.depth = out.capsule.depth;
    return out;
  }
  std::array<Point2, 8> corners{};
  int i = 0;
  for (double a : {-1.0, 1.0})
    for (double b : {-1.0, 1.0})
      for (double c : {-1.0, 1.0}) {
        const Box3& box = solid.box;
        corners[i++] =
            toScreen(camera, box.centre + box.half[0] * a + box.half[1] * b + box.half[2] * c);
      }
  out.count = convexHull(corners, out.hull);
  out.depth = depthOf(camera, solid.box.centre);
  return out;
}

}  // namespace

void Bounds::add(Point2 p, float r) {
  if (empty) {
    minX = p.x - r, maxX = p.x + r, minY = p.y - r, maxY = p.y + r;
    empty = false;
    return;
  }
  minX = std::min(minX, p.x - r), maxX = std::max(maxX, p.x + r);
  minY = std::min(minY, p.y - r), maxY = std::max(maxY, p.y + r);
}

void Bounds::add(const Bounds& other) {
  if (other.empty) return;
  add(Point2{other.minX, other.minY});
  add(Point2{other.maxX, other.maxY});
}

Camera cameraFor(CameraAngles angles, BodySide side) {
  const double az = angles.azimuth * std::numbers::pi / 180;
  const double el = angles.elevation * std::numbers::pi / 180;
  // The camera stands on the working side: the body's right is -z.
  Vec3 at{std::sin(az) * std::cos(el), std::sin(el), -std::cos(az) * std::cos(el)};
  if (side == BodySide::Left) at.z = -at.z;
  Camera camera;
  camera.forward = at * -1.0;
  const Vec3 across = normalised(cross(camera.forward, Vec3{0, 1, 0}));
  camera.up = cross(across, camera.forward);
  // The skeleton's frames put the left side along front x up, the mirror of a real body, so
  // the screen's x runs the other way: the picture is then the real body's, the working side
  // nearest the camera.
  camera.right = across * -1.0;
  return camera;
}

Drawing project(const Scene& scene, const Camera& camera) {
  Drawing out;
  out.parts.reserve(scene.parts.size());
  for (const Capsule3& c : scene.parts) {
    Capsule2 part = flat(camera, c);
    part.working = isWorking(scene.working, c.place);
    out.parts.push_back(part);
    out.bounds.add(part.a, part.radius);
    out.bounds.add(part.b, part.radius);
  }
  const auto farFirst = [](const auto& a, const auto& b) { return a.depth > b.depth; };
  std::stable_sort(out.parts.begin(), out.parts.end(), farFirst);
  if (!out.parts.empty()) {
    out.farDepth = out.parts.front().depth;
    out.nearDepth = out.parts.back().depth;
  }
  double minX = 1e9, maxX = -1e9, minZ = 1e9, maxZ = -1e9;
  for (const Capsule3& c : scene.parts) {
    for (Vec3 p : {c.a, c.b}) {
      minX = std::min(minX, p.x), maxX = std::max(maxX, p.x);
      minZ = std::min(minZ, p.z), maxZ = std::max(maxZ, p.z);
    }
  }
  for (const PropSolid& solid : scene.props) {
    Shape2 shape = flatProp(camera, solid);
    if (shape.round) {
      out.bounds.add(shape.capsule.a, shape.capsule.radius);
      out.bounds.add(shape.capsule.b, shape.capsule.radius);
    } else {
      for (int i = 0; i < shape.count; ++i) out.bounds.add(shape.hull[i]);
    }
    out.props.push_back(shape);
  }
  std::stable_sort(out.props.begin(), out.props.end(), farFirst);
  for (const Capsule3& c : scene.felt) out.felt.push_back(flat(camera, c));
  constexpr double kMargin = 0.12;
  const std::array<Vec3, 4> corners{
      Vec3{minX - kMargin, 0, minZ - kMargin}, Vec3{maxX + kMargin, 0, minZ - kMargin},
      Vec3{maxX + kMargin, 0, maxZ + kMargin}, Vec3{minX - kMargin, 0, maxZ + kMargin}};
  for (size_t i = 0; i < 4; ++i) out.floor[i] = toScreen(camera, corners[i]);
  // The floor line is the edge nearest the camera; in a side view the floor is only that line.
  size_t nearest = 0;
  float nearestDepth = 1e9f;
  for (size_t i = 0; i < 4; ++i) {
    const float d = depthOf(camera, (corners[i] + corners[(i + 1) % 4]) * 0.5);
    const Point2 a = out.floor[i], b = out.floor[(i + 1) % 4];
    const bool seen = std::abs(a.x - b.x) + std::abs(a.y - b.y) > 1e-4f;
    if (seen && d < nearestDepth) nearestDepth = d, nearest = i;
  }
  out.floorFrom = out.floor[nearest];
  out.floorTo = out.floor[(nearest + 1) % 4];
  out.bounds.add(out.floorFrom);
  out.bounds.add(out.floorTo);
  return out;
}

Drawing drawPose(const Pose& pose, size_t a, size_t b, double t, BodySide side) {
  const Scene scene = a == b ? keyframeScene(pose, a, side) : tweenScene(pose, a, b, t, side);
  return project(scene, cameraFor(pose.camera, side));
}

Bounds poseBounds(const Pose& pose, BodySide side) {
  Bounds bounds;
  for (size_t i = 0; i < pose.keyframes.size(); ++i)
    bounds.add(drawPose(pose, i, i, 0, side).bounds);
  return bounds;
}

}  // namespace unknot::figure
