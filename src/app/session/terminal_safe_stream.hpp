// Everything the command line prints goes through terminalSafe (core/safe_text.hpp): routine
// names, notes, file paths and the values quoted in error messages can come from a file, the
// record or the user, and a terminal would obey an escape sequence in them. Only the terminal
// runner writes its own control sequences (redrawing its status line), to the raw stream.
#pragma once

#include <iostream>
#include <streambuf>
#include <string>

namespace unknot {

// Forwards to `target`, showing control characters visibly; newline and tab pass.
class TerminalSafeBuf final : public std::streambuf {
 public:
  explicit TerminalSafeBuf(std::streambuf* target) : m_target(target) {}

 protected:
  int_type overflow(int_type c) override;
  int sync() override;

 private:
  std::streambuf* m_target;
  bool m_pendingC2 = false;  // a C1 control is two bytes in UTF-8: C2, then 80 to 9F
};

// For the life of the program: std::cout and std::cerr write through TerminalSafeBuf, and
// raw() writes to the terminal as it is (for the terminal runner's own control sequences).
class TerminalSafeStreams {
 public:
  TerminalSafeStreams();
  ~TerminalSafeStreams();
  TerminalSafeStreams(const TerminalSafeStreams&) = delete;
  TerminalSafeStreams& operator=(const TerminalSafeStreams&) = delete;
  std::ostream& raw() { return m_raw; }

 private:
  std::streambuf* m_coutBuf;
  std::streambuf* m_cerrBuf;
  TerminalSafeBuf m_safeOut;
  TerminalSafeBuf m_safeErr;
  std::ostream m_raw;
};

}  // namespace unknot
