// The floor under every GUI start-up figure: a bare GLFW + OpenGL3 + Dear ImGui program with the
// default font that draws one frame and exits. scripts/bench-gui launches it in the same Xvfb
// as unknot, so the ratio between the two is what unknot itself adds.
// Usage: unknot_bench_bare_window [--size WxH]
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
  if (argc == 3 && std::strcmp(argv[1], "--size") == 0 &&
      std::sscanf(argv[2], "%dx%d", &width, &height) != 2) {
    std::cerr << "bare_window: --size wants WxH\n";
    return 2;
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
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 150");

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  ImGui::Begin("bare");
  ImGui::TextUnformatted("one frame");
  ImGui::End();
  ImGui::Render();
  int fbWidth = 0, fbHeight = 0;
  glfwGetFramebufferSize(window, &fbWidth, &fbHeight);
  glViewport(0, 0, fbWidth, fbHeight);
  glClearColor(0.1f, 0.1f, 0.1f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  glfwSwapBuffers(window);
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  std::cerr << "gui.first_frame_unix_ms "
            << std::chrono::duration_cast<std::chrono::milliseconds>(now).count() << std::endl;

  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return 0;
}
