#include "core/plan.hpp"

#include <algorithm>
#include <cstdio>

namespace unknot {

namespace {

constexpr Millis kHalfwayThreshold{20000};
// Real routines nest one or two levels (a daily session of single routines). The cap keeps a
// shared pack of thousands of files chained to each other from making every expansion walk
// the whole chain, which made `unknot list` quadratic in the number of files.
constexpr size_t kMaxEmbedDepth = 8;
constexpr int kMaxExtraSoreHolds = 2;

PhaseKind phaseKindOf(StepKind kind) {
  switch (kind) {
    case StepKind::Hold:
      return PhaseKind::Hold;
    case StepKind::Reps:
      return PhaseKind::Reps;
    case StepKind::Rest:
      return PhaseKind::Rest;
    case StepKind::Heat:
      return PhaseKind::Heat;
    case StepKind::Ice:
      return PhaseKind::Ice;
    case StepKind::Manual:
      return PhaseKind::Manual;
  }
  return PhaseKind::Hold;
}

std::optional<Millis> stepPhaseDuration(const Step& step) {
  if (step.kind == StepKind::Reps) {
    if (!step.repTime) return std::nullopt;
    return *step.repTime * step.reps;
  }
  return step.duration;
}

// Builds the phase list while tracking the embedding chain, so cycles can be named in full.
class Expander {
 public:
  Expander(const Routine& top, const RoutineResolver& resolve, const Dose& dose)
      : m_top(top),
        m_resolve(resolve),
        m_dose(dose),
        m_extraHolds(std::clamp(dose.extraSoreHolds, 0, kMaxExtraSoreHolds)) {}

  ExpandResult run() {
    ExpandResult result;
    Plan plan;
    plan.routineId = m_top.id;
    plan.name = m_top.name;
    plan.category = m_top.category;
    if (m_top.prepare.count() > 0) addPrepare();
    m_chain.push_back(m_top.id);
    // A body cut short by the time cap has no error yet: checkTotals is what reports it.
    if (addRoutineBody(m_top, 0) || m_errors.empty()) checkTotals();
    m_chain.pop_back();
    if (!m_errors.empty()) {
      result.errors = std::move(m_errors);
      return result;
    }
    fillPrepareText();
    plan.phases = std::move(m_phases);
    plan.total = m_offset;
    plan.hasUntimedPhases = m_untimed;
    result.plan = std::move(plan);
    return result;
  }

 private:
  void error(const Routine& at, SourcePos pos, std::string message) {
    m_errors.push_back({at.path.string(), pos, std::move(message)});
  }

  bool checkTotals() {
    if (m_offset > limits::kMaxRoutine) {
      error(m_top, {1, 1},
            std::string(m_tooMany ? "routine lasts more than " : "routine lasts ") +
                formatDuration(m_offset) + ", the limit is " + formatDuration(limits::kMaxRoutine));
      return false;
    }
    return true;
  }

  bool push(Phase phase) {
    if (m_phases.size() >= limits::kMaxPhases) {
      if (!m_tooMany) {
        error(m_top, {1, 1},
              "routine expands to more than " + std::to_string(limits::kMaxPhases) +
                  " phases (steps x sides x sets x rounds, embedded routines included)");
      }
      m_tooMany = true;
      return false;
    }
    phase.offset = m_offset;
    if (phase.duration) {
      m_offset += *phase.duration;
    } else {
      m_untimed = true;
    }
    if (m_offset > limits::kMaxRoutine * 2) {  // stop early; checkTotals reports it
      m_tooMany = true;
      return false;
    }
    m_phases.push_back(std::move(phase));
    return true;
  }

  void addPrepare() {
    Phase phase;
    phase.kind = PhaseKind::Prepare;
    phase.label = "Get ready";
    phase.duration = m_top.prepare;
    phase.countdown = m_top.prepare >= Millis(3000) ? 3 : 0;
    phase.routineId = m_top.id;
    phase.stepName = "Get ready";
    m_phases.push_back(std::move(phase));
    m_offset += m_top.prepare;
  }

  // The lead-in names what comes first, which is only known after expansion. The player shows
  // "Next: ..." under it already, so the text says what to do now.
  void fillPrepareText() {
    if (m_phases.empty() || m_phases.front().kind != PhaseKind::Prepare) return;
    if (m_phases.size() < 2) return;
    const Phase& first = m_phases[1];
    m_phases.front().text = "Get into position for " + first.label + ".";
    m_phases.front().say = "Get ready. First, " + first.label + ".";
    m_phases.front().pose = first.pose;
  }

