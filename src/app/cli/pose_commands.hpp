// `unknot poses`: the pose library as a table (id, name, keyframes, view, props); a pose file
// with errors is listed with its first error and makes the command fail.
#pragma once

#include <iosfwd>

#include "core/figure/pose_loader.hpp"

namespace unknot {

int posesCommand(const figure::PoseLibrary& poses, std::ostream& out, std::ostream& err);

}  // namespace unknot
