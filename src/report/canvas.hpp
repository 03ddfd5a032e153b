// A thin drawing layer over cairo and pango for the report: owned handles, text in the report's
// few styles (laid out by pango, fonts found through fontconfig), lines, boxes and colours.
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>
#include <string_view>

namespace unknot {

struct CairoSurfaceFree {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct CairoFree {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
struct GObjectFree {
  void operator()(void* object) const { g_object_unref(object); }
};
struct FontDescriptionFree {
  void operator()(PangoFontDescription* font) const { pango_font_description_free(font); }
};
using CairoSurface = std::unique_ptr<cairo_surface_t, CairoSurfaceFree>;
using Cairo = std::unique_ptr<cairo_t, CairoFree>;
using PangoLayoutPtr = std::unique_ptr<PangoLayout, GObjectFree>;
using FontDescription = std::unique_ptr<PangoFontDescription, FontDescriptionFree>;

struct Rgb {
  double r = 0, g = 0, b = 0;
};

namespace ink {
inline constexpr Rgb kText{0.1, 0.1, 0.1};
inline constexpr Rgb kDim{0.38, 0.38, 0.38};
inline constexpr Rgb kRule{0.75, 0.75, 0.75};
inline constexpr Rgb kGrid{0.88, 0.88, 0.88};
inline constexpr Rgb kAccent{0.13, 0.42, 0.40};  // teal, as the window's accent
inline constexpr Rgb kWarn{0.62, 0.22, 0.18};
}  // namespace ink

enum class TextStyle { Title, Heading, Body, Bold, Small, Figure };
enum class Align { Left, Centre, Right };

class Canvas {
 public:
  explicit Canvas(cairo_t* cr);

  // Draws `text` with its top-left (or top-centre, top-right) at (x, y), wrapped at `width`
  // when it is positive; returns the height used.
  double text(double x, double y, std::string_view text, TextStyle style, double width = 0,
              Align align = Align::Left, Rgb colour = ink::kText);
  // The height `text` would take, wrapped at `width`.
  double textHeight(std::string_view text, TextStyle style, double width);
  double textWidth(std::string_view text, TextStyle style);
  double lineHeight(TextStyle style);

  void line(double x0, double y0, double x1, double y1, double width, Rgb colour,
            bool dashed = false);
  void box(double x, double y, double w, double h, Rgb fill);
  void frame(double x, double y, double w, double h, double width, Rgb colour);
  void dot(double x, double y, double radius, Rgb colour, bool filled);
  void square(double x, double y, double half, Rgb colour, bool filled);
  cairo_t* cairo() const { return m_cr; }

 private:
  PangoLayoutPtr layout(std::string_view text, TextStyle style, double width, Align align);

  cairo_t* m_cr;
  FontDescription m_fonts[6];
};

}  // namespace unknot
