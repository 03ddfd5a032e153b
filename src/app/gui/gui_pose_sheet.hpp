// `unknot poses --sheet FILE.png`: every pose, keyframe and side drawn offscreen into one
// labelled image (ui/pose_sheet), through the same window and PNG path as the screenshots.
#pragma once

#include <filesystem>
#include <string>

#include "core/figure/pose_loader.hpp"

namespace unknot {

// Returns the exit code; with no display it writes nothing, sets `noDisplayReason` and returns
// kExitNoDisplay so the caller says what to do instead.
int writePoseSheet(const figure::PoseLibrary& poses, const std::filesystem::path& png,
                   std::string& noDisplayReason);

}  // namespace unknot
