// The window's Open screen for a shared routine file: the model it shows, and Import, Try once
// and Cancel, checked against the files they leave (the same checks as `unknot import`).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/gui/gui_open.hpp"
#include "support/process.hpp"
#include "ui/imgui_harness.hpp"

using namespace unknot;
using namespace unknot::testing;
namespace fs = std::filesystem;

namespace {

const char* kDeskStretch =
    "schema = 1\nname = \"Desk stretch\"\ncategory = \"stretch\"\nprepare = 0\n\n"
    "[[steps]]\nname = \"Seated figure four\"\nduration = 30\nsides = \"both\"\n";

struct Setup {
  TempDir dir;
  AppPaths paths;
  Library library;
  Setup() {
    paths = resolveAppPaths(
        [this](const char* name) -> const char* {
          if (std::string(name) == "HOME") return dir.path().c_str();
          return nullptr;
        },
        std::nullopt, UNKNOT_BUILD_DIR);
    library = loadLibrary(paths);
  }
  GuiOpen open(const std::string& name) const {
    return GuiOpen(dir.file(name), paths, library.routines, library.loader);
  }
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("the Open screen shows the routine's phases and imports it on Import") {
  Setup setup;
  setup.dir.write("desk-stretch.unknot.toml", kDeskStretch);
  GuiOpen open = setup.open("desk-stretch.unknot.toml");
  const OpenRoutineModel& model = open.model();
  CHECK(model.fileName == "desk-stretch.unknot.toml");
  CHECK(model.title == "Desk stretch");
  CHECK(model.summary ==
        "stretch \xC2\xB7 3 phases \xC2\xB7 1m5s \xC2\xB7 installs as desk-stretch");
  REQUIRE(model.phases.size() == 3);
  CHECK(model.phases[0] == "0:00   Seated figure four (right)  30s");
  CHECK(model.problems.empty());
  CHECK(model.canImport);
  CHECK(model.replaces.empty());

  CHECK(open.apply(OpenRoutineIntent::Import) == GuiOpen::Outcome::Imported);
  const fs::path installed = setup.paths.userRoutinesDir / "desk-stretch.toml";
  CHECK(slurp(installed) == kDeskStretch);
  CHECK(open.model().outcome ==
        "Imported into ~/.config/unknot/routines as desk-stretch.toml: it is in your library now.");
  CHECK_FALSE(open.model().canImport);
  CHECK(open.apply(OpenRoutineIntent::Cancel) == GuiOpen::Outcome::Close);
}

TEST_CASE("Try once hands over the routine without installing it, Cancel leaves everything") {
  Setup setup;
  setup.dir.write("desk-stretch.unknot.toml", kDeskStretch);
  GuiOpen open = setup.open("desk-stretch.unknot.toml");
  CHECK(open.apply(OpenRoutineIntent::TryOnce) == GuiOpen::Outcome::TryOnce);
  REQUIRE(open.tryPlan());
  CHECK(open.tryPlan()->name == "Desk stretch");
  CHECK(open.apply(OpenRoutineIntent::Cancel) == GuiOpen::Outcome::Close);
  CHECK_FALSE(fs::exists(setup.paths.userRoutinesDir));
}

TEST_CASE("a broken file shows its positioned problems and offers neither Import nor Try once") {
  Setup setup;
  setup.dir.write("broken.unknot.toml",
                  "schema = 1\nname = \"Broken\"\ncategory = \"stretchy\"\n\n[[steps]]\n"
                  "name = \"X\"\nduration = 30\n");
  GuiOpen open = setup.open("broken.unknot.toml");
  REQUIRE(open.model().problems.size() == 1);
  CHECK_THAT(open.model().problems[0],
             Catch::StartsWith(setup.dir.file("broken.unknot.toml") + ":3:12: category:"));
  CHECK_FALSE(open.model().canImport);
  CHECK(open.apply(OpenRoutineIntent::Import) == GuiOpen::Outcome::Stay);
  CHECK(open.apply(OpenRoutineIntent::TryOnce) == GuiOpen::Outcome::Stay);
  CHECK_FALSE(fs::exists(setup.paths.userRoutinesDir));
}

TEST_CASE("the Open screen says when importing replaces a routine, and its keys") {
  Setup setup;
  setup.dir.write("desk-stretch.unknot.toml", kDeskStretch);
  setup.dir.write(".config/unknot/routines/desk-stretch.toml", kDeskStretch);
  GuiOpen open = setup.open("desk-stretch.unknot.toml");
  CHECK(open.model().replaces ==
        "Importing replaces your routine ~/.config/unknot/routines/desk-stretch.toml.");
  CHECK(openRoutineIntentForKey(UiKey::Enter, true) == OpenRoutineIntent::Import);
  CHECK(openRoutineIntentForKey(UiKey::R, true) == OpenRoutineIntent::TryOnce);
  CHECK(openRoutineIntentForKey(UiKey::Enter, false) == OpenRoutineIntent::None);
  CHECK(openRoutineIntentForKey(UiKey::Escape, false) == OpenRoutineIntent::Cancel);
  ImGuiHarness ui;
  const std::vector<UiKey> enter{UiKey::Enter};
  CHECK(ui.frame([&] { return drawOpenRoutineView(open.model(), ui.fonts(), enter); }) ==
        OpenRoutineIntent::Import);
}
