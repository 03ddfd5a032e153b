// Text from routine files, the record or the command line may hold control characters that a
// terminal obeys: an escape sequence can recolour the screen, retitle the window or write to the
// clipboard (OSC 52). The loader refuses them; whatever reaches a terminal is shown visibly.
#pragma once

#include <string>
#include <string_view>

namespace unknot {

// The first C0 control character (U+0000–U+001F), DEL or C1 control (U+0080–U+009F) in `text`,
// as "\x1b" or "\u009b"; empty when there is none. Newline and tab are allowed when
// `lineBreaks` is true (long texts may have paragraphs).
std::string firstControlCharacter(std::string_view text, bool lineBreaks);

// `text` with every control character but newline and tab written visibly ("\x1b", "\u009b"),
// so it can go to a terminal as it is.
std::string terminalSafe(std::string_view text);

}  // namespace unknot
