#include "ui/thermal_view.hpp"

#include <algorithm>
#include <cmath>

#include "core/duration.hpp"
#include "core/recovery/red_flags.hpp"
#include "ui/key_table.hpp"
#include "ui/player_layout.hpp"
#include "ui/player_view.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace unknot {

namespace {

ImU32 kindColour(const Phase& phase) {
  if (phase.kind == PhaseKind::Heat) return palette().heat;
  if (phase.kind == PhaseKind::Ice) return palette().ice;
  return palette().textDim;
}

std::string kindWord(const Phase& phase) {
  if (phase.kind == PhaseKind::Heat) return "HEAT";
  if (phase.kind == PhaseKind::Ice) return "ICE";
  return phase.label;
}

void drawTop(ImDrawList* list, const UiFonts& fonts, const Box& box,
             const ThermalViewModel& model) {
  const float size = fonts.mediumSize;
  const std::string cycle = model.cycleCount > 0 ? "Cycle " + std::to_string(model.cycle) + " of " +
                                                       std::to_string(model.cycleCount)
                                                 : "";
  const float cycleWidth = textWidth(fonts.medium, size, cycle);
  const std::string& name = model.player.plan->name;
  const float nameSize = fitTextSize(fonts.medium, size, name, box.width() - cycleWidth - size);
  drawText(list, fonts.medium, nameSize, box.min, palette().textDim, name);
  drawText(list, fonts.medium, size, ImVec2(box.max.x - cycleWidth, box.min.y), palette().text,
           cycle);
}

void drawTitle(ImDrawList* list, const UiFonts& fonts, const Box& box,
               const ThermalViewModel& model, const Phase& phase) {
  std::string text = model.held ? model.heldTitle : kindWord(phase);
  if (!model.held && model.player.snapshot.state == SessionState::Paused) text += " (paused)";
  const ImU32 colour = model.held ? palette().warning : kindColour(phase);
  const float size = fitTextSize(fonts.title, fonts.titleSize, text, box.width());
  drawTextCentered(list, fonts.title, size, box.center().x, box.center().y - size * 0.55f, colour,
                   text);
}

void drawDigits(ImDrawList* list, const UiFonts& fonts, const PlayerLayout& layout,
                const ThermalViewModel& model, const Phase& phase) {
  // Held: how long the switch has waited, so a late return is plain to see.
  const std::string text = model.held ? formatClock(model.heldFor) : clockText(model.player);
  ImU32 colour = kindColour(phase);
  if (model.held) colour = palette().warning;
  if (model.player.snapshot.state == SessionState::Paused) colour = palette().textFaint;
  const DigitMetrics metrics = measureDigits(fonts.digits);
  const float size = fitTextSize(fonts.digits, fonts.digitsSize, text, layout.title.width());
  const float shift = (fonts.digitsSize - size) * metrics.glyphHeight * 0.5f;
  const float top = layout.digits.min.y - metrics.glyphTop * size + shift;
  drawTextCentered(list, fonts.digits, size, layout.digits.center().x, top, colour, text);
}

void drawBody(ImDrawList* list, const UiFonts& fonts, Box box, const ThermalViewModel& model,
              const Phase& phase) {
  const char* ellipsis = symbol(fonts, "\xE2\x80\xA6", "...");
  if (model.held) {
    box.min.y += drawWrapped(list, fonts.medium, fonts.mediumSize, box, palette().text,
                             model.skinCheck, true, ellipsis);
    box.min.y += fonts.mediumSize * 0.4f;
    drawWrapped(list, fonts.medium, fonts.mediumSize, box, palette().textDim, model.nextUp, true,
                ellipsis);
    return;
  }
  if (!model.switchAt.empty()) {
    box.min.y += drawWrapped(list, fonts.medium, fonts.mediumSize, box, kindColour(phase),
                             model.switchAt, true, ellipsis);
    box.min.y += fonts.mediumSize * 0.3f;
  }
  // As in the player: the safety line right under the instruction, its row kept free.
  const float footerHeight = fonts.bodySize * 1.3f;
  if (box.height() < footerHeight) return;
  const float footerLowest = box.max.y - footerHeight;
  box.max.y = footerLowest;
  float textEnd = box.min.y;
  if (!phase.text.empty() && box.height() > 0)
    textEnd += drawWrapped(list, fonts.body, fonts.bodySize, box, palette().textDim, phase.text,
                           true, ellipsis);
  const float footerTop =
      std::min(footerLowest, textEnd + fonts.bodySize * 0.5f) + fonts.bodySize * 0.15f;
  drawTextCentered(list, fonts.body, fonts.bodySize, box.center().x, footerTop, palette().textFaint,
                   truncated(fonts.body, fonts.bodySize, kSafetyFooter, box.width(), ellipsis));
}

struct Button {
  std::string label;
  const char* tip;
  ThermalIntent intent;
  bool primary;
};

ThermalIntent drawButtons(const UiFonts& fonts, const Box& box,
                          const std::vector<Button>& buttons) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float spacing = fonts.bodySize * 0.6f;
  std::vector<float> widths;
  float total = -spacing;
  for (const Button& b : buttons) {
    widths.push_back(
        std::max(fonts.bodySize * (b.intent.acknowledge ? 11.0f : 5.5f),
                 textWidth(fonts.body, fonts.bodySize, b.label) + style.FramePadding.x * 2));
    total += widths.back() + spacing;
  }
  ThermalIntent intent;
  float x = std::floor(box.center().x - total * 0.5f);
  for (size_t i = 0; i < buttons.size(); ++i) {
    const Button& b = buttons[i];
    ImGui::SetCursorScreenPos(ImVec2(x, box.min.y));
    if (b.primary) {
      ImGui::PushStyleColor(ImGuiCol_Button,
                            ImGui::ColorConvertU32ToFloat4(palette().primaryButton));
      ImGui::PushStyleColor(ImGuiCol_ButtonHovered,
                            ImGui::ColorConvertU32ToFloat4(palette().primaryButtonHover));
    }
    if (ImGui::Button(b.label.c_str(), ImVec2(widths[i], box.height()))) intent = b.intent;
    if (b.primary) ImGui::PopStyleColor(2);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", b.tip);
    x += widths[i] + spacing;
  }
  return intent;
}

