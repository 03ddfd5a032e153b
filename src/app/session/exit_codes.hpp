// The process exit codes every front end returns, in one place so scripts can rely on them.
#pragma once

namespace unknot {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;    // the command could not do its work (store, files)
inline constexpr int kExitUsage = 2;      // bad input on the command line
inline constexpr int kExitNoDisplay = 3;  // no window could open; the caller may use the terminal

}  // namespace unknot
