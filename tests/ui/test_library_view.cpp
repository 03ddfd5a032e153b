// The library: items built from real routine files (a broken one among them), the category
// and search filter, keyboard selection and the Start intent.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstring>

#include "core/routine_library.hpp"
#include "imgui_harness.hpp"
#include "support/process.hpp"
#include "ui/library_view.hpp"
#include "ui/widgets.hpp"

using namespace unknot;
using namespace unknot::testing;

namespace {

std::string routine(const std::string& name, const std::string& category, const std::string& tags) {
  return "schema = 1\nname = \"" + name + "\"\ncategory = \"" + category + "\"\ntags = [" + tags +
         "]\nprepare = 0\n\n[[steps]]\nname = \"Hold\"\nduration = 30\nsides = \"both\"\n";
}

struct Fixture {
  Fixture() {
    dir.write("bridge.toml", routine("Glute bridge", "strength", "\"glutes\""));
    dir.write("pigeon.toml", routine("Pigeon pose", "stretch", "\"Piriformis\", \"hips\""));
    dir.write("broken.toml",
              "schema = 1\nname = \"Broken\"\n[[steps]]\nname = \"Hold\"\nduraton = 5\n");
    dir.write("roll.toml", routine("Foam roll", "foam-roll", "\"glutes\""));
    library = RoutineLibrary::load({dir.path()}, LoaderOptions{});
    model = makeLibraryModel(library, "/home/someone/.config/unknot/routines");
  }
  std::vector<std::string> visibleIds(const LibraryFilter& filter) const {
    std::vector<std::string> ids;
    for (size_t i : visibleItems(model, filter)) ids.push_back(model.items[i].id);
    return ids;
  }
  TempDir dir;
  RoutineLibrary library;
  LibraryModel model;
};

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("every routine file becomes an item, broken ones with their errors") {
  Fixture f;
  REQUIRE(f.model.items.size() == 4);
  const auto broken = std::find_if(f.model.items.begin(), f.model.items.end(),
                                   [](const LibraryItem& item) { return item.id == "broken"; });
  REQUIRE(broken != f.model.items.end());
  CHECK_FALSE(broken->ok());
  REQUIRE_FALSE(broken->errors.empty());
  CHECK_THAT(broken->errors.front(),
             Catch::Contains("broken.toml:5:") && Catch::Contains("duraton"));
  const LibraryItem& pigeon = f.model.items[2];
  REQUIRE(pigeon.id == "pigeon");
  CHECK(pigeon.ok());
  CHECK(pigeon.total == Millis(65000));  // right 30 s, switch 5 s, left 30 s
  CHECK(pigeon.phases.size() == 3);
  CHECK(pigeon.category == Category::Stretch);
}

TEST_CASE("broken routines are listed after the others and no filter on category hides them") {
  Fixture f;
  CHECK(f.visibleIds({}) == Ids{"bridge", "pigeon", "roll", "broken"});
  CHECK(f.visibleIds({Category::Stretch, ""}) == Ids{"pigeon", "broken"});
}

TEST_CASE("search matches the name, the id or a tag, ignoring case") {
  Fixture f;
  CHECK(f.visibleIds({std::nullopt, "BRIDGE"}) == Ids{"bridge"});
  CHECK(f.visibleIds({std::nullopt, "piri"}) == Ids{"pigeon"});
  CHECK(f.visibleIds({std::nullopt, "glutes"}) == Ids{"bridge", "roll"});
  CHECK(f.visibleIds({Category::FoamRoll, "glutes"}) == Ids{"roll"});
  CHECK(f.visibleIds({std::nullopt, "nothing like it"}).empty());
}

TEST_CASE("up and down move the selection through the visible routines and enter starts it") {
  Fixture f;
  LibraryViewState state;
  CHECK(applyLibraryKeys(f.model, state, {}).kind == LibraryIntent::Kind::None);
  CHECK(state.selectedId == "bridge");  // the first visible item is selected
  const std::vector<UiKey> down{UiKey::Down, UiKey::Down};
  applyLibraryKeys(f.model, state, down);
  CHECK(state.selectedId == "roll");
  const std::vector<UiKey> up{UiKey::Up};
  applyLibraryKeys(f.model, state, up);
  CHECK(state.selectedId == "pigeon");
  const std::vector<UiKey> enter{UiKey::Enter};
  const LibraryIntent intent = applyLibraryKeys(f.model, state, enter);
  CHECK(intent.kind == LibraryIntent::Kind::Start);
  CHECK(intent.routineId == "pigeon");
}

TEST_CASE("enter does not start a routine that failed to load") {
  Fixture f;
  LibraryViewState state;
  state.selectedId = "broken";
  const std::vector<UiKey> enter{UiKey::Enter};
  CHECK(applyLibraryKeys(f.model, state, enter).kind == LibraryIntent::Kind::None);
}

TEST_CASE("a selection hidden by the filter moves to the first visible routine") {
  Fixture f;
  LibraryViewState state;
  state.selectedId = "bridge";
  std::strcpy(state.search.data(), "roll");
  applyLibraryKeys(f.model, state, {});
  CHECK(state.selectedId == "roll");
}

TEST_CASE("the library view draws the list and details and starts on enter") {
  Fixture f;
  for (ImVec2 size : {ImVec2(800, 600), ImVec2(1280, 800), ImVec2(3840, 2160)}) {
    ImGuiHarness ui(size);
    LibraryViewState state;
    // Two frames: child windows and tables settle their sizes on the second.
    for (int i = 0; i < 2; ++i) {
      CHECK(ui.frame([&] { return drawLibraryView(f.model, state, ui.fonts(), {}); }).kind ==
            LibraryIntent::Kind::None);
    }
    CHECK(ui.vertexCount() > 1000);
    const std::vector<UiKey> keys{UiKey::Down, UiKey::Enter};
    const LibraryIntent intent =
        ui.frame([&] { return drawLibraryView(f.model, state, ui.fonts(), keys); });
    CHECK(intent.kind == LibraryIntent::Kind::Start);
    CHECK(intent.routineId == "pigeon");
  }
}

TEST_CASE("an empty library says where routine files go") {
  ImGuiHarness ui;
  const LibraryModel empty{{}, "/somewhere/routines", {}};
  LibraryViewState state;
  CHECK(ui.frame([&] { return drawLibraryView(empty, state, ui.fonts(), {}); }).kind ==
        LibraryIntent::Kind::None);
  CHECK(state.selectedId.empty());
}

TEST_CASE("category counts follow the search and leave broken files out of All") {
  Fixture f;
  const ChipCounts everything = chipCounts(f.model, "");
  CHECK(everything.all == 3);  // the broken file is listed apart, not counted in All
  CHECK(everything.broken == 1);
  CHECK(everything.of(Category::Stretch) == 1);
  CHECK(everything.of(Category::Strength) == 1);
  const ChipCounts glutes = chipCounts(f.model, "GLUTES");
  CHECK(glutes.all == 2);
  CHECK(glutes.of(Category::Stretch) == 0);
  CHECK(glutes.of(Category::Strength) == 1);
  CHECK(glutes.of(Category::FoamRoll) == 1);
}

TEST_CASE("a long routine name goes on two lines instead of being cut") {
  ImGuiHarness ui(ImVec2(640, 480));
  const std::string name = "Ball massage for the outer glutes";
  ImFont* font = ui.fonts().heading;
  const float size = ui.fonts().headingSize;
  const float wide = textWidth(font, size, name) + 1;
  CHECK(fitCardName(name, font, size, wide, "...").lines == std::vector<std::string>{name});
  const CardName two = fitCardName(name, font, size, wide * 0.6f, "...");
  REQUIRE(two.lines.size() == 2);
  CHECK(two.lines[0] + " " + two.lines[1] == name);  // every word, nothing cut
  for (const std::string& line : two.lines) CHECK(textWidth(font, two.size, line) <= wide * 0.6f);
  const CardName tiny = fitCardName(name, font, size, wide * 0.2f, "...");
  CHECK(tiny.lines.back().find("...") != std::string::npos);  // only when nothing else fits
}

TEST_CASE("the library draws at 640 by 480 with a long name and a long step name") {
  TempDir dir;
  dir.write("ball.toml",
            "schema = 1\nname = \"Ball massage for the outer glutes\"\ncategory = \"massage\"\n"
            "prepare = 0\n[[steps]]\nname = \"Find the tender spot on the outer hip\"\n"
            "duration = 30\n");
  const RoutineLibrary library = RoutineLibrary::load({dir.path()}, LoaderOptions{});
  const LibraryModel model = makeLibraryModel(library, "/tmp");
  ImGuiHarness ui(ImVec2(640, 480));
  LibraryViewState state;
  ui.frame([&] { return drawLibraryView(model, state, ui.fonts(), {}).kind; });
  CHECK(ui.vertexCount() > 200);
}

TEST_CASE("at the plan's dose the detail lists the sore side first and the header says so") {
  Fixture f;
  const Dose dose{Level::Gentle, Side::Left, 1};
  const LibraryModel dosed = makeLibraryModel(f.library, "/tmp", dose, todayLine(dose, true, "-"));
  CHECK(dosed.today == "Today: gentle - sore side left");
  const auto pigeon = std::find_if(dosed.items.begin(), dosed.items.end(),
                                   [](const LibraryItem& item) { return item.id == "pigeon"; });
  REQUIRE(pigeon != dosed.items.end());
  std::vector<Side> sides;
  for (const LibraryPhaseRow& row : pigeon->phases) {
    if (row.kind == PhaseKind::Hold) sides.push_back(row.side);
  }
  CHECK(sides == std::vector<Side>{Side::Left, Side::Right, Side::Left});
  CHECK(pigeon->total > f.model.items[2].total);  // one more hold and one more switch
  CHECK(todayLine(dose, false, "-").empty());
  CHECK(f.model.today.empty());
}

TEST_CASE("the routine detail shows a strip of small figures, one per step with a pose") {
  const std::filesystem::path source = UNKNOT_SOURCE_DIR;
  const figure::PoseLibrary poses = figure::PoseLibrary::load({source / "assets" / "poses"});
  TempDir dir;
  dir.write("mixed.toml",
            "schema = 1\nname = \"Mixed\"\nprepare = 0\n"
            "[[steps]]\nname = \"Pigeon\"\nduration = 30\nsides = \"both\"\npose = \"pigeon\"\n"
            "[[steps]]\nname = \"Rest\"\nkind = \"rest\"\nduration = 10\n"
            "[[steps]]\nname = \"Bridge\"\nkind = \"reps\"\nreps = 5\nsets = 2\n"
            "pose = \"glute-bridge\"\n"
            "[[steps]]\nname = \"Words only\"\nduration = 30\n");
  const RoutineLibrary library = RoutineLibrary::load({dir.path()}, LoaderOptions{});
  const LibraryModel model = makeLibraryModel(library, "/tmp", {}, {}, &poses);
  REQUIRE(model.items.size() == 1);
  const std::vector<LibraryFigure>& figures = model.items.front().figures;
  REQUIRE(figures.size() == 2);  // both sides and both sets are one step each
  CHECK(figures[0].pose == poses.find("pigeon"));
  CHECK(figures[0].step == "Pigeon");
  CHECK(figures[1].pose == poses.find("glute-bridge"));
  CHECK_FALSE(figures[1].bounds.empty);
  LibraryViewState state;
  const int without = [&] {
    const LibraryModel plain = makeLibraryModel(library, "/tmp");
    ImGuiHarness bare(ImVec2(1280, 800));
    bare.frame([&] { return drawLibraryView(plain, state, bare.fonts(), {}).kind; });
    return bare.vertexCount();
  }();
  ImGuiHarness ui(ImVec2(1280, 800));
  ui.frame([&] { return drawLibraryView(model, state, ui.fonts(), {}).kind; });
  CHECK(ui.vertexCount() > without + 500);  // the two figures are drawn
}