  // outerRound = 0 for the top routine; embedded phases carry the top routine's round.
  bool addRoutineBody(const Routine& routine, int outerRound) {
    for (int round = 1; round <= routine.rounds; ++round) {
      const int shownRound = outerRound ? outerRound : round;
      if (round > 1 && routine.restBetweenRounds.count() > 0 &&
          !addRoundRest(routine, round, outerRound ? outerRound : round - 1)) {
        return false;
      }
      for (const Step& step : routine.steps) {
        if (!addStep(routine, step, shownRound)) return false;
      }
    }
    return true;
  }

  bool addRoundRest(const Routine& routine, int nextRound, int shownRound) {
    Phase phase;
    phase.kind = PhaseKind::RoundRest;
    phase.label = "Rest";
    phase.duration = routine.restBetweenRounds;
    phase.round = shownRound;
    phase.roundCount = m_top.rounds;
    phase.text = "Round " + std::to_string(nextRound) + " of " + std::to_string(routine.rounds) +
                 " comes next. Breathe and relax.";
    phase.say = "Rest. Round " + std::to_string(nextRound) + " is next.";
    phase.countdown = phase.duration >= Millis(3000) ? 3 : 0;
    phase.routineId = routine.id;
    phase.stepName = "Rest";
    return push(std::move(phase));
  }

  bool addEmbedded(const Routine& parent, const Step& step, int round) {
    for (size_t i = 0; i < m_chain.size(); ++i) {
      if (m_chain[i] != step.embeddedId) continue;
      std::string cycle;
      for (size_t j = i; j < m_chain.size(); ++j) cycle += m_chain[j] + " -> ";
      error(parent, step.embeddedPos, "routine: embedding cycle " + cycle + step.embeddedId);
      return false;
    }
    if (m_chain.size() > kMaxEmbedDepth) {
      std::string chain;
      for (const std::string& id : m_chain) chain += id + " -> ";
      error(parent, step.embeddedPos,
            "routine: embedding '" + step.embeddedId + "' here nests routines more than " +
                std::to_string(kMaxEmbedDepth) + " levels deep (" + chain + step.embeddedId + ")");
      return false;
    }
    const Routine* child = m_resolve ? m_resolve(step.embeddedId) : nullptr;
    if (!child) {
      error(parent, step.embeddedPos,
            "routine: no routine with id '" + step.embeddedId + "' to embed");
      return false;
    }
    m_chain.push_back(child->id);
    const bool ok = addRoutineBody(*child, round);
    m_chain.pop_back();
    return ok;
  }

  bool addStep(const Routine& routine, const Step& written, int round) {
    if (!written.embeddedId.empty()) return addEmbedded(routine, written, round);
    const std::optional<Step> leveled = stepAtLevel(written, m_dose.level);
    if (!leveled) return true;  // this level leaves the step out
    const Step& step = *leveled;
    const Side sore = m_dose.soreSide;
    if (step.sides == Sides::Both || (step.sides == Sides::Sore && sore == Side::None)) {
      return addTwoSided(routine, step, round);
    }
    const Side only = step.sides == Sides::Left    ? Side::Left
                      : step.sides == Sides::Right ? Side::Right
                      : step.sides == Sides::Sore  ? sore
                                                   : Side::None;
    for (int set = 1; set <= step.sets; ++set) {
      if (set > 1 && step.rest.count() > 0 && !addSetRest(routine, step, set, step.sets, round))
        return false;
      if (!addWork(routine, step, set, step.sets, round, only)) return false;
    }
    return true;
  }

  // Each set does the first side, then the other; with a sore side, that side goes first and
  // gets the extra holds at the end, so the step ends where the plan wants the most work. Set
  // counters count per side, so each side reads "Set n of m" for its own holds.
  bool addTwoSided(const Routine& routine, const Step& step, int round) {
    const Side sore = m_dose.soreSide;
    const Side first = sore == Side::None ? Side::Right : sore;
    const Side second = first == Side::Right ? Side::Left : Side::Right;
    const int extra = sore == Side::None ? 0 : m_extraHolds;
    const int firstCount = step.sets + extra;
    for (int set = 1; set <= step.sets; ++set) {
      if (set > 1 && step.rest.count() > 0 && !addSetRest(routine, step, set, firstCount, round))
        return false;
      if (!addWork(routine, step, set, firstCount, round, first)) return false;
      if (!addSwitch(routine, step, set, step.sets, round, second)) return false;
      if (!addWork(routine, step, set, step.sets, round, second)) return false;
    }
    for (int set = step.sets + 1; set <= firstCount; ++set) {
      const bool afterOtherSide = set == step.sets + 1;
      if (afterOtherSide && !addSwitch(routine, step, set, firstCount, round, first)) return false;
      if (!afterOtherSide && step.rest.count() > 0 &&
          !addSetRest(routine, step, set, firstCount, round))
        return false;
      if (!addWork(routine, step, set, firstCount, round, first)) return false;
    }
    return true;
  }

