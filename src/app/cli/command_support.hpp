// What every command group shares: the two kinds of error a command can end with, the guard
// that turns them into one line and an exit code, and the one way to open the store (with the
// notice about sessions an earlier run left open).
#pragma once

#include <ostream>
#include <string>
#include <utility>

#include "app/session/exit_codes.hpp"
#include "app/session/open_store.hpp"
#include "store/store.hpp"

namespace unknot {

// Bad input on the command line: one line, exit 2.
struct UsageError {
  std::string message;
};

// The command could not do its work (a file it writes, a lock it needs): one line, exit 1.
struct CommandFailure {
  std::string message;
};

// Runs a command body; its errors become "unknot: <message>" on `err` and an exit code.
template <typename Body>
int guarded(std::ostream& err, Body&& body) {
  try {
    return std::forward<Body>(body)();
  } catch (const UsageError& e) {
    err << "unknot: " << e.message << '\n';
    return kExitUsage;
  } catch (const CommandFailure& e) {
    err << "unknot: " << e.message << '\n';
    return kExitFailure;
  } catch (const StoreError& e) {
    err << "unknot: " << e.what() << '\n';
    return kExitFailure;
  }
}

}  // namespace unknot
