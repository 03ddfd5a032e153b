// Runs a routine in the terminal with the same engine as the GUI: one live status line and
// single-key controls on a TTY, one plain line per event otherwise (logs, pipes, tests).
#pragma once

#include <functional>
#include <iosfwd>
#include <string>

#include "app/session/library.hpp"
#include "app/session/session_sinks.hpp"
#include "app/session/today_dose.hpp"
#include "core/plan.hpp"
#include "core/recovery/red_flags.hpp"

namespace unknot {

struct TerminalOptions {
  double timeScale = 1.0;
  bool interactive = false;            // stdin and stdout are a TTY
  SessionSinkFactory makeSessionSink;  // audio and the record; may be empty
  std::function<bool()> toggleMute;    // returns the new muted state; empty without audio
  bool muted = false;                  // the state the mute switch starts in
  std::function<void(const std::string&)> speak;  // the w and i keys' sentence; empty: no voice
  // Heat/ice: start applications over 20 minutes without asking; start afresh
  // instead of resuming a stored cycle; the command that comes back to a cycle left mid-way.
  bool confirmLongThermal = false;
  bool freshThermal = false;
  std::string resumeCommand;
  // The warnings on the record when the run was asked for (symptoms, pain rules): their advice
  // comes before the timer. `despiteWarning` starts even with an urgent one and no terminal.
  std::vector<RedFlag> warnings;
  bool despiteWarning = false;
  // The first-start notice, on a terminal only (someone must be there to acknowledge it);
  // `acknowledgeNotice` remembers the answer in the settings.
  bool showNotice = false;
  std::function<void()> acknowledgeNotice;
  // The plan's dose today: the routine is expanded at it and its level is shown before the timer.
  TodayDose today;
};

// Left: a heat/ice cycle closed mid-way, kept to be resumed. Refused: not confirmed.
// Interrupted: Ctrl-C, which stops (or leaves a heat/ice cycle) like q.
enum class TerminalOutcome { Finished, Stopped, Left, Refused, Interrupted };

TerminalOutcome runInTerminal(const Plan& plan, const TerminalOptions& options, std::ostream& out);

// The first-start notice on a terminal: its paragraphs, then "Press Enter to go on"; any
// answer acknowledges it.
void showFirstStartNotice(const TerminalOptions& options, std::istream& in, std::ostream& out);

// Before the timer, while a warning is up: prints its advice and what it means for today.
// On a terminal it asks "Start X anyway? [y/N]" (nothing starts without a yes). Without one it
// starts, unless a warning is urgent: then only with --despite-warning (an error line on `err`
// says so). True when the routine may start.
bool adviseBeforeStart(const Plan& plan, const TerminalOptions& options, std::istream& in,
                       std::ostream& out, std::ostream& err);

// With no window, on a terminal: "Start Daily recovery (24m) here in the terminal? [y/N] ".
// True only for an answer starting with y: nothing starts (or is recorded) unasked.
bool askToRunHere(const Plan& plan, std::istream& in, std::ostream& out);

// `unknot run ID --terminal`: finds the routine and runs it; returns the exit code (130 after
// Ctrl-C).
int runTerminalCommand(const Library& library, const std::string& id,
                       const TerminalOptions& options, std::ostream& out, std::ostream& err);

}  // namespace unknot