  Phase basePhase(const Routine& routine, const Step& step, int set, int setCount,
                  int round) const {
    Phase phase;
    phase.set = set;
    phase.setCount = setCount;
    phase.round = round;
    phase.roundCount = m_top.rounds;
    phase.routineId = routine.id;
    phase.stepName = step.name;
    return phase;
  }

  bool addWork(const Routine& routine, const Step& step, int set, int setCount, int round,
               Side side) {
    Phase phase = basePhase(routine, step, set, setCount, round);
    phase.kind = phaseKindOf(step.kind);
    phase.label = step.name;
    phase.side = side;
    phase.reps = step.reps;
    phase.repTime = step.repTime;
    phase.text = step.text;
    phase.say = step.say.empty() ? step.name : step.say;
    phase.duration = stepPhaseDuration(step);
    phase.countdown = phase.duration ? step.countdown : 0;
    // A manual step's duration is only a cap, and reps tick already: no halfway bell by default.
    const bool timedHold = step.kind != StepKind::Reps && step.kind != StepKind::Manual;
    phase.halfway =
        step.halfway.value_or(timedHold && phase.duration && *phase.duration >= kHalfwayThreshold);
    if (!phase.duration) phase.halfway = false;
    phase.sound = step.sound;
    phase.muscles = step.muscles;
    phase.pose = step.pose;
    return push(std::move(phase));
  }

  // No switch time means the step asks for none; that is not an error.
  bool addSwitch(const Routine& routine, const Step& step, int set, int setCount, int round,
                 Side to) {
    if (step.switchTime.count() == 0) return true;
    Phase phase = basePhase(routine, step, set, setCount, round);
    phase.kind = PhaseKind::Switch;
    phase.label = "Switch sides";
    phase.side = to;
    phase.duration = step.switchTime;
    phase.text = std::string("Change to the ") + toString(to) + " side for " + step.name + ".";
    phase.say = std::string("Switch to the ") + toString(to) + " side.";
    phase.pose = step.pose;  // shown on the side being switched to, at its start
    return push(std::move(phase));
  }

  bool addSetRest(const Routine& routine, const Step& step, int nextSet, int setCount, int round) {
    Phase phase = basePhase(routine, step, nextSet - 1, setCount, round);
    phase.kind = PhaseKind::Rest;
    phase.label = "Rest";
    phase.duration = step.rest;
    phase.text = "Rest before set " + std::to_string(nextSet) + " of " + std::to_string(setCount) +
                 " of " + step.name + ".";
    phase.say = "Rest.";
    phase.countdown = step.rest >= Millis(3000) ? step.countdown : 0;
    return push(std::move(phase));
  }

  const Routine& m_top;
  const RoutineResolver& m_resolve;
  const Dose& m_dose;
  int m_extraHolds = 0;
  std::vector<Phase> m_phases;
  std::vector<std::string> m_chain;
  Diagnostics m_errors;
  Millis m_offset{0};
  bool m_untimed = false;
  bool m_tooMany = false;
};

}  // namespace

ExpandResult expand(const Routine& routine, const RoutineResolver& resolve, const Dose& dose) {
  ExpandResult result = Expander(routine, resolve, dose).run();
  if (result.plan) {
    result.plan->level = dose.level;
    result.plan->soreSide = dose.soreSide;
  }
  return result;
}

const char* toString(PhaseKind kind) {
  switch (kind) {
    case PhaseKind::Prepare:
      return "prepare";
    case PhaseKind::Hold:
      return "hold";
    case PhaseKind::Reps:
      return "reps";
    case PhaseKind::Rest:
      return "rest";
    case PhaseKind::Switch:
      return "switch";
    case PhaseKind::Heat:
      return "heat";
    case PhaseKind::Ice:
      return "ice";
    case PhaseKind::Manual:
      return "manual";
    case PhaseKind::RoundRest:
      return "round-rest";
  }
  return "?";
}

std::string planHash(const Plan& plan) {
  std::uint64_t hash = 14695981039346656037ULL;
  auto mix = [&hash](std::string_view bytes) {
    for (unsigned char c : bytes) {
      hash ^= c;
      hash *= 1099511628211ULL;
    }
    hash ^= 0xff;  // field separator, so "ab"+"c" differs from "a"+"bc"
    hash *= 1099511628211ULL;
  };
  for (const Phase& phase : plan.phases) {
    mix(toString(phase.kind));
    mix(phase.label);
    mix(toString(phase.side));
    mix(std::to_string(phase.duration ? phase.duration->count() : -1));
    mix(std::to_string(phase.reps));
  }
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
  return buffer;
}

}  // namespace unknot
