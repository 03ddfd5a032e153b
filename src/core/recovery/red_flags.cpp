#include "core/recovery/red_flags.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace unknot {

const char* const kNotMedicalAdvice =
    "unknot is not medical advice and cannot diagnose anything. If you are worried, or a "
    "symptom gets worse, see a doctor or physiotherapist.";

const char* const kSafetyFooter =
    "Not medical advice. Stop any exercise that causes sharp pain, numbness or tingling.";

const char* const kNoExerciseToday =
    "Please do not exercise today: get the care the advice above describes first.";

const char* const kGentlerToday =
    "Choose a gentler routine today, or none, and stop at once if it brings the problem on.";

const char* toString(RedFlagKind kind) {
  switch (kind) {
    case RedFlagKind::Symptom:
      return "symptom";
    case RedFlagKind::PainNotImproving:
      return "pain-not-improving";
    case RedFlagKind::PainRising:
      return "pain-rising";
    case RedFlagKind::PainHigh:
      return "pain-high";
    case RedFlagKind::PainAfterSession:
      return "pain-after-session";
  }
  return "?";
}

const char* toString(FlagLevel level) {
  switch (level) {
    case FlagLevel::Emergency:
      return "emergency";
    case FlagLevel::Today:
      return "today";
    case FlagLevel::SeeSoon:
      return "see-soon";
    case FlagLevel::EaseOff:
      return "ease-off";
  }
  return "?";
}

FlagLevel symptomLevel(Symptom symptom) {
  if (isUrgent(symptom)) return FlagLevel::Emergency;
  // The article: numbness, tingling or weakness "require immediate attention".
  if (symptom == Symptom::Numbness || symptom == Symptom::Weakness) return FlagLevel::Today;
  return FlagLevel::SeeSoon;
}

const char* symptomAdvice(Symptom symptom) {
  switch (symptom) {
    case Symptom::Numbness:
      return "Numbness or tingling in a leg or foot can mean a nerve is being pressed on. Stop "
             "any routine that brings it on and get it checked by a doctor today. If it spreads "
             "to both legs or to the groin or buttocks, get emergency care.";
    case Symptom::Weakness:
      return "Weakness in a leg, such as trouble climbing stairs or standing up from a chair, "
             "can mean a nerve is involved. Stop any routine that brings it on and get it "
             "checked by a doctor today. If both legs are weak or it gets worse quickly, get "
             "emergency care.";
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
             "assessment by a doctor or physiotherapist before you stretch, roll or massage "
             "the area.";
    case Symptom::SaddleNumbness:
      return "Numbness or tingling in the groin, buttocks or inner thighs with back or "
             "buttock pain can mean the nerves at the base of the spine are being squeezed, "
             "which needs treatment within hours. Get emergency care now (in the UK: call 999 "
             "or go to A&E). Do not exercise today.";
    case Symptom::BladderBowel:
      return "New trouble passing urine, or leaking urine or stools you cannot hold, with back "
             "or buttock pain can mean the nerves at the base of the spine are being squeezed, "
             "which needs treatment within hours. Get emergency care now (in the UK: call 999 "
             "or go to A&E). Do not exercise today.";
    case Symptom::Fever:
      return "A fever, or feeling hot, shivery or unwell, together with this pain can mean an "
             "infection that needs treating. Get medical care today: an urgent doctor's "
             "appointment or urgent care service (in the UK: NHS 111), or emergency care if "
             "you feel very unwell. Do not exercise today.";
  }
  return "";
}

