// Check-ins: how the user feels (pain and tightness 0-10), any warning symptoms, the ones that
// have gone since an earlier check-in, and a note, logged before or after a session or any time.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/recovery/logical_day.hpp"

namespace unknot {

// The symptoms the source article lists under "when to see a doctor" (numbness to injury, with
// leg weakness from its numbness bullet), and three urgent signs from public back-pain guidance
// (NHS): numbness in the saddle area, new bladder or bowel trouble, fever with the pain.
enum class Symptom {
  Numbness,
  Weakness,
  Radiating,
  Swelling,
  Mobility,
  Injury,
  SaddleNumbness,
  BladderBowel,
  Fever
};

// In the order the check-in dialog lists them: the article's signs, then the urgent ones.
inline constexpr Symptom kAllSymptoms[] = {
    Symptom::Numbness,       Symptom::Weakness,     Symptom::Radiating,
    Symptom::Swelling,       Symptom::Mobility,     Symptom::Injury,
    Symptom::SaddleNumbness, Symptom::BladderBowel, Symptom::Fever};

// The signs that call for emergency care today rather than an appointment.
bool isUrgent(Symptom symptom);

// The name the CLI and the store use: numbness, weakness, radiating, swelling, mobility,
// injury, saddle-numbness, bladder-bowel, fever.
const char* toString(Symptom symptom);
// For people: "numbness or tingling".
const char* symptomLabel(Symptom symptom);
// Accepts the names above and a few plain aliases (tingling, sciatica, redness, walking...).
std::optional<Symptom> symptomFromString(std::string_view name);
// "numbness, weakness, ..." for messages that list the names.
std::string symptomNames();

// Notes end up in JSON and CSV; they must be well-formed UTF-8 without NUL bytes.
bool isCleanUtf8(std::string_view text);

inline constexpr int kMaxScore = 10;
inline constexpr size_t kMaxNoteLength = 2000;

// When a check-in was made: before a session, after one, or at any other time.
enum class CheckinMoment { Any, Before, After };
const char* toString(CheckinMoment moment);
std::optional<CheckinMoment> checkinMomentFromString(std::string_view name);

struct CheckinRecord {
  LocalInstant at;
  LogicalDate date;
  int pain = 0;
  std::optional<int> tightness;
  std::vector<Symptom> symptoms;
  std::vector<Symptom> gone;  // symptoms an earlier check-in reported that have gone since
  std::string note;
  CheckinMoment moment = CheckinMoment::Any;
};

}  // namespace unknot
