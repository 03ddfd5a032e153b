// What a presented frame redraws: the rectangles that differ between two frames' draw data.
#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "app/gui/gui_damage.hpp"

using namespace unknot;

namespace {

const ImVec2 kDisplay(1280, 800);

ImFont* font() {
  return ImGui::GetIO().Fonts->Fonts[0];
}

// An ImGui context with its fonts built and a frame begun: draw lists need its shared data.
struct Context {
  Context() {
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // no imgui.ini read or written: tests run in parallel
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);
    ImGui::GetIO().Fonts->SetTexID(reinterpret_cast<ImTextureID>(1));
    // A frame under way sets up what draw lists share (the white pixel, circle tessellation).
    ImGui::GetIO().DisplaySize = kDisplay;
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
  }
  ~Context() {
    ImGui::EndFrame();
    ImGui::DestroyContext();
  }
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;
};

// One frame: a panel, a label and the clock's digits, as the player draws them; `extra` adds
// a second panel (a window that opened).
struct Frame {
  std::unique_ptr<ImDrawList> list;
  std::unique_ptr<ImDrawList> overlay;
  ImDrawData data;
  std::vector<ImDrawList*> lists;

  Frame(const std::string& digits, bool extra = false, ImVec4 digitsClip = {0, 0, 1280, 800}) {
    list = std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData());
    list->_ResetForNewFrame();
    list->PushTextureID(ImGui::GetIO().Fonts->TexID);
    list->PushClipRect(ImVec2(0, 0), kDisplay);
    list->AddRectFilled(ImVec2(20, 180), ImVec2(360, 540), IM_COL32(30, 40, 50, 255), 8.0f);
    list->AddText(font(), 26.0f, ImVec2(20, 20), IM_COL32_WHITE, "Pigeon pose");
    list->PushClipRect(ImVec2(digitsClip.x, digitsClip.y), ImVec2(digitsClip.z, digitsClip.w));
    list->AddText(font(), 200.0f, ImVec2(400, 150), IM_COL32_WHITE, digits.c_str());
    list->PopClipRect();
    list->AddText(font(), 26.0f, ImVec2(1000, 700), IM_COL32_WHITE, "Stop [Esc]");
    lists.push_back(list.get());
    if (extra) {
      overlay = std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData());
      overlay->_ResetForNewFrame();
      overlay->PushTextureID(ImGui::GetIO().Fonts->TexID);
      overlay->PushClipRect(ImVec2(0, 0), kDisplay);
      overlay->AddRectFilled(ImVec2(300, 300), ImVec2(900, 600), IM_COL32(0, 0, 0, 255));
      lists.push_back(overlay.get());
    }
    data.Valid = true;
    data.CmdLists = lists.data();
    data.CmdListsCount = static_cast<int>(lists.size());
    data.DisplayPos = ImVec2(0, 0);
    data.DisplaySize = kDisplay;
    data.FramebufferScale = ImVec2(1, 1);
    for (ImDrawList* l : lists) {
      data.TotalVtxCount += l->VtxBuffer.Size;
      data.TotalIdxCount += l->IdxBuffer.Size;
    }
  }
};

bool inside(const ImVec2& p, const DamageRect& r) {
  return p.x >= r.min.x && p.x <= r.max.x && p.y >= r.min.y && p.y <= r.max.y;
}

bool covered(const std::vector<DamageRect>& rects, ImVec2 min, ImVec2 max) {
  for (const DamageRect& r : rects)
    if (inside(min, r) && inside(max, r)) return true;
  return false;
}

bool touches(const std::vector<DamageRect>& rects, ImVec2 min, ImVec2 max) {
  for (const DamageRect& r : rects)
    if (r.min.x < max.x && min.x < r.max.x && r.min.y < max.y && min.y < r.max.y) return true;
  return false;
}

}  // namespace

TEST_CASE("a frame drawn again the same has nothing to redraw") {
  Context context;
  Frame before("00:58");
  DrawSnapshot last;
  last.take(before.data);
  Frame now("00:58");
  CHECK(frameDamage(last, now.data, kDisplay).empty());
}

