// The window's heat/ice controller resuming a cycle an earlier run left held at a switch: the
// "due … ago" clock and the ring count run from when the switch first fell due, not from the
// reopen. The stored cycle comes from a stand-in record in the session's sinks.
#ifdef UNKNOT_HAVE_GUI
#include <catch2/catch.hpp>
#include <cstdlib>
#include <memory>

#include "app/gui/gui_thermal.hpp"
#include "app/session/session_extras.hpp"
#include "support/routine_builder.hpp"

using namespace unknot;
using namespace unknot::testing;

namespace {

// Heat 1 min, then ice 1 min.
Plan heatIcePlan() {
  Step heat = holdStep("Heat", 60);
  heat.kind = StepKind::Heat;
  Step ice = holdStep("Ice", 60);
  ice.kind = StepKind::Ice;
  auto result = expand(makeRoutine("hot-cold", {heat, ice}),
                       [](std::string_view) -> const Routine* { return nullptr; });
  REQUIRE(result.plan);
  return *result.plan;
}

// The progress record as an earlier run left it: held at the switch after the heat.
class StoredHold final : public CueSink, public ThermalRecord {
 public:
  explicit StoredHold(std::int64_t dueUtcMs) {
    m_cycle.sessionId = 7;
    m_cycle.checkpoint.phaseIndex = 0;
    m_cycle.checkpoint.state = ThermalState::Held;
    m_cycle.checkpoint.heldSinceUtcMs = dueUtcMs;
  }
  void onCue(const CueEvent& event) override { events.push_back(event); }
  std::optional<StoredCycle> findResumable(std::int64_t) override { return m_cycle; }
  bool adopt(std::int64_t) override { return true; }
  void discard(std::int64_t) override {}
  void save(const ThermalCheckpoint& checkpoint, std::int64_t) override { saved = checkpoint; }
  void leaveOpen() override {}

  std::vector<CueEvent> events;
  std::optional<ThermalCheckpoint> saved;

 private:
  StoredCycle m_cycle;
};

// No notification service: the test never talks to the desktop's.
class NoSessionBus {
 public:
  NoSessionBus() {
    if (const char* old = std::getenv("DBUS_SESSION_BUS_ADDRESS")) m_old = old;
    ::setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/unknot-test-bus", 1);
  }
  ~NoSessionBus() {
    if (m_old) {
      ::setenv("DBUS_SESSION_BUS_ADDRESS", m_old->c_str(), 1);
    } else {
      ::unsetenv("DBUS_SESSION_BUS_ADDRESS");
    }
  }
  NoSessionBus(const NoSessionBus&) = delete;
  NoSessionBus& operator=(const NoSessionBus&) = delete;

 private:
  std::optional<std::string> m_old;
};

std::int64_t wallNowMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// A window session on `plan` whose record holds a cycle that fell due `dueAgo` before now.
struct ReopenedWindow {
  explicit ReopenedWindow(Millis dueAgo) {
    const std::int64_t due = wallNowMs() - dueAgo.count();
    factory = [this, due](const Plan&, const Clock&) -> std::unique_ptr<CueSink> {
      auto sink = std::make_unique<StoredHold>(due);
      record = sink.get();
      return sink;
    };
    GuiSession::Options options;
    options.makeSink = &factory;
    session = std::make_unique<GuiSession>(plan, options);
    thermal = std::make_unique<GuiThermal>(*session, GuiThermal::Options{});
    thermal->start(Millis(0));
    // One pass of the window's loop.
    session->update();
    thermal->tick();
  }
  NoSessionBus noBus;
  Plan plan = heatIcePlan();
  SessionSinkFactory factory;
  StoredHold* record = nullptr;
  std::unique_ptr<GuiSession> session;
  std::unique_ptr<GuiThermal> thermal;
};

}  // namespace

TEST_CASE("the window counts a resumed switch as due since it first fell due") {
  ReopenedWindow window(Millis(40'000));
  const ThermalViewModel model = window.thermal->model(std::nullopt);
  REQUIRE(model.held);
  CHECK(model.heldTitle == "Heat is done: switch to ice");
  // Due 40 s ago, whatever the reopen took (a slow machine may add a few seconds).
  CHECK(model.heldFor >= Millis(40'000));
  CHECK(model.heldFor < Millis(60'000));
  // Rings every 30 s since it fell due: the one at 0 s and the one at 30 s.
  CHECK(model.ring == 2);
  // What is stored again keeps the first due instant.
  REQUIRE(window.record->saved);
  CHECK(window.record->saved->state == ThermalState::Held);
  CHECK(std::llabs(window.record->saved->heldSinceUtcMs - (wallNowMs() - model.heldFor.count())) <
        2000);
}

TEST_CASE("the window resuming a held switch does not end the finished application again") {
  ReopenedWindow window(Millis(5'000));
  REQUIRE(window.thermal->model(std::nullopt).held);
  for (const CueEvent& event : window.record->events) CHECK(event.type != CueType::PhaseEnded);
}
#endif
