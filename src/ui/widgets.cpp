#include "ui/widgets.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace unknot {

namespace {

bool isSpace(char c) {
  return c == ' ' || c == '\t';
}

struct Line {
  const char* begin;
  const char* end;
};

// Same rule as ImGui's own wrapped text: break at the position ImFont suggests, then skip
// the blanks that start the next line.
std::vector<Line> wrapLines(ImFont* font, float size, std::string_view text, float width) {
  std::vector<Line> lines;
  const float scale = size / font->FontSize;
  const char* cursor = text.data();
  const char* end = text.data() + text.size();
  while (cursor < end) {
    const char* newline = std::find(cursor, end, '\n');
    const char* lineEnd = font->CalcWordWrapPositionA(scale, cursor, newline, width);
    if (lineEnd == cursor) lineEnd = std::min(newline, cursor + 1);  // one over-wide glyph
    const char* trimmed = lineEnd;
    while (trimmed > cursor && isSpace(trimmed[-1])) --trimmed;
    lines.push_back({cursor, trimmed});
    cursor = lineEnd;
    while (cursor < end && isSpace(*cursor)) ++cursor;
    if (cursor < end && *cursor == '\n') ++cursor;
  }
  return lines;
}

}  // namespace

float textWidth(ImFont* font, float size, std::string_view text) {
  return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
}

float fitTextSize(ImFont* font, float size, std::string_view text, float maxWidth) {
  const float width = textWidth(font, size, text);
  if (width <= maxWidth || width <= 0.0f) return size;
  return std::max(1.0f, size * maxWidth / width);
}

void drawText(ImDrawList* list, ImFont* font, float size, ImVec2 pos, ImU32 colour,
              std::string_view text) {
  list->AddText(font, size, pos, colour, text.data(), text.data() + text.size());
}

void drawTextCentered(ImDrawList* list, ImFont* font, float size, float centerX, float top,
                      ImU32 colour, std::string_view text) {
  const float width = textWidth(font, size, text);
  drawText(list, font, size, ImVec2(std::floor(centerX - width * 0.5f), top), colour, text);
}

int wrappedLineCount(ImFont* font, float size, std::string_view text, float width) {
  return static_cast<int>(wrapLines(font, size, text, width).size());
}

float drawWrapped(ImDrawList* list, ImFont* font, float size, const Box& box, ImU32 colour,
                  std::string_view text, bool centered, const char* ellipsis) {
  const std::vector<Line> lines = wrapLines(font, size, text, box.width());
  const float lineHeight = size * 1.2f;
  const int fit = std::max(0, static_cast<int>(box.height() / lineHeight));
  const int shown = std::min<int>(fit, static_cast<int>(lines.size()));
  for (int i = 0; i < shown; ++i) {
    std::string line(lines[i].begin, lines[i].end);
    if (i == shown - 1 && shown < static_cast<int>(lines.size())) {
      const float room = box.width() - textWidth(font, size, ellipsis);
      while (!line.empty() && textWidth(font, size, line) > room) line.pop_back();
      while (!line.empty() && (static_cast<unsigned char>(line.back()) & 0xC0) == 0x80) {
        line.pop_back();  // never leave half a UTF-8 sequence
      }
      if (!line.empty()) line.pop_back();
      line += ellipsis;
    }
    const float top = box.min.y + lineHeight * i;
    if (centered) {
      drawTextCentered(list, font, size, box.center().x, top, colour, line);
    } else {
      drawText(list, font, size, ImVec2(box.min.x, top), colour, line);
    }
  }
  return lineHeight * shown;
}

float pillWidth(ImFont* font, float size, std::string_view text) {
  return textWidth(font, size, text) + size * 1.1f;
}

float drawPill(ImDrawList* list, ImFont* font, float size, ImVec2 pos, ImU32 background,
               ImU32 foreground, std::string_view text) {
  const float width = pillWidth(font, size, text);
  const float height = size * kPillHeight;
  list->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), background, height * 0.5f);
  drawText(list, font, size, ImVec2(pos.x + size * 0.55f, pos.y + (height - size) * 0.5f),
           foreground, text);
  return width;
}

void drawBar(ImDrawList* list, const Box& box, float fraction, ImU32 track, ImU32 fill) {
  const float rounding = box.height() * 0.5f;
  list->AddRectFilled(box.min, box.max, track, rounding);
  fraction = std::clamp(fraction, 0.0f, 1.0f);
  if (fraction <= 0.0f) return;
  const float width = std::max(box.height(), box.width() * fraction);
  list->AddRectFilled(box.min, ImVec2(box.min.x + width, box.max.y), fill, rounding);
}

std::string truncated(ImFont* font, float size, std::string text, float width,
                      const char* ellipsis) {
  if (textWidth(font, size, text) <= width) return text;
  const float room = width - textWidth(font, size, ellipsis);
  while (!text.empty() && textWidth(font, size, text) > room) text.pop_back();
  while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
  if (!text.empty()) text.pop_back();
  return text + ellipsis;
}

}  // namespace unknot
