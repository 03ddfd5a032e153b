#include "app/gui/gui_window.hpp"

#define GL_GLEXT_PROTOTYPES
#include <GL/gl.h>
#include <GL/glext.h>
#include <GLFW/glfw3.h>
#define GLFW_EXPOSE_NATIVE_X11
#define GLFW_EXPOSE_NATIVE_GLX
#include <GLFW/glfw3native.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace unknot {

namespace {

std::optional<UiKey> uiKey(int key) {
  switch (key) {
    case GLFW_KEY_SPACE:
      return UiKey::Space;
    case GLFW_KEY_LEFT:
      return UiKey::Left;
    case GLFW_KEY_RIGHT:
      return UiKey::Right;
    case GLFW_KEY_UP:
      return UiKey::Up;
    case GLFW_KEY_DOWN:
      return UiKey::Down;
    case GLFW_KEY_ENTER:
    case GLFW_KEY_KP_ENTER:
      return UiKey::Enter;
    case GLFW_KEY_ESCAPE:
      return UiKey::Escape;
    case GLFW_KEY_R:
      return UiKey::R;
    case GLFW_KEY_M:
      return UiKey::M;
    case GLFW_KEY_C:
      return UiKey::C;
    case GLFW_KEY_E:
      return UiKey::E;
    case GLFW_KEY_P:
      return UiKey::P;
    case GLFW_KEY_F:
      return UiKey::F;
    case GLFW_KEY_S:
      return UiKey::S;
    case GLFW_KEY_W:
      return UiKey::W;
    case GLFW_KEY_I:
      return UiKey::I;
    case GLFW_KEY_U:
      return UiKey::U;
    case GLFW_KEY_1:
    case GLFW_KEY_KP_1:
      return UiKey::Num1;
    case GLFW_KEY_2:
    case GLFW_KEY_KP_2:
      return UiKey::Num2;
    case GLFW_KEY_3:
    case GLFW_KEY_KP_3:
      return UiKey::Num3;
    case GLFW_KEY_F1:
      return UiKey::Help;
    default:
      return std::nullopt;
  }
}

std::string lastGlfwError(const char* fallback) {
  const char* description = nullptr;
  glfwGetError(&description);
  std::string text = description && *description ? description : fallback;
  while (!text.empty() && text.back() == ' ') text.pop_back();  // X11 ends with a blank name
  return text;
}

}  // namespace

// The callbacks are installed before ImGui's, which chain to them, so both see every event.
struct WindowCallbacks {
  static GuiWindow& self(GLFWwindow* window) {
    return *static_cast<GuiWindow*>(glfwGetWindowUserPointer(window));
  }
  static void key(GLFWwindow* window, int key, int, int action, int mods) {
    GuiWindow& w = self(window);
    w.m_input = true;
    if (action != GLFW_PRESS) return;
    const bool control = mods & GLFW_MOD_CONTROL;
    if (control && (key == GLFW_KEY_EQUAL || key == GLFW_KEY_KP_ADD)) {
      w.m_zoom.push_back(1);
    } else if (control && (key == GLFW_KEY_MINUS || key == GLFW_KEY_KP_SUBTRACT)) {
      w.m_zoom.push_back(-1);
    } else if (control && (key == GLFW_KEY_0 || key == GLFW_KEY_KP_0)) {
      w.m_zoom.push_back(0);
    } else if (key == GLFW_KEY_F5 || (key == GLFW_KEY_R && control)) {
      w.m_keys.push_back(UiKey::Reload);
    } else if (const auto mapped = uiKey(key)) {
      w.m_keys.push_back(*mapped);
    }
  }
  static void focus(GLFWwindow* window, int focused) {
    GuiWindow& w = self(window);
    w.m_input = true;
    if (focused) w.m_keys.push_back(UiKey::Focus);
  }
  static void input(GLFWwindow* window) { self(window).m_input = true; }
  // "?" is read as a character: it sits on a different key in every layout.
  static void character(GLFWwindow* window, unsigned codepoint) {
    GuiWindow& w = self(window);
    w.m_input = true;
    if (codepoint == '?') w.m_keys.push_back(UiKey::Help);
  }
  static void damage(GLFWwindow* window) {
    self(window).m_damage = true;
    self(window).m_wholeFrame = true;
  }
};

