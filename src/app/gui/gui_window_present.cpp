// Presenting a frame by redrawing only what changed since the frame the window shows (see
// gui_damage.hpp): finding how to present on this GLX, and drawing within the changed
// rectangles.
#include <GL/gl.h>
#include <GLFW/glfw3.h>

#include "app/gui/gui_window.hpp"
#define GLFW_EXPOSE_NATIVE_X11
#define GLFW_EXPOSE_NATIVE_GLX
#include <GLFW/glfw3native.h>
#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <cmath>

namespace unknot {

GuiWindow::Presenter GuiWindow::presenter() {
  Presenter present;
  if (!glfwGetGLXWindow(m_window)) return present;  // not GLX: whole frames, swapped
  // GLX_EXT_buffer_age (most desktops' drivers) says how old the back buffer is after a swap;
  // GLX_MESA_copy_sub_buffer (Mesa's software renderer, Xvfb) copies part of it to the window.
  if (glfwExtensionSupported("GLX_EXT_buffer_age"))
    present.queryDrawable =
        reinterpret_cast<Presenter::QueryDrawable>(glfwGetProcAddress("glXQueryDrawable"));
  if (!present.queryDrawable && glfwExtensionSupported("GLX_MESA_copy_sub_buffer"))
    present.copySubBuffer =
        reinterpret_cast<Presenter::CopySubBuffer>(glfwGetProcAddress("glXCopySubBufferMESA"));
  return present;
}

int GuiWindow::backBufferAge() const {
  if (m_present.copySubBuffer) return 1;  // never swapped: it holds the last frame
  if (!m_present.queryDrawable) return 0;
  unsigned int age = 0;
  m_present.queryDrawable(glfwGetX11Display(), glfwGetGLXWindow(m_window), GLX_BACK_BUFFER_AGE_EXT,
                          &age);
  return static_cast<int>(age);
}

GuiWindow::PixelRect GuiWindow::pixelRect(const ImDrawData& data, const DamageRect& r) {
  const ImVec2 scale = data.FramebufferScale;
  const int x0 = static_cast<int>(std::floor((r.min.x - data.DisplayPos.x) * scale.x));
  const int y0 = static_cast<int>(std::floor((r.min.y - data.DisplayPos.y) * scale.y));
  const int x1 = static_cast<int>(std::ceil((r.max.x - data.DisplayPos.x) * scale.x));
  const int y1 = static_cast<int>(std::ceil((r.max.y - data.DisplayPos.y) * scale.y));
  const int height = static_cast<int>(std::lround(data.DisplaySize.y * scale.y));
  return {x0, height - y1, x1 - x0, y1 - y0};  // OpenGL's origin is the bottom left
}

std::vector<DamageRect> GuiWindow::drawChanged(ImDrawData& data, ImU32 background) {
  const ImVec2 origin = data.DisplayPos;
  const ImVec2 display = data.DisplaySize;
  const DamageRect whole{origin, ImVec2(origin.x + display.x, origin.y + display.y)};
  // Without either extension every frame is whole: nothing to compare or keep.
  const bool tracking = m_present.queryDrawable || m_present.copySubBuffer;
  const bool comparable =
      tracking && !m_wholeFrame && !m_lastFrame.empty() && background == m_lastBackground &&
      data.FramebufferScale.x == m_lastScale.x && data.FramebufferScale.y == m_lastScale.y &&
      origin.x == 0 && origin.y == 0;
  m_changes.push_front(comparable ? frameDamage(m_lastFrame, data, display)
                                  : std::vector<DamageRect>{whole});
  constexpr size_t kKeptFrames = 3;
  if (m_changes.size() > kKeptFrames) m_changes.pop_back();
  // The back buffer shows the frame `age` swaps ago: everything changed since then is redrawn.
  const int age = backBufferAge();
  std::vector<DamageRect> redraw;
  if (age <= 0 || static_cast<size_t>(age) > m_changes.size()) {
    redraw = {whole};
  } else {
    for (size_t i = 0; i < static_cast<size_t>(age); ++i)
      redraw.insert(redraw.end(), m_changes[i].begin(), m_changes[i].end());
  }
  float area = 0;
  for (const DamageRect& r : redraw) area += r.area();
  // Each rectangle draws every triangle once more: past about half the window, one pass wins.
  if (redraw.size() > 4 || area > 0.5f * display.x * display.y) redraw = {whole};

  // Rectangles from frames the back buffer missed may overlap; drawn in one pass they must not.
  redraw = disjoint(std::move(redraw));
  glEnable(GL_SCISSOR_TEST);
  for (const DamageRect& r : redraw) {
    const PixelRect p = pixelRect(data, r);
    glScissor(p.x, p.y, p.width, p.height);
    glClear(GL_COLOR_BUFFER_BIT);
  }
  glDisable(GL_SCISSOR_TEST);
  // One pass over the draw data (one upload of its vertices): every command once for each
  // rectangle it meets, its clip narrowed to that rectangle. Within a rectangle the commands
  // keep their order, and no pixel is in two rectangles, so nothing blends twice.
  std::vector<ImVector<ImDrawCmd>> originals(static_cast<size_t>(data.CmdListsCount));
  for (int l = 0; l < data.CmdListsCount; ++l) {
    ImVector<ImDrawCmd>& commands = data.CmdLists[l]->CmdBuffer;
    ImVector<ImDrawCmd> narrowed;
    for (const DamageRect& r : redraw)
      for (const ImDrawCmd& command : commands) {
        ImDrawCmd part = command;
        ImVec4& clip = part.ClipRect;
        clip = ImVec4(std::max(clip.x, r.min.x), std::max(clip.y, r.min.y),
                      std::min(clip.z, r.max.x), std::min(clip.w, r.max.y));
        if (clip.z > clip.x && clip.w > clip.y) narrowed.push_back(part);
      }
    commands.swap(narrowed);
    originals[static_cast<size_t>(l)].swap(narrowed);
  }
  ImGui_ImplOpenGL3_RenderDrawData(&data);
  for (int l = 0; l < data.CmdListsCount; ++l)
    data.CmdLists[l]->CmdBuffer.swap(originals[static_cast<size_t>(l)]);
  if (tracking) m_lastFrame.take(data);
  m_lastBackground = background;
  m_lastScale = data.FramebufferScale;
  m_wholeFrame = false;
  return redraw;
}

}  // namespace unknot
