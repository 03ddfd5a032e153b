// `unknot import FILE...`: routine files someone shared (a physiotherapist's, a friend's) are
// checked as they would run once installed, then installed into the user's routines folder,
// all of them or none. main.cpp parses; this does the work.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "app/session/library.hpp"

namespace unknot {

struct ImportOptions {
  std::vector<std::string> files;
  bool replace = false;      // replace the user's routines (or shadow bundled ones) unasked
  bool interactive = false;  // stdin and stdout are a terminal: ask before replacing
};

int importCommand(const AppPaths& paths, const Library& library, const ImportOptions& options,
                  std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace unknot
