// `unknot stats --json` read back by nlohmann-json: every figure, the key order scripts rely on,
// and text that needs escaping.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>

#include "app/cli/stats_json.hpp"

using namespace unknot;
using std::chrono::days;

namespace {

const LogicalDate kStart = *parseDate("2024-04-01");

LogicalDate day(int n) {
  return kStart + days(n - 1);
}

SessionPart part(std::int64_t id, int n, const char* routine, Category category, int seconds) {
  SessionPart p;
  p.sessionId = id;
  p.date = day(n);
  p.routineId = routine;
  p.category = category;
  p.plannedWorkPhases = 2;
  p.doneWorkPhases = 2;
  p.workTime = Millis(seconds * 1000LL);
  return p;
}

CheckinRecord checkin(int n, int pain, std::vector<Symptom> symptoms = {}) {
  CheckinRecord c;
  c.date = day(n);
  c.pain = pain;
  c.symptoms = std::move(symptoms);
  return c;
}

ProgressInput planInput(int todayN,
                        std::vector<Target> targets = {Target{"", {Category::Stretch}, 1, 1},
                                                       Target{"", {Category::FoamRoll}, 1, 1}}) {
  ProgressInput input;
  input.today = day(todayN);
  RecoveryPlan plan;
  plan.id = 7;
  plan.start = kStart;
  PlanSettings settings;
  settings.weeks = 2;
  settings.targets = std::move(targets);
  settings.restDaysPerWeek = 1;
  plan.versions = {{kStart, settings}};
  input.plan = plan;
  return input;
}

// Day 3 of a two-week plan: one stretch today, a check-in with a symptom that raises a flag.
ProgressSnapshot dayThree() {
  ProgressInput input = planInput(3);
  input.parts = {part(1, 3, "pigeon-pose", Category::Stretch, 90)};
  input.checkins = {checkin(3, 4, {Symptom::Swelling})};
  input.symptomMarks = symptomMarks(input.checkins);
  return progressSnapshot(input);
}

nlohmann::ordered_json parsed(const std::string& json) {
  INFO(json);
  REQUIRE(nlohmann::json::accept(json));
  return nlohmann::ordered_json::parse(json);
}

}  // namespace

TEST_CASE("the JSON form has every figure and escapes text") {
  const std::string json = progressJson(dayThree());
  for (const char* key :
       {"\"today\":\"2024-04-03\"", "\"plan\":{\"id\":7,", "\"day\":3,\"days\":14",
        "\"streak\":{\"current\":0,\"longest\":0}", "\"adherence\":{\"so_far\":0.25,",
        "\"state\":\"today\",\"completion\":0.5", "\"spec\":\"stretch=1\"",
        "\"hold_minutes_by_side\":{\"left\":0,\"right\":0}", "\"trend\":\"unknown\"",
        "\"red_flags\":[{\"kind\":\"symptom\",\"symptom\":\"swelling\",\"date\":\"2024-04-03\"",
        "\"disclaimer\":\""}) {
    INFO(key);
    CHECK(json.find(key) != std::string::npos);
  }
  CHECK(json.back() == '\n');
  CHECK(json.find('\n') == json.size() - 1);  // one line, so scripts can read it line by line
  CHECK(jsonString("a\"b\\c\nd\x01") == "\"a\\\"b\\\\c\\nd\\u0001\"");
  ProgressInput none;
  none.today = day(1);
  CHECK(progressJson(progressSnapshot(none)).find("\"plan\":null") != std::string::npos);
}