void GuiWindow::installCallbacks(GLFWwindow* window) {
  glfwSetKeyCallback(window, WindowCallbacks::key);
  glfwSetCharCallback(window, WindowCallbacks::character);
  glfwSetMouseButtonCallback(window,
                             [](GLFWwindow* w, int, int, int) { WindowCallbacks::input(w); });
  glfwSetCursorPosCallback(window,
                           [](GLFWwindow* w, double, double) { WindowCallbacks::input(w); });
  glfwSetCursorEnterCallback(window, [](GLFWwindow* w, int) { WindowCallbacks::input(w); });
  glfwSetScrollCallback(window, [](GLFWwindow* w, double, double) { WindowCallbacks::input(w); });
  glfwSetWindowFocusCallback(window, WindowCallbacks::focus);
  glfwSetWindowSizeCallback(window, [](GLFWwindow* w, int, int) { WindowCallbacks::damage(w); });
  glfwSetFramebufferSizeCallback(window,
                                 [](GLFWwindow* w, int, int) { WindowCallbacks::damage(w); });
  glfwSetWindowRefreshCallback(window, [](GLFWwindow* w) { WindowCallbacks::damage(w); });
  glfwSetWindowContentScaleCallback(
      window, [](GLFWwindow* w, float, float) { WindowCallbacks::damage(w); });
  glfwSetWindowIconifyCallback(window, [](GLFWwindow* w, int) { WindowCallbacks::damage(w); });
}

namespace {

// A remembered position is used only while some monitor still shows the window's corner
// (a monitor unplugged since last time would otherwise hide the window).
bool onSomeMonitor(int x, int y) {
  int count = 0;
  GLFWmonitor** monitors = glfwGetMonitors(&count);
  for (int i = 0; i < count; ++i) {
    int mx = 0, my = 0, mw = 0, mh = 0;
    glfwGetMonitorWorkarea(monitors[i], &mx, &my, &mw, &mh);
    if (x >= mx && y >= my && x + 100 <= mx + mw && y + 60 <= my + mh) return true;
  }
  return false;
}

// Created hidden: it is moved into place and shown once the first frame is drawn, so the user
// never sees an empty window jump.
GLFWwindow* createWindow(const WindowRequest& request, std::string& error) {
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
  GLFWwindow* window = glfwCreateWindow(request.width, request.height, "unknot", nullptr, nullptr);
  if (!window) {
    error = lastGlfwError("could not create an OpenGL 3.3 window");
    return nullptr;
  }
  if (request.x && request.y && onSomeMonitor(*request.x, *request.y)) {
    glfwSetWindowPos(window, *request.x, *request.y);
  }
  glfwSetWindowSizeLimits(window, std::min(640, request.width), std::min(480, request.height),
                          GLFW_DONT_CARE, GLFW_DONT_CARE);
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);
  return window;
}

void initImGui(GLFWwindow* window, ImFontAtlas& atlas) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext(&atlas);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // geometry lives in settings.toml, nothing else to keep
  io.LogFilename = nullptr;
  io.ConfigInputTextCursorBlink = false;  // a blinking caret would need a frame every 0.5 s
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 150");
  // Create the shaders now, with a scratch atlas holding only the small default font (the real
  // one may still be building on the fonts' worker), then drop the backend's RGBA font
  // texture: uploadFontAtlas() keeps a quarter of the memory.
  ImFontAtlas scratch;
  io.Fonts = &scratch;
  ImGui_ImplOpenGL3_CreateDeviceObjects();
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  io.Fonts = &atlas;
}

}  // namespace

std::unique_ptr<GuiWindow> GuiWindow::open(const WindowRequest& request, ImFontAtlas& atlas,
                                           std::string& error) {
  if (!glfwInit()) {
    error = lastGlfwError("no display");
    return nullptr;
  }
  GLFWwindow* window = createWindow(request, error);
  if (!window) {
    glfwTerminate();
    return nullptr;
  }
  std::unique_ptr<GuiWindow> self(new GuiWindow(window));
  glfwSetWindowUserPointer(window, self.get());
  installCallbacks(window);  // before ImGui's, which chain to them
  initImGui(window, atlas);
  self->m_present = self->presenter();
  return self;
}

