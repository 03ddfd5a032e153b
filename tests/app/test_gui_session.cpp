// One run of a routine in the window, driven the way a person drove it: the finish screen must
// tell the truth about a run that was mostly skipped.
#include <catch2/catch.hpp>

#include "app/gui/gui_session.hpp"
#include "app/session/session_commands.hpp"
#include "core/routine_loader.hpp"

using namespace unknot;
using namespace std::chrono_literals;

namespace {

Plan bundledPlan(const std::string& id) {
  const auto loaded =
      loadRoutineFile(std::filesystem::path(UNKNOT_SOURCE_DIR) / "routines" / (id + ".toml"), {});
  REQUIRE(loaded.routine);
  auto result = expand(*loaded.routine, [](std::string_view) -> const Routine* { return nullptr; });
  REQUIRE(result.plan);
  return *result.plan;
}

void press(GuiSession& session, SessionCommand command) {
  SessionControls controls{session.engine(), nullptr, {}, {}};
  applySessionCommand(controls, command);
  session.update();
}

}  // namespace

TEST_CASE(
    "the finish screen of a mostly skipped pigeon pose shows real time and counts that add up") {
  const Plan plan = bundledPlan("pigeon-pose");
  GuiSession::Options options;
  options.frozenClock = true;
  GuiSession session(plan, options);
  session.start(0s);
  for (int i = 0; i < 4; ++i) press(session, SessionCommand::TogglePause);  // paused twice
  press(session, SessionCommand::Skip);
  press(session, SessionCommand::Skip);
  press(session, SessionCommand::Back);
  session.jump(5s);
  for (int i = 0; i < 6 && !session.over(); ++i) press(session, SessionCommand::Skip);
  while (!session.over()) press(session, SessionCommand::Skip);

  const SummaryModel model = session.summaryModel();
  const SummaryLines lines = summaryLines(model, "-");
  INFO(lines.headline << " | " << lines.time << " | " << lines.phases);
  CHECK(lines.headline != "Well done");
  CHECK(model.tally.done + model.tally.skipped + model.tally.notReached ==
        static_cast<int>(plan.phases.size()));
  CHECK(model.tally.active == 5s);  // what `history` shows for the same run
  CHECK(lines.time.rfind("00:05 of ", 0) == 0);
  CHECK(lines.phases.find("2 pauses") != std::string::npos);
}

TEST_CASE("the finish screen of a run done in full says well done with the planned time") {
  const Plan plan = bundledPlan("pigeon-pose");
  GuiSession::Options options;
  options.frozenClock = true;
  GuiSession session(plan, options);
  session.start(plan.total + 1s);
  REQUIRE(session.over());
  const SummaryLines lines = summaryLines(session.summaryModel(), "-");
  CHECK(lines.headline == "Well done");
  CHECK(lines.time == formatClock(plan.total) + " of guided time");
  CHECK(lines.phases == std::to_string(plan.phases.size()) + " of " +
                            std::to_string(plan.phases.size()) + " phases done");
}
