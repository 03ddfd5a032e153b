// Red flags: the symptoms that mean "see a professional" and pain that is not easing after
// three weeks of the plan. The texts are advice to seek care, never a diagnosis.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/recovery/checkin.hpp"
#include "core/recovery/recovery_plan.hpp"

namespace unknot {

enum class RedFlagKind { Symptom, PainNotImproving };

struct RedFlag {
  RedFlagKind kind = RedFlagKind::Symptom;
  std::optional<Symptom> symptom;
  LogicalDate date;  // last reported (symptoms) or the day the rule fired
  std::string advice;
};

// Shown with every piece of advice and in every progress view.
extern const char* const kNotMedicalAdvice;

const char* symptomAdvice(Symptom symptom);
extern const char* const kPainNotImprovingAdvice;

// Symptoms reported within this many days (today included) stay flagged in the stats.
inline constexpr int kSymptomFlagDays = 14;

// One flag per symptom reported in the last kSymptomFlagDays, newest date kept.
std::vector<RedFlag> symptomFlags(const std::vector<CheckinRecord>& checkins, LogicalDate today);

// Daily mean pain, one entry per day that has check-ins.
struct DailyPain {
  LogicalDate date;
  double pain = 0;
};

// "Pain not improving after three weeks": from plan day 22 on, when the first plan week and
// the last 7 days each have at least 2 days of check-ins, the first week's mean is at least
// 2 and the last 7 days' mean has not dropped by a full point.
std::optional<RedFlag> painNotImproving(const RecoveryPlan& plan,
                                        const std::vector<DailyPain>& pain, LogicalDate today);

}  // namespace unknot
