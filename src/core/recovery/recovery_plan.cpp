#include "core/recovery/recovery_plan.hpp"

#include <algorithm>
#include <charconv>

#include "core/closest_match.hpp"

namespace unknot {

namespace {

constexpr Category kAllCategories[] = {Category::Stretch,  Category::FoamRoll, Category::Massage,
                                       Category::Strength, Category::Thermal,  Category::Posture,
                                       Category::Mixed};

// The words a target may name, for "did you mean".
std::vector<std::string> targetWords() {
  std::vector<std::string> words;
  for (const Category category : kAllCategories) words.emplace_back(toString(category));
  words.emplace_back("any");
  return words;
}

std::optional<int> parseSmallInt(std::string_view text) {
  int value = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

bool validRoutineId(std::string_view id) {
  if (id.empty() || id.size() > 100) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// "stretch+foam-roll" -> categories; empty on any unknown name.
std::vector<Category> parseCategories(std::string_view text, std::string& bad) {
  std::vector<Category> out;
  while (true) {
    const size_t plus = text.find('+');
    const std::string_view name = text.substr(0, plus);
    const auto category = categoryFromString(name);
    if (!category) {
      bad = std::string(name);
      return {};
    }
    if (std::find(out.begin(), out.end(), *category) == out.end()) out.push_back(*category);
    if (plus == std::string_view::npos) return out;
    text.remove_prefix(plus + 1);
  }
}

}  // namespace

bool Target::matches(std::string_view routine, Category category) const {
  if (!routineId.empty()) return routine == routineId;
  return std::find(categories.begin(), categories.end(), category) != categories.end();
}

bool Target::sameWhat(const Target& other) const {
  auto left = categories, right = other.categories;
  std::sort(left.begin(), left.end());
  std::sort(right.begin(), right.end());
  return routineId == other.routineId && left == right;
}

std::vector<Target> defaultTargets() {
  return {
      Target{"", {Category::Stretch}, 2, 1},
      Target{"", {Category::FoamRoll, Category::Massage}, 1, 1},
      Target{"", {Category::Strength}, 1, 2},
  };
}

PlanSettings defaultPlanSettings() {
  PlanSettings settings;
  settings.targets = defaultTargets();
  return settings;
}

std::optional<Target> parseTargetSpec(std::string_view spec, std::string& error) {
  const std::string quoted = "target '" + std::string(spec) + "': ";
  const size_t eq = spec.find('=');
  if (eq == std::string_view::npos) {
    error = quoted +
            "expected WHAT=N, e.g. stretch=2, foam-roll+massage=1, strength=1@2 or "
            "routine:pigeon-pose=1";
    return std::nullopt;
  }
  Target target;
  const std::string_view what = spec.substr(0, eq);
  std::string_view count = spec.substr(eq + 1);
  if (const size_t at = count.find('@'); at != std::string_view::npos) {
    const auto week = parseSmallInt(count.substr(at + 1));
    if (!week || *week < 1 || *week > plan_limits::kMaxWeeks) {
      error = quoted + "the week after @ must be 1 to 6";
      return std::nullopt;
    }
    target.fromWeek = *week;
    count = count.substr(0, at);
  }
  const auto perDay = parseSmallInt(count);
  if (!perDay || *perDay < 1 || *perDay > plan_limits::kMaxPerDay) {
    error = quoted + "the count per day must be a whole number from 1 to 10";
    return std::nullopt;
  }
  target.perDay = *perDay;
  constexpr std::string_view kRoutine = "routine:";
  if (what.substr(0, kRoutine.size()) == kRoutine) {
    target.routineId = std::string(what.substr(kRoutine.size()));
    if (!validRoutineId(target.routineId)) {
      error = quoted + "a routine id is lower-case letters, digits and '-'";
      return std::nullopt;
    }
    return target;
  }
  if (what == "any") {
    target.categories.assign(std::begin(kAllCategories), std::end(kAllCategories));
    return target;
  }
  std::string bad;
  target.categories = parseCategories(what, bad);
  if (target.categories.empty()) {
    const std::string suggestion = didYouMean(bad, targetWords());
    error = quoted + "unknown category '" + bad + "'" +
            (suggestion.empty() ? " (stretch, foam-roll, massage, strength, thermal, posture, "
                                  "mixed; any; or routine:ID)"
                                : suggestion);
    return std::nullopt;
  }
  return target;
}

std::optional<Target> parseTargetWhat(std::string_view what, std::string& error) {
  if (what.find_first_of("=@") != std::string_view::npos || what.empty()) {
    error = "target '" + std::string(what) +
            "': expected what to do without a count, e.g. stretch, foam-roll+massage, "
            "routine:pigeon-pose or any";
    return std::nullopt;
  }
  std::string inner;
  auto target = parseTargetSpec(std::string(what) + "=1", inner);
  if (!target) error = "target '" + std::string(what) + "': " + inner.substr(inner.find(": ") + 2);
  return target;
}

void setTarget(std::vector<Target>& targets, Target target) {
  const auto same = std::find_if(targets.begin(), targets.end(),
                                 [&](const Target& other) { return other.sameWhat(target); });
  if (same != targets.end()) {
    *same = std::move(target);
  } else {
    targets.push_back(std::move(target));
  }
}

bool removeTarget(std::vector<Target>& targets, const Target& what) {
  const auto same = std::find_if(targets.begin(), targets.end(),
                                 [&](const Target& other) { return other.sameWhat(what); });
  if (same == targets.end()) return false;
  targets.erase(same);
  return true;
}

std::string describeTarget(const Target& target) {
  if (!target.routineId.empty()) return target.routineId;
  if (target.categories.size() == std::size(kAllCategories)) return "any routine";
  std::string out;
  for (size_t i = 0; i < target.categories.size(); ++i) {
    if (i > 0) out += i + 1 == target.categories.size() ? " or " : ", ";
    out += toString(target.categories[i]);
  }
  return out;
}

std::string targetSpec(const Target& target) {
  std::string what;
  if (!target.routineId.empty()) {
    what = "routine:" + target.routineId;
  } else if (target.categories.size() == std::size(kAllCategories)) {
    what = "any";
  } else {
    for (size_t i = 0; i < target.categories.size(); ++i) {
      if (i > 0) what += '+';
      what += toString(target.categories[i]);
    }
  }
  std::string spec = what + "=" + std::to_string(target.perDay);
  if (target.fromWeek > 1) spec += "@" + std::to_string(target.fromWeek);
  return spec;
}

std::optional<std::string> validatePlanSettings(const PlanSettings& settings) {
  using namespace plan_limits;
  if (settings.weeks < kMinWeeks || settings.weeks > kMaxWeeks)
    return "plan length must be 2 to 6 weeks, found " + std::to_string(settings.weeks);
  if (settings.targets.empty()) return "a plan needs at least one daily target";
  if (settings.targets.size() > static_cast<size_t>(kMaxTargets))
    return "a plan has at most 20 targets";
  for (const auto& target : settings.targets) {
    if (target.perDay < 1 || target.perDay > kMaxPerDay)
      return "target " + targetSpec(target) + ": the count per day must be 1 to 10";
    if (target.fromWeek < 1 || target.fromWeek > settings.weeks)
      return "target " + targetSpec(target) + ": starts after the plan ends (week " +
             std::to_string(target.fromWeek) + " of " + std::to_string(settings.weeks) + ")";
    if (target.routineId.empty() && target.categories.empty())
      return "a target names a routine or at least one category";
  }
  if (settings.restDaysPerWeek < 0 || settings.restDaysPerWeek > kMaxRestDaysPerWeek)
    return "rest days per week must be 0 to 3, found " + std::to_string(settings.restDaysPerWeek);
  if (settings.dayStartHour < 0 || settings.dayStartHour > 12)
    return "the day-start hour must be 0 to 12, found " + std::to_string(settings.dayStartHour);
  if (settings.extraSoreHolds < 0 || settings.extraSoreHolds > kMaxExtraSoreHolds)
    return "extra sore-side holds must be 0 to 2, found " + std::to_string(settings.extraSoreHolds);
  return std::nullopt;
}

const PlanSettings& RecoveryPlan::settingsOn(LogicalDate day) const {
  const PlanVersion* chosen = &versions.front();
  for (const auto& version : versions) {
    if (version.effectiveFrom <= day) chosen = &version;
  }
  return chosen->settings;
}

LogicalDate RecoveryPlan::end() const {
  const LogicalDate last = start + std::chrono::days(current().weeks * 7 - 1);
  return cutOff && *cutOff < last ? *cutOff : last;
}

std::vector<Target> RecoveryPlan::targetsOn(LogicalDate day) const {
  std::vector<Target> out;
  const int week = weekNumber(day);
  for (const auto& target : settingsOn(day).targets) {
    if (target.fromWeek <= week) out.push_back(target);
  }
  return out;
}

}  // namespace unknot
