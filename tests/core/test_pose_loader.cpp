// Pose files are shared like routine files: every mistake is one positioned line,
// `path:line:column: key: expected X, found Y`, with "did you mean" for near misses.
#include "core/figure/pose_loader.hpp"
#include "figure_helpers.hpp"
#include "support/process.hpp"

using namespace unknot;
using namespace unknot::figure;

namespace {

// A lying pose that loads: the base every broken variant below starts from.
const std::string kHeader = R"(schema = 1
name = "Test"
view = "side"
contacts = ["torso", "pelvis", "head", "left_thigh", "right_thigh", "left_foot", "right_foot"]
)";
const std::string kKeyframe = R"(
[[keyframes]]
name = "rest"
body = { pitch = -90 }
)";

std::string errorsOf(const std::string& text, const std::string& path = "poses/test.toml") {
  const PoseLoad load = parsePose(text, path);
  std::string out;
  for (const Diagnostic& d : load.errors) out += d.toString() + "\n";
  if (!load.errors.empty()) CHECK_FALSE(load.pose);
  return out;
}

}  // namespace

TEST_CASE("a minimal pose file loads with the view's camera and no props") {
  const PoseLoad load = parsePose(kHeader + kKeyframe, "poses/test.toml");
  INFO(errorsOf(kHeader + kKeyframe));
  REQUIRE(load.pose);
  CHECK(load.pose->id == "test");
  CHECK(load.pose->keyframes.size() == 1);
  CHECK(load.pose->keyframes[0].angles.body.pitch == -90);
  CHECK(load.pose->camera.azimuth == 0);
  CHECK(load.pose->props.empty());
}

TEST_CASE("pose-file errors are positioned and say what was expected and found") {
  SECTION("an unknown key offers the known one") {
    CHECK(errorsOf(kHeader + "veiw = \"side\"\n" + kKeyframe) ==
          "poses/test.toml:5:1: unknown key 'veiw' (did you mean 'view'?)\n");
  }
  SECTION("an angle past the normal range of motion") {
    CHECK(errorsOf(kHeader + kKeyframe + "right_knee = 150\n") ==
          "poses/test.toml:9:14: keyframes[1].right_knee: expected a knee flexion from 0 to 135 "
          "degrees (its normal range of motion), found 150\n");
  }
  SECTION("a movement in a joint table") {
    CHECK(errorsOf(kHeader + kKeyframe + "left_hip = { flexion = 20, abducton = 10 }\n") ==
          "poses/test.toml:9:28: keyframes[1].left_hip: unknown key 'abducton' (did you mean "
          "'abduction'?)\n");
  }
  SECTION("a bare number where a joint takes several movements") {
    CHECK(errorsOf(kHeader + kKeyframe + "left_hip = 20\n") ==
          "poses/test.toml:9:12: keyframes[1].left_hip: expected a table like { flexion = 0, "
          "abduction = 0, rotation = 0 }, found 20\n");
  }
  SECTION("an angle that is not a number") {
    CHECK(errorsOf(kHeader + kKeyframe + "neck = \"up\"\n") ==
          "poses/test.toml:9:8: keyframes[1].neck: expected a neck flexion in degrees, found "
          "\"up\"\n");
  }
  SECTION("a contact that is not a body part") {
    const std::string text = R"(schema = 1
name = "Test"
contacts = ["torso", "pelvis", "left_fot"]
)" + kKeyframe;
    CHECK(errorsOf(text) ==
          "poses/test.toml:3:32: contacts[3]: expected a body part like \"right_glute\" or "
          "\"pelvis\", found \"left_fot\" (did you mean \"left_foot\"?)\n");
  }
  SECTION("an unknown view, prop or felt region") {
    const std::string text = R"(schema = 1
name = "Test"
view = "sideways"
felt = ["right_glut"]
props = [{ kind = "foam roller", under = "pelvis" }]
contacts = ["torso"]
)" + kKeyframe;
    CHECK(errorsOf(text) ==
          "poses/test.toml:3:8: view: expected one of side, three-quarter, found \"sideways\"\n"
          "poses/test.toml:4:9: felt[1]: expected a body part or region like \"right_glute\" or "
          "\"pelvis\", found \"right_glut\" (did you mean \"right_glute\"?)\n"
          "poses/test.toml:5:19: props[1].kind: expected one of mat, foam_roller, ball, wall, "
          "chair, heat_pack, ice_pack, band, found \"foam roller\" (did you mean "
          "\"foam_roller\"?)\n");
  }
  SECTION("a prop placed the way its kind cannot be") {
    const std::string text = R"(schema = 1
name = "Test"
props = [{ kind = "wall", under = "pelvis" }]
contacts = ["torso"]
)" + kKeyframe;
    CHECK(errorsOf(text) ==
          "poses/test.toml:3:10: props[1]: missing key 'behind' (the body part or region it goes "
          "behind, e.g. \"right_glute\")\n"
          "poses/test.toml:3:35: props[1].under: a wall takes 'behind', not 'under'\n");
  }
  SECTION("a contact that floats, and a part under the floor") {
    // On the back with the left leg pointing at the ceiling: that foot cannot be on the floor.
    const std::string text = R"(schema = 1
name = "Test"
contacts = ["torso", "head", "left_foot"]

[[keyframes]]
name = "rest"
body = { pitch = -90 }
left_hip = { flexion = 90 }
)";
    const std::string floating = errorsOf(text);
    CHECK(floating ==
          "poses/test.toml:5:1: keyframes[1]: contact 'left_foot' is 99 cm above what carries it "
          "(the floor or its prop); change the angles or the contacts\n");
    // Standing, with only the hands declared: the hands decide the height, the feet sink.
    const std::string sunk = R"(schema = 1
