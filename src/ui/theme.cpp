#include "ui/theme.hpp"

namespace unknot {

namespace {

ImVec4 colour(ImU32 packed, float alpha = 1.0f) {
  ImVec4 c = ImGui::ColorConvertU32ToFloat4(packed);
  c.w *= alpha;
  return c;
}

void applyColours(ImGuiStyle& style) {
  using namespace palette;
  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = colour(kText);
  c[ImGuiCol_TextDisabled] = colour(kTextFaint);
  c[ImGuiCol_WindowBg] = colour(kBackground);
  c[ImGuiCol_ChildBg] = colour(kBackground, 0.0f);
  c[ImGuiCol_PopupBg] = colour(kPanel);
  c[ImGuiCol_Border] = colour(kTrack);
  c[ImGuiCol_BorderShadow] = colour(kBackground, 0.0f);
  c[ImGuiCol_FrameBg] = colour(kPanel);
  c[ImGuiCol_FrameBgHovered] = colour(kPanelHover);
  c[ImGuiCol_FrameBgActive] = colour(kPanelHover);
  c[ImGuiCol_TitleBg] = colour(kPanel);
  c[ImGuiCol_TitleBgActive] = colour(kPanel);
  c[ImGuiCol_ScrollbarBg] = colour(kBackground, 0.0f);
  c[ImGuiCol_ScrollbarGrab] = colour(kTrack);
  c[ImGuiCol_ScrollbarGrabHovered] = colour(kNeutralPill);
  c[ImGuiCol_ScrollbarGrabActive] = colour(kTextFaint);
  c[ImGuiCol_CheckMark] = colour(kAccent);
  c[ImGuiCol_Button] = colour(kNeutralPill);
  c[ImGuiCol_ButtonHovered] = colour(kAccentDark);
  c[ImGuiCol_ButtonActive] = colour(kAccent);
  c[ImGuiCol_Header] = colour(kPanelSelected);
  c[ImGuiCol_HeaderHovered] = colour(kPanelHover);
  c[ImGuiCol_HeaderActive] = colour(kPanelSelected);
  c[ImGuiCol_Separator] = colour(kTrack);
  c[ImGuiCol_TableHeaderBg] = colour(kPanel);
  c[ImGuiCol_TableBorderStrong] = colour(kTrack);
  c[ImGuiCol_TableBorderLight] = colour(kTrack);
  c[ImGuiCol_TableRowBg] = colour(kBackground, 0.0f);
  c[ImGuiCol_TableRowBgAlt] = colour(kPanel, 0.6f);
  c[ImGuiCol_TextSelectedBg] = colour(kAccentDark, 0.6f);
  c[ImGuiCol_NavHighlight] = colour(kAccent);
}

}  // namespace

void applyTheme(ImGuiStyle& style, float bodyFontSize) {
  style = ImGuiStyle();
  const float f = bodyFontSize;
  style.WindowPadding = ImVec2(f * 1.0f, f * 1.0f);
  style.FramePadding = ImVec2(f * 0.6f, f * 0.35f);
  style.ItemSpacing = ImVec2(f * 0.5f, f * 0.45f);
  style.ItemInnerSpacing = ImVec2(f * 0.4f, f * 0.3f);
  style.CellPadding = ImVec2(f * 0.45f, f * 0.25f);
  style.IndentSpacing = f * 1.2f;
  style.ScrollbarSize = f * 0.75f;
  style.GrabMinSize = f * 0.75f;
  style.WindowRounding = 0.0f;
  style.ChildRounding = f * 0.3f;
  style.FrameRounding = f * 0.3f;
  style.PopupRounding = f * 0.3f;
  style.ScrollbarRounding = f * 0.4f;
  style.TabRounding = f * 0.3f;
  style.WindowBorderSize = 0.0f;
  style.ChildBorderSize = 0.0f;
  style.FrameBorderSize = 0.0f;
  style.AntiAliasedFill = true;
  style.AntiAliasedLines = true;
  applyColours(style);
}

}  // namespace unknot
