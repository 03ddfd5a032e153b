// What every command group shares: the two kinds of error a command can end with, the guard
// that turns them into one line "unknot: <where>: <what>" and an exit code (docs/cli.md), and
// the one way to open the store (with the notice about sessions an earlier run left open).
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <utility>

#include "app/session/exit_codes.hpp"
#include "app/session/open_store.hpp"
#include "store/store.hpp"

namespace unknot {

// Bad input on the command line: one line, exit 2. `hint` closes the line in parentheses;
// empty: "see unknot <where> --help", unless the message offers a "did you mean" already.
struct UsageError {
  explicit UsageError(std::string what, std::string why = {})
      : message(std::move(what)), hint(std::move(why)) {}
  std::string message;
  std::string hint;
};

// The command could not do its work (a file it writes, a lock it needs): one line, exit 1.
struct CommandFailure {
  std::string message;
};

// "unknot: <where>: <what>", the one shape of every error line.
inline std::string errorLine(std::string_view where, std::string_view what) {
  std::string line = "unknot: ";
  if (!where.empty()) line.append(where).append(": ");
  return line.append(what);
}

// The usage error's line: the message, then its hint or the pointer to the command's help.
inline std::string usageLine(std::string_view where, const UsageError& error) {
  std::string line = errorLine(where, error.message);
  if (!error.hint.empty()) return line + " (" + error.hint + ")";
  if (error.message.find("(did you mean") != std::string::npos) return line;
  return line + " (see unknot " + std::string(where) + (where.empty() ? "" : " ") + "--help)";
}

// Runs a command body; its errors become one line on `err` and an exit code.
template <typename Body>
int guarded(std::ostream& err, std::string_view where, Body&& body) {
  try {
    return std::forward<Body>(body)();
  } catch (const UsageError& e) {
    err << usageLine(where, e) << '\n';
    return kExitUsage;
  } catch (const CommandFailure& e) {
    err << errorLine(where, e.message) << '\n';
    return kExitFailure;
  } catch (const StoreError& e) {
    err << errorLine(where, e.what()) << '\n';
    return kExitFailure;
  }
}

// "1 phase", "2 phases": counts in messages agree with their noun.
inline std::string counted(long long n, std::string_view singular, std::string_view plural = {}) {
  std::string text = std::to_string(n) + ' ';
  if (n == 1) return text.append(singular);
  if (!plural.empty()) return text.append(plural);
  return text.append(singular).append("s");
}

}  // namespace unknot
