// Shared by the figure tests: the bundled pose library, every (pose, keyframe, side) of it,
// and the bones whose lengths never change.
#pragma once

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/figure/figure_scene.hpp"
#include "core/figure/pose_loader.hpp"

namespace unknot::testing {

inline const figure::PoseLibrary& bundledPoses() {
  static const figure::PoseLibrary library =
      figure::PoseLibrary::load({std::string(UNKNOT_SOURCE_DIR) + "/assets/poses"});
  return library;
}

inline std::vector<const figure::Pose*> everyPose() {
  std::vector<const figure::Pose*> poses;
  for (const figure::PoseEntry& entry : bundledPoses().entries()) {
    INFO(entry.id);
    for (const Diagnostic& error : entry.errors) INFO(error.toString());
    REQUIRE(entry.pose);
    poses.push_back(&*entry.pose);
  }
  REQUIRE(poses.size() >= 17);
  return poses;
}

struct Bone {
  const char* name;
  figure::Joint a, b;
  double length;  // in H
};

// Limb bones per side: the right side's joints follow the left side's.
inline std::vector<Bone> allBones() {
  using figure::Joint;
  namespace b = figure::bones;
  std::vector<Bone> out{
      {"pelvis", Joint::Root, Joint::Waist, b::kPelvis},
      {"torso", Joint::Waist, Joint::NeckBase, b::kTorso},
      {"neck", Joint::NeckBase, Joint::HeadBase, b::kNeck},
      {"head", Joint::HeadBase, Joint::HeadCentre, b::kHeadRadius},
  };
  const auto add = [&out](const char* name, Joint a, Joint b, double length) {
    out.push_back({name, a, b, length});
  };
  add("left thigh", Joint::LeftHip, Joint::LeftKnee, b::kThigh);
  add("left shank", Joint::LeftKnee, Joint::LeftAnkle, b::kShank);
  add("right thigh", Joint::RightHip, Joint::RightKnee, b::kThigh);
  add("right shank", Joint::RightKnee, Joint::RightAnkle, b::kShank);
  add("left upper arm", Joint::LeftShoulder, Joint::LeftElbow, b::kUpperArm);
  add("left forearm", Joint::LeftElbow, Joint::LeftWrist, b::kForearm);
  add("left hand", Joint::LeftWrist, Joint::LeftFingers, b::kHand);
  add("right upper arm", Joint::RightShoulder, Joint::RightElbow, b::kUpperArm);
  add("right forearm", Joint::RightElbow, Joint::RightWrist, b::kForearm);
  add("right hand", Joint::RightWrist, Joint::RightFingers, b::kHand);
  return out;
}

}  // namespace unknot::testing
