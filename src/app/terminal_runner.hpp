// Runs a routine in the terminal with the same engine as the GUI: one live status line and
// single-key controls on a TTY, one plain line per event otherwise (logs, pipes, tests).
#pragma once

#include <functional>
#include <iosfwd>

#include "app/session_sinks.hpp"
#include "core/plan.hpp"

namespace unknot {

struct TerminalOptions {
  double timeScale = 1.0;
  bool interactive = false;       // stdin and stdout are a TTY
  SessionSinkFactory makeSessionSink;  // audio and the record; may be empty
  std::function<bool()> toggleMute;    // returns the new muted state; empty without audio
};

enum class TerminalOutcome { Finished, Stopped };

TerminalOutcome runInTerminal(const Plan& plan, const TerminalOptions& options, std::ostream& out);

}  // namespace unknot
