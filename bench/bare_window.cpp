// The floor under every GUI start-up figure: a bare GLFW + OpenGL3 + Dear ImGui program with the
// default font that draws one frame and exits. scripts/bench-gui launches it in the same Xvfb
// as unknot, so the ratio between the two is what unknot itself adds.
// Usage: unknot_bench_bare_window [--size WxH] [--tick SECONDS]
// Prints "gui.first_frame_unix_ms N" to stderr after the first frame is swapped, as unknot
// --gui-stats does.
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>

int main(int argc, char** argv) {
  int width = 1280, height = 800;
  int tickSeconds = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    const bool size = std::strcmp(argv[i], "--size") == 0;
    const bool tick = std::strcmp(argv[i], "--tick") == 0;
    if ((size && std::sscanf(argv[i + 1], "%dx%d", &width, &height) != 2) ||
        (tick && std::sscanf(argv[i + 1], "%d", &tickSeconds) != 1) || (!size && !tick)) {
      std::cerr << "bare_window: usage: unknot_bench_bare_window [--size WxH] [--tick SECONDS]\n";
      return 2;
    }
  }
  if (!glfwInit()) {
    std::cerr << "bare_window: no display\n";
    return 1;
  }
  // The same context and window hints as unknot's window, so only unknot's own work differs.
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  GLFWwindow* window = glfwCreateWindow(width, height, "bare", nullptr, nullptr);
  if (!window) {
    std::cerr << "bare_window: cannot create a window\n";
    glfwTerminate();
    return 1;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // as unknot: no imgui.ini left in the bench's folder
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 150");

  const auto drawFrame = [&](int second) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    ImGui::Begin("bare");
    ImGui::Text("frame %d", second);
    ImGui::End();
    ImGui::Render();
    int fbWidth = 0, fbHeight = 0;
    glfwGetFramebufferSize(window, &fbWidth, &fbHeight);
    glViewport(0, 0, fbWidth, fbHeight);
    glClearColor(0.1f, 0.1f, 0.1f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(window);
  };
  drawFrame(0);
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  std::cerr << "gui.first_frame_unix_ms "
            << std::chrono::duration_cast<std::chrono::milliseconds>(now).count() << std::endl;
  // --tick: one frame a second, as a timer's window draws, for the floor of the running CPU
  // figure (what any ImGui window that redraws each second costs on this renderer).
  const auto start = std::chrono::steady_clock::now();
  for (int second = 1; second <= tickSeconds && !glfwWindowShouldClose(window); ++second) {
    const auto due = start + std::chrono::seconds(second);
    while (std::chrono::steady_clock::now() < due)
      glfwWaitEventsTimeout(
          std::chrono::duration<double>(due - std::chrono::steady_clock::now()).count());
    drawFrame(second);
  }

  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return 0;
}
