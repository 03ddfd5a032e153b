// The figure renderer on a headless ImGui context: every pose draws inside its box at any box
// shape, in the working side's colour, and between keyframes as well as on them.
#include <catch2/catch.hpp>

#include "core/figure/pose_loader.hpp"
#include "imgui_harness.hpp"
#include "ui/figure_view.hpp"
#include "ui/theme.hpp"

using namespace unknot;
using unknot::testing::ImGuiHarness;

namespace {

const figure::PoseLibrary& library() {
  static const figure::PoseLibrary poses =
      figure::PoseLibrary::load({std::string(UNKNOT_SOURCE_DIR) + "/assets/poses"});
  return poses;
}

struct Drawn {
  int vertices = 0;
  bool inside = true;
  bool sideColour = false;
};

Drawn draw(const figure::Pose& pose, FigureFrame frame, ImVec2 min, ImVec2 max) {
  ImGuiHarness harness;
  Drawn out;
  harness.frame([&] {
    ImDrawList& list = *ImGui::GetBackgroundDrawList();
    drawFigure(list, min, max, pose, frame, figure::poseBounds(pose, frame.side));
    const ImU32 side = frame.side == figure::BodySide::Left ? palette().left : palette().right;
    // The floor runs on past the box and is clipped; everything is drawn under a clip
    // rectangle no bigger than the box.
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      if (cmd.ElemCount == 0) continue;
      out.inside = out.inside && cmd.ClipRect.x >= min.x && cmd.ClipRect.y >= min.y &&
                   cmd.ClipRect.z <= max.x && cmd.ClipRect.w <= max.y;
    }
    // Near parts are lighter than far ones, so the side's colour shows up to a shade.
    const auto close = [side](ImU32 c) {
      for (int shift : {IM_COL32_R_SHIFT, IM_COL32_G_SHIFT, IM_COL32_B_SHIFT}) {
        const int a = static_cast<int>((c >> shift) & 0xFF),
                  b = static_cast<int>((side >> shift) & 0xFF);
        if (std::abs(a - b) > 64) return false;
      }
      return true;
    };
    for (const ImDrawVert& v : list.VtxBuffer) out.sideColour = out.sideColour || close(v.col);
    out.vertices = list.VtxBuffer.Size;
    return 0;
  });
  return out;
}

}  // namespace

TEST_CASE("every pose draws inside its box, wide or tall, on and between keyframes") {
  for (const figure::PoseEntry& entry : library().entries()) {
    REQUIRE(entry.pose);
    const figure::Pose& pose = *entry.pose;
    for (ImVec2 size : {ImVec2(400, 300), ImVec2(120, 400), ImVec2(600, 90)}) {
      for (figure::BodySide side : {figure::BodySide::Right, figure::BodySide::Left}) {
        INFO(entry.id << " " << size.x << "x" << size.y);
        const size_t last = pose.keyframes.size() - 1;
        for (FigureFrame frame : {FigureFrame{0, 0, 0, side}, FigureFrame{0, last, 0.5f, side}}) {
          const Drawn drawn = draw(pose, frame, ImVec2(50, 60), ImVec2(50 + size.x, 60 + size.y));
          CHECK(drawn.vertices > 200);
          CHECK(drawn.inside);
        }
      }
    }
  }
}

TEST_CASE("the working limb takes the side's colour, and a given colour when asked") {
  const figure::Pose* pigeon = library().find("pigeon");
  REQUIRE(pigeon);
  CHECK(
      draw(*pigeon, {0, 0, 0, figure::BodySide::Right}, ImVec2(0, 0), ImVec2(300, 300)).sideColour);
  CHECK(
      draw(*pigeon, {0, 0, 0, figure::BodySide::Left}, ImVec2(0, 0), ImVec2(300, 300)).sideColour);
  const figure::Pose* bridge = library().find("glute-bridge");
  REQUIRE(bridge);
  // Both legs work in a bridge: no limb is singled out.
  CHECK_FALSE(
      draw(*bridge, {0, 0, 0, figure::BodySide::Right}, ImVec2(0, 0), ImVec2(300, 300)).sideColour);
}
