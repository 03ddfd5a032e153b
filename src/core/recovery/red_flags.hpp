// Red flags: the warning signs that mean "see a professional" (or, for the urgent ones, "get
// emergency care today"), and pain that is getting worse or not easing. The texts are advice to
// seek care or to ease off, never a diagnosis. Every rule and its source: docs/progress.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/recovery/checkin.hpp"

namespace unknot {

enum class RedFlagKind { Symptom, PainNotImproving, PainRising, PainHigh, PainAfterSession };
// "symptom", "pain-not-improving", "pain-rising", "pain-high", "pain-after-session".
const char* toString(RedFlagKind kind);

// How soon to act, most pressing first: emergency care today, a check-up today, an
// appointment, or easing off (and an appointment if it goes on).
enum class FlagLevel { Emergency, Today, SeeSoon, EaseOff };
// "emergency", "today", "see-soon", "ease-off".
const char* toString(FlagLevel level);

struct RedFlag {
  RedFlagKind kind = RedFlagKind::Symptom;
  std::optional<Symptom> symptom;
  LogicalDate date;  // last reported (symptoms) or the latest check-in behind a pain rule
  std::string advice;
  FlagLevel level = FlagLevel::SeeSoon;
  std::string reason;  // the figures behind a pain rule: "pain 9 on 2024-05-02"

  bool urgent() const { return level == FlagLevel::Emergency; }
};

// Shown with every piece of advice and in every progress view.
extern const char* const kNotMedicalAdvice;
// The one-line footer of the library and the player.
extern const char* const kSafetyFooter;
// The notice shown on first start until it is acknowledged, one paragraph per entry.
inline constexpr const char* kFirstStartNotice[] = {
    "unknot guides you through self-care routines and keeps a record of how you feel. It is "
    "not medical advice and cannot diagnose anything.",
    "Stop any exercise at once if it causes sharp pain, numbness or tingling.",
    "See a doctor or physiotherapist if the pain lasts or gets worse, or if you notice one of "
    "the warning signs the check-in lists. Get emergency care at once for numbness in the groin "
    "or buttocks, new trouble with your bladder or bowels, or a fever with the pain."};

// What to do about today's routine while a flag is up.
extern const char* const kNoExerciseToday;
extern const char* const kGentlerToday;

const char* symptomAdvice(Symptom symptom);
FlagLevel symptomLevel(Symptom symptom);
const char* painAdvice(RedFlagKind kind);
// One line naming a flag: "Urgent: new trouble passing or holding urine or stools",
// "Get it checked today: ...", "See a professional: ...", "Pain getting worse".
std::string flagTitle(const RedFlag& flag);

// A symptom a check-in reported, or said had gone; `order` is the check-in's place in the
// record (its id), so "later" never depends on a clock.
struct SymptomMark {
  Symptom symptom = Symptom::Numbness;
  bool gone = false;
  LogicalDate date;
  std::int64_t order = 0;
};

// The marks of whole check-ins, in the order given.
std::vector<SymptomMark> symptomMarks(const std::vector<CheckinRecord>& checkins);

// One flag per symptom whose latest report is later than its latest "gone": a flag stays
// until a check-in says the symptom has gone, however long ago it was reported.
std::vector<RedFlag> symptomFlags(const std::vector<SymptomMark>& marks);

// Most pressing first (emergency, today, see soon, ease off), then symptoms before pain rules.
void sortFlags(std::vector<RedFlag>& flags);
bool anyUrgent(const std::vector<RedFlag>& flags);

}  // namespace unknot
