// The routine library: search path order, user files replacing bundled ones, broken files kept
// in the list, and embedded routines resolved across the whole library.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <optional>

#include "core/routine_library.hpp"
#include "loader_helpers.hpp"
#include "support/process.hpp"

using namespace unknot;
using namespace unknot::testing;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> idsOf(const RoutineLibrary& library) {
  std::vector<std::string> ids;
  for (const auto& entry : library.entries()) ids.push_back(entry.id);
  return ids;
}

std::string routineText(const std::string& name, const std::string& steps) {
  return "schema = 1\nname = \"" + name + "\"\nprepare = 0\n\n" + steps;
}

std::string holdStep(const std::string& name, int seconds) {
  return "[[steps]]\nname = \"" + name + "\"\nduration = " + std::to_string(seconds) + "\n";
}

std::string embedStep(const std::string& id) {
  return "[[steps]]\nroutine = \"" + id + "\"\n";
}

}  // namespace

TEST_CASE("every toml file in a folder becomes an entry sorted by id") {
  const auto library = RoutineLibrary::load({fixture("routines")}, {});
  CHECK(idsOf(library) == std::vector<std::string>{"every-key", "heat-long", "minimal"});
  for (const auto& entry : library.entries()) {
    INFO(entry.id << "\n" << joined(entry.errors));
    CHECK(entry.ok());
    CHECK(entry.errors.empty());
    CHECK_FALSE(entry.isUser);
    CHECK(entry.path == fs::path(fixture("routines")) / (entry.id + ".toml"));
    REQUIRE(entry.plan);
    CHECK(entry.plan->routineId == entry.id);
  }
}

TEST_CASE("files that are not routines are ignored") {
  TempDir dir;
  dir.write("b.toml", routineText("B", holdStep("Hold", 30)));
  dir.write("a.toml", routineText("A", holdStep("Hold", 30)));
  dir.write("notes.txt", "not a routine");
  dir.write("a.toml~", "an editor backup");
  dir.write(".hidden.toml", "an editor lock file");
  fs::create_directory(dir.file("folder.toml"));
  const auto library = RoutineLibrary::load({dir.path()}, {});
  CHECK(idsOf(library) == std::vector<std::string>{"a", "b"});
}

TEST_CASE("a user file replaces the bundled routine with the same id") {
  TempDir user;
  user.write("minimal.toml", routineText("My minimal", holdStep("My hold", 20)));
  user.write("extra.toml", routineText("Extra", holdStep("Hold", 10)));
  const auto library = RoutineLibrary::load({fixture("routines"), user.path()}, {});
  CHECK(idsOf(library) == std::vector<std::string>{"every-key", "extra", "heat-long", "minimal"});

  const LibraryEntry* minimal = library.find("minimal");
  REQUIRE(minimal);
  CHECK(minimal->isUser);
  CHECK(minimal->path == fs::path(user.path()) / "minimal.toml");
  REQUIRE(minimal->routine);
  CHECK(minimal->routine->name == "My minimal");
  CHECK(library.find("extra")->isUser);
  CHECK_FALSE(library.find("every-key")->isUser);

  // A bundled routine embedding "minimal" now gets the user's version.
  const LibraryEntry* everyKey = library.find("every-key");
  REQUIRE(everyKey->plan);
  const auto& phases = everyKey->plan->phases;
  CHECK(std::any_of(phases.begin(), phases.end(),
                    [](const Phase& p) { return p.stepName == "My hold"; }));
  CHECK(std::none_of(phases.begin(), phases.end(),
                     [](const Phase& p) { return p.stepName == "Hold"; }));
}

TEST_CASE("missing folders are skipped") {
  TempDir temp;
  const auto library =
      RoutineLibrary::load({temp.file("nowhere"), fixture("routines"), temp.file("gone"), ""}, {});
  CHECK(idsOf(library) == std::vector<std::string>{"every-key", "heat-long", "minimal"});
  CHECK(RoutineLibrary::load({temp.file("nowhere")}, {}).entries().empty());
}

TEST_CASE("a broken file is listed with its errors while the rest load") {
  TempDir dir;
  dir.write("good.toml", routineText("Good", holdStep("Hold", 30)));
  dir.write("broken.toml",
            "schema = 1\nname = \"Broken\"\n[[steps]]\nname = \"Hold\"\nduraton = 30\n");
  dir.write("Bad Name.toml", routineText("Bad name", holdStep("Hold", 30)));
  const auto library = RoutineLibrary::load({dir.path()}, {});
  CHECK(idsOf(library) == std::vector<std::string>{"Bad Name", "broken", "good"});

  const LibraryEntry* broken = library.find("broken");
  REQUIRE(broken);
  CHECK_FALSE(broken->ok());
  CHECK_FALSE(broken->routine);
  CHECK(
      lines(broken->errors) ==
      std::vector<std::string>{dir.file("broken.toml") +
                               ":5:1: steps[1]: unknown key 'duraton' (did you mean 'duration'?)"});
  CHECK_FALSE(library.find("Bad Name")->ok());
  CHECK(library.find("good")->ok());
  CHECK(library.findRoutine("broken") == nullptr);
  CHECK(library.findRoutine("good") != nullptr);
}