const char* painAdvice(RedFlagKind kind) {
  switch (kind) {
    case RedFlagKind::PainNotImproving:
      return "Your pain has not eased by 2 points (or by 30 %) since your first check-ins. "
             "Self-care may not be enough on its own: a physiotherapist or doctor who treats "
             "muscles and joints can find out what is going on and suggest a treatment that "
             "fits you.";
    case RedFlagKind::PainRising:
      return "Your pain is getting worse. Ease off: do less, or stop the routine that brings "
             "the pain on, and keep to gentle movement for a few days. If it keeps rising, see "
             "a physiotherapist or doctor.";
    case RedFlagKind::PainHigh:
      return "Pain of 8 or more out of 10 is severe. Do not push through it: stop the routine "
             "that brings it on and give the sore area a rest from deep stretches and "
             "pressure. If it stays this high or keeps rising, see a physiotherapist or "
             "doctor.";
    case RedFlagKind::PainAfterSession:
      return "Your pain was clearly higher after a session than before it. Ease off: do that "
             "routine more gently or for less time, or leave it out, and stop any exercise "
             "that causes sharp pain. If it keeps happening or keeps rising, see a "
             "physiotherapist or doctor.";
    case RedFlagKind::Symptom:
      break;
  }
  return "";
}

std::string flagTitle(const RedFlag& flag) {
  if (flag.kind == RedFlagKind::Symptom && flag.symptom) {
    const std::string label = symptomLabel(*flag.symptom);
    switch (flag.level) {
      case FlagLevel::Emergency:
        return "Urgent: " + label;
      case FlagLevel::Today:
        return "Get it checked today: " + label;
      default:
        return "See a professional: " + label;
    }
  }
  switch (flag.kind) {
    case RedFlagKind::PainNotImproving:
      return "See a professional: pain not improving";
    case RedFlagKind::PainRising:
      return "Pain getting worse";
    case RedFlagKind::PainHigh:
      return "Severe pain";
    case RedFlagKind::PainAfterSession:
      return "Pain rose after a session";
    case RedFlagKind::Symptom:
      break;
  }
  return "Warning";
}

std::vector<SymptomMark> symptomMarks(const std::vector<CheckinRecord>& checkins) {
  std::vector<SymptomMark> marks;
  std::int64_t order = 0;
  for (const CheckinRecord& checkin : checkins) {
    ++order;
    for (const Symptom symptom : checkin.symptoms)
      marks.push_back({symptom, false, checkin.date, order});
    for (const Symptom symptom : checkin.gone)
      marks.push_back({symptom, true, checkin.date, order});
  }
  return marks;
}

std::vector<RedFlag> symptomFlags(const std::vector<SymptomMark>& marks) {
  struct Latest {
    std::optional<SymptomMark> reported, gone;
  };
  std::map<Symptom, Latest> latest;
  for (const SymptomMark& mark : marks) {
    auto& slot = mark.gone ? latest[mark.symptom].gone : latest[mark.symptom].reported;
    if (!slot || mark.order >= slot->order) slot = mark;
  }
  std::vector<RedFlag> flags;
  for (const auto& [symptom, marksOf] : latest) {
    if (!marksOf.reported) continue;
    if (marksOf.gone && marksOf.gone->order >= marksOf.reported->order) continue;
    RedFlag flag;
    flag.kind = RedFlagKind::Symptom;
    flag.symptom = symptom;
    flag.date = marksOf.reported->date;
    flag.advice = symptomAdvice(symptom);
    flag.level = symptomLevel(symptom);
    flags.push_back(std::move(flag));
  }
  sortFlags(flags);
  return flags;
}

void sortFlags(std::vector<RedFlag>& flags) {
  const auto key = [](const RedFlag& flag) {
    return std::tuple(static_cast<int>(flag.level), static_cast<int>(flag.kind),
                      flag.symptom ? static_cast<int>(*flag.symptom) : -1);
  };
  std::stable_sort(flags.begin(), flags.end(),
                   [&](const RedFlag& a, const RedFlag& b) { return key(a) < key(b); });
}

bool anyUrgent(const std::vector<RedFlag>& flags) {
  return std::any_of(flags.begin(), flags.end(), [](const RedFlag& flag) { return flag.urgent(); });
}

}  // namespace unknot
