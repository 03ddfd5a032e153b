// The active warnings (red flags) as every text front end prints them, and reading them from
// the record before a routine starts, so the CLI and the terminal runner say the same thing.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "app/session/app_paths.hpp"
#include "core/recovery/red_flags.hpp"

namespace unknot {

// "Urgent: numbness in the groin, buttocks or inner thighs (reported 2024-05-02)",
// "Pain getting worse (7-day mean 6, at the start 3)".
std::string flagLine(const RedFlag& flag);

// Each flag's line and advice. Urgent ones are marked "!!!" on every line, the strongest a
// plain terminal line can be (no colour codes: output is escaped and may be a log).
void printFlags(const std::vector<RedFlag>& flags, std::ostream& out);

// Every active flag on the record at `now`, most pressing first. A record that cannot be read
// gives none: it must not stand between the person and the timer (the run says it is not
// recorded).
std::vector<RedFlag> activeWarnings(const DataDir& dataDir, const LocalInstant& now);

}  // namespace unknot
