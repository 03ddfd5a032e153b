// A Dear ImGui context with no window and no renderer, so view code can run frame by frame in
// tests: the views draw into ImGui's draw lists and return intents as they do in the app.
#pragma once

#include <imgui.h>

#include "ui/player_layout.hpp"
#include "ui/ui_types.hpp"

namespace unknot::testing {

class ImGuiHarness {
 public:
  // `interfaceScale` plans the font sizes as the window does for that display.scale.
  explicit ImGuiHarness(ImVec2 display = ImVec2(1280, 800), float interfaceScale = 1.0f) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = display;
    io.DeltaTime = 1.0f / 60.0f;
    ImFont* font = io.Fonts->AddFontDefault();
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
    const FontSizes sizes = planFontSizes(1.0f, display, DigitMetrics{}, interfaceScale);
    m_fonts.body = m_fonts.heading = m_fonts.medium = m_fonts.title = m_fonts.digits = font;
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

}  // namespace unknot::testing
