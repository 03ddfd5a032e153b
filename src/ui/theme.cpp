#include "ui/theme.hpp"

#include <cmath>

namespace unknot {

namespace {

constexpr ImU32 rgb(unsigned value) {
  return IM_COL32((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF, 0xFF);
}

// Today's calm dark look: distinct colours for the right and left side so the side can be
// told apart at a glance from across the room (the pills also say it in words).
constexpr Palette kDark = {
    .background = rgb(0x12161B),
    .panel = rgb(0x1C2229),
    .panelHover = rgb(0x252E37),
    .panelSelected = rgb(0x1F3A3A),
    .neutralPill = rgb(0x3A4551),
    .primaryButton = rgb(0x24695F),
    .primaryButtonHover = rgb(0x1D5A51),
    .warningPanel = rgb(0x332A16),
    .urgent = rgb(0xA81E1E),
    .urgentHover = rgb(0xC42B2B),
    .flashBackground = rgb(0x173532),
    .countdownBackground = rgb(0x2B2514),
    .heldHeat = rgb(0x3A1E17),
    .heldIce = rgb(0x142B38),
    .text = rgb(0xF1F4F6),
    .textDim = rgb(0xA3AFBA),
    .textFaint = rgb(0x96A2AD),
    .accent = rgb(0x4CC2B0),
    .warning = rgb(0xF2C14E),
    .error = rgb(0xF58A80),
    .countdown = rgb(0xFFD75E),
    .right = rgb(0xF2A53C),
    .left = rgb(0x5CA8F2),
    .heat = rgb(0xF07A5A),
    .ice = rgb(0x8CD8F0),
    .onPill = rgb(0x101317),
    .track = rgb(0x2A333D),
    .controlBorder = rgb(0x2A333D),
    .accentDark = rgb(0x2F8679),
    .dayMet = rgb(0x4CC2B0),
    .dayPartial = rgb(0xC9942E),
    .dayRest = rgb(0x3E628C),
    .dayMissed = rgb(0x9A3F3A),
    .dayFlare = rgb(0x7A559A),
    .todayOutline = rgb(0xF1F4F6),
    .figureNear = rgb(0xE4E9EE),
    .figureFar = rgb(0x8E99A4),
    .figureOutline = rgb(0x12161B),
    .floor = rgb(0x2A333D),
    .floorLine = rgb(0x6E7A86),
    .glow = rgb(0xFF5A4A),
    .propCloth = rgb(0xD8D2C4),
    .propMat = rgb(0x3B5B6E),
    .propFoamRoller = rgb(0x3F9E8F),
    .propBall = rgb(0xE05A8A),
    .propWall = rgb(0x4A5561),
    .propChair = rgb(0x9A6B45),
    .propBand = rgb(0x8FD05A),
};

// Dark text on a paper-white background for bright rooms; the figure turns dark.
constexpr Palette kLight = {
    .background = rgb(0xF7F8FA),
    .panel = rgb(0xE9EDF1),
    .panelHover = rgb(0xDDE3E9),
    .panelSelected = rgb(0xD3EBE7),
    .neutralPill = rgb(0xD5DCE3),
    .primaryButton = rgb(0xBFE3DD),
    .primaryButtonHover = rgb(0xA6D8CF),
    .warningPanel = rgb(0xFBF0D4),
    .urgent = rgb(0xF9D9D6),
    .urgentHover = rgb(0xF4C5C0),
    .flashBackground = rgb(0xDDF1ED),
    .countdownBackground = rgb(0xFBF1D2),
    .heldHeat = rgb(0xFBE3DA),
    .heldIce = rgb(0xDCEFF7),
    .text = rgb(0x121920),
    .textDim = rgb(0x3B4650),
    .textFaint = rgb(0x56616C),
    .accent = rgb(0x00695C),
    .warning = rgb(0x7A4F00),
    .error = rgb(0xA8221B),
    .countdown = rgb(0x7A4F00),
    .right = rgb(0x9A4A00),
    .left = rgb(0x1D5C9E),
    .heat = rgb(0xA8361A),
    .ice = rgb(0x14657F),
    .onPill = rgb(0xFFFFFF),
    .track = rgb(0xC3CCD5),
    .controlBorder = rgb(0x8A96A2),
    .accentDark = rgb(0x00897B),
    .dayMet = rgb(0x00796B),
    .dayPartial = rgb(0x9A6A10),
    .dayRest = rgb(0x5B87C0),
    .dayMissed = rgb(0xC0504A),
    .dayFlare = rgb(0x76549E),
    .todayOutline = rgb(0x121920),
    .figureNear = rgb(0x2B3440),
    .figureFar = rgb(0x7A8591),
    .figureOutline = rgb(0xF7F8FA),
    .floor = rgb(0xDDE3E9),
    .floorLine = rgb(0x7A8591),
    .glow = rgb(0xE53935),
    .propCloth = rgb(0xBDB29A),
    .propMat = rgb(0x6F93A8),
    .propFoamRoller = rgb(0x3F9E8F),
    .propBall = rgb(0xD04A7A),
    .propWall = rgb(0xA7B1BB),
    .propChair = rgb(0x9A6B45),
    .propBand = rgb(0x5E9E2E),
};

// Bright text on black for low vision: every text 7:1 or more on every surface it is drawn
// on (WCAG AAA), every mark and control outline 3:1; surfaces stay near black so that holds.
constexpr Palette kHighContrast = {
    .background = rgb(0x000000),
    .panel = rgb(0x121212),
    .panelHover = rgb(0x1E1E1E),
    .panelSelected = rgb(0x00302A),
    .neutralPill = rgb(0x1A1A1A),
    .primaryButton = rgb(0x00302A),
    .primaryButtonHover = rgb(0x003D36),
    .warningPanel = rgb(0x2A2000),
    .urgent = rgb(0x5C0000),
    .urgentHover = rgb(0x6E0000),
    .flashBackground = rgb(0x002A25),
    .countdownBackground = rgb(0x262000),
    .heldHeat = rgb(0x2E0E05),
    .heldIce = rgb(0x001F2E),
    .text = rgb(0xFFFFFF),
    .textDim = rgb(0xE6E6E6),
    .textFaint = rgb(0xD2D2D2),
    .accent = rgb(0x5EF2DC),
    .warning = rgb(0xFFD966),
    .error = rgb(0xFFB0A8),
    .countdown = rgb(0xFFE680),
    .right = rgb(0xFFC27A),
    .left = rgb(0x9ED2FF),
    .heat = rgb(0xFFB59E),
    .ice = rgb(0xB0ECFF),
    .onPill = rgb(0x000000),
    .track = rgb(0x3A3A3A),
    .controlBorder = rgb(0xD2D2D2),
    .accentDark = rgb(0x5EF2DC),
    .dayMet = rgb(0x5EF2DC),
    .dayPartial = rgb(0xFFC44D),
    .dayRest = rgb(0x7FB2FF),
    .dayMissed = rgb(0xFF7B7B),
    .dayFlare = rgb(0xD0A8FF),
    .todayOutline = rgb(0xFFFFFF),
    .figureNear = rgb(0xFFFFFF),
    .figureFar = rgb(0xA8A8A8),
    .figureOutline = rgb(0x000000),
    .floor = rgb(0x262626),
    .floorLine = rgb(0xBDBDBD),
    .glow = rgb(0xFF6A5A),
    .propCloth = rgb(0xE8E0CC),
    .propMat = rgb(0x5F8FAA),
    .propFoamRoller = rgb(0x4FC8B5),
    .propBall = rgb(0xFF78A8),
    .propWall = rgb(0x8A959F),
    .propChair = rgb(0xC4915F),
    .propBand = rgb(0xA8F070),
};

// One constant look per theme and motion setting: io.UserData points at one of these.
constexpr Look kLooks[] = {
    {ThemeName::Dark, false}, {ThemeName::Dark, true},          {ThemeName::Light, false},
    {ThemeName::Light, true}, {ThemeName::HighContrast, false}, {ThemeName::HighContrast, true},
};

double channel(unsigned value) {
  const double c = value / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(ImU32 colour) {
  return 0.2126 * channel((colour >> IM_COL32_R_SHIFT) & 0xFF) +
         0.7152 * channel((colour >> IM_COL32_G_SHIFT) & 0xFF) +
         0.0722 * channel((colour >> IM_COL32_B_SHIFT) & 0xFF);
}

ImVec4 colour(ImU32 packed, float alpha = 1.0f) {
  ImVec4 c = ImGui::ColorConvertU32ToFloat4(packed);
  c.w *= alpha;
  return c;
}

void applyColours(ImGuiStyle& style, const Palette& p) {
  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = colour(p.text);
  c[ImGuiCol_TextDisabled] = colour(p.textFaint);
  c[ImGuiCol_WindowBg] = colour(p.background);
  c[ImGuiCol_ChildBg] = colour(p.background, 0.0f);
  c[ImGuiCol_PopupBg] = colour(p.panel);
  c[ImGuiCol_Border] = colour(p.controlBorder);
  c[ImGuiCol_BorderShadow] = colour(p.background, 0.0f);
  c[ImGuiCol_FrameBg] = colour(p.panel);
  c[ImGuiCol_FrameBgHovered] = colour(p.panelHover);
  c[ImGuiCol_FrameBgActive] = colour(p.panelHover);
  c[ImGuiCol_TitleBg] = colour(p.panel);
  c[ImGuiCol_TitleBgActive] = colour(p.panel);
  c[ImGuiCol_ScrollbarBg] = colour(p.background, 0.0f);
  // The scrollbar is a control: its grab keeps 3:1 where the theme promises it.
  c[ImGuiCol_ScrollbarGrab] = colour(&p == &kDark ? p.track : p.controlBorder);
  c[ImGuiCol_ScrollbarGrabHovered] = colour(p.controlBorder);
  c[ImGuiCol_ScrollbarGrabActive] = colour(p.textFaint);
  c[ImGuiCol_CheckMark] = colour(p.accent);
  c[ImGuiCol_SliderGrab] = colour(p.accent);
  c[ImGuiCol_SliderGrabActive] = colour(p.accent);
  c[ImGuiCol_Button] = colour(p.neutralPill);
  c[ImGuiCol_ButtonHovered] = colour(p.primaryButtonHover);
  c[ImGuiCol_ButtonActive] = colour(p.primaryButton);
  c[ImGuiCol_Header] = colour(p.panelSelected);
  c[ImGuiCol_HeaderHovered] = colour(p.panelHover);
  c[ImGuiCol_HeaderActive] = colour(p.panelSelected);
  c[ImGuiCol_Separator] = colour(p.track);
  c[ImGuiCol_TableHeaderBg] = colour(p.panel);
  c[ImGuiCol_TableBorderStrong] = colour(p.track);
  c[ImGuiCol_TableBorderLight] = colour(p.track);
  c[ImGuiCol_TableRowBg] = colour(p.background, 0.0f);
  c[ImGuiCol_TableRowBgAlt] = colour(p.panel, 0.6f);
  c[ImGuiCol_TextSelectedBg] = colour(p.primaryButtonHover);
  c[ImGuiCol_NavHighlight] = colour(p.accent);
}

}  // namespace

const Palette& paletteFor(ThemeName theme) {
  switch (theme) {
    case ThemeName::Light:
      return kLight;
    case ThemeName::HighContrast:
      return kHighContrast;
    case ThemeName::Dark:
      break;
  }
  return kDark;
}

void useLook(const Look& look) {
  for (const Look& known : kLooks) {
    if (known.theme == look.theme && known.reducedMotion == look.reducedMotion) {
      ImGui::GetIO().UserData = const_cast<Look*>(&known);  // ImGui's slot is void*; never written
    }
  }
}

Look currentLook() {
  if (!ImGui::GetCurrentContext() || !ImGui::GetIO().UserData) return Look{};
  return *static_cast<const Look*>(ImGui::GetIO().UserData);
}

const Palette& palette() {
  return paletteFor(currentLook().theme);
}

double contrastRatio(ImU32 a, ImU32 b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

ImU32 textOn(const Palette& p, ImU32 fill) {
  return contrastRatio(p.text, fill) >= contrastRatio(p.onPill, fill) ? p.text : p.onPill;
}

std::vector<ColourPair> colourPairs(const Palette& p) {
  std::vector<ColourPair> pairs;
  auto text = [&pairs](const char* fg, ImU32 f, const char* bg, ImU32 b) {
    pairs.push_back({std::string(fg) + " on " + bg, f, b, true});
  };
  auto mark = [&pairs](const char* fg, ImU32 f, const char* bg, ImU32 b) {
    pairs.push_back({std::string(fg) + " on " + bg, f, b, false});
  };
  struct Named {
    const char* name;
    ImU32 colour;
  };
  // Every text colour appears on the window background (headings, notes, the player).
  const Named texts[] = {
      {"text", p.text},           {"textDim", p.textDim}, {"textFaint", p.textFaint},
      {"accent", p.accent},       {"warning", p.warning}, {"error", p.error},
      {"countdown", p.countdown}, {"right", p.right},     {"left", p.left},
      {"heat", p.heat},           {"ice", p.ice}};
  for (const Named& t : texts) text(t.name, t.colour, "background", p.background);
  // Cards, rows, dialogs and check-in panels.
  const Named panels[] = {
      {"panel", p.panel}, {"panelHover", p.panelHover}, {"panelSelected", p.panelSelected}};
  for (const Named& s : panels) {
    text("text", p.text, s.name, s.colour);
    text("textDim", p.textDim, s.name, s.colour);
    text("textFaint", p.textFaint, s.name, s.colour);
    text("accent", p.accent, s.name, s.colour);
    text("warning", p.warning, s.name, s.colour);
    text("error", p.error, s.name, s.colour);
  }
  // Buttons.
  text("text", p.text, "neutralPill", p.neutralPill);
  text("text", p.text, "primaryButton", p.primaryButton);
  text("text", p.text, "primaryButtonHover", p.primaryButtonHover);
  // Warning boxes and the urgent advice.
  text("text", p.text, "warningPanel", p.warningPanel);
  text("textDim", p.textDim, "warningPanel", p.warningPanel);
  text("warning", p.warning, "warningPanel", p.warningPanel);
  text("text", p.text, "urgent", p.urgent);
  text("text", p.text, "urgentHover", p.urgentHover);
  // The digits and the words around them on the moment tints.
  const Named tints[] = {{"flashBackground", p.flashBackground},
                         {"countdownBackground", p.countdownBackground},
                         {"heldHeat", p.heldHeat},
                         {"heldIce", p.heldIce}};
  for (const Named& s : tints) {
    for (const Named& t : texts) text(t.name, t.colour, s.name, s.colour);
  }
  // Pills: dark words on the coloured fills.
  const Named fills[] = {{"right", p.right}, {"left", p.left},     {"heat", p.heat},
                         {"ice", p.ice},     {"accent", p.accent}, {"warning", p.warning},
                         {"error", p.error}, {"dayMet", p.dayMet}, {"dayPartial", p.dayPartial},
                         {"text", p.text}};
  for (const Named& f : fills) text("pill words", textOn(p, f.colour), f.name, f.colour);
  text("pill words", textOn(p, p.neutralPill), "neutralPill", p.neutralPill);
  // Heat-map cells: the day's number and mark in whichever of text and onPill reads better.
  const Named days[] = {{"dayMet", p.dayMet},          {"dayPartial", p.dayPartial},
                        {"dayRest", p.dayRest},        {"dayMissed", p.dayMissed},
                        {"dayFlare", p.dayFlare},      {"panelHover (today)", p.panelHover},
                        {"track (untracked)", p.track}};
  for (const Named& d : days) text("number", textOn(p, d.colour), d.name, d.colour);
  // Marks and controls: bars, outlines, heat-map cells, chart series, the figure.
  const Named marks[] = {{"right", p.right},
                         {"left", p.left},
                         {"heat", p.heat},
                         {"ice", p.ice},
                         {"accent", p.accent},
                         {"controlBorder", p.controlBorder},
                         {"dayMet", p.dayMet},
                         {"dayPartial", p.dayPartial},
                         {"dayRest", p.dayRest},
                         {"dayMissed", p.dayMissed},
                         {"dayFlare", p.dayFlare},
                         {"todayOutline", p.todayOutline},
                         {"figureNear", p.figureNear},
                         {"floorLine", p.floorLine}};
  for (const Named& m : marks) {
    mark(m.name, m.colour, "background", p.background);
    mark(m.name, m.colour, "panel", p.panel);
  }
  return pairs;
}

void applyTheme(ImGuiStyle& style, float bodyFontSize) {
  const Look look = currentLook();
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
  // Controls need an edge of 3:1 against the background where their fill is near black.
  style.FrameBorderSize = look.theme == ThemeName::Dark ? 0.0f : std::max(1.0f, f * 0.08f);
  style.AntiAliasedFill = true;
  style.AntiAliasedLines = true;
  applyColours(style, paletteFor(look.theme));
}

}  // namespace unknot
