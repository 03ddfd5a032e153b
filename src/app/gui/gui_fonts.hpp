// Fonts for the views: DejaVu Sans found through fontconfig (ImGui's built-in font when it is
// missing), rasterised at sizes planned from the window and the monitor's content scale. The
// atlas is rebuilt only when the planned sizes change, and the countdown font holds only the
// digits and ':' so even 4K-sized digits keep the atlas small. The first atlas is built on a
// worker thread while the window and its OpenGL context are created, so the first frame finds it
// ready.
#pragma once

#include <filesystem>
#include <optional>
#include <thread>
#include <vector>

#include "ui/player_layout.hpp"
#include "ui/ui_types.hpp"

namespace unknot {

// Paths of the scalable fonts fontconfig picks for each pattern (e.g. "DejaVu Sans:style=Bold").
std::vector<std::optional<std::filesystem::path>> findFontFiles(
    const std::vector<const char*>& patterns);

// The sizes the first frame will most likely want, known before the window exists.
struct FontGuess {
  float contentScale = 1.0f;  // X11 and most desktops: 1 unless the user set a larger DPI
  ImVec2 window{1280, 800};   // the size asked of the window manager
  float interfaceScale = 1.0f;
};

class FontSet {
 public:
  // Starts looking the font files up and rasterising them for `guess` into `atlas`, which must
  // outlive this set and the ImGui context drawing with it; nothing else may touch `atlas`
  // until the first ensure().
  FontSet(ImFontAtlas& atlas, FontGuess guess);
  ~FontSet();
  FontSet(const FontSet&) = delete;
  FontSet& operator=(const FontSet&) = delete;

  // Plans sizes for this window and rebuilds the atlas when they changed (the first call waits
  // for the worker, and rebuilds only when the guess was wrong). Returns true when the atlas
  // is new: the caller uploads it, then calls releaseBuildData().
  // `interfaceScale` multiplies the monitor's content scale: the fonts are rasterised at the
  // scaled size, never stretched.
  bool ensure(float contentScale, ImVec2 window, float interfaceScale = 1.0f);
  // Frees the atlas pixels and the TTF bytes once the texture is on the GPU (about 5 MB).
  void releaseBuildData();

  const UiFonts& fonts() const { return m_fonts; }
  const FontSizes& sizes() const { return m_sizes; }

 private:
  void build(const FontSizes& sizes);
  bool plan(float contentScale, ImVec2 window, float interfaceScale);
  ImFont* add(const std::optional<std::filesystem::path>& file, float size, const ImWchar* ranges);

  ImFontAtlas& m_atlas;
  std::optional<std::filesystem::path> m_regular, m_bold;
  bool m_unicode = true;  // false once any font fell back to ImGui's built-in one
  UiFonts m_fonts;
  FontSizes m_sizes;
  DigitMetrics m_metrics;
  bool m_built = false;
  bool m_fresh = false;  // built by the worker, not yet handed out by ensure()
  std::thread m_worker;  // last: joined before anything it writes goes away
};

}  // namespace unknot
