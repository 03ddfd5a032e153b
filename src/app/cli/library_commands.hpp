// The routine commands of the CLI (`list`, `show`, `validate`), kept out of main.cpp so the
// CLI11 parsing stays in one translation unit.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "app/session/library.hpp"
#include "core/plan.hpp"

namespace unknot {

int listCommand(const Library& library, std::ostream& out, std::ostream& err);
// The ids of the routines that load, one per line and nothing else: what `unknot run` accepts,
// for shell completion and scripts (a broken file is left out; `list` and `validate` say why).
int listIdsCommand(const Library& library, std::ostream& out);
// Shows the routine's phases at `dose` (its level, and the sore side two-sided steps start on);
// `doseNote` is a line under the header saying where the dose came from (empty: none).
int showCommand(const Library& library, const std::string& id, const Dose& dose,
                const std::string& doseNote, std::ostream& out, std::ostream& err);
int validateCommand(const Library& library, const std::vector<std::string>& paths,
                    std::ostream& out, std::ostream& err);

}  // namespace unknot
