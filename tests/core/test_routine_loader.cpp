// The routine loader's keys and values: each key's meaning, default and every error, with the
// exact line and column a user's editor would jump to.
#include <catch2/catch.hpp>

#include "loader_helpers.hpp"

using namespace unknot;
using namespace unknot::testing;
using namespace std::chrono_literals;

TEST_CASE("a file using every key loads each value") {
  const std::string path = fixture("routines/every-key.toml");
  const Routine routine = loadOk(loadRoutineFile(path, {}));
  CHECK(routine.id == "every-key");
  CHECK(routine.path == path);
  CHECK(routine.name == "Every key");
  CHECK(routine.summary == "A fixture that sets every key a routine file may use.");
  CHECK(routine.category == Category::Stretch);
  CHECK(routine.tags == std::vector<std::string>{"glutes", "piriformis"});
  CHECK(routine.rounds == 2);
  CHECK(routine.restBetweenRounds == 15s);
  CHECK(routine.prepare == 10s);
  CHECK(routine.warnings.empty());
  REQUIRE(routine.steps.size() == 3);

  const Step& hold = routine.steps[0];
  CHECK(hold.pos.line == 11);
  CHECK(hold.pos.column == 1);
  CHECK(hold.name == "Pigeon pose");
  CHECK(hold.kind == StepKind::Hold);
  CHECK(hold.duration == Millis(90s));
  CHECK(hold.sides == Sides::Both);
  CHECK(hold.switchTime == 8s);
  CHECK(hold.sets == 2);
  CHECK(hold.rest == 20s);
  CHECK(hold.text == "Keep the hips square. Breathe out slowly.");
  CHECK(hold.say == "Pigeon pose. Right shin forward.");
  CHECK(hold.halfway == false);
  CHECK(hold.countdown == 5);
  CHECK(hold.sound == std::filesystem::canonical(fixture("routines/chime.wav")));
  CHECK(hold.embeddedId.empty());

  const Step& reps = routine.steps[1];
  CHECK(reps.kind == StepKind::Reps);
  CHECK(reps.reps == 12);
  CHECK(reps.repTime == Millis(3s));
  CHECK_FALSE(reps.duration);
  CHECK(reps.sets == 3);
  CHECK(reps.rest == 30s);

  const Step& embed = routine.steps[2];
  CHECK(embed.embeddedId == "minimal");
  CHECK(embed.embeddedPos.line == 34);
  CHECK(embed.embeddedPos.column == 11);
}

TEST_CASE("absent keys take their documented defaults") {
  const Routine routine = loadOk(parseText(withStep("name = \"Hold\"\nduration = 30\n")));
  CHECK(routine.id == "x");
  CHECK(routine.summary.empty());
  CHECK(routine.category == Category::Mixed);
  CHECK(routine.tags.empty());
  CHECK(routine.rounds == 1);
  CHECK(routine.restBetweenRounds == 0s);
  CHECK(routine.prepare == 5s);
  REQUIRE(routine.steps.size() == 1);
  const Step& step = routine.steps[0];
  CHECK(step.kind == StepKind::Hold);
  CHECK(step.duration == Millis(30s));
  CHECK(step.sides == Sides::None);
  CHECK(step.switchTime == 5s);
  CHECK(step.sets == 1);
  CHECK(step.rest == 0s);
  CHECK(step.reps == 0);
  CHECK_FALSE(step.repTime);
  CHECK(step.text.empty());
  CHECK(step.say == "Hold");
  CHECK_FALSE(step.halfway.has_value());
  CHECK(step.countdown == 3);
  CHECK(step.sound.empty());
}

TEST_CASE("durations accept whole seconds and h/m/s text") {
  auto [written, expected] = GENERATE(table<std::string, Millis>({
      {"45", 45s},
      {"\"45s\"", 45s},
      {"\"2m\"", 2min},
      {"\"1m30s\"", 90s},
      {"\"1h\"", 1h},
      {"\"1h2m3s\"", 1h + 2min + 3s},
      {"7200", 2h},
      {"\"2h\"", 2h},
  }));
  INFO(written);
  const Routine routine = loadOk(parseText(withStep("name = \"A\"\nduration = " + written + "\n")));
  CHECK(routine.steps[0].duration == expected);
}

