// The pain and tightness chart: daily means as dots, the 7-day rolling mean as a line.
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "ui/progress_charts.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace unknot {

namespace {

ImU32 trendColour(PainTrend trend) {
  switch (trend) {
    case PainTrend::Falling:
      return palette().accent;
    case PainTrend::Rising:
      return palette().warning;
    case PainTrend::Steady:
      return palette().text;
    case PainTrend::Unknown:
      break;
  }
  return palette().textDim;
}

std::string shortDate(LogicalDate date) {
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::chrono::year_month_day ymd(date);
  return std::string(kMonths[static_cast<unsigned>(ymd.month()) - 1]) + " " +
         std::to_string(static_cast<unsigned>(ymd.day()));
}

// The two series differ in marker and line as well as colour: pain is round dots on a solid
// line, tightness square dots on a dashed one.
enum class Series { Pain, Tightness };

void drawMarker(ImDrawList* list, Series series, ImVec2 centre, float dot, ImU32 colour,
                bool outlined) {
  if (series == Series::Pain) {
    list->AddCircleFilled(centre, dot, colour, 12);
    if (outlined) list->AddCircle(centre, dot, palette().background, 12, 1.5f);
    return;
  }
  const float half = dot * 0.9f;
  const ImVec2 a(centre.x - half, centre.y - half), b(centre.x + half, centre.y + half);
  list->AddRectFilled(a, b, colour);
  if (outlined) list->AddRect(a, b, palette().background, 0, 0, 1.5f);
}

void drawLine(ImDrawList* list, const std::vector<ImVec2>& line, Series series, ImU32 colour,
              float thickness) {
  if (series == Series::Pain) {
    list->AddPolyline(line.data(), static_cast<int>(line.size()), colour, 0, thickness);
    return;
  }
  const float dash = thickness * 3.0f;
  for (size_t i = 1; i < line.size(); ++i) {
    const ImVec2 a = line[i - 1], b = line[i];
    const float length = std::hypot(b.x - a.x, b.y - a.y);
    for (float t = 0; t < length; t += dash * 2) {
      const float u = t / length, v = std::min(length, t + dash) / length;
      list->AddLine(ImVec2(a.x + (b.x - a.x) * u, a.y + (b.y - a.y) * u),
                    ImVec2(a.x + (b.x - a.x) * v, a.y + (b.y - a.y) * v), colour, thickness);
    }
  }
}

// One series: the rolling mean as a line broken at gaps, the daily means as markers on top.
template <typename Daily, typename Rolling>
void drawSeries(ImDrawList* list, const ChartScale& scale, const std::vector<PainPoint>& points,
                LogicalDate first, Series series, ImU32 colour, float dot, Daily daily,
                Rolling rolling) {
  std::vector<ImVec2> line;
  const auto flush = [&] {
    if (line.size() >= 2) drawLine(list, line, series, colour, dot * 0.6f);
    line.clear();
  };
  for (const PainPoint& point : points) {
    const std::optional<double> mean = rolling(point);
    if (!mean) {
      flush();
      continue;
    }
    line.emplace_back(scale.x(daysBetween(first, point.date)), scale.y(*mean));
  }
  flush();
  for (const PainPoint& point : points) {
    if (const std::optional<double> value = daily(point)) {
      const ImVec2 centre(scale.x(daysBetween(first, point.date)), scale.y(*value));
      drawMarker(list, series, centre, dot, colour, true);
    }
  }
}

// "● pain  ● tightness  — 7-day mean" at `pos`; returns its width.
float drawKey(ImDrawList* list, const UiFonts& fonts, ImVec2 pos, bool measureOnly) {
  const float size = fonts.bodySize;
  const float dot = size * 0.3f;
  float x = pos.x;
  const float mid = pos.y + size * 0.55f;
  const auto item = [&](ImU32 colour, const char* label, bool isLine, Series series) {
    if (!measureOnly) {
      if (isLine) {
        list->AddLine(ImVec2(x, mid), ImVec2(x + size * 1.2f, mid), palette().textDim, 2.5f);
      } else {
        // The marker on a short piece of its own line, as the series is drawn.
        drawLine(list, {ImVec2(x, mid), ImVec2(x + size * 1.6f, mid)}, series, colour, dot * 0.6f);
        drawMarker(list, series, ImVec2(x + size * 0.8f, mid), dot, colour, false);
      }
    }
    x += size * (isLine ? 1.2f : 1.6f) + size * 0.35f;
    if (!measureOnly) drawText(list, fonts.body, size, ImVec2(x, pos.y), palette().textDim, label);
    x += textWidth(fonts.body, size, label) + size;
  };
  item(palette().heat, "pain", false, Series::Pain);
  item(palette().left, "tightness", false, Series::Tightness);
  item(palette().textDim, "7-day mean", true, Series::Pain);
  return x - pos.x - size;
}

}  // namespace

