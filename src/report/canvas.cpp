#include "report/canvas.hpp"

#include <cmath>
#include <string>

namespace unknot {

namespace {

// Family and size per style. "Sans" is resolved by fontconfig (DejaVu Sans on Debian).
const char* const kFontSpecs[] = {"Sans Bold 17",  "Sans Bold 10.5", "Sans 8.5",
                                  "Sans Bold 8.5", "Sans 7",         "Sans Bold 15"};

void setColour(cairo_t* cr, Rgb colour) {
  cairo_set_source_rgb(cr, colour.r, colour.g, colour.b);
}

}  // namespace

Canvas::Canvas(cairo_t* cr) : m_cr(cr) {
  for (int i = 0; i < 6; ++i) m_fonts[i].reset(pango_font_description_from_string(kFontSpecs[i]));
}

PangoLayoutPtr Canvas::layout(std::string_view text, TextStyle style, double width, Align align) {
  PangoLayoutPtr layout(pango_cairo_create_layout(m_cr));
  pango_layout_set_font_description(layout.get(), m_fonts[static_cast<int>(style)].get());
  // Plain text, never markup: notes and target names are the user's own words.
  pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
  if (width > 0) {
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout.get(), align == Align::Centre  ? PANGO_ALIGN_CENTER
                                             : align == Align::Right ? PANGO_ALIGN_RIGHT
                                                                     : PANGO_ALIGN_LEFT);
  }
  return layout;
}

double Canvas::text(double x, double y, std::string_view text, TextStyle style, double width,
                    Align align, Rgb colour) {
  PangoLayoutPtr laid = layout(text, style, width, align);
  int w = 0, h = 0;
  pango_layout_get_size(laid.get(), &w, &h);
  double left = x;
  // Without a width, alignment is about the point given.
  if (width <= 0 && align == Align::Centre) left -= w / double(PANGO_SCALE) / 2;
  if (width <= 0 && align == Align::Right) left -= w / double(PANGO_SCALE);
  setColour(m_cr, colour);
  cairo_move_to(m_cr, left, y);
  pango_cairo_show_layout(m_cr, laid.get());
  return h / double(PANGO_SCALE);
}

double Canvas::textHeight(std::string_view text, TextStyle style, double width) {
  int w = 0, h = 0;
  pango_layout_get_size(layout(text, style, width, Align::Left).get(), &w, &h);
  return h / double(PANGO_SCALE);
}

double Canvas::textWidth(std::string_view text, TextStyle style) {
  int w = 0, h = 0;
  pango_layout_get_size(layout(text, style, 0, Align::Left).get(), &w, &h);
  return w / double(PANGO_SCALE);
}

double Canvas::lineHeight(TextStyle style) {
  int w = 0, h = 0;
  pango_layout_get_size(layout("Ag", style, 0, Align::Left).get(), &w, &h);
  return h / double(PANGO_SCALE);
}

void Canvas::line(double x0, double y0, double x1, double y1, double width, Rgb colour,
                  bool dashed) {
  cairo_save(m_cr);
  setColour(m_cr, colour);
  cairo_set_line_width(m_cr, width);
  cairo_set_line_cap(m_cr, CAIRO_LINE_CAP_ROUND);
  if (dashed) {
    const double pattern[] = {3.0, 2.5};
    cairo_set_dash(m_cr, pattern, 2, 0);
  }
  cairo_move_to(m_cr, x0, y0);
  cairo_line_to(m_cr, x1, y1);
  cairo_stroke(m_cr);
  cairo_restore(m_cr);
}

void Canvas::box(double x, double y, double w, double h, Rgb fill) {
  setColour(m_cr, fill);
  cairo_rectangle(m_cr, x, y, w, h);
  cairo_fill(m_cr);
}

void Canvas::frame(double x, double y, double w, double h, double width, Rgb colour) {
  setColour(m_cr, colour);
  cairo_set_line_width(m_cr, width);
  cairo_rectangle(m_cr, x + width / 2, y + width / 2, w - width, h - width);
  cairo_stroke(m_cr);
}

void Canvas::dot(double x, double y, double radius, Rgb colour, bool filled) {
  setColour(m_cr, colour);
  cairo_new_sub_path(m_cr);
  cairo_arc(m_cr, x, y, radius, 0, 2 * M_PI);
  if (filled) {
    cairo_fill(m_cr);
  } else {
    cairo_set_line_width(m_cr, 0.8);
    cairo_stroke(m_cr);
  }
}

void Canvas::square(double x, double y, double half, Rgb colour, bool filled) {
  setColour(m_cr, colour);
  cairo_rectangle(m_cr, x - half, y - half, 2 * half, 2 * half);
  if (filled) {
    cairo_fill(m_cr);
  } else {
    cairo_set_line_width(m_cr, 0.8);
    cairo_stroke(m_cr);
  }
}

}  // namespace unknot
