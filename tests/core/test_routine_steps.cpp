// The loader's rules that depend on a step's kind, embedded steps, and sound files.
#include <catch2/catch.hpp>
#include <filesystem>

#include "loader_helpers.hpp"
#include "support/process.hpp"

using namespace unknot;
using namespace unknot::testing;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

TEST_CASE("kinds that need a duration say so when it is missing") {
  CHECK(
      onlyError(parseText(withStep("name = \"A\"\n"))) ==
      R"(x.toml:4:1: steps[1]: missing key 'duration' (required for kind "hold", the default), e.g. duration = "45s")");
  for (std::string kind : {"hold", "rest", "heat", "ice"}) {
    CHECK(onlyError(parseText(withStep("name = \"A\"\nkind = \"" + kind + "\"\n"))) ==
          "x.toml:4:1: steps[1]: missing key 'duration' (required for kind \"" + kind +
              R"("), e.g. duration = "45s")");
  }
}

TEST_CASE("a manual step waits for Done unless a duration caps it") {
  const Routine routine = loadOk(parseText(R"(schema = 1
name = "Manual"
[[steps]]
name = "Find the knot"
kind = "manual"
[[steps]]
name = "Roll it out"
kind = "manual"
duration = "2m"
)"));
  CHECK(routine.steps[0].kind == StepKind::Manual);
  CHECK_FALSE(routine.steps[0].duration);
  CHECK(routine.steps[1].duration == Millis(2min));
}

TEST_CASE("a reps step needs reps and refuses a duration") {
  CHECK(onlyError(parseText(withStep("name = \"Bridge\"\nkind = \"reps\"\n"))) ==
        "x.toml:4:1: steps[1]: missing key 'reps' (required for kind \"reps\"), e.g. reps = 12");
  CHECK(onlyError(parseText(withStep("name = \"Bridge\"\nkind = \"reps\"\nreps = 12\n"
                                     "duration = 30\n"))) ==
        "x.toml:8:12: steps[1].duration: not used by kind \"reps\": a reps step lasts reps x "
        "rep_time, or waits for Done without rep_time");
  const Routine untimed =
      loadOk(parseText(withStep("name = \"Bridge\"\nkind = \"reps\"\nreps = 12\n")));
  CHECK(untimed.steps[0].reps == 12);
  CHECK_FALSE(untimed.steps[0].repTime);
}

TEST_CASE("reps and rep_time belong to reps steps only") {
  const auto result =
      parseText(withStep("name = \"Hold\"\nduration = 30\nreps = 12\nrep_time = \"3s\"\n"));
  CHECK(lines(result.errors) ==
        std::vector<std::string>{
            R"(x.toml:7:8: steps[1].reps: only used by kind "reps", this step is "hold")",
            R"(x.toml:8:12: steps[1].rep_time: only used by kind "reps", this step is "hold")",
        });
}

TEST_CASE("a reps set longer than two hours is an error") {
  CHECK(onlyError(parseText(withStep("name = \"Bridge\"\nkind = \"reps\"\nreps = 500\n"
                                     "rep_time = \"15s\"\n"))) ==
        "x.toml:8:12: steps[1].rep_time: 500 reps x 15s = 2h5m, expected at most 2h per set");
  CHECK(onlyError(parseText(withStep("name = \"Bridge\"\nkind = \"reps\"\nreps = 3\n"
                                     "rep_time = 0\n"))) ==
        "x.toml:8:12: steps[1].rep_time: expected a duration of at least 1s, found 0");
}

TEST_CASE("heat or ice over 20 minutes loads with a skin-damage warning") {
  const std::string path = fixture("routines/heat-long.toml");
  const Routine routine = loadOk(loadRoutineFile(path, {}));
  // Exactly 20 minutes of ice (the second step) is within the advice, so one warning.
  CHECK(lines(routine.warnings) ==
        std::vector<std::string>{
            path + ":9:12: steps[1].duration: heat for 25m: more than 20 minutes per application "
                   "risks skin damage; keep a cloth between skin and the heat pack",
        });
  const Routine ice =
      loadOk(parseText(withStep("name = \"Ice\"\nkind = \"ice\"\nduration = "
                                "\"21m\"\n")));
  REQUIRE(ice.warnings.size() == 1);
  CHECK(ice.warnings[0].message.find("ice for 21m") != std::string::npos);
  CHECK(ice.warnings[0].message.find("the ice pack") != std::string::npos);
}

TEST_CASE("an embedding step keeps the id and the position of its value") {
  const Routine routine = loadOk(parseText(withStep("routine = \"foam-roll-glutes\"\n")));
  REQUIRE(routine.steps.size() == 1);
  CHECK(routine.steps[0].embeddedId == "foam-roll-glutes");
  CHECK(routine.steps[0].embeddedPos.line == 5);
  CHECK(routine.steps[0].embeddedPos.column == 11);
  CHECK(routine.steps[0].pos.line == 4);
}

TEST_CASE("an embedding step allows no other keys") {
  const auto result =
      parseText(withStep("routine = \"pigeon-pose\"\nname = \"Pigeon\"\nsets = 2\nrounds = 2\n"));
  CHECK(lines(result.errors) ==
        std::vector<std::string>{
            "x.toml:6:1: steps[1].name: not allowed together with 'routine' (an embedded "
            "routine brings its own steps; change them in its file)",
            "x.toml:7:1: steps[1].sets: not allowed together with 'routine' (an embedded "
            "routine brings its own steps; change them in its file)",
            "x.toml:8:1: steps[1]: unknown key 'rounds' (a step with 'routine' takes no other key)",
        });
}

TEST_CASE("an embedded id must be a valid routine id") {
  for (std::string value : {"\"Foam Roll\"", "\"\"", "3", "\"../etc\""}) {
    INFO(value);
    const std::string message = onlyError(parseText(withStep("routine = " + value + "\n")));
    CHECK(message.rfind("x.toml:5:11: steps[1].routine: expected the id of another routine (its "
                        "file name without .toml: a-z, 0-9 and '-'), found ",
                        0) == 0);
  }
}

namespace {

// A routines folder and an assets folder side by side, plus a folder neither may reach.
struct SoundFolders {
  TempDir temp;
  fs::path routines = fs::path(temp.path()) / "routines";
  fs::path assets = fs::path(temp.path()) / "assets";
  fs::path outside = fs::path(temp.path()) / "outside";

  SoundFolders() {
    temp.write("routines/near.wav", "RIFF");
    temp.write("routines/sub/deeper.wav", "RIFF");
    temp.write("assets/top.wav", "RIFF");
    temp.write("assets/sounds/chime.wav", "RIFF");
    temp.write("outside/secret.wav", "RIFF");
    fs::create_directories(routines / "folder.wav");
  }

  LoadResult load(const std::string& sound) const {
    const std::string text = withStep("name = \"A\"\nduration = 3\nsound = \"" + sound + "\"\n");
    return parseRoutine(text, routines / "x.toml", LoaderOptions{assets});
  }
  std::string prefix() const { return (routines / "x.toml").string() + ":7:9: steps[1].sound: "; }
};

}  // namespace

TEST_CASE("a sound file is found next to the routine or in the assets folder") {
  SoundFolders folders;
  auto soundOf = [&](const std::string& sound) {
    return loadOk(folders.load(sound)).steps[0].sound;
  };
  CHECK(soundOf("near.wav") == fs::canonical(folders.routines / "near.wav"));
  CHECK(soundOf("sub/deeper.wav") == fs::canonical(folders.routines / "sub/deeper.wav"));
  CHECK(soundOf("./near.wav") == fs::canonical(folders.routines / "near.wav"));
  CHECK(soundOf("top.wav") == fs::canonical(folders.assets / "top.wav"));
  CHECK(soundOf("chime.wav") == fs::canonical(folders.assets / "sounds/chime.wav"));
  CHECK(soundOf("sounds/chime.wav") == fs::canonical(folders.assets / "sounds/chime.wav"));
}

TEST_CASE("absolute sound paths are refused") {
  const std::string path = fixture("loader/sound-absolute.toml");
  CHECK(
      onlyError(loadRoutineFile(path, {})) ==
      path +
          R"(:7:9: steps[1].sound: expected a path relative to the routine's folder, found the absolute path "/etc/passwd")");
}

TEST_CASE("sound paths with .. are refused even when the file exists") {
  const std::string path = fixture("loader/sound-dotdot.toml");
  REQUIRE(fs::exists(fixture("routines/chime.wav")));
  CHECK(
      onlyError(loadRoutineFile(path, {})) ==
      path +
          R"(:7:9: steps[1].sound: expected a path inside the routine's folder or the assets folder, found '..' in "../routines/chime.wav")");
  SoundFolders folders;
  CHECK(
      onlyError(folders.load("sub/../near.wav")) ==
      folders.prefix() +
          R"(expected a path inside the routine's folder or the assets folder, found '..' in "sub/../near.wav")");
}

TEST_CASE("a sound symlink leading outside the allowed folders is refused") {
  SoundFolders folders;
  fs::create_symlink(folders.outside / "secret.wav", folders.routines / "link.wav");
  fs::create_directory_symlink(folders.outside, folders.assets / "escape");
  const fs::path secret = fs::canonical(folders.outside / "secret.wav");
  CHECK(
      onlyError(folders.load("link.wav")) ==
      folders.prefix() +
          R"(expected a file inside the routine's folder or the assets folder, found "link.wav" leading to )" +
          secret.string() + " through a symbolic link");
  CHECK(
      onlyError(folders.load("escape/secret.wav")) ==
      folders.prefix() +
          R"(expected a file inside the routine's folder or the assets folder, found "escape/secret.wav" leading to )" +
          secret.string() + " through a symbolic link");
}

TEST_CASE("a sound symlink between the allowed folders is followed") {
  SoundFolders folders;
  fs::create_symlink(folders.assets / "sounds/chime.wav", folders.routines / "alias.wav");
  CHECK(loadOk(folders.load("alias.wav")).steps[0].sound ==
        fs::canonical(folders.assets / "sounds/chime.wav"));
}

TEST_CASE("a missing sound file or a folder is an error naming the key") {
  SoundFolders folders;
  CHECK(onlyError(folders.load("gong.wav")) ==
        folders.prefix() + R"(no file "gong.wav" in )" + folders.routines.string() + ", " +
            folders.assets.string() + " or " + (folders.assets / "sounds").string());
  CHECK(onlyError(folders.load("folder.wav")) ==
        folders.prefix() + R"(expected a regular file, found a folder at "folder.wav")");
  CHECK(onlyError(folders.load("")) ==
        folders.prefix() + "expected a path to a sound file, found an empty string");
}
