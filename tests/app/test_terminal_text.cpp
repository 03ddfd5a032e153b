// The terminal runner's words, tested as plain strings, and its yes/no question.
#include <catch2/catch.hpp>
#include <sstream>

#include "app/terminal/terminal_runner.hpp"
#include "app/terminal/terminal_text.hpp"

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
