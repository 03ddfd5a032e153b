#include "ui/player_view.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>
#include <vector>

#include "core/duration.hpp"
#include "core/recovery/red_flags.hpp"
#include "ui/key_table.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace unknot {

namespace {

struct Pill {
  std::string text;
  ImU32 background;
};

ImU32 sideColour(Side side) {
  switch (side) {
    case Side::Right:
      return palette().right;
    case Side::Left:
      return palette().left;
    case Side::None:
      break;
  }
  return palette().accent;
}

// Whichever of the theme's dark and light text reads better on the pill.
ImU32 textOn(ImU32 background) {
  return unknot::textOn(palette(), background);
}

ImU32 phaseColour(const Phase& phase) {
  if (phase.kind == PhaseKind::Heat) return palette().heat;
  if (phase.kind == PhaseKind::Ice) return palette().ice;
  return sideColour(phase.side);
}

std::vector<Pill> pillsFor(const PlayerModel& model, const Phase& phase) {
  std::vector<Pill> pills;
  if (model.snapshot.state == SessionState::Paused) pills.push_back({"PAUSED", palette().text});
  if (phase.kind == PhaseKind::Switch) {
    pills.push_back({std::string("TO ") + sideLabel(phase.side), sideColour(phase.side)});
  } else if (phase.side != Side::None) {
    pills.push_back({sideLabel(phase.side), sideColour(phase.side)});
  }
  switch (phase.kind) {
    case PhaseKind::Prepare:
      pills.push_back({"GET READY", palette().neutralPill});
      break;
    case PhaseKind::Rest:
    case PhaseKind::RoundRest:
      pills.push_back({"REST", palette().neutralPill});
      break;
    case PhaseKind::Heat:
      pills.push_back({"HEAT", palette().heat});
      break;
    case PhaseKind::Ice:
      pills.push_back({"ICE", palette().ice});
      break;
    case PhaseKind::Reps:
      if (phase.repTime && model.snapshot.currentRep > 0) {
        pills.push_back({"REP " + std::to_string(model.snapshot.currentRep) + " OF " +
                             std::to_string(phase.reps),
                         palette().neutralPill});
      } else {
        pills.push_back({std::to_string(phase.reps) + " REPS", palette().neutralPill});
      }
      break;
    default:
      break;
  }
  // "Rest" with a REST pill says it twice.
  std::string label = phase.label;
  std::transform(label.begin(), label.end(), label.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  std::erase_if(pills, [&](const Pill& pill) { return pill.text == label; });
  return pills;
}

ImU32 clockColour(const PlayerModel& model) {
  if (model.snapshot.state == SessionState::Paused) return palette().textFaint;
  if (waitsForDone(model)) return palette().accent;
  if (inLastSeconds(model)) return palette().countdown;
  return palette().text;
}

void drawTopBar(ImDrawList* list, const UiFonts& fonts, const Box& box, const PlayerModel& model,
                const Phase& phase) {
  const char* dot = symbol(fonts, "\xC2\xB7", "-");
  const std::string counters = countersText(phase, dot);
  const float size = fonts.mediumSize;
  const float countersWidth = textWidth(fonts.medium, size, counters);
  // The level badge names the dose the plan chose, so "why is this shorter today" has an answer.
  std::string level = model.level;
  std::transform(level.begin(), level.end(), level.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  const float badgeSize = std::round(size * 0.8f);
  const float badgeWidth = level.empty() ? 0 : pillWidth(fonts.medium, badgeSize, level) + size;
  const float nameRoom = box.width() - countersWidth - size - badgeWidth;
  const float nameSize = fitTextSize(fonts.medium, size, model.plan->name, nameRoom);
  drawText(list, fonts.medium, nameSize, box.min, palette().textDim, model.plan->name);
  if (!level.empty()) {
    const float x = box.min.x + textWidth(fonts.medium, nameSize, model.plan->name) + size * 0.6f;
    const float y = std::round(box.min.y + (size - badgeSize * kPillHeight) * 0.5f);
    drawPill(list, fonts.medium, badgeSize, ImVec2(x, y), palette().neutralPill,
             textOn(palette().neutralPill), level);
  }
  drawText(list, fonts.medium, size, ImVec2(box.max.x - countersWidth, box.min.y), palette().text,
           counters);
}

void drawTitleRow(ImDrawList* list, const UiFonts& fonts, const Box& box, const PlayerModel& model,
                  const Phase& phase) {
  const std::vector<Pill> pills = pillsFor(model, phase);
  const float pillSize = std::round(fonts.titleSize * 0.72f);
  const float spacing = pillSize * 0.6f;
  float pillsWidth = 0;
  for (const Pill& pill : pills)
    pillsWidth += spacing + pillWidth(fonts.title, pillSize, pill.text);
  const float titleSize =
      fitTextSize(fonts.title, fonts.titleSize, phase.label, box.width() - pillsWidth);
  const float total = textWidth(fonts.title, titleSize, phase.label) + pillsWidth;
  float x = std::floor(box.center().x - total * 0.5f);
  const float cy = box.center().y;
  drawText(list, fonts.title, titleSize, ImVec2(x, cy - titleSize * 0.55f), palette().text,
           phase.label);
  x += textWidth(fonts.title, titleSize, phase.label);
  for (const Pill& pill : pills) {
    x += spacing;
    const ImVec2 pos(x, std::round(cy - pillSize * kPillHeight * 0.5f));
    x += drawPill(list, fonts.title, pillSize, pos, pill.background, textOn(pill.background),
                  pill.text);
  }
}

void drawClock(ImDrawList* list, const UiFonts& fonts, const PlayerLayout& layout,
               const PlayerModel& model) {
  const std::string text = clockText(model);
  const DigitMetrics metrics = measureDigits(fonts.digits);
  // H:MM:SS is wider than the MM:SS the layout was sized for: shrink it to its column.
  const float size = fitTextSize(fonts.digits, fonts.digitsSize, text, layout.title.width());
  const float shift = (fonts.digitsSize - size) * metrics.glyphHeight * 0.5f;
  const float top = layout.digits.min.y - metrics.glyphTop * size + shift;
  drawTextCentered(list, fonts.digits, size, layout.digits.center().x, top, clockColour(model),
                   text);
}

void drawPhaseBar(ImDrawList* list, const Box& box, const PlayerModel& model, const Phase& phase) {
  if (!phase.duration || phase.duration->count() <= 0) return;
  const float fraction = static_cast<float>(model.snapshot.phaseElapsed.count()) /
                         static_cast<float>(phase.duration->count());
  drawBar(list, box, fraction, palette().track, phaseColour(phase));
}

void drawInstruction(ImDrawList* list, const UiFonts& fonts, Box box, const PlayerModel& model,
                     const Phase& phase) {
  const char* ellipsis = symbol(fonts, "\xE2\x80\xA6", "...");
  if (waitsForDone(model)) {
    const char* prompt = "Take your time. Press Done (Enter) when you have finished.";
    box.min.y += drawWrapped(list, fonts.medium, fonts.mediumSize, box, palette().accent, prompt,
                             true, ellipsis);
    box.min.y += fonts.mediumSize * 0.3f;
  }
  // The safety line sits right under the instruction; its row is kept free at the bottom.
  const float footerHeight = fonts.bodySize * 1.3f;
  if (box.height() < footerHeight) return;
  const float footerLowest = box.max.y - footerHeight;
  box.max.y = footerLowest;
  float textEnd = box.min.y;
  if (!phase.text.empty() && box.height() > 0) {
    ImFont* font = fonts.medium;
    float size = fonts.mediumSize;
    const int lines = wrappedLineCount(font, size, phase.text, box.width());
    if (lines * size * 1.2f > box.height()) {
      font = fonts.body;
      size = fonts.bodySize;
    }
    textEnd += drawWrapped(list, font, size, box, palette().textDim, phase.text, true, ellipsis);
  }
  const float footerTop =
      std::min(footerLowest, textEnd + fonts.bodySize * 0.5f) + fonts.bodySize * 0.15f;
  drawTextCentered(list, fonts.body, fonts.bodySize, box.center().x, footerTop, palette().textFaint,
                   truncated(fonts.body, fonts.bodySize, kSafetyFooter, box.width(), ellipsis));
}

void drawOverall(ImDrawList* list, const UiFonts& fonts, const Box& box, const PlayerModel& model) {
  const SessionSnapshot& snap = model.snapshot;
  const char* dot = symbol(fonts, "\xC2\xB7", "-");
  const float size = fonts.mediumSize;
  const std::string where =
      "Phase " + std::to_string(snap.phaseIndex + 1) + " of " + std::to_string(snap.phaseCount);
  const std::string left = remainingText(model, dot);
  drawText(list, fonts.medium, size, box.min, palette().textDim, where);
  drawText(list, fonts.medium, size,
           ImVec2(box.max.x - textWidth(fonts.medium, size, left), box.min.y), palette().text,
           left);
  const float barHeight = std::max(4.0f, std::round(size * 0.25f));
  const Box bar{ImVec2(box.min.x, box.max.y - barHeight), box.max};
  drawBar(list, bar, static_cast<float>(snap.progress), palette().track, palette().accent);
}

struct Control {
  std::string label;  // without its key: used when the row with keys would not fit
  const char* key;
  PlayerIntent intent;
  bool primary;
};

PlayerIntent drawControls(const UiFonts& fonts, const Box& box, const PlayerModel& model) {
  const bool paused = model.snapshot.state == SessionState::Paused;
  std::vector<Control> controls;
  controls.push_back({std::string(symbol(fonts, "\xE2\x86\x90 ", "< ")) + "Back", "Left arrow",
                      PlayerIntent::Back, false});
  controls.push_back({paused ? "Resume" : "Pause", "Space", PlayerIntent::TogglePause, true});
  controls.push_back({std::string("Skip") + symbol(fonts, " \xE2\x86\x92", " >"), "Right arrow",
                      PlayerIntent::Skip, false});
  if (offersDone(model)) controls.push_back({"Done", "Enter", PlayerIntent::Done, true});
  controls.push_back({"Restart", "Starts the routine again", PlayerIntent::Restart, false});
  controls.push_back({"Stop", "Esc", PlayerIntent::Stop, false});
  if (model.muted) {
    controls.push_back({*model.muted ? "Sound on" : "Mute", "M", PlayerIntent::ToggleMute, false});
  }

  const ImGuiStyle& style = ImGui::GetStyle();
  const float minWidth = fonts.bodySize * 5.5f;
  const float spacing = fonts.bodySize * 0.6f;
  // Each button shows its key; at a large scale on a small window the row drops the keys
  // rather than run off the screen (the tooltip and the ? overlay still name them).
  const auto layout = [&](bool withKeys, std::vector<std::string>& labels,
                          std::vector<float>& widths) {
    labels.clear();
    widths.clear();
    float total = -spacing;
    for (const Control& c : controls) {
      labels.push_back(withKeys ? withKey(c.label, playerKeys(), c.intent) : c.label);
      widths.push_back(std::max(minWidth, textWidth(fonts.body, fonts.bodySize, labels.back()) +
                                              style.FramePadding.x * 2));
      total += widths.back() + spacing;
    }
    return total;
  };
  std::vector<std::string> labels;
  std::vector<float> widths;
  float total = layout(true, labels, widths);
  if (total > box.width()) total = layout(false, labels, widths);
  PlayerIntent intent = PlayerIntent::None;
  float x = std::floor(box.center().x - total * 0.5f);
  for (size_t i = 0; i < controls.size(); ++i) {
    const Control& c = controls[i];
    ImGui::SetCursorScreenPos(ImVec2(x, box.min.y));
    if (c.primary) {
      ImGui::PushStyleColor(ImGuiCol_Button,
                            ImGui::ColorConvertU32ToFloat4(palette().primaryButton));
      ImGui::PushStyleColor(ImGuiCol_ButtonHovered,
                            ImGui::ColorConvertU32ToFloat4(palette().primaryButtonHover));
    }
    if (ImGui::Button(labels[i].c_str(), ImVec2(widths[i], box.height()))) intent = c.intent;
    if (c.primary) ImGui::PopStyleColor(2);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", c.key);
    x += widths[i] + spacing;
  }
  return intent;
}

}  // namespace

void drawPlayerFigure(ImDrawList& list, Box box, const PlayerModel& model) {
  if (!model.figure || !model.figure->pose || box.width() <= 1 || box.height() <= 1) return;
  // A lying figure in a tall column would float in empty panel: the panel shrinks to the
  // figure's shape (never below 60 % of the column, so it stays large) and stays centred.
  const figure::Bounds& b = model.figure->bounds;
  const float aspect = (b.maxY - b.minY) / std::max(b.maxX - b.minX, 1e-3f);
  const float wanted = std::clamp(box.width() * aspect * 1.3f, box.height() * 0.6f, box.height());
  const float cy = box.center().y;
  box.min.y = std::round(cy - wanted * 0.5f);
  box.max.y = std::round(cy + wanted * 0.5f);
  // A faint panel tells the figure's area from the text around it at a glance.
  list.AddRectFilled(box.min, box.max, palette().panel, std::round(box.width() * 0.03f));
  FigureStyle style;
  style.margin = 0.05f;
  drawFigure(list, box.min, box.max, *model.figure->pose, model.figure->frame, model.figure->bounds,
             style);
}

ImU32 playerBackground(const PlayerModel& model) {
  if (reducedMotion()) return palette().background;  // no flash, no countdown tint
  if (model.flash) return palette().flashBackground;
  // Steady, not blinking: one state to read from across the room, and a new background
  // colour redraws the whole window, so it changes once as the countdown starts, not each second.
  if (inLastSeconds(model)) return palette().countdownBackground;
  return palette().background;
}

PlayerIntent playerIntentForKey(UiKey key, const PlayerModel& model) {
  const SessionState state = model.snapshot.state;
  if (state == SessionState::Finished || state == SessionState::Stopped) return PlayerIntent::None;
  const auto action = actionForKey(playerKeys(), key);
  if (!action) return PlayerIntent::None;
  switch (*action) {
    case PlayerIntent::Done:
      return offersDone(model) ? PlayerIntent::Done : PlayerIntent::None;
    case PlayerIntent::ToggleMute:
      return model.muted ? PlayerIntent::ToggleMute : PlayerIntent::None;
    default:
      return *action;
  }
}

DigitMetrics measureDigits(ImFont* digits) {
  DigitMetrics metrics;
  if (!digits || digits->FontSize <= 0) return metrics;
  const float size = digits->FontSize;
  if (const ImFontGlyph* zero = digits->FindGlyphNoFallback('0')) {
    metrics.glyphTop = zero->Y0 / size;
    metrics.glyphHeight = (zero->Y1 - zero->Y0) / size;
  }
  metrics.clockWidth = textWidth(digits, size, "00:00") / size;
  return metrics;
}

FontSizes fontSizesOf(const UiFonts& fonts) {
  FontSizes sizes;
  sizes.body = fonts.bodySize;
  sizes.heading = fonts.headingSize;
  sizes.medium = fonts.mediumSize;
  sizes.title = fonts.titleSize;
  sizes.digits = fonts.digitsSize;
  return sizes;
}

void beginFullscreenWindow(const char* id) {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin(id, nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                   ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::PopStyleVar();
}

PlayerIntent drawPlayerView(const PlayerModel& model, const UiFonts& fonts,
                            std::span<const UiKey> keys) {
  PlayerIntent intent = PlayerIntent::None;
  for (UiKey key : keys) {
    intent = playerIntentForKey(key, model);
    if (intent != PlayerIntent::None) break;
  }
  const Phase* phase = currentPhase(model);
  if (!phase) return intent;
  const ImVec2 window = ImGui::GetIO().DisplaySize;
  const PlayerLayout layout = layoutPlayer(window, fontSizesOf(fonts), measureDigits(fonts.digits),
                                           model.figure.has_value());

  beginFullscreenWindow("##player");
  ImDrawList* list = ImGui::GetWindowDrawList();
  drawTopBar(list, fonts, layout.topBar, model, *phase);
  drawTitleRow(list, fonts, layout.title, model, *phase);
  drawPlayerFigure(*list, layout.figure, model);
  drawClock(list, fonts, layout, model);
  drawPhaseBar(list, layout.phaseBar, model, *phase);
  drawInstruction(list, fonts, layout.text, model, *phase);
  drawTextCentered(list, fonts.medium, fonts.mediumSize, layout.next.center().x, layout.next.min.y,
                   palette().textDim, nextUpText(model, symbol(fonts, "\xC2\xB7", "-")));
  drawOverall(list, fonts, layout.overall, model);
  ImGui::PushFont(fonts.body);
  const PlayerIntent clicked = drawControls(fonts, layout.controls, model);
  ImGui::PopFont();
  ImGui::End();
  return intent != PlayerIntent::None ? intent : clicked;
}

}  // namespace unknot
