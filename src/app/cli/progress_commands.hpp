// The progress commands of the CLI (plan, checkin, history, stats, export, backup) and the
// wiring that records runs in the store. main.cpp parses; these do the work.
#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "app/session/app_paths.hpp"
#include "core/recovery/logical_day.hpp"

namespace unknot {

struct ProgressOptions {
  DataDir dataDir;       // resolved from --data-dir, UNKNOT_DATA_DIR or the XDG default
  int firstWeekday = 0;  // stats: the calendar's first column (settings, else the locale)
  std::function<std::string(LogicalDate)> dateText;  // stats: the locale's dates; empty: ISO
  // plan start / plan edit
  std::optional<int> weeks, restDays, dayStart;
  std::string date;
  std::vector<std::string> targets;        // start: the plan's targets; edit: set these
  std::vector<std::string> removeTargets;  // edit: drop these ("stretch", "routine:ID")
  bool replace = false;
  std::string side;                   // start / edit: left, right or both
  std::optional<int> extraSoreHolds;  // start / edit: 0..2
  std::string level;                  // plan level: gentle, standard, strong or auto
  // checkin
  int pain = -1;
  std::optional<int> tightness;
  std::vector<std::string> symptoms;
  std::vector<std::string> gone;  // symptoms an earlier check-in reported that have gone
  std::string note;               // checkin and flare
  bool beforeSession = false, afterSession = false;
  std::string nowText;  // hidden --now (checkin, stats) for tests: a chosen day and time
  // history, stats, export, backup
  int days = 7;
  bool json = false;
  std::string exportDir;
  std::string backupFile;
  // report
  std::string reportFile, fromText, toText, paper;
};

int planStartCommand(const ProgressOptions& options, std::ostream& out, std::ostream& err);
int planShowCommand(const ProgressOptions& options, std::ostream& out, std::ostream& err);
int planEditCommand(const ProgressOptions& options, std::ostream& out, std::ostream& err);
int planLevelCommand(const ProgressOptions& options, std::ostream& out, std::ostream& err);
int flareCommand(const ProgressOptions& options, std::ostream& out, std::ostream& err);
int checkinCommand(const ProgressOptions& options, std::ostream& out, std::ostream& err);
int historyCommand(const ProgressOptions& options, std::ostream& out, std::ostream& err);
int statsCommand(const ProgressOptions& options, std::ostream& out, std::ostream& err);
int exportCommand(const ProgressOptions& options, std::ostream& out, std::ostream& err);
int backupCommand(const ProgressOptions& options, std::ostream& out, std::ostream& err);

}  // namespace unknot
