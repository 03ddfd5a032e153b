#include "ui/checkin_view.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "ui/key_table.hpp"
#include "ui/player_view.hpp"
#include "ui/progress_view.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace unknot {

namespace {

ImVec4 colour(ImU32 packed) {
  return ImGui::ColorConvertU32ToFloat4(packed);
}

std::optional<int>& focused(CheckinDraft& draft) {
  return draft.focus == 0 ? draft.pain : draft.tightness;
}

// One row of eleven score buttons; returns true when one was clicked.
bool drawScoreRow(const char* id, const char* label, std::optional<int>& value, bool focus,
                  const UiFonts& fonts, float width) {
  ImDrawList* list = ImGui::GetWindowDrawList();
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const std::string shown =
      std::string(label) + (value ? ": " + std::to_string(*value) : std::string(": not set"));
  if (focus) {
    list->AddRectFilled(ImVec2(pos.x, pos.y + fonts.headingSize * 0.15f),
                        ImVec2(pos.x + fonts.bodySize * 0.3f, pos.y + fonts.headingSize * 1.1f),
                        palette().accent);
  }
  drawText(list, fonts.heading, fonts.headingSize, ImVec2(pos.x + fonts.bodySize * 0.7f, pos.y),
           focus ? palette().text : palette().textDim, shown);
  ImGui::Dummy(ImVec2(width, fonts.headingSize * 1.35f));

  const float gap = std::round(fonts.bodySize * 0.35f);
  const float button = std::floor((width - gap * kMaxScore) / (kMaxScore + 1));
  const float height =
      std::round(std::clamp(button * 0.75f, fonts.bodySize * 2.0f, fonts.bodySize * 3.2f));
  bool clicked = false;
  ImGui::PushID(id);
  ImGui::PushFont(fonts.heading);
  for (int score = 0; score <= kMaxScore; ++score) {
    if (score > 0) ImGui::SameLine(0, gap);
    const bool chosen = value == score;
    ImGui::PushStyleColor(ImGuiCol_Button, colour(chosen ? scoreColour(score) : palette().panel));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered,
                          colour(chosen ? scoreColour(score) : palette().panelHover));
    ImGui::PushStyleColor(ImGuiCol_Text, colour(chosen ? palette().onPill : palette().text));
    if (ImGui::Button(std::to_string(score).c_str(), ImVec2(button, height))) {
      value = score;
      clicked = true;
    }
    ImGui::PopStyleColor(3);
    if (chosen) {
      // Outlined as well as filled, so the choice does not rest on its colour.
      const float thickness = std::max(2.0f, fonts.bodySize * 0.15f);
      ImGui::GetWindowDrawList()->AddRect(
          ImVec2(ImGui::GetItemRectMin().x - thickness, ImGui::GetItemRectMin().y - thickness),
          ImVec2(ImGui::GetItemRectMax().x + thickness, ImGui::GetItemRectMax().y + thickness),
          palette().text, fonts.bodySize * 0.3f, 0, thickness);
    }
  }
  ImGui::PopFont();
  ImGui::PopID();
  const ImVec2 end = ImGui::GetCursorScreenPos();
  drawText(list, fonts.body, fonts.bodySize, end, palette().textFaint, "none");
  const char* worst = "worst";
  const float worstLeft = pos.x + width - textWidth(fonts.body, fonts.bodySize, worst);
  drawText(list, fonts.body, fonts.bodySize, ImVec2(worstLeft, end.y), palette().textFaint, worst);

  ImGui::Dummy(ImVec2(width, fonts.bodySize * 1.6f));
  return clicked;
}

void sectionTitle(const UiFonts& fonts, ImU32 tint, const char* title, const char* note,
                  float width) {
  ImGui::PushFont(fonts.heading);
  ImGui::PushStyleColor(ImGuiCol_Text, colour(tint));
  ImGui::TextUnformatted(title);
  ImGui::PopStyleColor();
  ImGui::PopFont();
  ImGui::PushStyleColor(ImGuiCol_Text, colour(palette().textDim));
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  ImGui::TextWrapped("%s", note);
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

std::string capitalised(std::string label) {
  if (!label.empty())
    label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
  return label;
}

// One row per sign on the record: its label and date, then "Still there" / "Gone".
void drawStillThere(CheckinDraft& draft, const UiFonts& fonts, float width) {
  if (draft.active.empty()) return;
  sectionTitle(fonts, palette().warning, "Still there?",
               "You reported these before; each stays on your record, with its advice, until "
               "you say it has gone.",
               width);
  const float answers = fonts.bodySize * 14.0f;
  for (size_t i = 0; i < draft.active.size(); ++i) {
    ActiveSign& sign = draft.active[i];
    ImGui::PushID(static_cast<int>(i));
    const std::string label =
        capitalised(symptomLabel(sign.symptom)) + "  (reported " + formatDate(sign.reported) + ")";
    ImGui::PushStyleColor(ImGuiCol_Text,
                          colour(isUrgent(sign.symptom) ? palette().error : palette().text));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label.c_str());
    ImGui::PopStyleColor();
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), width - answers));
    if (ImGui::RadioButton("Still there", !sign.gone)) sign.gone = false;
    ImGui::SameLine();
    if (ImGui::RadioButton("Gone", sign.gone)) sign.gone = true;
    ImGui::PopID();
  }
  ImGui::Dummy(ImVec2(0, fonts.bodySize * 0.3f));
}

