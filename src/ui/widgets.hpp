// Drawing helpers shared by the views: text measured and placed by hand (centred, wrapped,
// shrunk to fit), pills and progress bars. They draw into an ImDrawList and hold no state.
#pragma once

#include <string>
#include <string_view>

#include "ui/ui_types.hpp"

namespace unknot {

float textWidth(ImFont* font, float size, std::string_view text);

// Largest size <= `size` at which `text` fits in `maxWidth` on one line.
float fitTextSize(ImFont* font, float size, std::string_view text, float maxWidth);

void drawText(ImDrawList* list, ImFont* font, float size, ImVec2 pos, ImU32 colour,
              std::string_view text);

// `text` cut to fit `width` on one line, ending in `ellipsis` when it was cut (UTF-8 safe).
std::string truncated(ImFont* font, float size, std::string text, float width,
                      const char* ellipsis);

// Centres `text` horizontally on `centerX` with its line top at `top`.
void drawTextCentered(ImDrawList* list, ImFont* font, float size, float centerX, float top,
                      ImU32 colour, std::string_view text);

// Lines `text` breaks into at `width` (word wrap, explicit newlines kept).
int wrappedLineCount(ImFont* font, float size, std::string_view text, float width);

// Word-wraps `text` into `box`, centred or left-aligned; lines that do not fit are dropped
// and the last visible line ends in an ellipsis. Returns the height used.
float drawWrapped(ImDrawList* list, ImFont* font, float size, const Box& box, ImU32 colour,
                  std::string_view text, bool centered, const char* ellipsis);

// A rounded label; returns its width. Height is size * kPillHeight.
inline constexpr float kPillHeight = 1.35f;
float pillWidth(ImFont* font, float size, std::string_view text);
float drawPill(ImDrawList* list, ImFont* font, float size, ImVec2 pos, ImU32 background,
               ImU32 foreground, std::string_view text);

void drawBar(ImDrawList* list, const Box& box, float fraction, ImU32 track, ImU32 fill);

}  // namespace unknot
