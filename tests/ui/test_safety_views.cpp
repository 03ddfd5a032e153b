// The safety screens and warning boxes: urgent advice closes on a click only, the first-start
// notice on Enter or its button, the advice before a routine ignores keys while a warning is
// urgent, the boxes say what to do, and the library keeps a banner (a click opens Progress).
#include <catch2/catch.hpp>

#include "imgui_harness.hpp"
#include "ui/library_view.hpp"
#include "ui/safety_views.hpp"
#include "ui/start_advice_view.hpp"
#include "ui/warning_box.hpp"

using namespace unknot;
using namespace unknot::testing;

namespace {

RedFlag symptomFlag(Symptom symptom) {
  return {RedFlagKind::Symptom,  symptom, *parseDate("2026-11-05"), symptomAdvice(symptom),
          symptomLevel(symptom), ""};
}

RedFlag painFlag(RedFlagKind kind) {
  return {RedFlagKind(kind),
          std::nullopt,
          *parseDate("2026-11-05"),
          painAdvice(kind),
          kind == RedFlagKind::PainNotImproving ? FlagLevel::SeeSoon : FlagLevel::EaseOff,
          ""};
}

}  // namespace

TEST_CASE("the urgent advice closes on a click on its button, never on a key") {
  ImGuiHarness ui;
  const std::vector<RedFlag> flags{symptomFlag(Symptom::SaddleNumbness),
                                   symptomFlag(Symptom::Numbness)};
  for (int i = 0; i < 3; ++i)
    CHECK_FALSE(ui.frame([&] { return drawUrgentAdvice(flags, ui.fonts()); }));
  CHECK(ui.vertexCount() > 500);
  // Somewhere down the middle of the screen is the button; the box above it is not one.
  int firstHit = -1;
  for (int y = 0; y < 800 && firstHit < 0; y += 8) {
    if (clickAt(ui, ImVec2(640, static_cast<float>(y)),
                [&] { return drawUrgentAdvice(flags, ui.fonts()); }))
      firstHit = y;
  }
  CHECK(firstHit > 150);  // below the advice
  CHECK(firstHit < 600);
}

TEST_CASE("the first-start notice is acknowledged with Enter or its button") {
  ImGuiHarness ui;
  const UiKey enter[] = {UiKey::Enter};
  const UiKey other[] = {UiKey::Escape, UiKey::Space, UiKey::S};
  CHECK_FALSE(ui.frame([&] { return drawFirstStartNotice(ui.fonts(), other); }));
  CHECK(ui.vertexCount() > 500);
  CHECK(ui.frame([&] { return drawFirstStartNotice(ui.fonts(), enter); }));
  CHECK(firstStartNoticeKeys(enter));
  CHECK_FALSE(firstStartNoticeKeys(other));
  bool clicked = false;
  for (int y = 0; y < 800 && !clicked; y += 8)
    clicked = clickAt(ui, ImVec2(640, static_cast<float>(y)),
                      [&] { return drawFirstStartNotice(ui.fonts(), {}); });
  CHECK(clicked);
}

TEST_CASE("the advice before a routine answers keys, but only clicks while a warning is urgent") {
  using Kind = StartAdviceIntent::Kind;
  StartAdviceModel model;
  model.routineName = "Pigeon pose";
  model.gentler = {{"hip-flexor", "Hip flexor stretch", Millis(120'000)}};
  model.flags = {painFlag(RedFlagKind::PainHigh)};
  CHECK(startAdviceIntentForKey(UiKey::Enter, model).kind == Kind::Back);
  CHECK(startAdviceIntentForKey(UiKey::Escape, model).kind == Kind::Back);
  CHECK(startAdviceIntentForKey(UiKey::S, model).kind == Kind::StartAnyway);
  CHECK(startAdviceIntentForKey(UiKey::Num1, model).routineId == "hip-flexor");
  model.flags = {symptomFlag(Symptom::Fever)};
  CHECK(model.urgent());
  for (const UiKey key : {UiKey::Enter, UiKey::Escape, UiKey::S, UiKey::Space, UiKey::Num1})
    CHECK(startAdviceIntentForKey(key, model).kind == Kind::None);
  ImGuiHarness ui(ImVec2(800, 600));
  const UiKey s[] = {UiKey::S};
  CHECK(ui.frame([&] { return drawStartAdvice(model, ui.fonts(), s); }).kind == Kind::None);
  model.flags = {painFlag(RedFlagKind::PainHigh)};
  CHECK(ui.frame([&] { return drawStartAdvice(model, ui.fonts(), s); }).kind == Kind::StartAnyway);
}

TEST_CASE("warning boxes say what to do: emergency care, a check, or taking it easy") {
  const std::vector<RedFlag> urgent{symptomFlag(Symptom::BladderBowel)};
  CHECK(warningBoxText(urgent, true).title == "Get emergency care today");
  CHECK(warningBoxText(urgent, true).footer == kNoExerciseToday);
  CHECK(warningBoxText({symptomFlag(Symptom::Radiating)}, false).title ==
        "Please get this checked");
  CHECK(warningBoxText({symptomFlag(Symptom::Radiating), painFlag(RedFlagKind::PainNotImproving)},
                       false)
            .title == "Please get these checked");
  CHECK(warningBoxText({painFlag(RedFlagKind::PainRising)}, false).title == "Please take it easy");
  ImGuiHarness ui;
  const std::vector<RedFlag> both{symptomFlag(Symptom::Fever), painFlag(RedFlagKind::PainHigh)};
  const float height = warningBoxHeight(both, warningBoxText(both, false), ui.fonts(), 800);
  CHECK(height > ui.fonts().headingSize * 3);
}

TEST_CASE("the library keeps a banner for active warnings, and a click on it opens Progress") {
  const std::vector<RedFlag> flags{symptomFlag(Symptom::Fever), symptomFlag(Symptom::Numbness)};
  CHECK(warningBannerText(flags) ==
        "Urgent: fever or feeling unwell with the pain  (+1 more)  -  P for the advice");
  CHECK(warningBannerText({}).empty());
  ImGuiHarness ui;
  LibraryModel model;
  LibraryViewState state;
  int hit = -1;
  for (int y = 0; y < 200 && hit < 0; y += 4) {
    const LibraryIntent intent = clickAt(ui, ImVec2(640, static_cast<float>(y)), [&] {
      return drawLibraryView(model, state, ui.fonts(), {}, flags);
    });
    if (intent.kind == LibraryIntent::Kind::Progress) hit = y;
  }
  CHECK(hit > 40);  // under the header, where the banner is
  // Without warnings the same spot opens nothing.
  const LibraryIntent none = clickAt(ui, ImVec2(640, static_cast<float>(hit + 4)),
                                     [&] { return drawLibraryView(model, state, ui.fonts(), {}); });
  CHECK(none.kind == LibraryIntent::Kind::None);
}
