#include "core/figure/pose_fields.hpp"

#include <array>
#include <cmath>
#include <sstream>

#include "core/closest_match.hpp"

namespace unknot::figure::poseload {

namespace {

using loader::Fields;
using loader::Report;

constexpr std::array<std::string_view, 4> kPropKeys{"kind", "under", "behind", "on"};
constexpr size_t kMaxProps = 12;

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

}  // namespace

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

std::optional<Place> readPlace(Report& report, const toml::node& node, const std::string& where,
                               bool partsOnly, std::span<const std::string_view> extra) {
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

namespace {

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

}  // namespace

std::vector<std::string_view> jointKeyNames() {
  std::vector<std::string_view> names;
  for (const JointKey& j : kJointKeys) names.push_back(j.key);
  return names;
}

void readJoints(Report& report, Fields& fields, JointAngles& angles) {
  for (const JointKey& j : kJointKeys) readJoint(report, fields, j, angles);
}

}  // namespace unknot::figure::poseload
