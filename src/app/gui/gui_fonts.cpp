#include "app/gui/gui_fonts.hpp"

#include <fontconfig/fontconfig.h>

#include <cmath>
#include <fstream>
#include <iterator>
#include <utility>

#include "ui/player_view.hpp"

namespace unknot {

namespace {

// Latin-1 plus the few symbols the views use (dashes, bullet, ellipsis, arrows, play, warning).
constexpr ImWchar kTextRanges[] = {0x0020, 0x00FF, 0x2010, 0x2027, 0x2190, 0x2193, 0x21B5, 0x21B5,
                                   0x25B6, 0x25B6, 0x26A0, 0x26A0, 0x2713, 0x2713, 0};
constexpr ImWchar kDigitRanges[] = {0x0030, 0x003A, 0};  // '0'..'9' and ':'

// Read into ImGui's allocator: the atlas takes ownership and frees the bytes in
// ClearInputData() once the glyphs are baked, so no TTF data stays resident.
void* readFontFile(const std::filesystem::path& path, int& size) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return nullptr;
  const std::streamoff length = in.tellg();
  if (length <= 0 || length > (64 << 20)) return nullptr;
  void* data = IM_ALLOC(static_cast<size_t>(length));
  in.seekg(0);
  if (!in.read(static_cast<char*>(data), length)) {
    IM_FREE(data);
    return nullptr;
  }
  size = static_cast<int>(length);
  return data;
}

float relativeChange(float a, float b) {
  return std::fabs(a - b) / std::max(1.0f, b);
}

}  // namespace

std::vector<std::optional<std::filesystem::path>> findFontFiles(
    const std::vector<const char*>& patterns) {
  std::vector<std::optional<std::filesystem::path>> found(patterns.size());
  // Loading the configuration and caches is the slow part: once for every pattern.
  FcConfig* config = FcInitLoadConfigAndFonts();
  if (!config) return found;
  for (size_t i = 0; i < patterns.size(); ++i) {
    FcPattern* query = FcNameParse(reinterpret_cast<const FcChar8*>(patterns[i]));
    if (!query) continue;
    FcConfigSubstitute(config, query, FcMatchPattern);
    FcDefaultSubstitute(query);
    FcResult result = FcResultNoMatch;
    if (FcPattern* match = FcFontMatch(config, query, &result)) {
      FcChar8* file = nullptr;
      FcBool scalable = FcFalse;
      FcPatternGetBool(match, FC_SCALABLE, 0, &scalable);
      if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch && scalable) {
        found[i] = std::filesystem::path(reinterpret_cast<const char*>(file));
      }
      FcPatternDestroy(match);
    }
    FcPatternDestroy(query);
  }
  FcConfigDestroy(config);
  return found;
}

// Building an atlas touches only the atlas and ImGui's allocator, never the context, so it can
// run beside the window's creation.
FontSet::FontSet(ImFontAtlas& atlas, FontGuess guess) : m_atlas(atlas) {
  m_worker = std::thread([this, guess] {
    const auto files = findFontFiles({"DejaVu Sans:style=Book", "DejaVu Sans:style=Bold"});
    m_regular = files[0];
    m_bold = files[1] ? files[1] : files[0];
    m_fresh = plan(guess.contentScale, guess.window, guess.interfaceScale);
  });
}

FontSet::~FontSet() {
  if (m_worker.joinable()) m_worker.join();
}

ImFont* FontSet::add(const std::optional<std::filesystem::path>& file, float size,
                     const ImWchar* ranges) {
  ImFontAtlas* atlas = &m_atlas;
  int length = 0;
  void* data = file ? readFontFile(*file, length) : nullptr;
  if (!data) {
    m_unicode = false;
    ImFontConfig config;
    config.SizePixels = std::round(std::max(13.0f, size));
    return atlas->AddFontDefault(&config);
  }
  ImFontConfig config;
  config.OversampleH = size < 24.0f ? 2 : 1;
  config.OversampleV = 1;
  config.PixelSnapH = true;
  return atlas->AddFontFromMemoryTTF(data, length, size, &config, ranges);
}

void FontSet::releaseBuildData() {
  m_atlas.ClearTexData();
  m_atlas.ClearInputData();
}

void FontSet::build(const FontSizes& sizes) {
  ImFontAtlas* atlas = &m_atlas;
  atlas->Clear();
  m_unicode = true;
  m_fonts.body = add(m_regular, sizes.body, kTextRanges);
  m_fonts.heading = add(m_bold, sizes.heading, kTextRanges);
  m_fonts.medium = add(m_regular, sizes.medium, kTextRanges);
  m_fonts.title = add(m_bold, sizes.title, kTextRanges);
  m_fonts.digits = add(m_bold, sizes.digits, kDigitRanges);
  // The texture is only as tall as the glyphs need, not the next power of two: the GL driver
  // keeps its own copy of every texel, up to half of it empty otherwise.
  atlas->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
  atlas->Build();
  m_fonts.unicode = m_unicode;
  // Layout uses the requested sizes; the built-in font is drawn scaled up to them.
  m_fonts.bodySize = sizes.body;
  m_fonts.headingSize = sizes.heading;
  m_fonts.mediumSize = sizes.medium;
  m_fonts.titleSize = sizes.title;
  m_fonts.digitsSize = sizes.digits;
  m_sizes = sizes;
  m_built = true;
}

bool FontSet::ensure(float contentScale, ImVec2 window, float interfaceScale) {
  if (m_worker.joinable()) m_worker.join();
  const bool rebuilt = plan(contentScale, window, interfaceScale);
  return std::exchange(m_fresh, false) || rebuilt;
}

bool FontSet::plan(float contentScale, ImVec2 window, float interfaceScale) {
  const ImVec2 snapped = quantizeWindowSize(window);
  FontSizes wanted = planFontSizes(contentScale, snapped, m_metrics, interfaceScale);
  if (m_built && wanted == m_sizes) return false;
  build(wanted);
  // The first build tells the real shape of the digits; plan again with it once.
  const DigitMetrics measured = measureDigits(m_fonts.digits);
  if (m_unicode && (relativeChange(measured.glyphHeight, m_metrics.glyphHeight) > 0.01f ||
                    relativeChange(measured.clockWidth, m_metrics.clockWidth) > 0.01f)) {
    m_metrics = measured;
    wanted = planFontSizes(contentScale, snapped, m_metrics, interfaceScale);
    if (!(wanted == m_sizes)) build(wanted);
  }
  return true;
}

}  // namespace unknot
