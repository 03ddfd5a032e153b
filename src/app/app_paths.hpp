// Finds the bundled routines and assets from the executable's own location, so the same
// binary works from the build tree and from an installed prefix (P/bin + P/share/unknot).
#pragma once

#include <filesystem>

namespace unknot {

struct AppPaths {
  std::filesystem::path routinesDir;  // bundled routines
  std::filesystem::path assetsDir;
};

AppPaths findAppPaths();

}  // namespace unknot
