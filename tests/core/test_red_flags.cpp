// Red flags: warning symptoms and pain that is not easing after three weeks of the plan.
#include <catch2/catch.hpp>

#include "core/recovery/red_flags.hpp"

using namespace unknot;
using std::chrono::days;

namespace {

const LogicalDate kStart = *parseDate("2024-04-01");

RecoveryPlan sixWeeks() {
  RecoveryPlan plan;
  plan.start = kStart;
  plan.versions = {{kStart, defaultPlanSettings()}};
  return plan;
}

std::vector<DailyPain> pain(std::initializer_list<std::pair<int, double>> points) {
  std::vector<DailyPain> out;
  for (const auto& [dayIndex, value] : points) out.push_back({kStart + days(dayIndex), value});
  return out;
}

}  // namespace

TEST_CASE("every symptom has a name, aliases, a label and advice that sends to a professional") {
  for (const Symptom symptom : kAllSymptoms) {
    INFO(toString(symptom));
    CHECK(symptomFromString(toString(symptom)) == symptom);
    CHECK(std::string(symptomLabel(symptom)).size() > 5);
    const std::string advice = symptomAdvice(symptom);
    CHECK((advice.find("doctor") != std::string::npos ||
           advice.find("assessment") != std::string::npos));
  }
  CHECK(symptomFromString("tingling") == Symptom::Numbness);
  CHECK(symptomFromString("sciatica") == Symptom::Radiating);
  CHECK(symptomFromString("walking") == Symptom::Mobility);
  CHECK_FALSE(symptomFromString("headache"));
  CHECK_FALSE(symptomFromString("Numbness"));
  CHECK(std::string(kNotMedicalAdvice).find("not medical advice") != std::string::npos);
}

TEST_CASE("a symptom reported in the last two weeks is flagged once with its latest date") {
  CheckinRecord early, late, old;
  early.date = kStart + days(20);
  early.symptoms = {Symptom::Numbness};
  late.date = kStart + days(25);
  late.symptoms = {Symptom::Numbness, Symptom::Swelling};
  old.date = kStart;
  old.symptoms = {Symptom::Injury};
  const auto flags = symptomFlags({early, late, old}, kStart + days(26));
  REQUIRE(flags.size() == 2);
  CHECK(flags[0].symptom == Symptom::Numbness);
  CHECK(flags[0].date == kStart + days(25));
  CHECK(flags[1].symptom == Symptom::Swelling);
  CHECK(flags[0].advice == symptomAdvice(Symptom::Numbness));
  CHECK(symptomFlags({old}, kStart + days(13)).size() == 1);
  CHECK(symptomFlags({old}, kStart + days(14)).empty());
}

TEST_CASE("pain not improving after three weeks suggests a professional assessment") {
  const auto plan = sixWeeks();
  const auto flat = pain({{0, 6}, {2, 6}, {5, 5}, {16, 6}, {19, 5}, {21, 6}});
  CHECK_FALSE(painNotImproving(plan, flat, kStart + days(20)));       // day 21: too early
  const auto flag = painNotImproving(plan, flat, kStart + days(21));  // day 22
  REQUIRE(flag);
  CHECK(flag->kind == RedFlagKind::PainNotImproving);
  CHECK(flag->advice == kPainNotImprovingAdvice);
}

TEST_CASE("pain that dropped a full point, low pain or too few check-ins raise no flag") {
  const auto plan = sixWeeks();
  const LogicalDate day22 = kStart + days(21);
  CHECK_FALSE(painNotImproving(plan, pain({{0, 6}, {3, 6}, {17, 5}, {21, 5}}), day22));
  CHECK(painNotImproving(plan, pain({{0, 6}, {3, 6}, {17, 5.5}, {21, 5}}), day22));
  CHECK_FALSE(painNotImproving(plan, pain({{0, 1}, {3, 1}, {17, 2}, {21, 2}}), day22));
  CHECK_FALSE(painNotImproving(plan, pain({{0, 6}, {17, 6}, {21, 6}}), day22));
  CHECK_FALSE(painNotImproving(plan, pain({{0, 6}, {3, 6}, {21, 6}}), day22));
}

TEST_CASE("after the plan ends the last plan week is what counts") {
  const auto plan = sixWeeks();  // days 0..41
  const auto series = pain({{0, 6}, {2, 6}, {36, 6}, {40, 6}});
  CHECK(painNotImproving(plan, series, kStart + days(80)));
}

TEST_CASE("notes must be clean UTF-8") {
  CHECK(isCleanUtf8("stiff, sore \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"));
  CHECK(isCleanUtf8(""));
  for (const std::string& bad :
       {std::string("a\0b", 3), std::string("\xC3"), std::string("\xC0\xAF"),
        std::string("\xED\xA0\x80"), std::string("\xF4\x90\x80\x80"), std::string("\xFF")}) {
    CHECK_FALSE(isCleanUtf8(bad));
  }
}
