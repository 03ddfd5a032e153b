// The GLFW window with its OpenGL context and the Dear ImGui backends, owned as one RAII
// object. It also turns window-system callbacks into what the event-driven loop needs to
// know: which keys were pressed and whether anything happened that deserves a redraw.
#pragma once

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/gui/gui_damage.hpp"
#include "core/settings.hpp"
#include "ui/ui_types.hpp"

struct GLFWwindow;
struct _XDisplay;  // Xlib's Display

namespace unknot {

struct WindowRequest {
  int width = 1100, height = 760;
  std::optional<int> x, y;
};

class GuiWindow {
 public:
  // nullptr when there is no display (or no usable OpenGL); `error` then says why. The
  // window starts hidden: show() it after the first frame (screenshots never do). The ImGui
  // context draws with `atlas`, which must outlive the window.
  static std::unique_ptr<GuiWindow> open(const WindowRequest& request, ImFontAtlas& atlas,
                                         std::string& error);
  ~GuiWindow();
  GuiWindow(const GuiWindow&) = delete;
  GuiWindow& operator=(const GuiWindow&) = delete;

  GLFWwindow* handle() const { return m_window; }
  void show();
  void setTitle(const std::string& title);
  bool shouldClose() const;
  float contentScale() const;
  ImVec2 size() const;             // in screen coordinates, as ImGui lays out
  ImVec2 framebufferSize() const;  // in pixels
  WindowSettings geometry() const;
  bool iconified() const;

  // Keys pressed since the last call, in order (key repeats are ignored on purpose: holding
  // the arrow key must not skip a whole routine).
  std::vector<UiKey> takeKeys();
  // Ctrl+= (1), Ctrl+- (-1) and Ctrl+0 (0) since the last call: interface scale steps.
  std::vector<int> takeZoomSteps() { return std::exchange(m_zoom, {}); }
  // True once after any input (keys, mouse, scroll, text, focus) since the last call.
  bool takeInput();
  // True once after the window was resized, exposed or rescaled since the last call.
  bool takeDamage();

  // Uploads ImGui's font atlas as a one-byte-per-texel texture (a quarter of the RGBA
  // texture ImGui's backend would make).
  void uploadFontAtlas();
  void beginFrame();
  // Clears to `background` (cheaper than a full-window quad), draws ImGui's frame, presents.
  // A presented frame redraws only what changed since the frame the back buffer holds
  // (GLX_EXT_buffer_age), the whole frame where that is unknown; an offscreen one is whole.
  void endFrame(bool present, ImU32 background);

 private:
  explicit GuiWindow(GLFWwindow* window);
  static void installCallbacks(GLFWwindow* window);
  friend struct WindowCallbacks;

  GLFWwindow* m_window = nullptr;
  std::vector<UiKey> m_keys;
  std::vector<int> m_zoom;
  bool m_input = false;
  bool m_damage = true;
  unsigned m_fontTexture = 0;

  // Redrawing only what changed (docs/benchmarks.md): the last frame's draw data, what each of
  // the last presented frames changed (newest first), and what forces a whole frame.
  struct Presenter {
    // Xlib's Display and a GLX drawable (an XID), without Xlib's macros in every includer.
    using QueryDrawable = void (*)(::_XDisplay*, unsigned long, int, unsigned int*);
    using CopySubBuffer = void (*)(::_XDisplay*, unsigned long, int, int, int, int);
    QueryDrawable queryDrawable = nullptr;  // GLX_EXT_buffer_age
    CopySubBuffer copySubBuffer = nullptr;  // GLX_MESA_copy_sub_buffer, without buffer age
  };
  struct PixelRect {
    int x, y, width, height;
  };
  Presenter presenter();
  static PixelRect pixelRect(const ImDrawData& data, const DamageRect& r);
  // Draws what changed since the frame the back buffer holds; returns the rectangles drawn.
  std::vector<DamageRect> drawChanged(ImDrawData& data, ImU32 background);
  int backBufferAge() const;
  Presenter m_present;
  DrawSnapshot m_lastFrame;
  std::deque<std::vector<DamageRect>> m_changes;
  ImU32 m_lastBackground = 0;
  ImVec2 m_lastScale{0, 0};
  bool m_wholeFrame = true;  // the font texture or the window changed
};

}  // namespace unknot
