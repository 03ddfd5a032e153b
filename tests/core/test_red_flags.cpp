// Red flags from symptoms: every warning sign has a name, a label and advice; urgent ones come
// first; a flag stays until a later check-in says the symptom has gone.
#include <catch2/catch.hpp>

#include "core/recovery/red_flags.hpp"

using namespace unknot;
using std::chrono::days;

namespace {

const LogicalDate kStart = *parseDate("2024-04-01");

CheckinRecord checkin(int dayIndex, std::vector<Symptom> symptoms, std::vector<Symptom> gone = {}) {
  CheckinRecord c;
  c.date = kStart + days(dayIndex);
  c.pain = 3;
  c.symptoms = std::move(symptoms);
  c.gone = std::move(gone);
  return c;
}

bool contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("every symptom has a name, aliases, a label and advice that sends to a professional") {
  for (const Symptom symptom : kAllSymptoms) {
    INFO(toString(symptom));
    CHECK(symptomFromString(toString(symptom)) == symptom);
    CHECK(std::string(symptomLabel(symptom)).size() > 5);
    const std::string advice = symptomAdvice(symptom);
    CHECK((contains(advice, "doctor") || contains(advice, "emergency") ||
           contains(advice, "medical care")));
  }
  CHECK(std::size(kAllSymptoms) == 9);
  CHECK(symptomFromString("tingling") == Symptom::Numbness);
  CHECK(symptomFromString("sciatica") == Symptom::Radiating);
  CHECK(symptomFromString("walking") == Symptom::Mobility);
  CHECK(symptomFromString("leg-weakness") == Symptom::Weakness);
  CHECK(symptomFromString("bladder") == Symptom::BladderBowel);
  CHECK_FALSE(symptomFromString("headache"));
  CHECK_FALSE(symptomFromString("Numbness"));
  CHECK(symptomNames() ==
        "numbness, weakness, radiating, swelling, mobility, injury, saddle-numbness, "
        "bladder-bowel, fever");
  CHECK(contains(kNotMedicalAdvice, "not medical advice"));
  CHECK(contains(kSafetyFooter, "sharp pain, numbness or tingling"));
}

TEST_CASE("the urgent signs advise emergency care today and no exercise") {
  for (const Symptom symptom : {Symptom::SaddleNumbness, Symptom::BladderBowel, Symptom::Fever}) {
    INFO(toString(symptom));
    CHECK(isUrgent(symptom));
    CHECK(symptomLevel(symptom) == FlagLevel::Emergency);
    CHECK(contains(symptomAdvice(symptom), "Do not exercise today"));
    CHECK(contains(symptomAdvice(symptom), "today"));
  }
  CHECK(contains(symptomAdvice(Symptom::SaddleNumbness), "emergency care now"));
  CHECK(contains(symptomAdvice(Symptom::BladderBowel), "emergency care now"));
  CHECK_FALSE(isUrgent(Symptom::Numbness));
}

TEST_CASE("numbness and leg weakness are to be checked today, as the article says") {
  for (const Symptom symptom : {Symptom::Numbness, Symptom::Weakness}) {
    INFO(toString(symptom));
    CHECK(symptomLevel(symptom) == FlagLevel::Today);
    CHECK(contains(symptomAdvice(symptom), "get it checked by a doctor today"));
  }
  CHECK_FALSE(contains(symptomAdvice(Symptom::Numbness), "soon"));
  CHECK(symptomLevel(Symptom::Radiating) == FlagLevel::SeeSoon);
}

TEST_CASE(
    "a symptom stays flagged, with its latest date, until a later check-in says it has gone") {
  const std::vector<CheckinRecord> record{
      checkin(0, {Symptom::Numbness}),
      checkin(40, {Symptom::Numbness, Symptom::Swelling}),  // long past any fixed expiry
      checkin(41, {}),                                      // says nothing: both stay
  };
  auto flags = symptomFlags(symptomMarks(record));
  REQUIRE(flags.size() == 2);
  CHECK(flags[0].symptom == Symptom::Numbness);  // "today" comes before "see soon"
  CHECK(flags[0].date == kStart + days(40));
  CHECK(flags[0].advice == symptomAdvice(Symptom::Numbness));
  CHECK(flags[1].symptom == Symptom::Swelling);

  auto gone = record;
  gone.push_back(checkin(42, {}, {Symptom::Numbness}));
  flags = symptomFlags(symptomMarks(gone));
  REQUIRE(flags.size() == 1);
  CHECK(flags[0].symptom == Symptom::Swelling);

  // Reported again after it had gone: up again.
  gone.push_back(checkin(50, {Symptom::Numbness}));
  flags = symptomFlags(symptomMarks(gone));
  REQUIRE(flags.size() == 2);
  CHECK(flags[0].symptom == Symptom::Numbness);
  CHECK(flags[0].date == kStart + days(50));
}

TEST_CASE("later means later in the record, whatever the dates say") {
  // A clock set back: the "gone" check-in carries an earlier date but was made later.
  std::vector<SymptomMark> marks{{Symptom::Injury, false, kStart + days(5), 1},
                                 {Symptom::Injury, true, kStart + days(3), 2}};
  CHECK(symptomFlags(marks).empty());
  std::swap(marks[0].order, marks[1].order);
  CHECK(symptomFlags(marks).size() == 1);
}

TEST_CASE("urgent symptoms come first, then today, then see soon, then the pain rules") {
  std::vector<RedFlag> flags = symptomFlags(
      symptomMarks({checkin(0, {Symptom::Radiating, Symptom::Numbness}),
                    checkin(1, {Symptom::Fever}), checkin(2, {Symptom::BladderBowel})}));
  RedFlag rising;
  rising.kind = RedFlagKind::PainRising;
  rising.level = FlagLevel::EaseOff;
  flags.insert(flags.begin(), rising);
  sortFlags(flags);
  REQUIRE(flags.size() == 5);
  CHECK(flags[0].symptom == Symptom::BladderBowel);
  CHECK(flags[1].symptom == Symptom::Fever);
  CHECK(flags[0].urgent());
  CHECK(flags[2].symptom == Symptom::Numbness);
  CHECK(flags[3].symptom == Symptom::Radiating);
  CHECK(flags[4].kind == RedFlagKind::PainRising);
  CHECK(anyUrgent(flags));
  CHECK_FALSE(anyUrgent({flags[2], flags[3]}));
  CHECK(flagTitle(flags[0]) == "Urgent: new trouble passing or holding urine or stools");
  CHECK(flagTitle(flags[2]) == "Get it checked today: numbness or tingling in a leg or foot");
  CHECK(flagTitle(flags[3]) == "See a professional: pain radiating down the leg");
  CHECK(flagTitle(flags[4]) == "Pain getting worse");
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
