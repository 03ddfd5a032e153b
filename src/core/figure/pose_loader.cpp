#include "core/figure/pose_loader.hpp"

#include <array>
#include <cmath>
#include <fstream>
#include <iterator>

#include "core/figure/figure_scene.hpp"
#include "core/figure/pose_fields.hpp"
#include "core/routine.hpp"
#include "core/routine_fields.hpp"
#include "core/routine_loader.hpp"
#include "core/routine_prescan.hpp"

namespace unknot::figure {

namespace {

using loader::Fields;
using loader::Report;
using namespace poseload;

constexpr std::array<std::string_view, 9> kTopKeys{
    "schema", "name", "view", "camera", "working", "felt", "contacts", "props", "keyframes"};
constexpr std::array<std::string_view, 2> kCameraKeys{"azimuth", "elevation"};
constexpr size_t kMaxKeyframes = 8;
constexpr size_t kMaxTables = 200;
constexpr double kHeight = 1.75;  // metres, to say distances in centimetres

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
  std::vector<std::string_view> allowed = jointKeyNames();
  allowed.insert(allowed.begin(), {"name", "contacts"});
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
    readJoints(report, k, keyframe.angles);
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