std::vector<Button> buttonsFor(const ThermalViewModel& model, const UiFonts& fonts) {
  std::vector<Button> buttons;
  if (model.held) {
    buttons.push_back({withKey("I've switched", thermalKeys(), ThermalAction::Switched),
                       "Enter",
                       {PlayerIntent::None, true},
                       true});
    if (const Phase* phase = currentPhase(model.player); phase && phase->duration) {
      // Another application of the same pack, for whoever wants it longer.
      buttons.push_back(
          {withKey("Repeat " + std::string(phase->kind == PhaseKind::Heat ? "heat" : "ice") + " (" +
                       formatDuration(*phase->duration) + ")",
                   thermalKeys(), ThermalAction::Repeat),
           "Left arrow",
           {PlayerIntent::Back, false},
           false});
    }
  } else {
    const bool paused = model.player.snapshot.state == SessionState::Paused;
    buttons.push_back(
        {withKey(paused ? "Resume" : "Pause", thermalKeys(), ThermalAction::TogglePause),
         "Space",
         {PlayerIntent::TogglePause, false},
         true});
    buttons.push_back({withKey(std::string("Skip") + symbol(fonts, " \xE2\x86\x92", " >"),
                               thermalKeys(), ThermalAction::Skip),
                       "Right arrow",
                       {PlayerIntent::Skip, false},
                       false});
  }
  buttons.push_back({withKey("Stop", thermalKeys(), ThermalAction::Stop),
                     "Esc",
                     {PlayerIntent::Stop, false},
                     false});
  if (model.player.muted) {
    buttons.push_back({withKey(*model.player.muted ? "Sound on" : "Mute", thermalKeys(),
                               ThermalAction::ToggleMute),
                       "M",
                       {PlayerIntent::ToggleMute, false},
                       false});
  }
  return buttons;
}

}  // namespace

std::string heldFooter(const ThermalViewModel& model, const char* dot) {
  std::string alarm;
  switch (model.alarm) {
    case AlarmSound::Ringing:
      alarm = "Alarm ringing";
      if (model.ring > 0) alarm += ", ring " + std::to_string(model.ring);
      break;
    case AlarmSound::Muted:
      alarm = "Alarm muted (M to hear it)";
      break;
    case AlarmSound::Silent:
      alarm = "No alarm sound";
      break;
  }
  return alarm + " " + dot + " due " + formatClock(model.heldFor) + " ago";
}

