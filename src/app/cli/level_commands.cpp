// `unknot plan level` and `unknot flare`: the person's own word on the level and on a bad day.
#include <ostream>

#include "app/cli/command_support.hpp"
#include "app/cli/level_text.hpp"
#include "app/cli/progress_commands.hpp"
#include "app/cli/reminder_commands.hpp"
#include "app/session/today_dose.hpp"
#include "core/closest_match.hpp"
#include "core/safe_text.hpp"

namespace unknot {

namespace {

std::optional<Level> levelNamed(const std::string& name) {
  if (name == "auto") return std::nullopt;
  if (const auto level = levelFromString(name)) return level;
  const std::vector<std::string> names{"gentle", "standard", "strong", "auto"};
  throw UsageError{"expected gentle, standard, strong or auto, found '" + name + "'" +
                   didYouMean(name, names)};
}

}  // namespace

int planLevelCommand(const ProgressOptions& options, std::ostream& out, std::ostream& err) {
  return guarded(err, "plan level", [&] {
    const std::optional<Level> level = levelNamed(options.level);
    const LocalInstant now = nowOrOverride(options.nowText);
    auto store = openStore(options.dataDir, err);
    if (!store->currentPlan()) {
      throw CommandFailure{
          "there is no plan to set a level for; start one with `unknot plan "
          "start`"};
    }
    store->setLevelOverride(level, store->dateFor(now), now);
    const ProgressSnapshot snapshot = store->snapshot(now);
    if (level) {
      out << "Level set to " << toString(*level)
          << " from today; it stays there until `unknot plan level auto`.\n";
    } else {
      out << "The plan's rules choose the level again from today.\n";
    }
    printLevel(snapshot, out);
    return kExitOk;
  });
}

int flareCommand(const ProgressOptions& options, std::ostream& out, std::ostream& err) {
  return guarded(err, "flare", [&] {
    if (options.note.size() > kMaxNoteLength) throw UsageError{"--note: longer than 2000 bytes"};
    if (!isCleanUtf8(options.note)) throw UsageError{"--note: not valid UTF-8 text"};
    if (const std::string control = firstControlCharacter(options.note, true); !control.empty())
      throw UsageError{"--note: it has a control character (" + control + "); use plain text"};
    const LocalInstant now = nowOrOverride(options.nowText);
    auto store = openStore(options.dataDir, err);
    const LogicalDate today = store->dateFor(now);
    store->markFlare(today, options.note, now);
    const ProgressSnapshot snapshot = store->snapshot(now);
    out << flareOutcome(snapshot, today) << '\n';
    out << "Streak: " << counted(snapshot.streaks.current, "day") << ".\n";
    out << "For today, the Sore day routine is gentler: unknot run " << kSoreDayRoutine
        << " --terminal\n";
    return kExitOk;
  });
}

}  // namespace unknot
