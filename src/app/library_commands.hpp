// The routine commands of the CLI (`list`, `show`, `validate`, `run --terminal`), kept out of
// main.cpp so the CLI11 parsing stays in one translation unit.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "app/terminal_runner.hpp"
#include "core/routine_library.hpp"

namespace unknot {

struct Library {
  RoutineLibrary routines;
  std::vector<std::filesystem::path> dirs;
  LoaderOptions loader;
};

Library loadLibrary();

int listCommand(const Library& library, std::ostream& out, std::ostream& err);
int showCommand(const Library& library, const std::string& id, std::ostream& out, std::ostream& err);
int validateCommand(const Library& library, const std::vector<std::string>& paths,
                    std::ostream& out, std::ostream& err);
int runTerminalCommand(const Library& library, const std::string& id,
                       const TerminalOptions& options, std::ostream& out, std::ostream& err);

// Exit codes shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

}  // namespace unknot
