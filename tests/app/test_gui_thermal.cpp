// The window's heat/ice controller resuming a cycle an earlier run left held at a switch: the
// "due … ago" clock and the ring count run from when the switch first fell due, not from the
// reopen, and what the window says calls the user is what there is (sound, notifications).
// The stored cycle comes from a stand-in record in the session's sinks, the sound from a
// stand-in bell.
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

// The audio side of a session, wrapping the record as the real one does.
class Bell final : public CueSink, public AlarmBell, public SinkWrapper {
 public:
  Bell(std::unique_ptr<CueSink> record, bool device)
      : m_record(std::move(record)), m_device(device) {}
  void onCue(const CueEvent& event) override { m_record->onCue(event); }
  void ring(double) override { ++rings; }
  void silence() override {}
  bool audible() const override { return m_device; }
  CueSink* wrapped() override { return m_record.get(); }
  int rings = 0;

 private:
  std::unique_ptr<CueSink> m_record;
  bool m_device;
};

enum class Sound { Off, NoDevice, On };

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
  explicit ReopenedWindow(Millis dueAgo, Sound sound = Sound::Off) {
    const std::int64_t due = wallNowMs() - dueAgo.count();
    factory = [this, due, sound](const Plan&, const Clock&) -> std::unique_ptr<CueSink> {
      auto sink = std::make_unique<StoredHold>(due);
      record = sink.get();
      if (sound == Sound::Off) return sink;  // --no-audio: no bell at all
      return std::make_unique<Bell>(std::move(sink), sound == Sound::On);
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
TEST_CASE("the held window says the alarm rings only when it can be heard") {
  SECTION("with sound") {
    ReopenedWindow window(Millis(5'000), Sound::On);
    CHECK(window.thermal->model(false).alarm == AlarmSound::Ringing);
    CHECK(window.thermal->model(true).alarm == AlarmSound::Muted);
  }
  SECTION("without an audio device") {
    ReopenedWindow window(Millis(5'000), Sound::NoDevice);
    CHECK(window.thermal->model(false).alarm == AlarmSound::Silent);
  }
  SECTION("with --no-audio") {
    ReopenedWindow window(Millis(5'000), Sound::Off);
    const ThermalViewModel model = window.thermal->model(std::nullopt);
    REQUIRE(model.held);
    CHECK(model.alarm == AlarmSound::Silent);
    CHECK(heldFooter(model, "-").find("ringing") == std::string::npos);
  }
}

TEST_CASE("the window says what will call at a switch for each mix of sound and notifications") {
  SwitchCallers callers;
  callers.whyNoNotifications = "no D-Bus session bus";
  callers.sound = true;
  callers.notifications = true;
  CHECK(callersNotice(callers).empty());
  CHECK(callersBanner(callers).empty());

  callers.sound = false;
  CHECK(callersNotice(callers).empty());  // notifications work: stderr stays quiet
  CHECK(callersBanner(callers) ==
        "No sound here: a desktop notification and this window will call you, no alarm.");

  callers.notifications = false;
  CHECK(callersNotice(callers) ==
        "unknot: no desktop notifications (no D-Bus session bus); no sound either: only this "
        "window shows each switch");
  CHECK(callersBanner(callers) ==
        "No desktop notifications and no sound here: nothing will call you, so come back at the "
        "switch time shown.");

  callers.sound = true;
  CHECK(callersNotice(callers) ==
        "unknot: no desktop notifications (no D-Bus session bus); the alarm and this window still "
        "call you at each switch");
  CHECK(callersBanner(callers) ==
        "No desktop notifications here: the alarm and this window will call you.");
}

TEST_CASE("a window started without sound or notifications says nothing else will call") {
  NoSessionBus noBus;
  const Plan plan = heatIcePlan();
  GuiSession session(plan, GuiSession::Options{});  // --no-audio, nothing stored
  GuiThermal thermal(session, GuiThermal::Options{});
  thermal.start(Millis(0));
  const ThermalViewModel model = thermal.model(std::nullopt);
  CHECK_FALSE(model.held);
  CHECK(model.banner ==
        "No desktop notifications and no sound here: nothing will call you, so come back at the "
        "switch time shown.");
}
#endif
