#include "app/gui_window.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

namespace unknot {

namespace {

std::optional<UiKey> uiKey(int key) {
  switch (key) {
    case GLFW_KEY_SPACE: return UiKey::Space;
    case GLFW_KEY_LEFT: return UiKey::Left;
    case GLFW_KEY_RIGHT: return UiKey::Right;
    case GLFW_KEY_UP: return UiKey::Up;
    case GLFW_KEY_DOWN: return UiKey::Down;
    case GLFW_KEY_ENTER:
    case GLFW_KEY_KP_ENTER: return UiKey::Enter;
    case GLFW_KEY_ESCAPE: return UiKey::Escape;
    case GLFW_KEY_R: return UiKey::R;
    default: return std::nullopt;
  }
}

// GLFW reports errors through a callback; keep the last one for the one-line message.
thread_local std::string t_lastGlfwError;

void onGlfwError(int, const char* description) { t_lastGlfwError = description ? description : ""; }

}  // namespace

// The callbacks are installed before ImGui's, which chain to them, so both see every event.
struct WindowCallbacks {
  static GuiWindow& self(GLFWwindow* window) {
    return *static_cast<GuiWindow*>(glfwGetWindowUserPointer(window));
  }
  static void key(GLFWwindow* window, int key, int, int action, int) {
    GuiWindow& w = self(window);
    w.m_input = true;
    if (action != GLFW_PRESS) return;
    if (const auto mapped = uiKey(key)) w.m_keys.push_back(*mapped);
  }
  static void input(GLFWwindow* window) { self(window).m_input = true; }
  static void damage(GLFWwindow* window) { self(window).m_damage = true; }
};

void GuiWindow::installCallbacks(GLFWwindow* window) {
  glfwSetKeyCallback(window, WindowCallbacks::key);
  glfwSetCharCallback(window, [](GLFWwindow* w, unsigned) { WindowCallbacks::input(w); });
  glfwSetMouseButtonCallback(window, [](GLFWwindow* w, int, int, int) { WindowCallbacks::input(w); });
  glfwSetCursorPosCallback(window, [](GLFWwindow* w, double, double) { WindowCallbacks::input(w); });
  glfwSetCursorEnterCallback(window, [](GLFWwindow* w, int) { WindowCallbacks::input(w); });
  glfwSetScrollCallback(window, [](GLFWwindow* w, double, double) { WindowCallbacks::input(w); });
  glfwSetWindowFocusCallback(window, [](GLFWwindow* w, int) { WindowCallbacks::input(w); });
  glfwSetWindowSizeCallback(window, [](GLFWwindow* w, int, int) { WindowCallbacks::damage(w); });
  glfwSetFramebufferSizeCallback(window, [](GLFWwindow* w, int, int) { WindowCallbacks::damage(w); });
  glfwSetWindowRefreshCallback(window, [](GLFWwindow* w) { WindowCallbacks::damage(w); });
  glfwSetWindowContentScaleCallback(window,
                                    [](GLFWwindow* w, float, float) { WindowCallbacks::damage(w); });
  glfwSetWindowIconifyCallback(window, [](GLFWwindow* w, int) { WindowCallbacks::damage(w); });
}

std::unique_ptr<GuiWindow> GuiWindow::open(const WindowRequest& request, std::string& error) {
  glfwSetErrorCallback(onGlfwError);
  if (!glfwInit()) {
    error = t_lastGlfwError.empty() ? "no display" : t_lastGlfwError;
    return nullptr;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 2);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_VISIBLE, request.visible ? GLFW_TRUE : GLFW_FALSE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  GLFWwindow* window =
      glfwCreateWindow(request.width, request.height, "unknot", nullptr, nullptr);
  if (!window) {
    error = t_lastGlfwError.empty() ? "could not create an OpenGL 3.2 window" : t_lastGlfwError;
    glfwTerminate();
    return nullptr;
  }
  if (request.x && request.y) glfwSetWindowPos(window, *request.x, *request.y);
  glfwSetWindowSizeLimits(window, 640, 480, GLFW_DONT_CARE, GLFW_DONT_CARE);
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);

  std::unique_ptr<GuiWindow> self(new GuiWindow(window));
  glfwSetWindowUserPointer(window, self.get());
  installCallbacks(window);
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // geometry lives in settings.toml, nothing else to keep
  io.LogFilename = nullptr;
  io.ConfigInputTextCursorBlink = false;  // a blinking caret would need a frame every 0.5 s
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 150");
  return self;
}

GuiWindow::GuiWindow(GLFWwindow* window) : m_window(window) {}

GuiWindow::~GuiWindow() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(m_window);
  glfwTerminate();
}

bool GuiWindow::shouldClose() const { return glfwWindowShouldClose(m_window); }

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

bool GuiWindow::iconified() const { return glfwGetWindowAttrib(m_window, GLFW_ICONIFIED); }

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

void GuiWindow::beginFrame() {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
}

void GuiWindow::endFrame(bool present) {
  ImGui::Render();
  const ImVec2 fb = framebufferSize();
  glViewport(0, 0, static_cast<int>(fb.x), static_cast<int>(fb.y));
  glClearColor(0.07f, 0.086f, 0.106f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  if (present) glfwSwapBuffers(m_window);
}

}  // namespace unknot