TEST_CASE("malformed durations name the key and show what was found") {
  const std::string like = R"(expected a duration like 45, "45s" or "1m30s", found )";
  auto [written, message] = GENERATE_COPY(table<std::string, std::string>({
      {"\"-5s\"", like + "\"-5s\""},
      {"-5", like + "-5"},
      {"1.5", like + "1.5"},
      {"\"1m1m\"", like + "\"1m1m\""},
      {"\"99999h\"", like + "\"99999h\""},
      {"\"90\"", like + "\"90\""},
      {"\"1 m\"", like + "\"1 m\""},
      {"\"\"", like + "an empty string"},
      {"true", like + "true"},
      {"[30]", like + "an array"},
      {"0", "expected a duration of at least 1s, found 0"},
      {"\"0s\"", "expected a duration of at least 1s, found \"0s\""},
      {"\"2h1s\"", "expected a duration of at most 2h, found \"2h1s\""},
      {"7201", "expected a duration of at most 2h, found 7201"},
      {"99999999999999", "expected a duration of at most 2h, found 99999999999999"},
  }));
  INFO(written);
  const auto result = parseText(withStep("name = \"A\"\nduration = " + written + "\n"));
  CHECK(onlyError(result) == "x.toml:6:12: steps[1].duration: " + message);
}