TEST_CASE("warnings stay on the routine and do not block its plan") {
  const auto library = RoutineLibrary::load({fixture("routines")}, {});
  const LibraryEntry* heat = library.find("heat-long");
  REQUIRE(heat);
  CHECK(heat->ok());
  CHECK(heat->errors.empty());
  REQUIRE(heat->routine);
  CHECK(heat->routine->warnings.size() == 1);
}

TEST_CASE("an embedded routine brings its steps and rounds but not its prepare") {
  TempDir dir;
  dir.write("outer.toml", "schema = 1\nname = \"Outer\"\nprepare = 10\n" + holdStep("First", 30) +
                              embedStep("inner"));
  dir.write("inner.toml",
            "schema = 1\nname = \"Inner\"\nprepare = 20\nrounds = 2\n" + holdStep("Roll", 40));
  const auto library = RoutineLibrary::load({dir.path()}, {});
  const LibraryEntry* outer = library.find("outer");
  REQUIRE(outer);
  INFO(joined(outer->errors));
  REQUIRE(outer->plan);
  std::vector<std::string> labels;
  for (const Phase& phase : outer->plan->phases) labels.push_back(phase.label);
  CHECK(labels == std::vector<std::string>{"Get ready", "First", "Roll", "Roll"});
  CHECK(outer->plan->phases[2].routineId == "inner");
  CHECK(outer->plan->total == std::chrono::seconds(10 + 30 + 40 + 40));
}

TEST_CASE("an embedding cycle is an error naming every routine in it") {
  TempDir dir;
  dir.write("a.toml", routineText("A", holdStep("Hold", 30) + embedStep("b")));
  dir.write("b.toml", routineText("B", embedStep("c")));
  dir.write("c.toml", routineText("C", embedStep("a")));
  dir.write("self.toml", routineText("Self", embedStep("self")));
  const auto library = RoutineLibrary::load({dir.path()}, {});
  for (const auto& entry : library.entries()) {
    INFO(entry.id);
    CHECK_FALSE(entry.ok());
    CHECK(entry.routine);
  }
  CHECK(lines(library.find("a")->errors) ==
        std::vector<std::string>{dir.file("c.toml") +
                                 ":6:11: routine: embedding cycle a -> b -> c -> a"});
  CHECK(lines(library.find("self")->errors) ==
        std::vector<std::string>{dir.file("self.toml") +
                                 ":6:11: routine: embedding cycle self -> self"});
}

TEST_CASE("a library routine embedding an unknown id names it at the routine key") {
  TempDir dir;
  dir.write("outer.toml", routineText("Outer", embedStep("nothing-here")));
  const auto library = RoutineLibrary::load({dir.path()}, {});
  CHECK(lines(library.find("outer")->errors) ==
        std::vector<std::string>{dir.file("outer.toml") +
                                 ":6:11: routine: no routine with id 'nothing-here' to embed"});
}

TEST_CASE("embedding a broken routine says which file to fix") {
  TempDir dir;
  dir.write("outer.toml", routineText("Outer", embedStep("broken")));
  dir.write("broken.toml", routineText("Broken", "[[steps]]\nname = 5\n"));
  const auto library = RoutineLibrary::load({dir.path()}, {});
  CHECK(lines(library.find("outer")->errors) ==
        std::vector<std::string>{dir.file("outer.toml") +
                                 ":6:11: routine: 'broken' cannot be embedded: broken.toml has "
                                 "errors"});
}

TEST_CASE("a routine expanding past the phase limit is listed with the expansion error") {
  TempDir dir;
  // 3 rounds x (50 sets x right, switch, left + 49 rests) = 3 x 199 phases.
  dir.write("endless.toml",
            "schema = 1\nname = \"Endless\"\nrounds = 3\n[[steps]]\nname = \"Hold\"\n"
            "duration = 10\nsides = \"both\"\nsets = 50\nrest = 5\n");
  const auto library = RoutineLibrary::load({dir.path()}, {});
  const LibraryEntry* entry = library.find("endless");
  REQUIRE(entry);
  CHECK(entry->routine);
  CHECK_FALSE(entry->ok());
  REQUIRE(entry->errors.size() == 1);
  CHECK(entry->errors[0].message.find("more than 500 phases") != std::string::npos);
}

TEST_CASE("every bundled routine loads and expands without errors") {
  const fs::path source = UNKNOT_SOURCE_DIR;
  const auto library = RoutineLibrary::load({source / "routines"}, {source / "assets"});
  REQUIRE(library.entries().size() >= 5);
  for (const auto& entry : library.entries()) {
    INFO(entry.id << "\n" << joined(entry.errors));
    CHECK(entry.ok());
  }
}

TEST_CASE("find and findRoutine look entries up by id") {
  const auto library = RoutineLibrary::load({fixture("routines")}, {});
  REQUIRE(library.find("minimal"));
  CHECK(library.find("minimal")->id == "minimal");
  REQUIRE(library.findRoutine("minimal"));
  CHECK(library.findRoutine("minimal")->name == "Minimal");
  CHECK(library.find("minimal-") == nullptr);
  CHECK(library.find("") == nullptr);
  CHECK(library.find("zzz") == nullptr);
  CHECK(library.findRoutine("absent") == nullptr);
}
