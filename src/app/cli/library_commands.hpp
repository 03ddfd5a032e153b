// The routine commands of the CLI (`list`, `show`, `validate`), kept out of main.cpp so the
// CLI11 parsing stays in one translation unit.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "app/session/library.hpp"
#include "app/session/today_dose.hpp"

namespace unknot {

int listCommand(const Library& library, std::ostream& out, std::ostream& err);
// With `today` from a running plan, the routine is shown at the plan's dose for today.
int showCommand(const Library& library, const std::string& id, std::ostream& out, std::ostream& err,
                const TodayDose* today = nullptr);
int validateCommand(const Library& library, const std::vector<std::string>& paths,
                    std::ostream& out, std::ostream& err);

}  // namespace unknot
