// Runs another program to its end and keeps what it printed: how the app talks to
// `systemctl --user` without a shell in between.
#pragma once

#include <string>
#include <vector>

namespace unknot {

struct ChildResult {
  int exitCode = -1;   // 127 when the program could not be started, 128 + signal when killed
  std::string output;  // stdout and stderr together, as a person would have seen them
};

// Looks `args[0]` up on PATH (as a shell would), with stdin from /dev/null.
ChildResult runChild(const std::vector<std::string>& args);

// The program's full path when `name` is found on PATH, else empty.
std::string findOnPath(const std::string& name, const char* path);

}  // namespace unknot
