// Your data, yours: `unknot data` (every file unknot keeps and its size), `unknot forget --all`
// (delete the record after a typed confirmation, offering a backup first) and `unknot restore`
// (bring back a backup, keeping the current record as a dated copy), `unknot merge` (another
// computer's record). main.cpp parses.
#pragma once

#include <iosfwd>
#include <string>

#include "app/session/app_paths.hpp"

namespace unknot {

struct DataOptions {
  bool all = false;          // forget: the whole record (required)
  bool yes = false;          // forget: no question
  std::string backupFile;    // forget: write a backup here first
  std::string restoreFile;   // restore: the backup to bring back
  std::string mergeFile;     // merge: the other computer's record
  bool interactive = false;  // stdin and stdout are a terminal
};

int dataCommand(const AppPaths& paths, std::ostream& out, std::ostream& err);
int forgetCommand(const AppPaths& paths, const DataOptions& options, std::istream& in,
                  std::ostream& out, std::ostream& err);
int restoreCommand(const AppPaths& paths, const DataOptions& options, std::ostream& out,
                   std::ostream& err);
// `unknot merge OTHER.db`: another computer's record brought in by stable ids (Store::merge).
int mergeCommand(const AppPaths& paths, const DataOptions& options, std::ostream& out,
                 std::ostream& err);

// "12 B", "3.4 KiB", "1.2 MiB".
std::string sizeText(std::uintmax_t bytes);

}  // namespace unknot
