#include "core/recovery/checkin.hpp"

#include <map>

namespace unknot {

const char* toString(Symptom symptom) {
  switch (symptom) {
    case Symptom::Numbness:
      return "numbness";
    case Symptom::Radiating:
      return "radiating";
    case Symptom::Swelling:
      return "swelling";
    case Symptom::Mobility:
      return "mobility";
    case Symptom::Injury:
      return "injury";
  }
  return "?";
}

const char* symptomLabel(Symptom symptom) {
  switch (symptom) {
    case Symptom::Numbness:
      return "numbness or tingling";
    case Symptom::Radiating:
      return "pain radiating down the leg";
    case Symptom::Swelling:
      return "swelling, redness or warmth";
    case Symptom::Mobility:
      return "difficulty walking or sitting";
    case Symptom::Injury:
      return "a recent injury";
  }
  return "?";
}

std::optional<Symptom> symptomFromString(std::string_view name) {
  static const std::map<std::string_view, Symptom> kNames{
      {"numbness", Symptom::Numbness},   {"tingling", Symptom::Numbness},
      {"radiating", Symptom::Radiating}, {"radiating-pain", Symptom::Radiating},
      {"sciatica", Symptom::Radiating},  {"swelling", Symptom::Swelling},
      {"redness", Symptom::Swelling},    {"warmth", Symptom::Swelling},
      {"mobility", Symptom::Mobility},   {"walking", Symptom::Mobility},
      {"sitting", Symptom::Mobility},    {"injury", Symptom::Injury},
      {"recent-injury", Symptom::Injury}};
  const auto it = kNames.find(name);
  if (it == kNames.end()) return std::nullopt;
  return it->second;
}

bool isCleanUtf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0) return false;
    const size_t length = c < 0x80           ? 1
                          : (c >> 5) == 0x6  ? 2
                          : (c >> 4) == 0xE  ? 3
                          : (c >> 3) == 0x1E ? 4
                                             : 0;
    if (length == 0 || i + length > text.size()) return false;
    unsigned long code = length == 1 ? c : c & (0x7F >> length);
    for (size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      code = (code << 6) | (next & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    constexpr unsigned long kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < kMin[length] || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) return false;
    i += length;
  }
  return true;
}

}  // namespace unknot
