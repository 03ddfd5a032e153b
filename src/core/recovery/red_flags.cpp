#include "core/recovery/red_flags.hpp"

#include <algorithm>
#include <map>

namespace unknot {

const char* const kNotMedicalAdvice =
    "unknot is not medical advice and cannot diagnose anything. If you are worried, or a "
    "symptom gets worse, see a doctor or physiotherapist.";

const char* const kPainNotImprovingAdvice =
    "Your pain has not eased after three weeks of the plan. Self-care may not be enough on "
    "its own: a physiotherapist, chiropractor or doctor who treats muscles and joints can "
    "find out what is going on and suggest a treatment that fits you.";

const char* symptomAdvice(Symptom symptom) {
  switch (symptom) {
    case Symptom::Numbness:
      return "Numbness or tingling in the leg or foot can mean a nerve is being squeezed. "
             "Stop any routine that brings it on and get it checked by a doctor soon.";
    case Symptom::Radiating:
      return "Pain that travels down the leg or into the lower back may come from an "
             "irritated nerve, such as sciatica. Have it assessed by a doctor or "
             "physiotherapist before going on with deep stretches.";
    case Symptom::Swelling:
      return "Swelling, redness or warmth in the buttock can be a sign of infection or "
             "inflammation rather than a muscle knot. Do not use heat or massage on it; "
             "see a doctor.";
    case Symptom::Mobility:
      return "If walking, sitting or everyday movement is getting harder, do not wait for it "
             "to pass: book an appointment with a doctor or physiotherapist.";
    case Symptom::Injury:
      return "After a recent fall or injury to the hip or lower back, get a proper "
             "assessment before you stretch, roll or massage the area.";
  }
  return "";
}

std::vector<RedFlag> symptomFlags(const std::vector<CheckinRecord>& checkins, LogicalDate today) {
  const LogicalDate from = today - std::chrono::days(kSymptomFlagDays - 1);
  std::map<Symptom, LogicalDate> latest;
  for (const auto& checkin : checkins) {
    if (checkin.date < from || checkin.date > today) continue;
    for (const Symptom symptom : checkin.symptoms) {
      auto [it, inserted] = latest.emplace(symptom, checkin.date);
      if (!inserted) it->second = std::max(it->second, checkin.date);
    }
  }
  std::vector<RedFlag> flags;
  for (const auto& [symptom, date] : latest) {
    flags.push_back({RedFlagKind::Symptom, symptom, date, symptomAdvice(symptom)});
  }
  return flags;
}

namespace {

struct Mean {
  double sum = 0;
  int days = 0;
  double value() const { return days > 0 ? sum / days : 0; }
};

Mean meanBetween(const std::vector<DailyPain>& pain, LogicalDate from, LogicalDate to) {
  Mean mean;
  for (const auto& day : pain) {
    if (day.date < from || day.date > to) continue;
    mean.sum += day.pain;
    ++mean.days;
  }
  return mean;
}

}  // namespace

std::optional<RedFlag> painNotImproving(const RecoveryPlan& plan,
                                        const std::vector<DailyPain>& pain, LogicalDate today) {
  constexpr int kFirstDay = 22, kMinDays = 2;
  constexpr double kMinBaseline = 2.0, kMinDrop = 1.0;
  const LogicalDate last = std::min(today, plan.end());
  if (plan.dayNumber(last) < kFirstDay) return std::nullopt;
  const Mean first = meanBetween(pain, plan.start, plan.start + std::chrono::days(6));
  const Mean recent = meanBetween(pain, last - std::chrono::days(6), last);
  if (first.days < kMinDays || recent.days < kMinDays) return std::nullopt;
  if (first.value() < kMinBaseline) return std::nullopt;
  if (recent.value() <= first.value() - kMinDrop) return std::nullopt;
  return RedFlag{RedFlagKind::PainNotImproving, std::nullopt, last, kPainNotImprovingAdvice};
}

}  // namespace unknot
