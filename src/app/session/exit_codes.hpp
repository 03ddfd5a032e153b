// The process exit codes every front end and command returns, in one place so scripts can rely
// on them (docs/cli.md lists them with the message convention).
#pragma once

namespace unknot {

inline constexpr int kExitOk = 0;
// What was typed is fine but the work could not be done: a file or folder that cannot be read
// or written, a database that cannot be opened, a routine file with errors, a record that
// already has what is being added.
inline constexpr int kExitFailure = 1;
// What was typed is wrong: an unknown command or option, a missing or malformed value, a value
// out of range, a name that does not exist (routine, target, category, symptom, reminder).
inline constexpr int kExitUsage = 2;
// No window could open and nothing was started; `unknot run ID --terminal` works without one.
inline constexpr int kExitNoDisplay = 3;
// Ctrl-C: what shells expect after SIGINT (128 + 2). A routine stopped this way is recorded as
// stopped.
inline constexpr int kExitInterrupted = 130;

}  // namespace unknot
