#include "core/recovery/checkin.hpp"

#include <map>

namespace unknot {

bool isUrgent(Symptom symptom) {
  return symptom == Symptom::SaddleNumbness || symptom == Symptom::BladderBowel ||
         symptom == Symptom::Fever;
}

const char* toString(Symptom symptom) {
  switch (symptom) {
    case Symptom::Numbness:
      return "numbness";
    case Symptom::Weakness:
      return "weakness";
    case Symptom::Radiating:
      return "radiating";
    case Symptom::Swelling:
      return "swelling";
    case Symptom::Mobility:
      return "mobility";
    case Symptom::Injury:
      return "injury";
    case Symptom::SaddleNumbness:
      return "saddle-numbness";
    case Symptom::BladderBowel:
      return "bladder-bowel";
    case Symptom::Fever:
      return "fever";
  }
  return "?";
}

const char* symptomLabel(Symptom symptom) {
  switch (symptom) {
    case Symptom::Numbness:
      return "numbness or tingling in a leg or foot";
    case Symptom::Weakness:
      return "weakness in a leg";
    case Symptom::Radiating:
      return "pain radiating down the leg";
    case Symptom::Swelling:
      return "swelling, redness or warmth";
    case Symptom::Mobility:
      return "difficulty walking or sitting";
    case Symptom::Injury:
      return "a recent injury";
    case Symptom::SaddleNumbness:
      return "numbness in the groin, buttocks or inner thighs";
    case Symptom::BladderBowel:
      return "new trouble passing or holding urine or stools";
    case Symptom::Fever:
      return "fever or feeling unwell with the pain";
  }
  return "?";
}

std::optional<Symptom> symptomFromString(std::string_view name) {
  static const std::map<std::string_view, Symptom> kNames{
      {"numbness", Symptom::Numbness},
      {"tingling", Symptom::Numbness},
      {"weakness", Symptom::Weakness},
      {"leg-weakness", Symptom::Weakness},
      {"radiating", Symptom::Radiating},
      {"radiating-pain", Symptom::Radiating},
      {"sciatica", Symptom::Radiating},
      {"swelling", Symptom::Swelling},
      {"redness", Symptom::Swelling},
      {"warmth", Symptom::Swelling},
      {"mobility", Symptom::Mobility},
      {"walking", Symptom::Mobility},
      {"sitting", Symptom::Mobility},
      {"injury", Symptom::Injury},
      {"recent-injury", Symptom::Injury},
      {"saddle-numbness", Symptom::SaddleNumbness},
      {"saddle", Symptom::SaddleNumbness},
      {"groin-numbness", Symptom::SaddleNumbness},
      {"bladder-bowel", Symptom::BladderBowel},
      {"bladder", Symptom::BladderBowel},
      {"bowel", Symptom::BladderBowel},
      {"incontinence", Symptom::BladderBowel},
      {"fever", Symptom::Fever},
      {"temperature", Symptom::Fever}};
  const auto it = kNames.find(name);
  if (it == kNames.end()) return std::nullopt;
  return it->second;
}

std::string symptomNames() {
  std::string names;
  for (const Symptom symptom : kAllSymptoms) {
    names += (names.empty() ? "" : ", ") + std::string(toString(symptom));
  }
  return names;
}

const char* toString(CheckinMoment moment) {
  switch (moment) {
    case CheckinMoment::Any:
      return "any";
    case CheckinMoment::Before:
      return "before";
    case CheckinMoment::After:
      return "after";
  }
  return "any";
}

std::optional<CheckinMoment> checkinMomentFromString(std::string_view name) {
  if (name == "any") return CheckinMoment::Any;
  if (name == "before") return CheckinMoment::Before;
  if (name == "after") return CheckinMoment::After;
  return std::nullopt;
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
