#include "app/session/startup_trace.hpp"

#include <iomanip>

namespace unknot {

StartupTrace::StartupTrace()
    : m_origin(Clock::now()), m_originWall(std::chrono::system_clock::now()) {
  m_marks.reserve(16);
}

void StartupTrace::mark(std::string what) {
  m_marks.emplace_back(std::move(what), Clock::now());
}

void StartupTrace::print(std::ostream& out) const {
  using std::chrono::duration;
  using std::chrono::milliseconds;
  out << "gui.trace.main_unix_ms "
      << std::chrono::duration_cast<milliseconds>(m_originWall.time_since_epoch()).count() << '\n';
  for (const auto& [what, when] : m_marks) {
    out << "gui.trace." << what << "_ms " << std::fixed << std::setprecision(1)
        << duration<double, std::milli>(when - m_origin).count() << '\n';
  }
  out << std::flush;
}

}  // namespace unknot
