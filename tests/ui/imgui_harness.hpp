// A Dear ImGui context with no window and no renderer, so view code can run frame by frame in
// tests: the views draw into ImGui's draw lists and return intents as they do in the app.
#pragma once

#include <imgui.h>

#include <cmath>

#include "ui/player_layout.hpp"
#include "ui/ui_types.hpp"

namespace unknot::testing {

class ImGuiHarness {
 public:
  // `interfaceScale` plans the font sizes as the window does for that display.scale.
  // `sizedFonts`: each font is built at its planned size, as in the window, so ImGui's own
  // widgets (buttons, tables) take their real size; otherwise one 13 px font serves all.
  explicit ImGuiHarness(ImVec2 display = ImVec2(1280, 800), float interfaceScale = 1.0f,
                        bool sizedFonts = false) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = display;
    io.DeltaTime = 1.0f / 60.0f;
    const FontSizes sizes = planFontSizes(1.0f, display, DigitMetrics{}, interfaceScale);
    auto add = [&](float size, const ImWchar* ranges) {
      ImFontConfig config;
      config.SizePixels = std::round(size);
      if (ranges) config.GlyphRanges = ranges;
      return io.Fonts->AddFontDefault(&config);
    };
    static constexpr ImWchar kDigits[] = {0x0030, 0x003A, 0};
    if (sizedFonts) {
      m_fonts.body = add(sizes.body, nullptr);
      m_fonts.heading = add(sizes.heading, nullptr);
      m_fonts.medium = add(sizes.medium, nullptr);
      m_fonts.title = add(sizes.title, nullptr);
      m_fonts.digits = add(sizes.digits, kDigits);
      io.FontDefault = m_fonts.body;
    } else {
      ImFont* font = io.Fonts->AddFontDefault();
      m_fonts.body = m_fonts.heading = m_fonts.medium = m_fonts.title = m_fonts.digits = font;
    }
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
    m_fonts.bodySize = sizes.body;
    m_fonts.headingSize = sizes.heading;
    m_fonts.mediumSize = sizes.medium;
    m_fonts.titleSize = sizes.title;
    m_fonts.digitsSize = sizes.digits;
  }
  ~ImGuiHarness() { ImGui::DestroyContext(); }
  ImGuiHarness(const ImGuiHarness&) = delete;
  ImGuiHarness& operator=(const ImGuiHarness&) = delete;

  const UiFonts& fonts() const { return m_fonts; }

  // Runs one frame around `draw` and returns what it returned.
  template <class Draw>
  auto frame(Draw&& draw) {
    ImGui::NewFrame();
    auto result = draw();
    ImGui::Render();
    return result;
  }

  // Vertices drawn in the last frame: a view that draws nothing has a bug.
  int vertexCount() const { return ImGui::GetDrawData()->TotalVtxCount; }

 private:
  UiFonts m_fonts;
};

// Clicks at (x, y): the mouse goes down in one frame and up in the next, as a person's does.
template <class Draw>
auto clickAt(ImGuiHarness& ui, ImVec2 at, Draw&& draw) {
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = at;
  io.MouseDown[0] = true;
  ui.frame(draw);
  io.MouseDown[0] = false;
  auto result = ui.frame(draw);
  io.MousePos = ImVec2(-1, -1);
  ui.frame(draw);
  return result;
}

}  // namespace unknot::testing
