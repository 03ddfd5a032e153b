// The terminal runner's words, tested as plain strings, and its yes/no question.
#include <catch2/catch.hpp>
#include <sstream>

#include "app/terminal/terminal_runner.hpp"
#include "app/terminal/terminal_text.hpp"
#include "app/terminal/terminal_thermal.hpp"

using namespace unknot;

TEST_CASE("wrapped instructions never exceed the width and keep every word") {
  const std::string text =
      "Keep your hips square to the floor rather than rolling onto the front hip.";
  const std::string wrapped = wrapText(text, 30, "    ");
  size_t start = 0;
  while (start < wrapped.size()) {
    const size_t end = wrapped.find('\n', start);
    REQUIRE(end != std::string::npos);
    CHECK(end - start <= 30);
    CHECK(wrapped.compare(start, 4, "    ") == 0);
    start = end + 1;
  }

  std::string joined;  // undo the wrapping: every word must come back in order
  for (size_t at = 0; at < wrapped.size();) {
    const size_t end = wrapped.find('\n', at);
    joined += (joined.empty() ? "" : " ") + wrapped.substr(at + 4, end - at - 4);
    at = end + 1;
  }
  CHECK(joined == text);
}

TEST_CASE("the status line is cut to the terminal width with a marker") {
  CHECK(fitWidth("short", 20) == "short");
  CHECK(fitWidth("0123456789abcdef", 10) == "0123456...");
  CHECK(fitWidth("Ruhe • Pause • weiter", 10).size() <=
        10 + 4);  // multi-byte characters count once
}

TEST_CASE("a phase title names the side except on the switch itself") {
  Phase phase;
  phase.label = "Pigeon pose";
  phase.side = Side::Right;
  CHECK(phaseTitle(phase) == "Pigeon pose (right)");
  phase.kind = PhaseKind::Switch;
  phase.label = "Switch sides";
  phase.side = Side::Left;
  CHECK(phaseTitle(phase) == "Switch sides");
}

TEST_CASE("the terminal counts sets, rounds and reps in the same words as the window") {
  Phase phase;
  phase.label = "Bridge";
  phase.kind = PhaseKind::Reps;
  phase.reps = 10;
  phase.set = 2;
  phase.setCount = 3;
  phase.round = 1;
  phase.roundCount = 2;
  phase.duration = Millis(30'000);
  const std::string line = describePhaseStart(phase, Millis(0));
  CHECK(line.find(countersText(phase, "-")) != std::string::npos);
  CHECK(line.find("Round 1 of 2 - Set 2 of 3") != std::string::npos);
  Plan plan;
  plan.phases = {phase};
  CHECK(describeEvent(plan, CueEvent{CueType::RepTick, 0, 3, Millis(0)}, Millis(0))
            .find("Rep 3 of 10") != std::string::npos);
}

TEST_CASE("the terminal says what will call at a switch, and never mentions a window") {
  SwitchCallers callers;
  callers.whyNoNotifications = "no D-Bus session bus";
  callers.sound = true;
  callers.notifications = true;
  CHECK(describeCallers(callers).empty());  // the alarm and a notification: nothing to say

  callers.notifications = false;
  CHECK(describeCallers(callers) ==
        "unknot: no desktop notifications (no D-Bus session bus); the alarm still rings at each "
        "switch");
  callers.sound = false;
  CHECK(describeCallers(callers) ==
        "unknot: no desktop notifications (no D-Bus session bus) and no sound; nothing will call "
        "you at a switch, so come back to this terminal when each application ends");
  callers.notifications = true;
  CHECK(describeCallers(callers) ==
        "unknot: no sound here; at each switch a desktop notification calls you, but no alarm "
        "rings");
  for (const bool sound : {false, true}) {
    for (const bool notifications : {false, true}) {
      callers.sound = sound;
      callers.notifications = notifications;
      CHECK(describeCallers(callers).find("window") == std::string::npos);
    }
  }
}

TEST_CASE("a ring line in the terminal says whether the alarm is heard") {
  ThermalHold hold;
  hold.prompt.nextKind = "ice";
  const AlarmRing ring{2, 0.6};
  const Millis at(90'000);
  CHECK(describeRing(ring, hold, at, false) ==
        "[01:30] ALARM ring 2 (60% volume) - Press Enter or a when you have switched.");
  CHECK(describeRing(ring, hold, at, true) ==
        "[01:30] ALARM ring 2 (muted: m to hear it) - Press Enter or a when you have switched.");
  CHECK(describeRing(ring, hold, at, std::nullopt) ==
        "[01:30] REMINDER 2 (no sound) - Press Enter or a when you have switched.");
}

TEST_CASE("without a window the terminal offers a routine and starts it only on yes") {
  Plan plan;
  plan.name = "Daily recovery";
  plan.total = Millis(24 * 60 * 1000);
  for (const auto& [answer, yes] : std::vector<std::pair<std::string, bool>>{
           {"y\n", true}, {"Yes\n", true}, {"\n", false}, {"n\n", false}, {"", false}}) {
    std::istringstream in(answer);
    std::ostringstream out;
    INFO("answer '" << answer << "'");
    CHECK(askToRunHere(plan, in, out) == yes);
    CHECK(out.str().rfind("Start Daily recovery (24m) here in the terminal? [y/N] ", 0) == 0);
    CHECK((out.str().find("Not started.") != std::string::npos) == !yes);
  }
}
