#include "core/safe_text.hpp"

#include <cstdio>

namespace unknot {

namespace {

bool isC0(unsigned char c, bool lineBreaks) {
  if (lineBreaks && (c == '\n' || c == '\t')) return false;
  return c < 0x20 || c == 0x7F;
}

// C1 controls arrive in UTF-8 as C2 80 to C2 9F.
bool isC1At(std::string_view text, size_t i) {
  return static_cast<unsigned char>(text[i]) == 0xC2 && i + 1 < text.size() &&
         static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
         static_cast<unsigned char>(text[i + 1]) <= 0x9F;
}

std::string hex(const char* format, unsigned value) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

}  // namespace

std::string firstControlCharacter(std::string_view text, bool lineBreaks) {
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (isC0(c, lineBreaks)) return hex("\\x%02x", c);
    if (isC1At(text, i)) return hex("\\u%04x", static_cast<unsigned char>(text[i + 1]));
  }
  return {};
}

std::string terminalSafe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (isC0(c, true)) {
      out += hex("\\x%02x", c);
    } else if (isC1At(text, i)) {
      out += hex("\\u%04x", static_cast<unsigned char>(text[++i]));
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace unknot
