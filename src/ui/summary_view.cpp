#include "ui/summary_view.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/duration.hpp"
#include "ui/key_table.hpp"
#include "ui/player_view.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace unknot {

namespace {

constexpr float kPi = 3.14159265f;

std::string phasesLine(const SummaryModel& model, const char* dot) {
  const std::string sep = std::string(" ") + dot + " ";
  std::string out = std::to_string(model.tally.done) + " of " +
                    std::to_string(model.snapshot.phaseCount) + " phases done";
  if (model.tally.skipped > 0) out += sep + std::to_string(model.tally.skipped) + " skipped";
  if (model.tally.notReached > 0)
    out += sep + std::to_string(model.tally.notReached) + " not reached";
  if (model.tally.pauses > 0) {
    out += std::string(" ") + dot + " " + std::to_string(model.tally.pauses) +
           (model.tally.pauses == 1 ? " pause" : " pauses");
  }
  return out;
}

// The time really spent, as the record has it, next to what was planned.
std::string timeLine(const SummaryModel& model) {
  const Plan& plan = *model.plan;
  const SessionTally& tally = model.tally;
  if (tally.skipped == 0 && tally.notReached == 0)
    return formatClock(tally.active) + " of guided time";
  const int percent = static_cast<int>(tally.doneShare * 100.0 + 0.5);
  return formatClock(tally.active) + " of " + formatClock(plan.total) + " planned (" +
         std::to_string(percent) + "% done)";
}

}  // namespace

SummaryLines summaryLines(const SummaryModel& model, const char* dot) {
  const bool finished = model.snapshot.state == SessionState::Finished;
  return {headlineOf(verdictOf(model.tally, finished)), timeLine(model), phasesLine(model, dot)};
}

namespace {

// A ring filled to the share of the routine that was done, with a check mark when all of it
// was: drawn from shapes, so it stays crisp at any size.
void drawBadge(ImDrawList* list, ImVec2 center, float radius, float fraction, bool finished) {
  const float thickness = std::max(3.0f, radius * 0.16f);
  const ImU32 colour = finished ? palette().accent : palette().warning;
  list->AddCircle(center, radius, palette().track, 64, thickness);
  const float start = -kPi * 0.5f;
  fraction = std::clamp(fraction, 0.0f, 1.0f);
  if (fraction > 0.0f) {
    list->PathArcTo(center, radius, start, start + fraction * 2.0f * kPi, 64);
    list->PathStroke(colour, 0, thickness);
  }
  if (finished) {
    const float r = radius * 0.5f;
    const ImVec2 points[] = {ImVec2(center.x - r * 0.9f, center.y + r * 0.05f),
                             ImVec2(center.x - r * 0.25f, center.y + r * 0.7f),
                             ImVec2(center.x + r * 0.95f, center.y - r * 0.65f)};
    list->AddPolyline(points, 3, colour, 0, thickness);
  } else {
    const float bar = radius * 0.14f, h = radius * 0.45f;
    list->AddRectFilled(ImVec2(center.x - bar * 2.2f, center.y - h),
                        ImVec2(center.x - bar * 0.6f, center.y + h), colour);
    list->AddRectFilled(ImVec2(center.x + bar * 0.6f, center.y - h),
                        ImVec2(center.x + bar * 2.2f, center.y + h), colour);
  }
}

PlayerIntent drawButtons(const UiFonts& fonts, float centerX, float top) {
  const float height = std::round(fonts.bodySize * 2.3f);
  const float width = std::round(fonts.bodySize * 11.0f);
  const float spacing = fonts.bodySize;
  PlayerIntent intent = PlayerIntent::None;
  ImGui::PushFont(fonts.body);
  // The check-in comes first: right after a routine is when the feeling is fresh.
  ImGui::SetCursorScreenPos(ImVec2(std::floor(centerX - width - spacing * 0.5f), top));
  ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(palette().primaryButton));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered,
                        ImGui::ColorConvertU32ToFloat4(palette().primaryButtonHover));
  if (ImGui::Button(
          withKey("How do you feel? Check in", summaryKeys(), PlayerIntent::CheckIn).c_str(),
          ImVec2(width * 2 + spacing, height))) {
    intent = PlayerIntent::CheckIn;
  }
  ImGui::PopStyleColor(2);
  top += height + spacing;
  ImGui::SetCursorScreenPos(ImVec2(std::floor(centerX - width - spacing * 0.5f), top));
  if (ImGui::Button(withKey("Again", summaryKeys(), PlayerIntent::Again).c_str(),
                    ImVec2(width, height)))
    intent = PlayerIntent::Again;
  ImGui::SetCursorScreenPos(ImVec2(std::floor(centerX + spacing * 0.5f), top));
  if (ImGui::Button(withKey("Library", summaryKeys(), PlayerIntent::Library).c_str(),
                    ImVec2(width, height)))
    intent = PlayerIntent::Library;
  ImGui::PopFont();
  return intent;
}

}  // namespace