// Checkboxes for the signs not on the record, two columns when they fit; `urgent` picks which.
void drawSignBoxes(CheckinDraft& draft, float width, bool urgent) {
  const float column = width * 0.5f;
  // Two columns only when every label fits its half beside its box (large text: one column).
  const ImGuiStyle& style = ImGui::GetStyle();
  float widest = 0;
  for (const Symptom symptom : kAllSymptoms) {
    if (isUrgent(symptom) != urgent || draft.isActive(symptom)) continue;
    widest = std::max(widest, ImGui::CalcTextSize(capitalised(symptomLabel(symptom)).c_str()).x);
  }
  const bool twoColumns = widest + ImGui::GetFrameHeight() + style.ItemInnerSpacing.x +
                              style.ItemSpacing.x + style.ScrollbarSize <=
                          column;
  int shown = 0;
  for (size_t i = 0; i < std::size(kAllSymptoms); ++i) {
    const Symptom symptom = kAllSymptoms[i];
    if (isUrgent(symptom) != urgent || draft.isActive(symptom)) continue;
    if (shown % 2 == 1 && twoColumns) ImGui::SameLine(ImGui::GetCursorPosX() + column);
    ImGui::Checkbox(capitalised(symptomLabel(symptom)).c_str(), &draft.symptoms[i]);
    ++shown;
  }
}

void drawSymptoms(CheckinDraft& draft, const UiFonts& fonts, float width) {
  drawStillThere(draft, fonts, width);
  sectionTitle(fonts, palette().text, draft.active.empty() ? "Any of these?" : "Anything new?",
               "Each one is a reason to see a doctor or physiotherapist; advice shows as soon as "
               "you save.",
               width);
  drawSignBoxes(draft, width, false);
  const bool anyUrgentLeft =
      std::any_of(std::begin(kAllSymptoms), std::end(kAllSymptoms),
                  [&](Symptom s) { return isUrgent(s) && !draft.isActive(s); });
  if (!anyUrgentLeft) return;
  ImGui::Dummy(ImVec2(0, fonts.bodySize * 0.2f));
  ImGui::PushFont(fonts.heading);
  ImGui::PushStyleColor(ImGuiCol_Text, colour(palette().error));
  ImGui::TextUnformatted("Urgent: get care today if you have");
  ImGui::PopStyleColor();
  ImGui::PopFont();
  drawSignBoxes(draft, width, true);
}

}  // namespace

std::vector<Symptom> CheckinDraft::chosenSymptoms() const {
  std::vector<Symptom> out;
  for (size_t i = 0; i < std::size(kAllSymptoms); ++i) {
    if (symptoms[i] && !isActive(kAllSymptoms[i])) out.push_back(kAllSymptoms[i]);
  }
  for (const ActiveSign& sign : active) {
    if (!sign.gone) out.push_back(sign.symptom);
  }
  return out;
}

std::vector<Symptom> CheckinDraft::goneSymptoms() const {
  std::vector<Symptom> out;
  for (const ActiveSign& sign : active) {
    if (sign.gone) out.push_back(sign.symptom);
  }
  return out;
}

bool CheckinDraft::isActive(Symptom symptom) const {
  return std::any_of(active.begin(), active.end(),
                     [&](const ActiveSign& sign) { return sign.symptom == symptom; });
}

ImU32 scoreColour(int score) {
  if (score <= 3) return palette().accent;
  if (score <= 6) return palette().warning;
  return palette().error;
}

CheckinIntent applyCheckinKeys(CheckinDraft& draft, std::span<const UiKey> keys) {
  for (UiKey key : keys) {
    const auto action = actionForKey(checkinKeys(), key);
    if (!action) continue;
    switch (*action) {
      case CheckinAction::PainRow:
      case CheckinAction::TightnessRow:
        draft.focus = *action == CheckinAction::PainRow ? 0 : 1;
        break;
      case CheckinAction::Less:
      case CheckinAction::More: {
        std::optional<int>& value = focused(draft);
        const int step = *action == CheckinAction::More ? 1 : -1;
        value = value ? std::clamp(*value + step, 0, kMaxScore) : 0;
        draft.error.clear();
        break;
      }
      case CheckinAction::Save:
        if (draft.pain) return CheckinIntent::Save;
        draft.error = "Choose a pain score first (click a number, or Left/Right).";
        break;
      case CheckinAction::Skip:
        return CheckinIntent::Skip;
      case CheckinAction::Keys:
        break;
    }
  }
  return CheckinIntent::None;
}

