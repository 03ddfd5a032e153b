// Installs checked routine files into a folder all at once or not at all: every file is written
// to a temporary file first, the files it replaces are kept aside until every rename has
// succeeded, and any failure puts the folder back as it was.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace unknot {

struct InstallFile {
  std::filesystem::path target;  // where it goes
  std::string bytes;             // exactly what was checked
};

struct InstallError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Throws InstallError (with the file and the reason) when any file cannot be installed; then
// the folder holds what it held before.
void installAll(const std::vector<InstallFile>& files);

}  // namespace unknot
