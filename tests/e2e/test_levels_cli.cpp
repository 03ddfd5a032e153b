// End-to-end tests of levels: `show --level` prints the level the file describes, and a
// mistake in a level table fails `validate` at its line and column.
#include <catch2/catch.hpp>

#include "support/process.hpp"

using namespace unknot::testing;

namespace {

struct Cli {
  TempDir home;
  ProcessResult run(std::vector<std::string> args) const {
    args.insert(args.begin(), UNKNOT_BINARY);
    ProcessOptions options;
    options.env = {{"XDG_CONFIG_HOME", home.file("config")},
                   {"XDG_DATA_HOME", home.file("data")},
                   {"HOME", home.path()}};
    return runProcess(args, options);
  }
};

bool has(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("show --level gentle and --level strong show what glute-strength's file says") {
  Cli cli;
  const auto standard = cli.run({"show", "glute-strength"});
  const auto gentle = cli.run({"show", "glute-strength", "--level", "gentle"});
  const auto strong = cli.run({"show", "glute-strength", "--level", "strong"});
  REQUIRE(standard.exitCode == 0);
  REQUIRE(gentle.exitCode == 0);
  REQUIRE(strong.exitCode == 0);
  CHECK(has(standard.out, "Glute strength (strength, standard, "));
  CHECK(has(gentle.out, "Glute strength (strength, gentle, "));
  CHECK(has(strong.out, "Glute strength (strength, strong, "));
  // [steps.gentle]: 8 bridges in 2 sets; [steps.strong]: the single-leg bridge and the band.
  CHECK(has(standard.out, "Glute bridge - 12 reps - Set 1 of 3"));
  CHECK(has(gentle.out, "Glute bridge - 8 reps - Set 1 of 2"));
  CHECK_FALSE(has(gentle.out, "Set 1 of 3"));
  CHECK(has(strong.out, "Alternating single-leg bridge - 12 reps - Set 3 of 3"));
  CHECK(has(strong.out, "Clamshell with a band (right) - 15 reps - Set 3 of 3"));
  CHECK_FALSE(has(gentle.out, "band"));
}

TEST_CASE("show --level with an unknown level is a usage error") {
  Cli cli;
  const auto result = cli.run({"show", "glute-strength", "--level", "hard"});
  CHECK(result.exitCode == 2);
  CHECK(result.out.empty());
  CHECK(result.err ==
        "unknot: show: --level: expected gentle, standard or strong, found 'hard' (see unknot "
        "show --help)\n");
}

TEST_CASE("list keeps showing the standard total") {
  Cli cli;
  const auto list = cli.run({"list"});
  const auto show = cli.run({"show", "glute-strength"});
  REQUIRE(list.exitCode == 0);
  const size_t open = show.out.find("standard, ") + 10;
  const std::string total = show.out.substr(open, show.out.find(')') - open);
  INFO(list.out << "\n" << total);
  CHECK(has(list.out, "strength   " + total));
}

TEST_CASE("an unknown key in [steps.strong] fails validate at its line and column") {
  Cli cli;
  cli.home.write("bad.toml",
                 "schema = 1\nname = \"Bad\"\n\n[[steps]]\nname = \"Bridge\"\nkind = \"reps\"\n"
                 "reps = 10\n\n[steps.strong]\nreps = 15\n  repz = 3\n");
  const auto result = cli.run({"validate", cli.home.file("bad.toml")});
  CHECK(result.exitCode == 1);
  CHECK(has(result.err,
            "bad.toml:11:3: steps[1].strong: unknown key 'repz' (did you mean 'reps'?)\n"));
  CHECK(has(result.out, "1 file checked, 1 error"));
}

TEST_CASE("validate checks every level and the extra sore-side holds against the limits") {
  Cli cli;
  cli.home.write("long.toml",
                 "schema = 1\nname = \"Long\"\n\n[[steps]]\nname = \"Hold\"\nduration = \"1h50m\"\n"
                 "sides = \"both\"\n\n[steps.strong]\nsets = 3\n");
  const auto result = cli.run({"validate", cli.home.file("long.toml")});
  CHECK(result.exitCode == 1);
  CHECK(has(result.err, "long.toml:1:1: with 2 extra sore-side holds: routine lasts "));
  CHECK(has(result.err,
            "long.toml:1:1: at the strong level: routine lasts 11h20s, the limit is 6h\n"));
  CHECK(has(result.out, "1 file checked, 3 errors"));
}