TEST_CASE("stats --json is valid JSON that another parser reads back") {
  auto doc = parsed(progressJson(dayThree()));

  std::vector<std::string> keys;
  for (const auto& [key, value] : doc.items()) keys.push_back(key);
  CHECK(keys == std::vector<std::string>{"today", "plan", "streak", "adherence", "days",
                                         "categories", "hold_minutes_by_side", "level",
                                         "flare_days", "hold_balance", "pain", "red_flags",
                                         "disclaimer"});
  CHECK(doc["today"] == "2024-04-03");

  auto& plan = doc["plan"];
  CHECK(plan["id"] == 7);
  CHECK(plan["start"] == "2024-04-01");
  CHECK(plan["end"] == "2024-04-14");
  CHECK(plan["weeks"] == 2);
  CHECK(plan["day"] == 3);
  CHECK(plan["days"] == 14);
  CHECK(plan["not_started"] == false);
  CHECK(plan["finished"] == false);
  CHECK(plan["rest_days_per_week"] == 1);
  CHECK(plan["day_start_hour"] == kDefaultDayStartHour);
  REQUIRE(plan["targets"].size() == 2);
  CHECK(plan["targets"][1] ==
        nlohmann::ordered_json{
            {"what", "foam-roll"}, {"spec", "foam-roll=1"}, {"per_day", 1}, {"from_week", 1}});

  CHECK(doc["streak"]["current"] == 0);
  CHECK(doc["adherence"]["so_far"].get<double>() == Approx(0.25));
  REQUIRE(doc["days"].size() == 14);
  auto& today = doc["days"][2];
  CHECK(today["date"] == "2024-04-03");
  CHECK(today["plan_day"] == 3);
  CHECK(today["state"] == "today");
  CHECK(today["completion"].get<double>() == Approx(0.5));
  CHECK(today["sessions"] == 1);
  CHECK(today["minutes"].get<double>() == Approx(1.5));
  CHECK(today["targets"][0] ==
        nlohmann::ordered_json{{"what", "stretch"}, {"done", 1}, {"per_day", 1}});
  CHECK(doc["days"][13]["state"] == "future");

  REQUIRE(doc["categories"].size() == 1);
  CHECK(doc["categories"][0]["category"] == "stretch");
  CHECK(doc["categories"][0]["sessions"] == 1);
  CHECK(doc["hold_minutes_by_side"]["left"] == 0);

  auto& pain = doc["pain"];
  CHECK(pain["latest"] == 4);
  CHECK(pain["trend"] == "unknown");
  CHECK(pain["slope_per_week"].is_null());
  REQUIRE(pain["series"].size() == 3);
  CHECK(pain["series"][0]["pain"].is_null());
  CHECK(pain["series"][2]["pain"] == 4);
  CHECK(pain["series"][2]["pain_7d"] == 4);
  CHECK(pain["baseline"].is_null());  // no days before the last 7 yet
  CHECK(pain["baseline_days"] == 0);
  CHECK(pain["last_7_days"].is_null());  // one day of check-ins is not a mean yet
  CHECK(pain["previous_7_days"].is_null());

  REQUIRE(doc["red_flags"].size() == 1);
  CHECK(doc["red_flags"][0]["kind"] == "symptom");
  CHECK(doc["red_flags"][0]["symptom"] == "swelling");
  CHECK(doc["red_flags"][0]["advice"] == symptomAdvice(Symptom::Swelling));
  CHECK(doc["red_flags"][0]["level"] == "see-soon");
  CHECK(doc["red_flags"][0]["urgent"] == false);
  CHECK(doc["red_flags"][0]["title"] == "See a professional: swelling, redness or warmth");
  CHECK(doc["red_flags"][0]["reason"] == "");
  CHECK(doc["disclaimer"] == kNotMedicalAdvice);
}

TEST_CASE("quotes, newlines, control characters and UTF-8 in text come back unchanged") {
  std::string tricky = "say \"hi\"\\ then\nnext line\r\ttab \x01\x1f\x7f caf\xC3\xA9 \xE6\x97\xA5 ";
  tricky += '\0';
  tricky += "\xF0\x9F\x99\x82 end";
  ProgressSnapshot snap = progressSnapshot(planInput(3, {Target{tricky, {}, 1, 1}}));
  snap.redFlags.push_back(
      {RedFlagKind::PainNotImproving, std::nullopt, day(3), tricky, FlagLevel::SeeSoon, ""});

  const std::string json = progressJson(snap);
  // Raw control bytes are not JSON; the one newline ends the document.
  CHECK(std::none_of(json.begin(), json.end() - 1, [](unsigned char c) { return c < 0x20; }));
  auto doc = parsed(json);
  CHECK(doc["plan"]["targets"][0]["what"] == tricky);
  CHECK(doc["plan"]["targets"][0]["spec"] == "routine:" + tricky + "=1");
  CHECK(doc["days"][0]["targets"][0]["what"] == tricky);
  CHECK(doc["red_flags"][0]["kind"] == "pain-not-improving");
  CHECK(doc["red_flags"][0]["symptom"].is_null());
  CHECK(doc["red_flags"][0]["advice"] == tricky);

  for (int c = 0; c < 0x20; ++c) {
    const std::string one(1, static_cast<char>(c));
    INFO(c);
    CHECK(nlohmann::json::parse(jsonString(one)) == one);
  }
}

TEST_CASE("text that is not UTF-8 comes out as U+FFFD instead of failing the stats") {
  CHECK(nlohmann::json::parse(jsonString("a\xFFz\xC3")) == "a\xEF\xBF\xBDz\xEF\xBF\xBD");
  const ProgressSnapshot snap = progressSnapshot(planInput(3, {Target{"bad\xFE", {}, 1, 1}}));
  auto doc = parsed(progressJson(snap));
  CHECK(doc["plan"]["targets"][0]["what"] == "bad\xEF\xBF\xBD");
}

TEST_CASE("figures keep four significant digits and whole figures read as integers") {
  ProgressSnapshot snap;
  snap.today = day(1);
  snap.adherence = 1.0;
  snap.adherenceLast7 = 2.0 / 3.0;
  snap.leftHold = Millis(20000);         // a third of a minute
  snap.rightHold = Millis(74073600000);  // 1234560 minutes
  snap.painTrend.slopePerWeek = std::nan("");
  const std::string json = progressJson(snap);
  CHECK(json.find("\"adherence\":{\"so_far\":1,\"last_7_days\":0.6667}") != std::string::npos);
  CHECK(json.find("\"hold_minutes_by_side\":{\"left\":0.3333,\"right\":1235000}") !=
        std::string::npos);
  auto doc = parsed(json);
  CHECK(doc["adherence"]["so_far"].is_number_integer());
  CHECK(doc["hold_minutes_by_side"]["right"] == 1235000);
  CHECK(doc["pain"]["slope_per_week"].is_null());  // NaN has no JSON form
  CHECK(doc["plan"].is_null());
}