name = "Test"
contacts = ["left_hand"]

[[keyframes]]
name = "stand"
)";
    const std::string errors = errorsOf(sunk);
    CHECK(errors.find("poses/test.toml:5:1: keyframes[1]: 'left_thigh' is 22 cm below the floor") ==
          0);
    CHECK(errors.find("'right_foot' is 63 cm below the floor; lift it or name it in contacts\n") !=
          std::string::npos);
  }
  SECTION("keyframes missing, repeated or without contacts") {
    CHECK(errorsOf("schema = 1\nname = \"Test\"\n") ==
          "poses/test.toml:1:1: missing key 'keyframes' (add at least one [[keyframes]] table)\n");
    CHECK(errorsOf(kHeader + kKeyframe + kKeyframe) ==
          "poses/test.toml:11:8: keyframes[2].name: 'rest' names an earlier keyframe too\n");
    CHECK(errorsOf("schema = 1\nname = \"Test\"\n" + kKeyframe) ==
          "poses/test.toml:4:1: keyframes[1]: missing key 'contacts' (the parts on the floor, "
          "here or for the whole pose)\n");
  }
  SECTION("a camera outside the range that shows the working side") {
    CHECK(errorsOf(kHeader + "camera = { azimuth = 120 }\n" + kKeyframe) ==
          "poses/test.toml:5:22: camera.azimuth: expected a camera azimuth from -90 to 90 "
          "degrees, found 120\n");
  }
  SECTION("broken TOML and a bad file name") {
    CHECK(errorsOf("schema = 1\nname = \"Test\n").find("poses/test.toml:2:") == 0);
    CHECK(errorsOf(kHeader + kKeyframe, "poses/My Pose.toml") ==
          "poses/My Pose.toml:1:1: file name 'My Pose.toml' is not a pose id: expected 1 to 64 "
          "of a-z, 0-9 and '-', e.g. pigeon.toml\n");
  }
}

TEST_CASE(
    "a user's pose folder replaces a bundled pose of the same id and keeps broken files listed") {
  const testing::TempDir root;
  std::filesystem::create_directories(root.file("bundled"));
  std::filesystem::create_directories(root.file("user"));
  root.write("bundled/rest.toml", kHeader + kKeyframe);
  root.write("user/rest.toml", kHeader + "camera = { elevation = 10 }\n" + kKeyframe);
  root.write("user/broken.toml", "schema = 1\n");
  const PoseLibrary library = PoseLibrary::load({root.file("bundled"), root.file("user")});
  REQUIRE(library.entries().size() == 2);
  REQUIRE(library.find("rest"));
  CHECK(library.find("rest")->camera.elevation == 10);
  CHECK_FALSE(library.find("broken"));
  CHECK(library.errorCount() > 0);
}
