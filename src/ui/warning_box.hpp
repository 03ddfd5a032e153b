// How warnings (red flags) look wherever they show: urgent ones in a deep red box that cannot
// be missed, the others in an amber-edged panel, each with its title and advice; and the
// one-line banner the library keeps until the flags are down.
#pragma once

#include <string>
#include <vector>

#include "core/recovery/red_flags.hpp"
#include "ui/ui_types.hpp"

namespace unknot {

// Height of `text` wrapped at `width`.
float wrappedTextHeight(ImFont* font, float size, std::string_view text, float width);

struct WarningBoxText {
  std::string title;   // the box's heading
  std::string footer;  // a closing line in bold (what to do today); may be empty
  std::string note;    // a last line in plain text ("not medical advice"); may be empty
};

// "Get emergency care today" for urgent flags; "Please get this checked" (or "these") when a
// flag asks for a professional; "Please take it easy" for the pain rules that say ease off.
WarningBoxText warningBoxText(const std::vector<RedFlag>& flags, bool urgent);

// Height drawWarningBox takes for `flags` at `width`.
float warningBoxHeight(const std::vector<RedFlag>& flags, const WarningBoxText& text,
                       const UiFonts& fonts, float width);

// A box at the cursor holding each flag's title and advice, then the footer; reserves its
// height. `urgent` draws the red style. Nothing when `flags` is empty.
void drawWarningBox(const std::vector<RedFlag>& flags, const WarningBoxText& text,
                    const UiFonts& fonts, float width, bool urgent);

// The flags as the Progress view shows them: the urgent ones in their own red box first, then
// the others; the "not medical advice" line closes the last box.
void drawWarningBoxes(const std::vector<RedFlag>& flags, const UiFonts& fonts, float width);

// One line for the library: the most pressing flag's title and how many more, e.g.
// "Urgent: fever or feeling unwell with the pain  (+1 more)  -  P for the advice".
std::string warningBannerText(const std::vector<RedFlag>& flags);

// The banner, `height` tall at `pos`; red when any flag is urgent, amber otherwise. True when
// clicked (the library opens the Progress view with the advice).
bool drawWarningBanner(const std::vector<RedFlag>& flags, const UiFonts& fonts, ImVec2 pos,
                       float width, float height);

}  // namespace unknot
