#include "core/figure/pose_loader.hpp"

#include <array>
#include <cmath>
#include <fstream>
#include <iterator>
#include <sstream>

#include "core/closest_match.hpp"
#include "core/figure/figure_scene.hpp"
#include "core/routine.hpp"
#include "core/routine_fields.hpp"
#include "core/routine_loader.hpp"
#include "core/routine_prescan.hpp"

namespace unknot::figure {

namespace {

using loader::Fields;
using loader::Report;

constexpr std::array<std::string_view, 9> kTopKeys{
    "schema", "name", "view", "camera", "working", "felt", "contacts", "props", "keyframes"};
constexpr std::array<std::string_view, 4> kPropKeys{"kind", "under", "behind", "on"};
constexpr std::array<std::string_view, 2> kCameraKeys{"azimuth", "elevation"};
constexpr size_t kMaxKeyframes = 8;
constexpr size_t kMaxProps = 12;
constexpr size_t kMaxTables = 200;
constexpr double kHeight = 1.75;  // metres, to say distances in centimetres

// The joints a keyframe may set, and the movements each takes (a bare number is the first).
struct JointKey {
  std::string_view key;
  std::string_view joint;  // in the range table
  std::array<std::string_view, 3> movements;
};
constexpr std::array<JointKey, 13> kJointKeys{{
    {"body", "body", {"yaw", "pitch", "roll"}},
    {"trunk", "trunk", {"flexion", "side", "rotation"}},
    {"neck", "neck", {"flexion", "", ""}},
    {"left_hip", "hip", {"flexion", "abduction", "rotation"}},
    {"right_hip", "hip", {"flexion", "abduction", "rotation"}},
    {"left_knee", "knee", {"flexion", "", ""}},
    {"right_knee", "knee", {"flexion", "", ""}},
    {"left_ankle", "ankle", {"flexion", "", ""}},
    {"right_ankle", "ankle", {"flexion", "", ""}},
    {"left_shoulder", "shoulder", {"flexion", "abduction", ""}},
    {"right_shoulder", "shoulder", {"flexion", "abduction", ""}},
    {"left_elbow", "elbow", {"flexion", "", ""}},
    {"right_elbow", "elbow", {"flexion", "", ""}},
}};

std::string number(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

// Where an angle goes in JointAngles.
double* slot(JointAngles& a, std::string_view key, std::string_view movement) {
  const bool left = key.starts_with("left_");
  LegAngles& leg = a.legs[left ? 0 : 1];
  ArmAngles& arm = a.arms[left ? 0 : 1];
  if (key == "body") {
    return movement == "yaw" ? &a.body.yaw : movement == "pitch" ? &a.body.pitch : &a.body.roll;
  }
  if (key == "trunk") {
    return movement == "flexion" ? &a.trunk.flexion
           : movement == "side"  ? &a.trunk.side
                                 : &a.trunk.rotation;
  }
  if (key == "neck") return &a.neck;
  if (key.ends_with("_hip")) {
    return movement == "flexion"     ? &leg.hip.flexion
           : movement == "abduction" ? &leg.hip.abduction
                                     : &leg.hip.rotation;
  }
  if (key.ends_with("_knee")) return &leg.knee;
  if (key.ends_with("_ankle")) return &leg.ankle;
  if (key.ends_with("_shoulder")) return movement == "flexion" ? &arm.flexion : &arm.abduction;
  return &arm.elbow;
}

// A number of degrees from lo to hi; `what` names it in the message ("knee flexion").
void readDegrees(Report& report, const toml::node& node, const std::string& where,
                 const std::string& what, double lo, double hi, std::string_view why, double& out) {
  const std::optional<double> value =
      node.is_integer() ? std::optional(static_cast<double>(*node.value<int64_t>()))
                        : node.value<double>();
  if (!value || !std::isfinite(*value)) {
    report.error(loader::posOf(node),
                 where + ": expected a " + what + " in degrees, found " + loader::describe(node));
    return;
  }
  if (*value < lo || *value > hi) {
    report.error(loader::posOf(node), where + ": expected a " + what + " from " + number(lo) +
                                          " to " + number(hi) + " degrees" + std::string(why) +
                                          ", found " + loader::describe(node));
    return;
  }
  out = *value;
}

// One joint angle within the joint's normal range (the body's orientation in the room may be
// anything from -180 to 180).
void readAngle(Report& report, const toml::node& node, const std::string& where,
               std::string_view joint, std::string_view movement, double& out) {
  if (const JointRange* range = rangeOf(joint, movement)) {
    readDegrees(report, node, where, std::string(joint) + " " + std::string(movement), range->min,
                range->max, " (its normal range of motion)", out);
    return;
  }
  readDegrees(report, node, where, std::string(movement) + " angle", -180, 180, "", out);
}

void readJoint(Report& report, Fields& fields, const JointKey& joint, JointAngles& angles) {
  const toml::node* node = fields.find(joint.key);
  if (!node) return;
  const std::string where = fields.qualified(joint.key);
  if (const auto* table = node->as_table()) {
    std::vector<std::string_view> allowed;
    for (std::string_view m : joint.movements)
      if (!m.empty()) allowed.push_back(m);
    Fields inner(report, *table, where);
    inner.rejectUnknownKeys(allowed);
    for (std::string_view m : allowed) {
      if (const toml::node* value = inner.find(m)) {
        readAngle(report, *value, inner.qualified(m), joint.joint, m, *slot(angles, joint.key, m));
      }
    }
    return;
  }
  if (joint.movements[1].empty()) {
    readAngle(report, *node, where, joint.joint, joint.movements[0],
              *slot(angles, joint.key, joint.movements[0]));
    return;
  }
  std::string example;
  for (std::string_view m : joint.movements)
    if (!m.empty()) example += (example.empty() ? "" : ", ") + std::string(m) + " = 0";
  fields.invalid(joint.key,
                 "expected a table like { " + example + " }, found " + loader::describe(*node));
}

std::optional<Place> readPlace(Report& report, const toml::node& node, const std::string& where,
                               bool partsOnly, std::span<const std::string_view> extra = {}) {
  const auto* text = node.as_string();
  if (text) {
    if (auto place = placeNamed(text->get())) {
      if (!partsOnly || isPart(place->anchor)) return place;
    }
  }
  std::vector<std::string> names = placeNames(partsOnly);
  for (std::string_view e : extra) names.emplace_back(e);
  std::string message = where + ": expected " +
                        (partsOnly ? "a body part" : "a body part or region") +
                        " like \"right_glute\" or \"pelvis\", found " + loader::describe(node);
  if (text) {
    const std::string suggestion = closestMatch(text->get(), names);
    if (!suggestion.empty()) message += " (did you mean \"" + suggestion + "\"?)";
  }
  report.error(loader::posOf(node), message);
  return std::nullopt;
}

const toml::array* arrayOf(Fields& fields, std::string_view key, std::string_view example) {
  const toml::node* node = fields.find(key);
  if (!node) return nullptr;
  const auto* array = node->as_array();
  if (!array) {
    fields.invalid(key, "expected an array like " + std::string(example) + ", found " +
                            loader::describe(*node));
  }
  return array;
}

std::optional<std::vector<Contact>> readContacts(Report& report, Fields& fields,
                                                 const std::vector<Prop>& props) {
  const toml::array* array = arrayOf(fields, "contacts", R"(["left_foot", "pelvis"])");
  if (!array) return std::nullopt;
  std::vector<Contact> out;
  std::vector<std::string_view> supportNames;
  for (const Prop& p : props)
    if (supports(p.kind) && p.placement == Placement::Under) supportNames.push_back(nameOf(p.kind));
  for (size_t i = 0; i < array->size(); ++i) {
    const toml::node& item = *array->get(i);
    const std::string where = fields.qualified("contacts") + "[" + std::to_string(i + 1) + "]";
    const auto* text = item.as_string();
    bool isProp = false;
    for (std::string_view name : supportNames) {
      if (text && text->get() == name) {
        for (const Prop& p : props)
          if (nameOf(p.kind) == name) out.push_back({std::nullopt, p.kind});
        isProp = true;
        break;
      }
    }
    if (isProp) continue;
    if (auto place = readPlace(report, item, where, true, supportNames)) {
      out.push_back({place, std::nullopt});
    }
  }
  if (out.empty() && array->empty()) {
    fields.invalid("contacts", "expected at least one part on the floor, found an empty array");
  }
  return out;
}

std::vector<Prop> readProps(Report& report, Fields& fields) {
  std::vector<Prop> out;
  const toml::array* array = arrayOf(fields, "props", R"([{ kind = "mat" }])");
  if (!array) return out;
  if (array->size() > kMaxProps) {
    fields.invalid("props", "expected at most " + std::to_string(kMaxProps) + " props, found " +
                                std::to_string(array->size()));
    return out;
  }
  for (size_t i = 0; i < array->size(); ++i) {
    const toml::node& item = *array->get(i);
    const std::string where = "props[" + std::to_string(i + 1) + "]";
    const auto* table = item.as_table();
    if (!table) {
      report.error(
          loader::posOf(item),
          where + ": expected a table like { kind = \"mat\" }, found " + loader::describe(item));
      continue;
    }
    Fields prop(report, *table, where);
    prop.rejectUnknownKeys(kPropKeys);
    if (!prop.has("kind")) {
      prop.missing("kind", "(mat, foam_roller, ball, wall, chair, heat_pack, ice_pack or band)");
      continue;
    }
    const auto kind = prop.choice(
        "kind", {"mat", "foam_roller", "ball", "wall", "chair", "heat_pack", "ice_pack", "band"});
    if (!kind) continue;
    Prop p;
    for (size_t k = 0; k < 8; ++k)
      if (nameOf(static_cast<PropKind>(k)) == *kind) p.kind = static_cast<PropKind>(k);
    // Each kind takes the one placement it can have: a roller or chair is under the body, a
    // wall behind it, a pack on it; a ball is under or behind.
    std::string_view key;
    switch (p.kind) {
      case PropKind::Mat:
      case PropKind::Band:
        p.placement = p.kind == PropKind::Mat ? Placement::Floor : Placement::Knees;
        break;
      case PropKind::Wall:
        key = "behind", p.placement = Placement::Behind;
        break;
      case PropKind::HeatPack:
      case PropKind::IcePack:
        key = "on", p.placement = Placement::On;
        break;
      case PropKind::Ball:
        key = prop.has("behind") ? "behind" : "under";
        p.placement = key == "behind" ? Placement::Behind : Placement::Under;
        break;
      default:
        key = "under", p.placement = Placement::Under;
    }
    for (std::string_view other : {"under", "behind", "on"}) {
      if (other != key && prop.has(other)) {
        prop.invalid(
            other, "a " + std::string(*kind) + " takes " +
                       (key.empty() ? std::string("no placement") : "'" + std::string(key) + "'") +
                       ", not '" + std::string(other) + "'");
      }
    }
    if (!key.empty()) {
      if (!prop.has(key)) {
        prop.missing(key, "(the body part or region it goes " + std::string(key) +
                              ", e.g. \"right_glute\")");
        continue;
      }
      auto place = readPlace(report, *prop.find(key), prop.qualified(key), false);
      if (!place) continue;
      p.at = *place;
    }
    out.push_back(p);
  }
  return out;
}

// The geometry rules a file cannot see for itself: declared contacts touch what carries them,
// and nothing else goes below the floor.
void checkFloor(Report& report, const Pose& pose, const Keyframe& k, const std::string& where) {
  const Scene scene = buildScene(pose, k.angles, k.contacts, BodySide::Right);
  for (size_t i = 0; i < scene.contacts.size(); ++i) {
    const double gap = contactGap(scene, scene.contacts[i]);
    if (std::abs(gap) <= kContactTolerance) continue;
    const Contact& c = scene.contacts[i];
    const std::string name = c.part ? nameOf(*c.part) : std::string(nameOf(*c.prop));
    report.error(k.pos,
                 where + ": contact '" + name + "' is " +
                     std::to_string(static_cast<int>(std::lround(std::abs(gap) * kHeight * 100))) +
                     " cm " + (gap > 0 ? "above" : "below") +
                     " what carries it (the floor or its prop); change the angles or "
                     "the contacts");
  }
  for (const Capsule3& part : scene.parts) {
    bool contact = false;
    for (const Contact& c : scene.contacts) contact = contact || (c.part && *c.part == part.place);
    const double low = lowestPoint(part);
    if (contact || low >= -kContactTolerance) continue;
    report.error(k.pos, where + ": '" + nameOf(part.place) + "' is " +
                            std::to_string(static_cast<int>(std::lround(-low * kHeight * 100))) +
                            " cm below the floor; lift it or name it in contacts");
  }
}

void readKeyframes(Report& report, Fields& fields, Pose& pose,
                   const std::optional<std::vector<Contact>>& defaultContacts, bool floor) {
  const toml::node* node = fields.find("keyframes");
  if (!node) {
    fields.missing("keyframes", "(add at least one [[keyframes]] table)");
    return;
  }
  const auto* array = node->as_array();
  if (!array || array->empty() || array->size() > kMaxKeyframes) {
    fields.invalid(
        "keyframes",
        "expected 1 to " + std::to_string(kMaxKeyframes) + " [[keyframes]] tables, found " +
            (array ? std::to_string(array->size()) + " tables" : loader::describe(*node)));
    return;
  }
  std::vector<std::string_view> allowed{"name", "contacts"};
  for (const JointKey& j : kJointKeys) allowed.push_back(j.key);
  for (size_t i = 0; i < array->size(); ++i) {
    const toml::node& item = *array->get(i);
    const std::string where = "keyframes[" + std::to_string(i + 1) + "]";
    const auto* table = item.as_table();
    if (!table) {
      report.error(loader::posOf(item),
                   where + ": expected a table, found " + loader::describe(item));
      continue;
    }
    const size_t before = report.errorCount();
    Fields k(report, *table, where);
    k.rejectUnknownKeys(allowed);
    Keyframe keyframe;
    keyframe.pos = loader::posOf(*table);
    if (!k.has("name")) {
      k.missing("name", "(e.g. name = \"up\")");
    } else if (auto name = k.label("name")) {
      for (const Keyframe& other : pose.keyframes) {
        if (other.name == *name) k.invalid("name", "'" + *name + "' names an earlier keyframe too");
      }
      keyframe.name = *name;
    }
    for (const JointKey& j : kJointKeys) readJoint(report, k, j, keyframe.angles);
    if (k.has("contacts")) {
      if (auto contacts = readContacts(report, k, pose.props)) keyframe.contacts = *contacts;
    } else if (defaultContacts) {
      keyframe.contacts = *defaultContacts;
    } else {
      k.missing("contacts", "(the parts on the floor, here or for the whole pose)");
    }
    if (floor && report.errorCount() == before) checkFloor(report, pose, keyframe, where);
    pose.keyframes.push_back(std::move(keyframe));
  }
}

void readHeader(Report& report, Fields& fields, Pose& pose) {
  if (!fields.has("name")) {
    fields.missing("name", "(required), e.g. name = \"Pigeon\"");
  } else if (auto name = fields.label("name")) {
    pose.name = *name;
  }
  if (auto view = fields.choice("view", {"side", "three-quarter"})) {
    pose.view = *view == "side" ? View::Side : View::ThreeQuarter;
  }
  pose.camera = defaultCamera(pose.view);
  if (const toml::node* node = fields.find("camera")) {
    const auto* table = node->as_table();
    if (!table) {
      fields.invalid("camera", "expected a table like { azimuth = 20, elevation = 30 }, found " +
                                   loader::describe(*node));
      return;
    }
    Fields camera(report, *table, "camera");
    camera.rejectUnknownKeys(kCameraKeys);
    // Round from the working side to straight in front (or behind), and from level to 80
    // degrees above: further would show the other side or only the top of the body.
    if (const toml::node* az = camera.find("azimuth"))
      readDegrees(report, *az, "camera.azimuth", "camera azimuth", -90, 90, "",
                  pose.camera.azimuth);
    if (const toml::node* el = camera.find("elevation"))
      readDegrees(report, *el, "camera.elevation", "camera elevation", 0, 80, "",
                  pose.camera.elevation);
  }
  if (auto working =
          fields.choice("working", {"none", "left_leg", "right_leg", "left_arm", "right_arm"})) {
    constexpr std::array<std::string_view, 5> names{"none", "left_leg", "right_leg", "left_arm",
                                                    "right_arm"};
    for (size_t i = 0; i < names.size(); ++i)
      if (names[i] == *working) pose.working = static_cast<Limb>(i);
  }
}

PoseLoad finish(Report& report, std::optional<Pose> pose) {
  PoseLoad out;
  out.errors = report.takeErrors();
  if (out.errors.empty()) out.pose = std::move(pose);
  return out;
}

PoseLoad parseUnguarded(std::string_view text, const std::filesystem::path& path, bool floor) {
  Report report(path.string());
  if (text.size() > limits::kMaxFileBytes) {
    report.error({1, 1}, "file is over the 1 MiB limit");
    return finish(report, std::nullopt);
  }
  const std::string id = path.stem().string();
  if (!isValidRoutineId(id)) {
    report.error({1, 1}, "file name " + loader::quotedKey(path.filename().string()) +
                             " is not a pose id: expected 1 to 64 of a-z, 0-9 and '-', "
                             "e.g. pigeon.toml");
  }
  if (auto problem = loader::prescanRoutineText(text, kMaxTables)) {
    report.error(problem->pos, std::move(problem->message));
    return finish(report, std::nullopt);
  }
  toml::table root;
  try {
    root = toml::parse(text, std::string_view(path.string()));
  } catch (const toml::parse_error& e) {
    std::string message(e.description());
    for (char& c : message)
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '?';
    report.error(loader::posOf(e.source()), message);
    return finish(report, std::nullopt);
  }
  Pose pose;
  pose.id = id;
  pose.path = path;
  Fields fields(report, root, "");
  if (!fields.has("schema")) {
    fields.missing("schema", "(the file should start with schema = 1)");
  } else if (auto schema = fields.integer("schema", 1, 1); !schema) {
    return finish(report, std::nullopt);
  }
  fields.rejectUnknownKeys(kTopKeys);
  readHeader(report, fields, pose);
  if (const toml::array* felt = arrayOf(fields, "felt", R"(["right_glute"])")) {
    for (size_t i = 0; i < felt->size(); ++i) {
      const std::string where = "felt[" + std::to_string(i + 1) + "]";
      if (auto place = readPlace(report, *felt->get(i), where, false)) pose.felt.push_back(*place);
    }
  }
  pose.props = readProps(report, fields);
  std::optional<std::vector<Contact>> contacts;
  if (fields.has("contacts")) contacts = readContacts(report, fields, pose.props);
  readKeyframes(report, fields, pose, contacts, floor);
  return finish(report, std::move(pose));
}

}  // namespace

PoseLoad parsePose(std::string_view text, const std::filesystem::path& path, bool checkFloor) {
  try {
    return parseUnguarded(text, path, checkFloor);
  } catch (const std::exception&) {
    PoseLoad out;
    out.errors.push_back({path.string(), {1, 1}, "internal error while reading the pose"});
    return out;
  }
}

PoseLoad loadPoseFile(const std::filesystem::path& path, bool checkFloor) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  PoseLoad out;
  if (ec || size > limits::kMaxFileBytes) {
    out.errors.push_back({path.string(),
                          {1, 1},
                          ec ? "cannot read the file: " + ec.message()
                             : std::string("file is over the 1 MiB limit")});
    return out;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out.errors.push_back({path.string(), {1, 1}, "cannot open the file"});
    return out;
  }
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return parsePose(text, path, checkFloor);
}

}  // namespace unknot::figure
