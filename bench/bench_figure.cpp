// Measures the pose figures: loading the bundled pose library and drawing one figure into an
// ImGui draw list (forward kinematics, floor placement, projection and the draw calls), still
// and between keyframes. Prints `name value unit [target]` lines for scripts/bench.
// Usage: unknot_bench_figure [SOURCE_DIR]
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <vector>

#include "core/figure/pose_loader.hpp"
#include "ui/figure_view.hpp"

namespace {

using namespace unknot;
using Clock = std::chrono::steady_clock;

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

double microsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::micro>(Clock::now() - start).count();
}

// A context with no window or renderer: the figure only fills a draw list, which is the part
// of a frame it costs on the CPU.
struct Context {
  Context() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 800);
    io.DeltaTime = 1.0f / 60.0f;
    io.Fonts->AddFontDefault();
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
  }
  ~Context() { ImGui::DestroyContext(); }
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;
};

// Median microseconds per figure over every pose, both sides, `frames` frames each; a figure
// the size the player gives it at 1280x800 (a third of the height).
double benchDraw(const std::vector<const figure::Pose*>& poses, bool tween) {
  std::vector<double> times;
  for (int frame = 0; frame < 60; ++frame) {
    for (const figure::Pose* pose : poses) {
      for (figure::BodySide side : {figure::BodySide::Right, figure::BodySide::Left}) {
        const figure::Bounds bounds = figure::poseBounds(*pose, side);
        const size_t last = pose->keyframes.size() - 1;
        FigureFrame at{0, tween ? last : 0, tween ? static_cast<float>(frame) / 59.0f : 0, side};
        ImGui::NewFrame();
        ImDrawList& list = *ImGui::GetBackgroundDrawList();
        const auto start = Clock::now();
        drawFigure(list, ImVec2(40, 200), ImVec2(440, 500), *pose, at, bounds);
        times.push_back(microsSince(start));
        ImGui::Render();
      }
    }
  }
  return median(times);
}

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path source = argc > 1 ? argv[1] : UNKNOT_SOURCE_DIR;
  std::vector<double> loads;
  figure::PoseLibrary library;
  for (int run = 0; run < 10; ++run) {
    const auto start = Clock::now();
    library = figure::PoseLibrary::load({source / "assets" / "poses"});
    loads.push_back(microsSince(start) / 1000);
  }
  std::vector<const figure::Pose*> poses;
  for (const figure::PoseEntry& entry : library.entries())
    if (entry.pose) poses.push_back(&*entry.pose);
  if (poses.empty()) {
    std::fprintf(stderr, "bench: no poses in %s\n", (source / "assets" / "poses").c_str());
    return 1;
  }
  Context context;
  std::printf("figure.load_pose_library_ms %.2f ms (median of 10, %zu poses)\n", median(loads),
              poses.size());
  std::printf(
      "figure.draw_us %.1f us (median, a keyframe, every pose and side; target <= 200 us)\n",
      benchDraw(poses, false));
  std::printf("figure.draw_tween_us %.1f us (median, between keyframes; target <= 200 us)\n",
              benchDraw(poses, true));
  return 0;
}
