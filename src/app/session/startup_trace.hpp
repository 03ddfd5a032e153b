// Where the window's start-up time goes: steady-clock stamps from main's first line to the first
// frame, printed by --gui-stats so scripts/bench-gui can show each step next to the bare floor.
#pragma once

#include <chrono>
#include <ostream>
#include <string>
#include <vector>

namespace unknot {

class StartupTrace {
 public:
  // The origin is the moment of construction: main's first line.
  StartupTrace();
  // A step just finished; `what` is a short snake_case name ("library", "window").
  void mark(std::string what);
  // "gui.trace.main_unix_ms N" (the origin on the wall clock, so a launcher can see the time
  // before main: loading the program and its libraries), then "gui.trace.<what>_ms T" per
  // step in order, T in milliseconds since the origin.
  void print(std::ostream& out) const;

 private:
  using Clock = std::chrono::steady_clock;
  Clock::time_point m_origin;
  std::chrono::system_clock::time_point m_originWall;
  std::vector<std::pair<std::string, Clock::time_point>> m_marks;
};

// A step for a trace that may be absent (tests build the window without one).
inline void traceStep(StartupTrace* trace, std::string what) {
  if (trace) trace->mark(std::move(what));
}

}  // namespace unknot
