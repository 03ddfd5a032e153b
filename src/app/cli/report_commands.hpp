// `unknot report --pdf FILE`: the one-page PDF for a physiotherapist, drawn from the same
// snapshot `unknot stats` prints. main.cpp parses; this does the work.
#pragma once

#include <iosfwd>

#include "app/cli/progress_commands.hpp"

namespace unknot {

int reportCommand(const ProgressOptions& options, std::ostream& out, std::ostream& err);

}  // namespace unknot
