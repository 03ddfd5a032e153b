#include "app/cli/pose_commands.hpp"

#include <algorithm>
#include <ostream>
#include <string>

#include "app/session/exit_codes.hpp"

namespace unknot {

namespace {

std::string padded(std::string text, size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text + "  ";
}

std::string keyframesText(const figure::Pose& pose) {
  std::string text;
  for (const figure::Keyframe& k : pose.keyframes) text += (text.empty() ? "" : " -> ") + k.name;
  return text;
}

std::string propsText(const figure::Pose& pose) {
  std::string text;
  for (const figure::Prop& p : pose.props) {
    const std::string name(figure::nameOf(p.kind));
    if (text.find(name) == std::string::npos) text += (text.empty() ? "" : ", ") + name;
  }
  return text.empty() ? "-" : text;
}

}  // namespace

int posesCommand(const figure::PoseLibrary& poses, std::ostream& out, std::ostream& err) {
  size_t idWidth = 2, nameWidth = 4, keyWidth = 9;
  for (const figure::PoseEntry& entry : poses.entries()) {
    idWidth = std::max(idWidth, entry.id.size());
    if (!entry.pose) continue;
    nameWidth = std::max(nameWidth, entry.pose->name.size());
    keyWidth = std::max(keyWidth, keyframesText(*entry.pose).size());
  }
  out << padded("ID", idWidth) << padded("NAME", nameWidth) << padded("KEYFRAMES", keyWidth)
      << padded("VIEW", 13) << "PROPS\n";
  int broken = 0;
  for (const figure::PoseEntry& entry : poses.entries()) {
    if (!entry.pose) {
      ++broken;
      out << padded(entry.id, idWidth)
          << "ERROR: " << (entry.errors.empty() ? "unknown error" : entry.errors.front().toString())
          << '\n';
      for (const Diagnostic& error : entry.errors) err << error.toString() << '\n';
      continue;
    }
    const figure::Pose& pose = *entry.pose;
    out << padded(entry.id, idWidth) << padded(pose.name, nameWidth)
        << padded(keyframesText(pose), keyWidth)
        << padded(std::string(figure::nameOf(pose.view)), 13) << propsText(pose) << '\n';
  }
  return broken == 0 ? kExitOk : kExitFailure;
}

}  // namespace unknot
