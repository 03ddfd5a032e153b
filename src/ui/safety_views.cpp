#include "ui/safety_views.hpp"

#include <algorithm>
#include <cmath>

#include "ui/key_table.hpp"
#include "ui/player_view.hpp"
#include "ui/progress_view.hpp"
#include "ui/theme.hpp"
#include "ui/warning_box.hpp"

namespace unknot {

namespace {

ImVec4 colour(ImU32 packed) {
  return ImGui::ColorConvertU32ToFloat4(packed);
}

void wrapped(ImU32 tint, const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, colour(tint));
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
}

// A centred column for reading, `widthInBody` body-font sizes wide at most.
float beginColumn(const char* id, const UiFonts& fonts, float widthInBody) {
  const ImVec2 window = ImGui::GetIO().DisplaySize;
  const float pad = std::round(fonts.bodySize * 1.5f);
  const float width = std::min(window.x - 2 * pad, fonts.bodySize * widthInBody);
  beginFullscreenWindow(id);
  ImGui::SetCursorScreenPos(ImVec2(std::round((window.x - width) * 0.5f), pad));
  ImGui::BeginChild("##column", ImVec2(width, window.y - 2 * pad));
  return width;
}

void endColumn() {
  ImGui::EndChild();
  ImGui::End();
}

}  // namespace

bool drawUrgentAdvice(const std::vector<RedFlag>& flags, const UiFonts& fonts) {
  std::vector<RedFlag> urgent;
  for (const RedFlag& flag : flags) {
    if (flag.urgent()) urgent.push_back(flag);
  }
  const float width = beginColumn("##urgent-advice", fonts, 46.0f);
  ImGui::PushFont(fonts.heading);
  wrapped(palette().error, "Urgent: please read this first");
  ImGui::PopFont();
  ImGui::Spacing();
  ImGui::PushFont(fonts.body);
  WarningBoxText text = warningBoxText(urgent, true);
  text.note = kNotMedicalAdvice;
  drawWarningBox(urgent, text, fonts, width, true);
  ImGui::Spacing();
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Button, colour(palette().urgent));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colour(palette().urgentHover));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, colour(palette().urgentHover));
  const bool clicked =
      ImGui::Button("I have read this", ImVec2(width, std::round(fonts.bodySize * 2.6f)));
  ImGui::PopStyleColor(3);
  ImGui::Spacing();
  wrapped(palette().textDim,
          "It stays on the library and the Progress view until a check-in says it has gone.");
  ImGui::PopFont();
  endColumn();
  return clicked;
}

bool firstStartNoticeKeys(std::span<const UiKey> keys) {
  return std::any_of(keys.begin(), keys.end(), [](UiKey key) {
    return actionForKey(noticeKeys(), key) == NoticeAction::Accept;
  });
}

bool drawFirstStartNotice(const UiFonts& fonts, std::span<const UiKey> keys) {
  bool acknowledged = firstStartNoticeKeys(keys);
  const float width = beginColumn("##first-start", fonts, 40.0f);
  ImGui::Dummy(ImVec2(0, fonts.headingSize));
  ImGui::PushFont(fonts.heading);
  wrapped(palette().accent, "Before you begin");
  ImGui::PopFont();
  ImGui::Spacing();
  ImGui::PushFont(fonts.body);
  for (const char* paragraph : kFirstStartNotice) {
    // The stop rule is the one to remember: it stands out.
    const bool stopRule = std::string_view(paragraph).starts_with("Stop");
    if (stopRule) ImGui::PushFont(fonts.heading);
    wrapped(palette().text, paragraph);
    if (stopRule) ImGui::PopFont();
    ImGui::Spacing();
    ImGui::Spacing();
  }
  const std::string accept = withKey("I understand", noticeKeys(), NoticeAction::Accept);
  if (accentButton(accept.c_str(), ImVec2(width, std::round(fonts.bodySize * 2.4f))))
    acknowledged = true;
  ImGui::Spacing();
  wrapped(palette().textDim, "Shown once. Read it again any time with unknot --view notice.");
  ImGui::PopFont();
  endColumn();
  return acknowledged;
}

}  // namespace unknot
