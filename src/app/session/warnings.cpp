#include "app/session/warnings.hpp"

#include <ostream>

#include "store/store.hpp"

namespace unknot {

std::string flagLine(const RedFlag& flag) {
  std::string line = flagTitle(flag);
  if (flag.kind == RedFlagKind::Symptom) return line + " (reported " + formatDate(flag.date) + ")";
  if (!flag.reason.empty()) line += " (" + flag.reason + ")";
  return line;
}

void printFlags(const std::vector<RedFlag>& flags, std::ostream& out) {
  for (const RedFlag& flag : flags) {
    const char* mark = flag.urgent() ? "!!! " : "";
    out << mark << flagLine(flag) << '\n';
    out << (flag.urgent() ? mark : "  ") << flag.advice << '\n';
  }
}

std::vector<RedFlag> activeWarnings(const DataDir& dataDir, const LocalInstant& now) {
  if (dataDir.path.empty()) return {};
  try {
    // Read-only: asking must create, migrate and close nothing (a run that is then refused
    // leaves no trace); the run itself reports any problem with the record.
    return Store(dataDir.path, Store::Access::ReadOnly).snapshot(now).redFlags;
  } catch (const std::exception&) {
    return {};
  }
}

}  // namespace unknot