PlayerIntent summaryIntentForKey(UiKey key) {
  return actionForKey(summaryKeys(), key).value_or(PlayerIntent::None);
}

PlayerIntent drawSummaryView(const SummaryModel& model, const UiFonts& fonts,
                             std::span<const UiKey> keys) {
  PlayerIntent intent = PlayerIntent::None;
  for (UiKey key : keys) {
    intent = summaryIntentForKey(key);
    if (intent != PlayerIntent::None) break;
  }
  if (!model.plan) return intent;
  const ImVec2 window = ImGui::GetIO().DisplaySize;
  const RunVerdict verdict = verdictOf(model.tally, model.snapshot.state == SessionState::Finished);
  const bool finished = verdict == RunVerdict::WellDone;
  const char* dot = symbol(fonts, "\xC2\xB7", "-");

  beginFullscreenWindow("##summary");
  ImDrawList* list = ImGui::GetWindowDrawList();
  const float cx = window.x * 0.5f;
  const float margin = fonts.titleSize;
  const float radius = std::round(std::min(window.y * 0.11f, window.x * 0.15f));
  float y = std::round(window.y * 0.12f);
  drawBadge(list, ImVec2(cx, y + radius), radius, static_cast<float>(model.tally.doneShare),
            finished);
  y += radius * 2 + fonts.titleSize * 0.8f;

  const SummaryLines lines = summaryLines(model, dot);
  const ImU32 headlineColour = finished ? palette().accent : palette().warning;
  const float headlineSize =
      fitTextSize(fonts.title, fonts.titleSize, lines.headline, window.x - 2 * margin);
  drawTextCentered(list, fonts.title, headlineSize, cx, y, headlineColour, lines.headline);
  y += fonts.titleSize * 1.3f;
  const float nameSize =
      fitTextSize(fonts.medium, fonts.mediumSize, model.plan->name, window.x - 2 * margin);
  drawTextCentered(list, fonts.medium, nameSize, cx, y, palette().text, model.plan->name);
  y += nameSize * 1.7f;
  // Both lines share one size, shrunk only when the longer would not fit.
  const float lineSize =
      std::min(fitTextSize(fonts.medium, fonts.mediumSize, lines.time, window.x - 2 * margin),
               fitTextSize(fonts.medium, fonts.mediumSize, lines.phases, window.x - 2 * margin));
  drawTextCentered(list, fonts.medium, lineSize, cx, y, palette().text, lines.time);
  y += fonts.mediumSize * 1.4f;
  drawTextCentered(list, fonts.medium, lineSize, cx, y, palette().textDim, lines.phases);
  y += fonts.mediumSize * 2.6f;
  const PlayerIntent clicked = drawButtons(fonts, cx, y);
  ImGui::End();
  return intent != PlayerIntent::None ? intent : clicked;
}

}  // namespace unknot
