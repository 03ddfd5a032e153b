// Fonts for the views: DejaVu Sans found through fontconfig (ImGui's built-in font when it is
// missing), rasterised at sizes planned from the window and the monitor's content scale. The
// atlas is rebuilt only when the planned sizes change, and the countdown font holds only the
// digits and ':' so even 4K-sized digits keep the atlas small.
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include "ui/player_layout.hpp"
#include "ui/ui_types.hpp"

namespace unknot {

// Paths of the scalable fonts fontconfig picks for each pattern (e.g. "DejaVu Sans:style=Bold").
std::vector<std::optional<std::filesystem::path>> findFontFiles(
    const std::vector<const char*>& patterns);

class FontSet {
 public:
  FontSet();  // looks the font files up once

  // Plans sizes for this window and rebuilds the atlas when they changed. Returns true after
  // a rebuild: the caller uploads the atlas, then calls releaseBuildData().
  // `interfaceScale` multiplies the monitor's content scale: the fonts are rasterised at the
  // scaled size, never stretched.
  bool ensure(float contentScale, ImVec2 window, float interfaceScale = 1.0f);
  // Frees the atlas pixels and the TTF bytes once the texture is on the GPU (about 5 MB).
  void releaseBuildData();

  const UiFonts& fonts() const { return m_fonts; }
  const FontSizes& sizes() const { return m_sizes; }

 private:
  void build(const FontSizes& sizes);
  ImFont* add(const std::optional<std::filesystem::path>& file, float size, const ImWchar* ranges);

  std::optional<std::filesystem::path> m_regular, m_bold;
  bool m_unicode = true;  // false once any font fell back to ImGui's built-in one
  UiFonts m_fonts;
  FontSizes m_sizes;
  DigitMetrics m_metrics;
  bool m_built = false;
};

}  // namespace unknot