ThermalIntent thermalIntentForKey(UiKey key, const ThermalViewModel& model) {
  const auto action = actionForKey(thermalKeys(), key);
  if (!action) return {};
  const SessionState state = model.player.snapshot.state;
  if (state == SessionState::Finished || state == SessionState::Stopped) return {};
  switch (*action) {
    case ThermalAction::Switched:  // Done, where a step waits for it
      if (model.held) return {PlayerIntent::None, true};
      return {offersDone(model.player) ? PlayerIntent::Done : PlayerIntent::None, false};
    case ThermalAction::Repeat:
      return {PlayerIntent::Back, false};
    case ThermalAction::TogglePause:  // nothing counts while held: no pause to toggle
      return {model.held ? PlayerIntent::None : PlayerIntent::TogglePause, false};
    case ThermalAction::Skip:
      return {PlayerIntent::Skip, false};
    case ThermalAction::Stop:
      return {PlayerIntent::Stop, false};
    case ThermalAction::ToggleMute:
      return {model.player.muted ? PlayerIntent::ToggleMute : PlayerIntent::None, false};
    case ThermalAction::SayWhere:
      return {PlayerIntent::SayWhere, false};
    case ThermalAction::SayInstructions:
      return {PlayerIntent::SayInstructions, false};
    case ThermalAction::Keys:
      break;
  }
  return {};
}

ImU32 thermalBackground(const ThermalViewModel& model) {
  if (!model.held) return playerBackground(model.player);
  if (reducedMotion()) return palette().background;  // the words say it is held; nothing blinks
  const Phase* phase = currentPhase(model.player);
  const bool heat = phase && phase->kind == PhaseKind::Heat;
  const bool tinted = (model.heldFor.count() / 1000) % 2 == 0;
  return tinted ? (heat ? palette().heldHeat : palette().heldIce) : palette().background;
}

ThermalIntent drawThermalView(const ThermalViewModel& model, const UiFonts& fonts,
                              std::span<const UiKey> keys) {
  ThermalIntent intent;
  for (UiKey key : keys) {
    intent = thermalIntentForKey(key, model);
    if (intent.acknowledge || intent.player != PlayerIntent::None) break;
  }
  const Phase* phase = currentPhase(model.player);
  if (!phase) return intent;
  const ImVec2 window = ImGui::GetIO().DisplaySize;
  const PlayerLayout layout = layoutPlayer(window, fontSizesOf(fonts), measureDigits(fonts.digits),
                                           model.player.figure.has_value());
  beginFullscreenWindow("##thermal");
  ImDrawList* list = ImGui::GetWindowDrawList();
  drawTop(list, fonts, layout.topBar, model);
  drawTitle(list, fonts, layout.title, model, *phase);
  drawPlayerFigure(*list, layout.figure, model.player);
  drawDigits(list, fonts, layout, model, *phase);
  if (!model.held && phase->duration && phase->duration->count() > 0) {
    const float fraction = static_cast<float>(model.player.snapshot.phaseElapsed.count()) /
                           static_cast<float>(phase->duration->count());
    drawBar(list, layout.phaseBar, fraction, palette().track, kindColour(*phase));
  }
  // No overall-progress row here: the skin-safety text gets its room and "next" moves down.
  const float shift = layout.overall.max.y - layout.next.max.y;
  Box text = layout.text;
  text.max.y += shift;
  const float nextTop = layout.next.min.y + shift;
  drawBody(list, fonts, text, model, *phase);
  std::string footer = model.banner;
  if (model.held) {
    footer = heldFooter(model, symbol(fonts, "\xC2\xB7", "-"));
  } else if (footer.empty()) {
    footer = nextUpText(model.player, symbol(fonts, "\xC2\xB7", "-"));
  }
  drawTextCentered(list, fonts.medium, fonts.mediumSize, layout.next.center().x, nextTop,
                   model.held ? palette().warning : palette().textDim, footer);
  ImGui::PushFont(fonts.body);
  const ThermalIntent clicked = drawButtons(fonts, layout.controls, buttonsFor(model, fonts));
  ImGui::PopFont();
  ImGui::End();
  if (!intent.acknowledge && intent.player == PlayerIntent::None) intent = clicked;
  return intent;
}

}  // namespace unknot