void GuiWindow::show() {
  if (!glfwGetWindowAttrib(m_window, GLFW_VISIBLE)) glfwShowWindow(m_window);
}

void GuiWindow::setTitle(const std::string& title) {
  glfwSetWindowTitle(m_window, title.c_str());
}

GuiWindow::GuiWindow(GLFWwindow* window) : m_window(window) {}

GuiWindow::~GuiWindow() {
  if (m_fontTexture) glDeleteTextures(1, &m_fontTexture);
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(m_window);
  glfwTerminate();
}

bool GuiWindow::shouldClose() const {
  return glfwWindowShouldClose(m_window);
}

float GuiWindow::contentScale() const {
  float x = 1, y = 1;
  glfwGetWindowContentScale(m_window, &x, &y);
  return std::max(x, y);
}

ImVec2 GuiWindow::size() const {
  int w = 0, h = 0;
  glfwGetWindowSize(m_window, &w, &h);
  return ImVec2(static_cast<float>(w), static_cast<float>(h));
}

ImVec2 GuiWindow::framebufferSize() const {
  int w = 0, h = 0;
  glfwGetFramebufferSize(m_window, &w, &h);
  return ImVec2(static_cast<float>(w), static_cast<float>(h));
}

WindowSettings GuiWindow::geometry() const {
  WindowSettings out;
  glfwGetWindowSize(m_window, &out.width, &out.height);
  int x = 0, y = 0;
  glfwGetWindowPos(m_window, &x, &y);
  out.x = x;
  out.y = y;
  return out;
}

bool GuiWindow::iconified() const {
  return glfwGetWindowAttrib(m_window, GLFW_ICONIFIED);
}

std::vector<UiKey> GuiWindow::takeKeys() {
  std::vector<UiKey> keys;
  keys.swap(m_keys);
  return keys;
}

bool GuiWindow::takeInput() {
  const bool input = m_input;
  m_input = false;
  return input;
}

bool GuiWindow::takeDamage() {
  const bool damage = m_damage;
  m_damage = false;
  return damage;
}

void GuiWindow::uploadFontAtlas() {
  m_wholeFrame = true;  // every glyph's pixels may differ while its vertices do not
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  atlas->GetTexDataAsAlpha8(&pixels, &width, &height);
  if (!m_fontTexture) glGenTextures(1, &m_fontTexture);
  glBindTexture(GL_TEXTURE_2D, m_fontTexture);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  // One byte per texel; the swizzle makes it read as white with that alpha, which is what
  // ImGui's RGBA atlas holds anyway.
  const GLint swizzle[] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
  glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
  glBindTexture(GL_TEXTURE_2D, 0);
  atlas->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(m_fontTexture)));
}

void GuiWindow::beginFrame() {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
}

void GuiWindow::endFrame(bool present, ImU32 background) {
  ImGui::Render();
  ImDrawData* data = ImGui::GetDrawData();
  const ImVec2 fb = framebufferSize();
  glViewport(0, 0, static_cast<int>(fb.x), static_cast<int>(fb.y));
  const ImVec4 clear = ImGui::ColorConvertU32ToFloat4(background);
  glClearColor(clear.x, clear.y, clear.z, 1.0f);
  if (!present) {
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(data);
    return;
  }
  const std::vector<DamageRect> drawn = drawChanged(*data, background);
  if (!m_present.copySubBuffer) {
    glfwSwapBuffers(m_window);
    return;
  }
  // Never swapped, the back buffer keeps the whole frame; only what was drawn is copied out.
  const GLXWindow drawable = glfwGetGLXWindow(m_window);
  for (const DamageRect& r : drawn) {
    const PixelRect p = pixelRect(*data, r);
    m_present.copySubBuffer(glfwGetX11Display(), drawable, p.x, p.y, p.width, p.height);
  }
}

}  // namespace unknot