TEST_CASE("zero is allowed for prepare, rest, switch and rest between rounds") {
  const Routine routine = loadOk(parseText(R"(schema = 1
name = "No waiting"
prepare = 0
rest_between_rounds = "0s"
rounds = 2
[[steps]]
name = "Hold"
duration = 30
sides = "both"
switch = 0
sets = 2
rest = 0
)"));
  CHECK(routine.prepare == 0s);
  CHECK(routine.restBetweenRounds == 0s);
  CHECK(routine.steps[0].switchTime == 0s);
  CHECK(routine.steps[0].rest == 0s);
}

TEST_CASE("a negative duration in a file is reported at its value") {
  const std::string path = fixture("loader/negative-duration.toml");
  CHECK(
      onlyError(loadRoutineFile(path, {})) ==
      path +
          R"(:10:12: steps[2].duration: expected a duration like 45, "45s" or "1m30s", found "-5s")");
}

TEST_CASE("a misspelt key is an error that suggests the right one") {
  const std::string path = fixture("loader/typo-key.toml");
  // The missing 'duration' is not reported twice: the suggestion already names it.
  CHECK(onlyError(loadRoutineFile(path, {})) ==
        path + ":4:1: steps[1]: unknown key 'duraton' (did you mean 'duration'?)");
}

TEST_CASE("unknown top-level keys and tables are errors") {
  const auto result = parseText(R"(schema = 1
nmae = "Typo"
colour = "red"

[meta]
author = "me"

[[steps]]
name = "Hold"
duration = 30
)");
  CHECK(lines(result.errors) == std::vector<std::string>{
                                    "x.toml:2:1: unknown key 'nmae' (did you mean 'name'?)",
                                    "x.toml:3:1: unknown key 'colour'",
                                    "x.toml:5:2: unknown key 'meta'",
                                });
}

TEST_CASE("a TOML syntax error is reported where toml++ found it") {
  const std::string path = fixture("loader/bad-syntax.toml");
  CHECK(onlyError(loadRoutineFile(path, {})) ==
        path +
            ":2:15: Error while parsing string: unescaped control characters other than TAB "
            "(U+0009) are explicitly prohibited");
}

TEST_CASE("invalid UTF-8 is a positioned error") {
  const std::string path = fixture("loader/invalid-utf8.toml");
  CHECK(onlyError(loadRoutineFile(path, {})) == path + ":2:11: Encountered invalid utf-8 sequence");
}

TEST_CASE("values of the wrong type say what was expected and what was found") {
  const std::string path = fixture("loader/wrong-type.toml");
  const auto result = loadRoutineFile(path, {});
  CHECK(lines(result.errors) ==
        std::vector<std::string>{
            path + R"(:3:10: rounds: expected a whole number from 1 to 20, found "2")",
            path + R"(:8:11: steps[1].halfway: expected true or false, found "yes")",
        });
}

TEST_CASE("every key checks its type") {
  auto [keys, message] = GENERATE(table<std::string, std::string>({
      {"name = \"A\"\nduration = 30\ntext = 5",
       "x.toml:7:8: steps[1].text: expected a string, found 5"},
      {"name = \"A\"\nduration = 30\nsay = { a = 1 }",
       "x.toml:7:7: steps[1].say: expected a string, found a table"},
      {"name = \"A\"\nduration = 30\ncountdown = \"3\"",
       "x.toml:7:13: steps[1].countdown: expected a whole number from 0 to 10, found \"3\""},
      {"name = \"A\"\nduration = 30\nsets = 1.0",
       "x.toml:7:8: steps[1].sets: expected a whole number from 1 to 50, found 1.0"},
      {"name = \"A\"\nduration = 30\nsound = 1",
       "x.toml:7:9: steps[1].sound: expected a string, found 1"},
      {"name = \"A\"\nduration = 30\nswitch = 1979-05-27",
       R"(x.toml:7:10: steps[1].switch: expected a duration like 45, "45s" or "1m30s", found 1979-05-27)"},
      {"name = 5\nduration = 30",
       "x.toml:5:8: steps[1].name: expected a string of 1 to 80 characters, found 5"},
  }));
  INFO(keys);
  CHECK(onlyError(parseText(withStep(keys + "\n"))) == message);
}

TEST_CASE("top-level keys check their types") {
  auto [key, message] = GENERATE(table<std::string, std::string>({
      {"summary = 1", "x.toml:3:11: summary: expected a string, found 1"},
      {"tags = \"glutes\"",
       R"(x.toml:3:8: tags: expected an array of strings like ["glutes", "hips"], found "glutes")"},
      {"tags = [\"glutes\", 2, \"\"]",
       "x.toml:3:19: tags[2]: expected a non-empty string, found 2"},
      {"prepare = -1",
       R"(x.toml:3:11: prepare: expected a duration like 45, "45s" or "1m30s", found -1)"},
      {"rest_between_rounds = \"3h\"",
       "x.toml:3:23: rest_between_rounds: expected a duration of at most 2h, found \"3h\""},
  }));
  INFO(key);
  const auto result =
      parseText("schema = 1\nname = \"X\"\n" + key + "\n[[steps]]\nname = \"A\"\nduration = 3\n");
  INFO(joined(result.errors));
  REQUIRE_FALSE(result.errors.empty());
  CHECK(result.errors.front().toString() == message);
}

TEST_CASE("steps must be an array of tables with at least one step") {
  auto [steps, message] = GENERATE(table<std::string, std::string>({
      {"steps = \"hold\"",
       R"(x.toml:3:9: steps: expected an array of tables ([[steps]]), found "hold")"},
      {"[steps]\nname = \"A\"",
       "x.toml:3:1: steps: expected an array of tables ([[steps]]), found a table"},
      {"steps = []", "x.toml:3:9: steps: expected at least one step, found an empty array"},
      {"steps = [1]", "x.toml:3:10: steps[1]: expected a table of step keys, found 1"},
      {"", "x.toml:1:1: missing key 'steps' (add at least one [[steps]] table)"},
  }));
  INFO(steps);
  CHECK(onlyError(parseText("schema = 1\nname = \"X\"\n" + steps + "\n")) == message);
}

TEST_CASE("a missing name is reported at the table that lacks it") {
  const std::string path = fixture("loader/missing-name.toml");
  CHECK(lines(loadRoutineFile(path, {}).errors) ==
        std::vector<std::string>{
            path + R"(:1:1: missing key 'name' (required), e.g. name = "Pigeon pose")",
            path + ":4:1: steps[1]: missing key 'name' (every step needs a name, unless it "
                   "embeds a routine with routine = \"id\")",
        });
}

TEST_CASE("enum values list the choices and suggest a near miss") {
  const std::string path = fixture("loader/bad-enum.toml");
  CHECK(lines(loadRoutineFile(path, {}).errors) ==
        std::vector<std::string>{
            path + R"(:3:12: category: expected one of stretch, foam-roll, massage, strength, )"
                   R"(thermal, posture, mixed, found "strech" (did you mean "stretch"?))",
            path + R"(:7:8: steps[1].kind: expected one of hold, reps, rest, heat, ice, manual, )"
                   R"(found "hodl" (did you mean "hold"?))",
            path + R"(:9:9: steps[1].sides: expected one of none, both, left, right, sore, found )"
                   R"("both sides")",
        });
}

TEST_CASE("every category and side name is accepted") {
  auto [category, expected] = GENERATE(table<std::string, Category>({
      {"stretch", Category::Stretch},
      {"foam-roll", Category::FoamRoll},
      {"massage", Category::Massage},
      {"strength", Category::Strength},
      {"thermal", Category::Thermal},
      {"posture", Category::Posture},
      {"mixed", Category::Mixed},
  }));
  auto [sides, expectedSides] = GENERATE(table<std::string, Sides>({
      {"none", Sides::None},
      {"both", Sides::Both},
      {"left", Sides::Left},
      {"right", Sides::Right},
  }));
  const Routine routine = loadOk(parseText("schema = 1\nname = \"X\"\ncategory = \"" + category +
                                           "\"\n[[steps]]\nname = \"A\"\nduration = 3\n"
                                           "sides = \"" +
                                           sides + "\"\n"));
  CHECK(routine.category == expected);
  CHECK(routine.steps[0].sides == expectedSides);
}

TEST_CASE("schema must be the integer 1") {
  SECTION("missing") {
    CHECK(onlyError(parseText("name = \"X\"\n[[steps]]\nname = \"A\"\nduration = 3\n")) ==
          "x.toml:1:1: missing key 'schema' (the file should start with schema = 1)");
  }
  SECTION("a string") {
    CHECK(
        onlyError(parseText("schema = \"1\"\nname = \"X\"\n[[steps]]\nname = \"A\"\n"
                            "duration = 3\n")) ==
        R"(x.toml:1:10: schema: expected 1 (the schema this version of unknot reads), found "1")");
  }
  SECTION("a newer schema stops before its keys are judged") {
    CHECK(onlyError(parseText("schema = 2\nname = \"X\"\nfuture_key = true\n")) ==
          "x.toml:1:10: schema: expected 1 (the schema this version of unknot reads), found 2");
  }
}

TEST_CASE("names are 1 to 80 characters on one line") {
  auto named = [](const std::string& name) {
    return parseText("schema = 1\nname = \"" + name +
                     "\"\n[[steps]]\nname = \"A\"\nduration = 3\n");
  };
  std::string eighty;
  for (int i = 0; i < 80; ++i) eighty += "\xC3\xA9";  // é: 80 characters, 160 bytes
  CHECK(loadOk(named(eighty)).name == eighty);
  CHECK(onlyError(named(eighty + "e")) ==
        "x.toml:2:8: name: expected a string of 1 to 80 characters, found 81 characters");
  CHECK(onlyError(named("")) ==
        "x.toml:2:8: name: expected a string of 1 to 80 characters, found an empty string");
  CHECK(onlyError(named("Two\\nlines")) ==
        R"(x.toml:2:8: name: expected a single line of text, found "Two\nlines")");
}

TEST_CASE("counts outside their limits are errors") {
  auto [keys, message] = GENERATE(table<std::string, std::string>({
      {"duration = 3\nsets = 0",
       "x.toml:7:8: steps[1].sets: expected a whole number from 1 to 50, found 0"},
      {"duration = 3\nsets = 51",
       "x.toml:7:8: steps[1].sets: expected a whole number from 1 to 50, found 51"},
      {"duration = 3\ncountdown = -1",
       "x.toml:7:13: steps[1].countdown: expected a whole number from 0 to 10, found -1"},
      {"duration = 3\ncountdown = 11",
       "x.toml:7:13: steps[1].countdown: expected a whole number from 0 to 10, found 11"},
      {"kind = \"reps\"\nreps = 0",
       "x.toml:7:8: steps[1].reps: expected a whole number from 1 to 500, found 0"},
      {"kind = \"reps\"\nreps = 501",
       "x.toml:7:8: steps[1].reps: expected a whole number from 1 to 500, found 501"},
  }));
  INFO(keys);
  CHECK(onlyError(parseText(withStep("name = \"A\"\n" + keys + "\n"))) == message);

  for (std::string rounds : {"0", "21"}) {
    CHECK(onlyError(parseText("schema = 1\nname = \"X\"\nrounds = " + std::string(rounds) +
                              "\n[[steps]]\nname = \"A\"\nduration = 3\n")) ==
          "x.toml:3:10: rounds: expected a whole number from 1 to 20, found " + rounds);
  }
}

TEST_CASE("the largest allowed counts load") {
  const Routine routine = loadOk(parseText(R"(schema = 1
name = "Limits"
rounds = 20
[[steps]]
name = "Bridge"
kind = "reps"
reps = 500
sets = 50
countdown = 10
[[steps]]
name = "Quiet"
duration = 3
countdown = 0
)"));
  CHECK(routine.rounds == 20);
  CHECK(routine.steps[0].reps == 500);
  CHECK(routine.steps[0].sets == 50);
  CHECK(routine.steps[0].countdown == 10);
  CHECK(routine.steps[1].countdown == 0);
}
