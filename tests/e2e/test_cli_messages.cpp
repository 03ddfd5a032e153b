// The message and exit-code convention of docs/cli.md, over the common misuses of every
// command: an error is one line "unknot: <where>: <what>" on stderr, with nothing on stdout,
// and the exit code says which kind it was (1 could not, 2 bad input, 3 no display,
// 130 Ctrl-C).
#include <algorithm>
#include <catch2/catch.hpp>

#include "support/process.hpp"

using namespace unknot::testing;

namespace {

struct Misuse {
  Misuse(std::vector<std::string> typed, int code, std::string text, std::string stdinText = {})
      : args(std::move(typed)),
        exitCode(code),
        expected(std::move(text)),
        input(std::move(stdinText)) {}
  std::vector<std::string> args;
  int exitCode = 0;
  std::string expected;  // part of the error line; of stdout when the exit code is 0 or 130
  std::string input;     // stdin
};

}  // namespace

TEST_CASE("every misuse gets one line saying where and what, with the documented exit code") {
  TempDir home;
  home.write("config/unknot/routines/one-hold.toml",
             "schema = 1\nname = \"One hold\"\ncategory = \"stretch\"\nprepare = 0\n\n"
             "[[steps]]\nname = \"Hold\"\nduration = 2\n");
  ProcessOptions options;
  options.env = {{"XDG_CONFIG_HOME", home.file("config")},
                 {"XDG_DATA_HOME", home.file("data")},
                 {"HOME", home.path()},
                 {"TZ", "UTC"},
                 {"SDL_AUDIODRIVER", "dummy"},
                 {"DISPLAY", ""},
                 {"WAYLAND_DISPLAY", ""}};
  const auto run = [&](std::vector<std::string> args, const std::string& input) {
    args.insert(args.begin(), UNKNOT_BINARY);
    options.input = input;
    return runProcess(args, options);
  };
  // One recorded session of one phase, for history's wording.
  REQUIRE(run({"run", "one-hold", "--terminal", "--time-scale", "20", "--no-audio"}, "").exitCode ==
          0);
  const std::string folder = home.file("config");

  const std::vector<Misuse> table = {
      // The app itself and its options.
      {{"frobnicate"}, 2, "unknot: frobnicate: unknown command (see unknot --help)"},
      {{"strats"}, 2, "unknot: strats: unknown command (did you mean 'stats'?)"},
      {{"--bogus"}, 2, "unknot: --bogus: unknown option (see unknot --help)"},
      {{"--time-scale", "abc"},
       2,
       "unknot: --time-scale: expected a number from 0.01 to 1000, found 'abc' (see unknot "
       "--help)"},
      {{"--size", "10x10"},
       2,
       "unknot: --size: expected WIDTHxHEIGHT, each from 200 to 16384 (e.g. 1280x800), found "
       "'10x10'"},
      {{"--view", "stats"},
       2,
       "unknot: --view: expected library, progress, checkin, plan, settings or notice"},
      {{"--at", "soon", "--screenshot", home.file("x.png")},
       2,
       "unknot: --at: expected a duration"},
      {{"--run", "no-such"}, 2, "unknot: --run: no routine 'no-such' (see unknot list)"},
      // No display and no terminal: nothing starts; the line says what to type instead.
      {{},
       3,
       "see the routines with `unknot list`, then run one here with `unknot run ID --terminal`"},
      {{"--run", "pigeon-pose"}, 3, "run it here with `unknot run pigeon-pose --terminal`"},
      {{"--view", "progress"}, 3, "`unknot stats`"},
      // Routines.
      {{"list", "extra"}, 2, "unknot: list: unexpected argument 'extra' (see unknot list --help)"},
      {{"show"}, 2, "unknot: show: ID is required (see unknot show --help)"},
      {{"show", "no-such"}, 2, "unknot: show: no routine 'no-such' (see unknot list)"},
      {{"show", "pigeon-pse"},
       2,
       "unknot: show: no routine 'pigeon-pse' (did you mean 'pigeon-pose'?)"},
      {{"validate", "/nonexistent.toml"},
       1,
       "unknot: validate: /nonexistent.toml: no such file or folder"},
      {{"run"}, 2, "unknot: run: ID is required (see unknot run --help)"},
      {{"run", "no-such", "--terminal"}, 2, "unknot: run: no routine 'no-such' (see unknot list)"},
      {{"run", "pigeon-pose", "--terminal", "--time-scale", "abc"},
       2,
       "unknot: run: --time-scale: expected a number from 0.01 to 1000, found 'abc' (see unknot "
       "run --help)"},
      {{"run", "pigeon-pose"}, 3, "run it here with `unknot run pigeon-pose --terminal`"},
      {{"run", "one-hold", "--terminal", "--no-audio"}, 130, "Stopped.", "\x03"},  // Ctrl-C
      // The plan.
      {{"plan"},
       2,
       "unknot: plan: expected a command: start, edit, show or level (see unknot plan --help)"},
      {{"plan", "strat"}, 2, "unknot: plan: strat: unknown command (did you mean 'start'?)"},
      {{"plan", "start", "--weeks", "9"},
       2,
       "unknot: plan start: --weeks: expected a whole number from 2 to 6, found '9' (see unknot "
       "plan start --help)"},
      {{"plan", "start", "--target", "strech=2"},
       2,
       "unknot: plan start: target 'strech=2': unknown category 'strech' (did you mean "
       "'stretch'?)"},
      {{"plan", "start", "--date", "tomorrow"}, 2, "unknot: plan start: --date: expected a date"},
      {{"plan", "edit"}, 2, "unknot: plan edit: nothing to change"},
      {{"plan", "edit", "--target", "stretch=0"}, 2, "(to drop a target: --remove-target stretch)"},
      {{"plan", "edit", "--weeks", "3"}, 1, "unknot: plan edit: there is no plan to edit"},
      {{"plan", "show", "--weeks", "3"}, 2, "unknot: plan show: --weeks: unknown option"},
      // The record.
      {{"checkin"}, 2, "unknot: checkin: --pain is required (see unknot checkin --help)"},
      {{"checkin", "--pain", "4.5"},
       2,
       "unknot: checkin: --pain: expected a whole number from 0 to 10, found '4.5' (see unknot "
       "checkin --help)"},
      {{"checkin", "--pain", "11"}, 2, "found '11'"},
      {{"checkin", "--pain", "3", "--symptom", "numbnes"}, 2, "(did you mean 'numbness'?)"},
      {{"history"}, 0, "One hold - completed, 2s, 1 phase done"},
      {{"history", "--days", "0"},
       2,
       "unknot: history: --days: expected a whole number from 1 to 3660, found '0'"},
      {{"stats", "--jsn"}, 2, "unknot: stats: --jsn: unknown option (did you mean '--json'?)"},
      {{"export"}, 2, "unknot: export: --csv is required (see unknot export --help)"},
      {{"backup"}, 2, "unknot: backup: FILE is required (see unknot backup --help)"},
      {{"backup", folder}, 1, "unknot: backup: " + folder + " is a folder; give a file name"},
      // Reminders.
      {{"reminders"},
       2,
       "unknot: reminders: expected a command: add, remove, list, export, enable, disable or "
       "status"},
      {{"reminders", "add", "8am", "--target", "stretch"},
       2,
       "unknot: reminders add: time '8am': expected H:MM or HH:MM"},
      {{"reminders", "add", "8:00"}, 2, "unknot: reminders add: --target is required"},
      {{"reminders", "add", "8:00", "--target", "strech"}, 2, "(did you mean 'stretch'?)"},
      {{"reminders", "remove", "9:00"},
       2,
       "unknot: reminders remove: no reminder at 09:00 (see unknot reminders list)"},
      {{"reminders", "export"}, 2, "unknot: reminders export: --ics is required"},
      {{"reminders", "export", "--ics", home.file("r.ics")},
       1,
       "unknot: reminders export: no reminders to export"},
      {{"remind", "--snooze", "--silence"}, 2, "cannot be used together"},
      {{"remind", "--now", "tomorrow"}, 2, "unknot: remind: --now: expected YYYY-MM-DDTHH:MM"},
  };
  for (const Misuse& misuse : table) {
    const ProcessResult result = run(misuse.args, misuse.input);
    std::string typed = "unknot";
    for (const auto& arg : misuse.args) typed += " " + arg;
    INFO(typed << "\n-> exit " << result.exitCode << "\nstdout: " << result.out
               << "\nstderr: " << result.err);
    CHECK(result.exitCode == misuse.exitCode);
    if (misuse.exitCode == 0 || misuse.exitCode == 130) {
      CHECK_THAT(result.out, Catch::Contains(misuse.expected));
      CHECK(result.err.empty());
      continue;
    }
    CHECK(result.out.empty());
    CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
    CHECK(result.err.rfind("unknot: ", 0) == 0);
    CHECK_THAT(result.err, Catch::Contains(misuse.expected));
  }
}