TEST_CASE("a clock that ticks redraws its changed digit, not the panel or the labels") {
  Context context;
  Frame before("00:58");
  DrawSnapshot last;
  last.take(before.data);
  Frame now("00:57");
  const auto rects = frameDamage(last, now.data, kDisplay);
  REQUIRE_FALSE(rects.empty());
  // The last digit (from x 400 + four characters of a 200-pixel font) is covered ...
  const float digitWidth = font()->CalcTextSizeA(200.0f, FLT_MAX, 0, "0").x;
  const float lastDigit = 400 + font()->CalcTextSizeA(200.0f, FLT_MAX, 0, "00:5").x;
  const float middle = lastDigit + digitWidth / 2;
  CHECK(covered(rects, ImVec2(middle - 10, 220), ImVec2(middle + 10, 280)));
  // ... and nothing that stayed: the panel, the title, the Stop button, the first digits.
  CHECK_FALSE(touches(rects, ImVec2(20, 180), ImVec2(360, 540)));
  CHECK_FALSE(touches(rects, ImVec2(20, 20), ImVec2(200, 50)));
  CHECK_FALSE(touches(rects, ImVec2(1000, 700), ImVec2(1200, 730)));
  CHECK_FALSE(touches(rects, ImVec2(400, 150), ImVec2(400 + digitWidth * 2 - 4, 350)));
}

TEST_CASE("a window that opens or closes is redrawn where it is, in both directions") {
  Context context;
  Frame plain("00:58");
  Frame withOverlay("00:58", true);
  DrawSnapshot last;
  last.take(plain.data);
  const auto opened = frameDamage(last, withOverlay.data, kDisplay);
  CHECK(covered(opened, ImVec2(300, 300), ImVec2(900, 600)));
  last.take(withOverlay.data);
  const auto closed = frameDamage(last, plain.data, kDisplay);
  CHECK(covered(closed, ImVec2(300, 300), ImVec2(900, 600)));
  CHECK_FALSE(touches(closed, ImVec2(1000, 700), ImVec2(1200, 730)));
}

TEST_CASE("a moved clip rectangle redraws what it showed and what it shows") {
  Context context;
  Frame before("00:58", false, {0, 0, 1280, 800});
  DrawSnapshot last;
  last.take(before.data);
  Frame now("00:58", false, {0, 0, 800, 800});
  const auto rects = frameDamage(last, now.data, kDisplay);
  // The digits right of x 800 disappeared: that part is redrawn.
  CHECK(touches(rects, ImVec2(820, 200), ImVec2(1000, 300)));
}

TEST_CASE("changes far apart stay a few rectangles, apart and inside the window") {
  Context context;
  Frame before("00:58");
  DrawSnapshot last;
  last.take(before.data);
  Frame now("11:11");
  const auto rects = frameDamage(last, now.data, kDisplay, 2);
  REQUIRE_FALSE(rects.empty());
  CHECK(rects.size() <= 2);
  for (size_t a = 0; a < rects.size(); ++a)
    for (size_t b = a + 1; b < rects.size(); ++b)
      CHECK_FALSE(touches({rects[a]}, rects[b].min, rects[b].max));
  for (const DamageRect& r : rects) {
    CHECK(r.min.x >= 0);
    CHECK(r.min.y >= 0);
    CHECK(r.max.x <= kDisplay.x);
    CHECK(r.max.y <= kDisplay.y);
  }
}

TEST_CASE("overlapping rectangles become one, apart ones stay apart") {
  const auto rects = disjoint({{ImVec2(0, 0), ImVec2(100, 100)},
                               {ImVec2(50, 50), ImVec2(150, 150)},
                               {ImVec2(400, 400), ImVec2(500, 500)},
                               {ImVec2(140, 0), ImVec2(200, 60)}});
  REQUIRE(rects.size() == 2);
  CHECK(rects[0].min.x == 0);
  CHECK(rects[0].max.x == 200);
  CHECK(rects[0].max.y == 150);
  CHECK(rects[1].min.x == 400);
}