void drawTrendChart(const ProgressSnapshot& snapshot, const UiFonts& fonts, ImVec2 size) {
  ImDrawList* list = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float body = fonts.bodySize;

  const std::string words = trendWords(snapshot.painTrend);
  drawText(list, fonts.heading, fonts.headingSize, origin, trendColour(snapshot.painTrend.trend),
           words);
  float top = origin.y + fonts.headingSize * 1.4f;
  const float keyWidth = drawKey(list, fonts, origin, true);
  const float wordsWidth = textWidth(fonts.heading, fonts.headingSize, words);
  if (wordsWidth + keyWidth + body * 2 <= size.x) {
    drawKey(list, fonts, ImVec2(origin.x + size.x - keyWidth, origin.y + 2), false);
  } else {
    drawKey(list, fonts, ImVec2(origin.x, top), false);
    top += body * 1.6f;
  }

  const float axis = textWidth(fonts.body, body, "10") + body * 0.6f;
  ChartScale scale;
  const float dot = std::max(3.0f, body * 0.28f);
  scale.plot = Box{ImVec2(origin.x + axis + dot, top + body * 0.6f),
                   ImVec2(origin.x + size.x - dot * 2, origin.y + size.y - body * 1.7f)};
  if (scale.plot.height() < body * 3) scale.plot.max.y = scale.plot.min.y + body * 3;
  const LogicalDate first = snapshot.days.empty() ? snapshot.today : snapshot.days.front().date;
  scale.days = static_cast<int>(std::max(snapshot.days.size(), snapshot.pain.size()));

  list->AddRectFilled(ImVec2(scale.plot.min.x - dot, scale.plot.min.y - body * 0.3f),
                      ImVec2(scale.plot.max.x + dot, scale.plot.max.y + body * 0.3f),
                      palette().panel, body * 0.3f);
  for (int score = 0; score <= kMaxScore; score += 2) {
    const float y = std::round(scale.y(score));
    list->AddLine(ImVec2(scale.plot.min.x - dot, y), ImVec2(scale.plot.max.x + dot, y),
                  score == 0 ? palette().neutralPill : palette().track, 1.0f);
    const std::string label = std::to_string(score);
    drawText(list, fonts.body, body,
             ImVec2(origin.x + axis - body * 0.4f - textWidth(fonts.body, body, label),
                    y - body * 0.55f),
             palette().textFaint, label);
  }
  // Today as a faint vertical line, so the empty future of the plan reads as "not yet".
  if (const int today = daysBetween(first, snapshot.today); today >= 0 && today < scale.days) {
    const float x = std::round(scale.x(today));
    list->AddLine(ImVec2(x, scale.plot.min.y), ImVec2(x, scale.plot.max.y), palette().textFaint,
                  1.0f);
  }
  drawSeries(
      list, scale, snapshot.pain, first, Series::Tightness, palette().left, dot,
      [](const PainPoint& p) { return p.tightness; },
      [](const PainPoint& p) { return p.tightness7; });
  drawSeries(
      list, scale, snapshot.pain, first, Series::Pain, palette().heat, dot,
      [](const PainPoint& p) { return p.pain; }, [](const PainPoint& p) { return p.pain7; });

  const float labelTop = scale.plot.max.y + body * 0.45f;
  drawText(list, fonts.body, body, ImVec2(scale.plot.min.x - dot, labelTop), palette().textFaint,
           shortDate(first));
  const std::string last = shortDate(first + std::chrono::days(std::max(0, scale.days - 1)));
  drawText(list, fonts.body, body,
           ImVec2(scale.plot.max.x + dot - textWidth(fonts.body, body, last), labelTop),
           palette().textFaint, last);
  if (snapshot.pain.empty() ||
      std::none_of(snapshot.pain.begin(), snapshot.pain.end(),
                   [](const PainPoint& p) { return p.pain.has_value(); })) {
    drawTextCentered(list, fonts.body, body, scale.plot.center().x,
                     scale.plot.center().y - body * 0.6f, palette().textDim,
                     "No check-ins yet: press C to log how you feel");
  }
  ImGui::Dummy(ImVec2(size.x, std::max(size.y, labelTop + body * 1.3f - origin.y)));
}

}  // namespace unknot
