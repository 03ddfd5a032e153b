// Check-ins: how the user feels (pain and tightness 0-10), any warning symptoms and a note,
// logged before or after a session or at any time.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/recovery/logical_day.hpp"

namespace unknot {

// The symptoms the source article lists under "when to see a doctor".
enum class Symptom { Numbness, Radiating, Swelling, Mobility, Injury };

inline constexpr Symptom kAllSymptoms[] = {Symptom::Numbness, Symptom::Radiating, Symptom::Swelling,
                                           Symptom::Mobility, Symptom::Injury};

// The name the CLI and the store use: numbness, radiating, swelling, mobility, injury.
const char* toString(Symptom symptom);
// For people: "numbness or tingling".
const char* symptomLabel(Symptom symptom);
// Accepts the names above and a few plain aliases (tingling, sciatica, redness, walking...).
std::optional<Symptom> symptomFromString(std::string_view name);

// Notes end up in JSON and CSV; they must be well-formed UTF-8 without NUL bytes.
bool isCleanUtf8(std::string_view text);

inline constexpr int kMaxScore = 10;
inline constexpr size_t kMaxNoteLength = 2000;

struct CheckinRecord {
  LocalInstant at;
  LogicalDate date;
  int pain = 0;
  std::optional<int> tightness;
  std::vector<Symptom> symptoms;
  std::string note;
};

}  // namespace unknot