CheckinIntent drawCheckinView(CheckinDraft& draft, const UiFonts& fonts,
                              std::span<const UiKey> keys, CheckinOccasion occasion) {
  CheckinIntent intent = applyCheckinKeys(draft, keys);
  const ImVec2 window = ImGui::GetIO().DisplaySize;
  const float pad = std::round(fonts.bodySize * 1.2f);
  const float width = std::min(window.x - 2 * pad, fonts.bodySize * 52.0f);
  const float left = std::floor((window.x - width) * 0.5f);
  beginFullscreenWindow("##checkin");
  ImGui::PushFont(fonts.body);
  // The answers scroll; Save and Skip stay in a bar at the bottom, always in reach.
  const float buttonHeight = std::round(fonts.bodySize * 2.3f);
  const float buttonWidth = std::round(fonts.bodySize * 10.0f);
  const float bar = buttonHeight + pad;
  ImGui::SetCursorScreenPos(ImVec2(left, pad));
  ImGui::BeginChild("##checkin-body",
                    ImVec2(window.x - left, std::max(1.0f, window.y - pad - bar)));
  ImDrawList* list = ImGui::GetWindowDrawList();
  const ImVec2 top = ImGui::GetCursorScreenPos();
  const float titleSize = fonts.headingSize * 1.25f;
  drawText(list, fonts.heading, titleSize, top, palette().accent,
           occasion == CheckinOccasion::AfterSession    ? "How do you feel now?"
           : occasion == CheckinOccasion::BeforeSession ? "Before you start: how do you feel?"
                                                        : "Check in: how do you feel?");
  drawText(list, fonts.body, fonts.bodySize, ImVec2(top.x, top.y + titleSize * 1.25f),
           palette().textDim, "0 is none, 10 the worst.  Up/Down choose a row, Left/Right set it.");
  ImGui::Dummy(ImVec2(width, titleSize * 1.25f + fonts.bodySize * 2.0f));

  if (drawScoreRow("pain", "Pain", draft.pain, draft.focus == 0, fonts, width)) {
    draft.focus = 0;
    draft.error.clear();
  }
  if (drawScoreRow("tightness", "Tightness", draft.tightness, draft.focus == 1, fonts, width)) {
    draft.focus = 1;
  }
  drawSymptoms(draft, fonts, width);
  ImGui::Dummy(ImVec2(0, fonts.bodySize * 0.4f));
  ImGui::SetNextItemWidth(width);
  ImGui::InputTextWithHint("##note", "A note (optional): what helped, what hurt", draft.note.data(),
                           draft.note.size());
  ImGui::Dummy(ImVec2(0, fonts.bodySize * 0.4f));
  ImGui::EndChild();

  ImGui::SetCursorScreenPos(ImVec2(left, window.y - buttonHeight - pad * 0.5f));
  if (accentButton(withKey("Save", checkinKeys(), CheckinAction::Save).c_str(),
                   ImVec2(buttonWidth, buttonHeight))) {
    if (draft.pain) {
      intent = CheckinIntent::Save;
    } else {
      draft.error = "Choose a pain score first (click a number, or Left/Right).";
    }
  }
  ImGui::SameLine();
  const std::string skip =
      withKey(occasion == CheckinOccasion::BeforeSession ? "Skip, start" : "Skip", checkinKeys(),
              CheckinAction::Skip);
  if (ImGui::Button(skip.c_str(), ImVec2(buttonWidth, buttonHeight))) intent = CheckinIntent::Skip;
  if (!draft.error.empty()) {
    ImGui::SameLine(0, fonts.bodySize);
    ImGui::AlignTextToFramePadding();
    const float room = left + width - ImGui::GetCursorScreenPos().x;
    drawText(ImGui::GetWindowDrawList(), fonts.body, fonts.bodySize,
             ImVec2(ImGui::GetCursorScreenPos().x, ImGui::GetCursorScreenPos().y +
                                                       (buttonHeight - fonts.bodySize) * 0.5f -
                                                       ImGui::GetStyle().FramePadding.y),
             palette().error,
             truncated(fonts.body, fonts.bodySize, draft.error, room,
                       symbol(fonts, "\xE2\x80\xA6", "...")));
    ImGui::Dummy(ImVec2(room, fonts.bodySize));
  }
  ImGui::PopFont();
  ImGui::End();
  return intent;
}

}  // namespace unknot
