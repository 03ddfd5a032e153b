#include "app/gui/gui_pose_sheet.hpp"

#include <iostream>

#include "app/gui/gui_capture.hpp"
#include "app/gui/gui_fonts.hpp"
#include "app/gui/gui_window.hpp"
#include "app/session/exit_codes.hpp"
#include "ui/pose_sheet.hpp"
#include "ui/theme.hpp"

namespace unknot {

int writePoseSheet(const figure::PoseLibrary& poses, const std::filesystem::path& png,
                   std::string& noDisplayReason) {
  std::vector<const figure::Pose*> drawn;
  for (const figure::PoseEntry& entry : poses.entries())
    if (entry.pose) drawn.push_back(&*entry.pose);
  const SheetLayout layout = sheetLayout(drawn);
  WindowRequest request;
  request.width = static_cast<int>(layout.size.x);
  request.height = static_cast<int>(layout.size.y);
  std::string error;
  // Labels at the size the player's body text has in a 1280x800 window, whatever the sheet's size.
  ImFontAtlas atlas;  // outlives the window's ImGui context
  FontSet fonts(atlas, FontGuess{1.0f, ImVec2(1280, 800), 1.0f});
  const std::unique_ptr<GuiWindow> window = GuiWindow::open(request, atlas, error);
  if (!window) {
    noDisplayReason = error;
    return kExitNoDisplay;
  }
  if (fonts.ensure(1.0f, ImVec2(1280, 800))) {
    window->uploadFontAtlas();
    fonts.releaseBuildData();
  }
  const ImVec2 size = window->framebufferSize();
  const int width = static_cast<int>(size.x), height = static_cast<int>(size.y);
  if (width < request.width || height < request.height) {
    std::cerr << "unknot: poses: the display gave a " << width << "x" << height
              << " window, the sheet needs " << request.width << "x" << request.height << '\n';
    return kExitFailure;
  }
  OffscreenTarget target(width, height);
  if (!target.complete()) {
    std::cerr << "unknot: poses: cannot create an offscreen framebuffer\n";
    return kExitFailure;
  }
  window->beginFrame();
  drawPoseSheet(*ImGui::GetBackgroundDrawList(), drawn, fonts.fonts());
  window->endFrame(false, palette().background);
  if (const auto failed = writePng(png, width, height, target.readPixels())) {
    std::cerr << "unknot: poses: " << *failed << '\n';
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace unknot
