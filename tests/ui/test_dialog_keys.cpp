// The keys of the dialogs: the advice before a routine, the urgent advice, the first-start
// notice, the stop question and the two heat/ice dialogs before a cycle. Each key does what a
// click on its button does, each button shows its key (the urgent advice none, and its overlay
// says why), and the ? overlay lists every action.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "imgui_harness.hpp"
#include "ui/key_table.hpp"
#include "ui/safety_views.hpp"
#include "ui/start_advice_view.hpp"
#include "ui/stop_question.hpp"
#include "ui/thermal_dialogs.hpp"

using namespace unknot;
using namespace unknot::testing;

namespace {

RedFlag symptomFlag(Symptom symptom) {
  return {RedFlagKind::Symptom,  symptom, *parseDate("2026-11-05"), symptomAdvice(symptom),
          symptomLevel(symptom), ""};
}

RedFlag painHigh() {
  return {RedFlagKind::PainHigh,    std::nullopt,
          *parseDate("2026-11-05"), painAdvice(RedFlagKind::PainHigh),
          FlagLevel::EaseOff,       ""};
}

StartAdviceModel adviceWithChoices() {
  StartAdviceModel model;
  model.routineName = "Pigeon pose";
  model.flags = {painHigh()};
  model.gentler = {{"hip-flexor", "Hip flexor stretch", Millis(120'000)},
                   {"posture", "Posture break", Millis(180'000)},
                   {"figure-four", "Seated figure four", Millis(240'000)}};
  return model;
}

// Every result a click anywhere on the screen gives, other than `nothing`: one per button. The
// grid is finer than the smallest button.
template <class Result, class Draw>
std::vector<Result> clickResults(ImGuiHarness& ui, const Result& nothing, Draw&& draw) {
  std::vector<Result> found;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  for (float y = 4; y < display.y; y += 12) {
    for (float x = 4; x < display.x; x += 24) {
      const Result result = clickAt(ui, ImVec2(x, y), draw);
      if (!(result == nothing) && std::find(found.begin(), found.end(), result) == found.end())
        found.push_back(result);
    }
  }
  return found;
}

// The text a frame put on the screen, read back from its glyph quads (each glyph's place in the
// font atlas says which character it is): words split by one space, lines by a newline, in the
// order drawn. After two frames, as a new window shows its items from its second.
template <class Draw>
std::string shownText(ImGuiHarness& ui, Draw&& draw) {
  for (int i = 0; i < 3; ++i) {
    ui.frame([&] {
      draw();
      return 0;
    });
  }
  const ImGuiIO& io = ImGui::GetIO();
  std::map<std::pair<float, float>, const ImFontGlyph*> glyphAt;
  float space = 0;
  for (const ImFont* font : io.Fonts->Fonts) {
    for (const ImFontGlyph& glyph : font->Glyphs) {
      if (glyph.Codepoint < 128) glyphAt[{glyph.U0, glyph.V0}] = &glyph;
    }
    if (const ImFontGlyph* blank = font->FindGlyphNoFallback(' ')) space = blank->AdvanceX;
  }
  std::string text;
  float penEnd = 0, lineY = -1e9f;
  const ImDrawData* data = ImGui::GetDrawData();
  for (int l = 0; l < data->CmdListsCount; ++l) {
    const ImDrawList* list = data->CmdLists[l];
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      for (unsigned i = 0; i + 6 <= cmd.ElemCount; i += 6) {
        const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset + i;
        if (idx[1] != idx[0] + 1 || idx[2] != idx[0] + 2 || idx[3] != idx[0] ||
            idx[4] != idx[0] + 2 || idx[5] != idx[0] + 3)
          continue;
        const ImDrawVert* v = list->VtxBuffer.Data + cmd.VtxOffset + idx[0];
        const auto found = glyphAt.find({v[0].uv.x, v[0].uv.y});
        if (found == glyphAt.end() || v[0].uv.x == v[2].uv.x) continue;
        const ImFontGlyph& glyph = *found->second;
        const float scale = (v[2].pos.y - v[0].pos.y) / (glyph.Y1 - glyph.Y0);
        const float pen = v[0].pos.x - glyph.X0 * scale;
        const float height = v[2].pos.y - v[0].pos.y;
        if (std::abs(v[0].pos.y - glyph.Y0 * scale - lineY) > height) {
          text += '\n';
        } else if (pen - penEnd > space * scale * 0.5f) {
          text += ' ';
        }
        lineY = v[0].pos.y - glyph.Y0 * scale;
        penEnd = pen + glyph.AdvanceX * scale;
        text += static_cast<char>(glyph.Codepoint);
      }
    }
  }
  return text;
}

// A label as shownText reads it: runs of spaces are one.
std::string shown(const std::string& label) {
  std::string out;
  for (const char c : label) {
    if (c != ' ' || out.empty() || out.back() != ' ') out += c;
  }
  return out;
}

template <class Action>
std::string keyOf(std::span<const KeyBinding<Action>> table, Action action) {
  const std::string label = withKey("x", table, action);
  return label == "x" ? "" : shown(label.substr(1));  // " [Esc]"
}

template <class Action>
void checkEveryActionListed(KeyScreen screen, std::span<const KeyBinding<Action>> table,
                            std::initializer_list<Action> actions) {
  const std::vector<KeyLine> lines = keyLines(screen);
  for (const Action action : actions) {
    const auto binding =
        std::find_if(table.begin(), table.end(), [&](const auto& b) { return b.action == action; });
    INFO(screenTitle(screen) << ": action " << static_cast<int>(action));
    REQUIRE(binding != table.end());
    CHECK(std::any_of(lines.begin(), lines.end(), [&](const KeyLine& line) {
      return line.description == binding->description &&
             line.keys.find(binding->keyName) != std::string::npos;
    }));
  }
  CHECK(lines.size() <= table.size());
}

constexpr UiKey kEveryKey[] = {UiKey::Space, UiKey::Left,   UiKey::Right, UiKey::Up,   UiKey::Down,
                               UiKey::Enter, UiKey::Escape, UiKey::R,     UiKey::M,    UiKey::C,
                               UiKey::E,     UiKey::F,      UiKey::P,     UiKey::S,    UiKey::W,
                               UiKey::I,     UiKey::U,      UiKey::Num1,  UiKey::Num2, UiKey::Num3};

using Advice = std::pair<StartAdviceIntent::Kind, std::string>;
Advice adviceOf(const StartAdviceIntent& intent) {
  return {intent.kind, intent.routineId};
}

}  // namespace

TEST_CASE("the advice before a routine: 1 to 3, Enter, Esc and S do what its buttons do") {
  ImGuiHarness ui;
  const StartAdviceModel model = adviceWithChoices();
  auto draw = [&] { return adviceOf(drawStartAdvice(model, ui.fonts(), {})); };
  const std::vector<Advice> clicks = clickResults(ui, Advice{}, draw);
  CHECK(clicks.size() == 5);  // three gentler routines, back, anyway
  std::vector<Advice> byKey;
  for (const auto& binding : startAdviceKeys()) {
    if (binding.action == StartAdviceAction::Keys) continue;
    const UiKey keys[] = {binding.key};
    const Advice pressed =
        adviceOf(ui.frame([&] { return drawStartAdvice(model, ui.fonts(), keys); }));
    INFO(binding.keyName);
    CHECK(pressed.first != StartAdviceIntent::Kind::None);
    CHECK(std::find(clicks.begin(), clicks.end(), pressed) != clicks.end());
    byKey.push_back(pressed);
  }
  for (const Advice& click : clicks)  // and no button is without a key
    CHECK(std::find(byKey.begin(), byKey.end(), click) != byKey.end());
  CHECK(startAdviceIntentForKey(UiKey::Num2, model).routineId == "posture");
  CHECK(startAdviceIntentForKey(UiKey::Enter, model).kind == StartAdviceIntent::Kind::Back);
  // Fewer choices: a number without a routine does nothing.
  StartAdviceModel one = model;
  one.gentler.resize(1);
  CHECK(startAdviceIntentForKey(UiKey::Num3, one).kind == StartAdviceIntent::Kind::None);
}

TEST_CASE("the advice before a routine shows each button's key") {
  ImGuiHarness ui;
  const StartAdviceModel model = adviceWithChoices();
  const std::string text = shownText(ui, [&] { drawStartAdvice(model, ui.fonts(), {}); });
  for (const StartAdviceAction action :
       {StartAdviceAction::Gentler1, StartAdviceAction::Gentler2, StartAdviceAction::Gentler3,
        StartAdviceAction::Back, StartAdviceAction::StartAnyway}) {
    INFO(static_cast<int>(action));
    CHECK(text.find(keyOf(startAdviceKeys(), action)) != std::string::npos);
  }
  CHECK(text.find(shown("Hip flexor stretch  (2m)  [1]")) != std::string::npos);
  CHECK(text.find(shown("Back to the library  [Enter]")) != std::string::npos);
  CHECK(text.find(shown("Start Pigeon pose anyway  [S]")) != std::string::npos);
}

TEST_CASE("with an urgent sign no button shows a key, no key acts, and the overlay says why") {
  ImGuiHarness ui;
  StartAdviceModel model = adviceWithChoices();
  model.flags = {symptomFlag(Symptom::Fever)};
  REQUIRE(model.urgent());
  for (const UiKey key : kEveryKey) {
    const UiKey keys[] = {key};
    CHECK(ui.frame([&] { return drawStartAdvice(model, ui.fonts(), keys); }).kind ==
          StartAdviceIntent::Kind::None);
  }
  const std::vector<Advice> clicks =
      clickResults(ui, Advice{}, [&] { return adviceOf(drawStartAdvice(model, ui.fonts(), {})); });
  CHECK(clicks.size() == 2);  // back and anyway still work, with the mouse
  const std::string advice = shownText(ui, [&] { drawStartAdvice(model, ui.fonts(), {}); });
  CHECK(advice.find("Back to the library") != std::string::npos);
  CHECK(advice.find(" [") == std::string::npos);

  const std::vector<RedFlag> flags{symptomFlag(Symptom::SaddleNumbness)};
  const std::string urgent = shownText(ui, [&] { drawUrgentAdvice(flags, ui.fonts()); });
  CHECK(urgent.find("I have read this") != std::string::npos);
  CHECK(urgent.find(" [") == std::string::npos);

  // The overlay: only its own key, and a plain line saying the screen is answered by mouse.
  const std::vector<KeyLine> lines = keyLines(KeyScreen::UrgentAdvice);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].keys == "?");
  REQUIRE(screenNote(KeyScreen::UrgentAdvice) != nullptr);
  CHECK(std::string(screenNote(KeyScreen::UrgentAdvice)).starts_with("No keys here"));
  ui.frame([&] { return drawKeyOverlay(KeyScreen::UrgentAdvice, ui.fonts(), {}); });
  const std::string overlay =
      shownText(ui, [&] { drawKeyOverlay(KeyScreen::UrgentAdvice, ui.fonts(), {}); });
  CHECK(overlay.find("No keys here") != std::string::npos);
  const UiKey esc[] = {UiKey::Escape}, help[] = {UiKey::Help};
  CHECK(ui.frame([&] { return drawKeyOverlay(KeyScreen::UrgentAdvice, ui.fonts(), esc); }));
  CHECK(ui.frame([&] { return drawKeyOverlay(KeyScreen::UrgentAdvice, ui.fonts(), help); }));
  // The note belongs to the click-only screen: the others list keys.
  for (const KeyScreen screen :
       {KeyScreen::StartAdvice, KeyScreen::Notice, KeyScreen::StopQuestion,
        KeyScreen::ThermalConfirm, KeyScreen::ThermalResume, KeyScreen::Player})
    CHECK(screenNote(screen) == nullptr);
}

TEST_CASE("the first-start notice: Enter does what its button does, and the button says so") {
  ImGuiHarness ui;
  const std::vector<bool> clicks =
      clickResults(ui, false, [&] { return drawFirstStartNotice(ui.fonts(), {}); });
  CHECK(clicks == std::vector<bool>{true});
  for (const auto& binding : noticeKeys()) {
    const UiKey keys[] = {binding.key};
    const bool pressed = ui.frame([&] { return drawFirstStartNotice(ui.fonts(), keys); });
    CHECK(pressed == (binding.action == NoticeAction::Accept));
  }
  const std::string text = shownText(ui, [&] { drawFirstStartNotice(ui.fonts(), {}); });
  CHECK(text.find(shown("I understand  [Enter]")) != std::string::npos);
}

TEST_CASE("the stop question: Esc stops and Enter goes on, as its two buttons do") {
  ImGuiHarness ui;
  // (the run stops, still asking)
  using Answer = std::pair<bool, bool>;
  auto asked = [] {
    StopQuestion question;
    const UiKey escape[] = {UiKey::Escape};
    (void)question.filter(escape);
    return question;
  };
  const std::vector<Answer> clicks = clickResults(ui, Answer{false, true}, [&] {
    StopQuestion question = asked();
    const bool stop = drawStopQuestion(question, ui.fonts());
    return Answer{stop, question.asking()};
  });
  CHECK(clicks.size() == 2);
  CHECK(std::find(clicks.begin(), clicks.end(), Answer{true, false}) != clicks.end());
  CHECK(std::find(clicks.begin(), clicks.end(), Answer{false, false}) != clicks.end());
  for (const auto& binding : stopQuestionKeys()) {
    StopQuestion question = asked();
    const UiKey keys[] = {binding.key};
    const std::vector<UiKey> passed = question.filter(keys);
    // What reaches the player: its Stop key, or nothing.
    const bool stop = std::any_of(passed.begin(), passed.end(), [](UiKey key) {
      return actionForKey(playerKeys(), key) == PlayerIntent::Stop;
    });
    const Answer pressed{stop, question.asking()};
    INFO(binding.keyName);
    if (binding.action == StopAction::Keys) {
      CHECK(pressed == Answer{false, true});  // the overlay opens; the question stays
    } else {
      CHECK(pressed ==
            (binding.action == StopAction::Stop ? Answer{true, false} : Answer{false, false}));
    }
  }
  StopQuestion question = asked();
  const std::string text = shownText(ui, [&] { drawStopQuestion(question, ui.fonts()); });
  CHECK(text.find(shown("Stop  [Esc]")) != std::string::npos);
  CHECK(text.find(shown("Go on  [Enter]")) != std::string::npos);
}

TEST_CASE("the long heat/ice confirmation: U ticks, Enter starts once ticked, Esc goes back") {
  ImGuiHarness ui;
  // (intent, the box ticked afterwards), from a ticked box: every button then answers.
  using Answer = std::pair<ConfirmIntent, bool>;
  auto draw = [&](std::span<const UiKey> keys) {
    bool understood = true;
    const ConfirmIntent intent =
        drawLongThermalConfirm("Long heat", "Heat lasts 25m", understood, ui.fonts(), keys);
    return Answer{intent, understood};
  };
  const std::vector<Answer> clicks =
      clickResults(ui, Answer{ConfirmIntent::None, true}, [&] { return draw({}); });
  CHECK(clicks.size() == 3);
  for (const auto& binding : thermalConfirmKeys()) {
    if (binding.action == ThermalConfirmAction::Keys) continue;
    const UiKey keys[] = {binding.key};
    const Answer pressed = ui.frame([&] { return draw(keys); });
    INFO(binding.keyName);
    CHECK(std::find(clicks.begin(), clicks.end(), pressed) != clicks.end());
  }
  bool understood = false;
  const UiKey enter[] = {UiKey::Enter}, u[] = {UiKey::U}, uThenEnter[] = {UiKey::U, UiKey::Enter};
  CHECK(applyLongThermalConfirmKeys(enter, understood) == ConfirmIntent::None);
  CHECK(applyLongThermalConfirmKeys(u, understood) == ConfirmIntent::None);
  CHECK(understood);
  CHECK(applyLongThermalConfirmKeys(u, understood) == ConfirmIntent::None);
  CHECK_FALSE(understood);  // U unticks too
  CHECK(applyLongThermalConfirmKeys(uThenEnter, understood) == ConfirmIntent::Start);
  const std::string text = shownText(ui, [&] { draw({}); });
  CHECK(text.find(shown("I understand and will check my skin  [U]")) != std::string::npos);
  CHECK(text.find(shown("Start anyway  [Enter]")) != std::string::npos);
  CHECK(text.find(shown("Back  [Esc]")) != std::string::npos);
}

TEST_CASE("the offer to resume a heat/ice cycle: Enter or R resume, S starts again, Esc not now") {
  ImGuiHarness ui;
  auto draw = [&](std::span<const UiKey> keys) {
    return drawResumeOffer("Heat and ice", "Heat, 09:12 left", ui.fonts(), keys);
  };
  const std::vector<ResumeIntent> clicks =
      clickResults(ui, ResumeIntent::None, [&] { return draw({}); });
  CHECK(clicks.size() == 3);
  for (const auto& binding : resumeKeys()) {
    const UiKey keys[] = {binding.key};
    const ResumeIntent pressed = ui.frame([&] { return draw(keys); });
    INFO(binding.keyName);
    if (binding.action == ResumeAction::Keys) {
      CHECK(pressed == ResumeIntent::None);
    } else {
      CHECK(std::find(clicks.begin(), clicks.end(), pressed) != clicks.end());
    }
  }
  CHECK(resumeIntentForKey(UiKey::R) == ResumeIntent::Resume);
  CHECK(resumeIntentForKey(UiKey::S) == ResumeIntent::StartAgain);
  CHECK(resumeIntentForKey(UiKey::Escape) == ResumeIntent::NotNow);
  const std::string text = shownText(ui, [&] { draw({}); });
  CHECK(text.find(shown("Resume  [Enter]")) != std::string::npos);
  CHECK(text.find(shown("Start again  [S]")) != std::string::npos);
  CHECK(text.find(shown("Not now  [Esc]")) != std::string::npos);
}

TEST_CASE("the overlay lists every action of each dialog") {
  checkEveryActionListed(
      KeyScreen::StartAdvice, startAdviceKeys(),
      {StartAdviceAction::Gentler1, StartAdviceAction::Gentler2, StartAdviceAction::Gentler3,
       StartAdviceAction::Back, StartAdviceAction::StartAnyway, StartAdviceAction::Keys});
  checkEveryActionListed(KeyScreen::UrgentAdvice, urgentKeys(), {UrgentAction::Keys});
  checkEveryActionListed(KeyScreen::Notice, noticeKeys(),
                         {NoticeAction::Accept, NoticeAction::Keys});
  checkEveryActionListed(KeyScreen::StopQuestion, stopQuestionKeys(),
                         {StopAction::Stop, StopAction::GoOn, StopAction::Keys});
  checkEveryActionListed(KeyScreen::ThermalConfirm, thermalConfirmKeys(),
                         {ThermalConfirmAction::Understand, ThermalConfirmAction::Start,
                          ThermalConfirmAction::Back, ThermalConfirmAction::Keys});
  checkEveryActionListed(
      KeyScreen::ThermalResume, resumeKeys(),
      {ResumeAction::Resume, ResumeAction::StartAgain, ResumeAction::NotNow, ResumeAction::Keys});
  // Both keys of one action share its line.
  const std::vector<KeyLine> resume = keyLines(KeyScreen::ThermalResume);
  CHECK(std::any_of(resume.begin(), resume.end(),
                    [](const KeyLine& line) { return line.keys == "Enter/R"; }));
  const std::vector<KeyLine> advice = keyLines(KeyScreen::StartAdvice);
  CHECK(std::any_of(advice.begin(), advice.end(),
                    [](const KeyLine& line) { return line.keys == "Enter/Esc"; }));
  // Each dialog has a title of its own.
  std::vector<std::string> titles;
  for (const KeyScreen screen :
       {KeyScreen::StartAdvice, KeyScreen::UrgentAdvice, KeyScreen::Notice, KeyScreen::StopQuestion,
        KeyScreen::ThermalConfirm, KeyScreen::ThermalResume, KeyScreen::Library})
    titles.push_back(screenTitle(screen));
  std::sort(titles.begin(), titles.end());
  CHECK(std::adjacent_find(titles.begin(), titles.end()) == titles.end());
}
