#include "ui/player_layout.hpp"

#include <algorithm>
#include <cmath>

#include "core/settings.hpp"

namespace unknot {

namespace {

constexpr float kSizeStep = 1.05f;
constexpr float kDigitShareOfHeight = 0.34f;  // the brief asks for >= 0.25
constexpr float kDigitShareOfWidth = 0.92f;
constexpr float kChromeShareOfHeight = 0.62f;  // text rows may take this much, the clock the rest
// Beside a figure column the clock is sized to this share of the height, the brief's quarter
// with a little to spare for rounding.
constexpr float kDigitShareBesideFigure = 0.26f;
constexpr float kMinFigureColumn = 0.2f;  // of the width; narrower reads worse than below
constexpr float kMaxFigureColumn = 0.42f;

float quantize(float value) {
  if (value <= 1.0f) return 1.0f;
  const float steps = std::round(std::log(value) / std::log(kSizeStep));
  return std::round(std::pow(kSizeStep, steps));
}

Box row(float left, float right, float top, float height) {
  return Box{ImVec2(left, top), ImVec2(right, top + std::max(0.0f, height))};
}

// Heights of everything on the player except the digits and the instruction text, which
// share what is left.
struct Rows {
  float margin, gap, topBar, title, phaseBar, controls, overall, next;
  float chrome() const {
    return 2 * margin + topBar + title + phaseBar + controls + overall + next + gap * 9.5f;
  }
};

Rows rowsFor(const FontSizes& f, ImVec2 window) {
  Rows r;
  r.margin = std::round(std::max(f.body, std::min(window.x, window.y) * 0.025f));
  r.gap = std::round(f.medium * 0.45f);
  r.topBar = f.medium * 1.2f;
  r.title = f.title * kTitleRowHeight;
  r.phaseBar = std::max(6.0f, std::round(f.medium * 0.4f));
  r.controls = std::round(f.body * 2.3f);
  r.overall = std::round(f.medium * 1.25f + std::max(4.0f, f.medium * 0.25f));
  r.next = std::round(f.medium * 1.25f);
  return r;
}

float minTextHeight(const FontSizes& f) {
  return f.body * 1.2f * 2;
}

}  // namespace

float figureColumnWidth(ImVec2 window, float margin, float gap, const DigitMetrics& digits) {
  const float clock = kDigitShareBesideFigure * window.y / digits.glyphHeight * digits.clockWidth;
  const float column = window.x - 2 * margin - gap * 2 - clock;
  if (column < kMinFigureColumn * window.x) return 0;
  return std::floor(std::min(column, kMaxFigureColumn * window.x));
}

ImVec2 quantizeWindowSize(ImVec2 window) {
  return {quantize(window.x), quantize(window.y)};
}

double steppedInterfaceScale(double scale, int step) {
  if (step == 0) return 1.0;
  const double next = std::round(scale * 10.0 + step) / 10.0;
  return std::clamp(next, kMinInterfaceScale, kMaxInterfaceScale);
}

FontSizes planFontSizes(float contentScale, ImVec2 window, const DigitMetrics& digits,
                        float interfaceScale) {
  const float user = std::clamp(interfaceScale, 0.5f, 4.0f);
  const float scale = std::clamp(contentScale, 0.5f, 4.0f) * user;
  const float w = std::max(window.x, 200.0f), h = std::max(window.y, 150.0f);
  FontSizes sizes;
  // Body text follows the monitor's scale but grows on large windows, so a maximised 4K
  // window is not full of tiny buttons.
  sizes.body = std::round(std::max(15.0f * scale, user * std::min(h / 46.0f, w / 60.0f)));
  sizes.medium = std::round(std::max(sizes.body * 1.15f, user * std::min(h * 0.036f, w * 0.03f)));
  sizes.title = std::round(std::max(sizes.medium * 1.3f, user * std::min(h * 0.062f, w * 0.05f)));
  // A small window on a high-DPI screen: shrink the text so the clock keeps its share.
  const float budget = kChromeShareOfHeight * h - minTextHeight(sizes);
  const float chrome = rowsFor(sizes, {w, h}).chrome();
  if (chrome > budget) {
    const float k = budget / chrome;
    // Text the person asked to be larger (display.scale) keeps at least that size.
    sizes.body = std::max({10.0f, std::floor(sizes.body * k), std::min(sizes.body, 15.0f * user)});
    sizes.medium = std::max(sizes.body, std::floor(sizes.medium * k));
    sizes.title = std::max(sizes.medium, std::floor(sizes.title * k));
  }
  sizes.heading = std::round(sizes.body * 1.4f);
  const float room = h - rowsFor(sizes, {w, h}).chrome() - minTextHeight(sizes);
  const float byHeight = std::min(kDigitShareOfHeight * h, room) / digits.glyphHeight;
  float byWidth = kDigitShareOfWidth * w / digits.clockWidth;
  const Rows rows = rowsFor(sizes, {w, h});
  if (const float column = figureColumnWidth({w, h}, rows.margin, rows.gap, digits); column > 0) {
    byWidth = std::min(byWidth, (w - 2 * rows.margin - 2 * rows.gap - column) / digits.clockWidth);
  }
  sizes.digits = std::max(10.0f, std::floor(std::min(byHeight, byWidth)));
  return sizes;
}

PlayerLayout layoutPlayer(ImVec2 window, const FontSizes& fonts, const DigitMetrics& digits,
                          bool figure) {
  PlayerLayout out;
  const Rows rows = rowsFor(fonts, window);
  const float m = rows.margin;
  out.margin = m;
  const float gap = rows.gap;
  const float digitWidth = fonts.digits * digits.clockWidth;
  // The figure column never takes width the clock needs, whatever size the fonts were made at.
  const float column = figure ? std::min(figureColumnWidth(window, m, gap, digits),
                                         window.x - 2 * m - 2 * gap - digitWidth)
                              : 0.0f;
  const bool beside = column > 0;
  const float left = beside ? m + column + 2 * gap : m, right = window.x - m;

  // Top down: counters, title row, digits, phase bar.
  float y = m;
  out.topBar = row(m, right, y, rows.topBar);
  y = out.topBar.max.y + gap;
  out.title = row(left, right, y, rows.title);
  y = out.title.max.y + gap * 1.5f;
  const float digitHeight = std::round(fonts.digits * digits.glyphHeight);
  const float cx = (left + right) * 0.5f;
  out.digits =
      Box{ImVec2(cx - digitWidth * 0.5f, y), ImVec2(cx + digitWidth * 0.5f, y + digitHeight)};
  y = out.digits.max.y + gap * 2.0f;
  const float barWidth = std::min(right - left, std::max(digitWidth, (right - left) * 0.6f));
  out.phaseBar =
      Box{ImVec2(cx - barWidth * 0.5f, y), ImVec2(cx + barWidth * 0.5f, y + rows.phaseBar)};
  const float textTop = out.phaseBar.max.y + gap * 1.5f;

  // Bottom up: controls, overall progress, next up; the instruction text takes what is left.
  float bottom = window.y - m;
  out.controls = row(m, right, bottom - rows.controls, rows.controls);
  bottom = out.controls.min.y - gap * 1.5f;
  out.overall = row(m, right, bottom - rows.overall, rows.overall);
  bottom = out.overall.min.y - gap;
  out.next = row(left, right, bottom - rows.next, rows.next);
  bottom = out.next.min.y - gap;
  if (beside) {
    out.figure = Box{ImVec2(m, out.title.min.y), ImVec2(m + column, out.next.max.y)};
  } else if (figure) {
    // Too narrow for a column: the figure takes the left part of the instruction rows.
    const float height = std::max(0.0f, bottom - textTop);
    const float width = std::floor(std::min((right - left) * 0.45f, height * 1.8f));
    out.figure = Box{ImVec2(left, textTop), ImVec2(left + width, textTop + height)};
  }
  const float textLeft = !beside && figure ? out.figure.max.x + gap : left;
  const float textWidth = std::min(right - textLeft, fonts.medium * 38.0f);
  const float textCentre = (textLeft + right) * 0.5f;
  out.text = Box{ImVec2(textCentre - textWidth * 0.5f, textTop),
                 ImVec2(textCentre + textWidth * 0.5f, std::max(textTop, bottom))};
  return out;
}

}  // namespace unknot
