// CSV: RFC 4180 quoting, formula-injection guarding and the four export files.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "store/csv.hpp"
#include "store/export.hpp"
#include "store_test_support.hpp"

using namespace unknot;
using namespace unknot::testing;

namespace {

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string row(std::function<void(CsvWriter&)> write) {
  std::ostringstream out;
  CsvWriter csv(out);
  write(csv);
  csv.endRow();
  return out.str();
}

}  // namespace

TEST_CASE("CSV fields are quoted as RFC 4180 says") {
  CHECK(csvQuote("plain") == "plain");
  CHECK(csvQuote("a,b") == "\"a,b\"");
  CHECK(csvQuote("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csvQuote("two\nlines") == "\"two\nlines\"");
  CHECK(csvQuote("cr\rhere") == "\"cr\rhere\"");
  CHECK(csvQuote("") == "");
  CHECK(row([](CsvWriter& c) { c.plain("a").text("b,c").number(std::int64_t{-3}).empty(); }) ==
        "a,\"b,c\",-3,\r\n");
}

TEST_CASE("text cells that a spreadsheet would run as a formula are escaped") {
  for (const char* risky : {"=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"}) {
    INFO(risky);
    CHECK(guardFormula(risky) == std::string("'") + risky);
  }
  CHECK(guardFormula("fine = ok") == "fine = ok");
  CHECK(guardFormula("") == "");
  CHECK(row([](CsvWriter& c) { c.text("=1+1,2"); }) == "\"'=1+1,2\"\r\n");
  // Numbers we write ourselves keep their sign.
  CHECK(row([](CsvWriter& c) { c.number(-1.5, 1); }) == "-1.5\r\n");
}

TEST_CASE("export writes sessions, phases, check-ins and days with ISO 8601 offsets") {
  TempDir temp;
  Store store(temp.file("data"));
  store.startPlan(day("2024-05-01"), defaultPlanSettings(), at("2024-05-01", 8, 0, 2));
  SessionStart start = stretchSession();
  start.routineName = "=cmd|' /C calc'!A0";
  const auto id = store.beginSession(start, at("2024-05-01", 9, 0, 2));
  store.addPhase(id, holdPhase(1, Side::Right, 45), at("2024-05-01", 9, 1, 2));
  store.addPhase(id, holdPhase(3, Side::Left, 45), at("2024-05-01", 9, 2, 2));
  store.endSession(id, SessionOutcome::Completed, at("2024-05-01", 9, 3, 2));
  store.addCheckin(checkin(4, 3, {Symptom::Radiating}, "tight, \"sore\"\nafter work"),
                   at("2024-05-01", 21, 0, 2));
  store.addCheckin(checkin(2, std::nullopt, {}, "-better"), at("2024-05-02", 21, 0, 2));

  const auto files = exportCsv(store, temp.file("out"), at("2024-05-02", 22, 0, 2));
  REQUIRE(files.size() == 4);
  const std::string sessions = slurp(temp.file("out/sessions.csv"));
  CHECK_THAT(sessions, Catch::StartsWith("session_id,routine_id,routine_name,category,"));
  CHECK_THAT(sessions, Catch::Contains(",'=cmd|' /C calc'!A0,stretch,"));
  CHECK_THAT(sessions, Catch::Contains(",2024-05-01T09:00:00+02:00,2024-05-01,"
                                       "2024-05-01T09:03:00+02:00,completed,100.0,90.0,2,0\r\n"));
  const std::string phases = slurp(temp.file("out/phases.csv"));
  CHECK_THAT(phases, Catch::Contains("\r\n1,2,hold,Pigeon pose,pigeon-pose,stretch,right,45.0,45.0,"
                                     "done,2024-05-01T09:01:00+02:00,2024-05-01\r\n"));
  const std::string checkins = slurp(temp.file("out/checkins.csv"));
  CHECK_THAT(checkins, Catch::Contains("2024-05-01T21:00:00+02:00,2024-05-01,4,3,radiating,"
                                       "\"tight, \"\"sore\"\"\nafter work\"\r\n"));
  CHECK_THAT(checkins, Catch::Contains(",2,,,'-better\r\n"));
  const std::string days = slurp(temp.file("out/days.csv"));
  CHECK_THAT(days, Catch::StartsWith("date,plan_id,plan_day,state,completion,sessions,"));
  CHECK_THAT(days, Catch::Contains("\r\n2024-05-01,1,1,rest,0.250,1,1.5,4.00,3.00\r\n"));
  CHECK_THAT(days, Catch::Contains("\r\n2024-05-02,1,2,today,0.000,0,0.0,2.00,\r\n"));
  for (const auto& entry : std::filesystem::directory_iterator(temp.file("out")))
    CHECK(entry.path().filename().string().front() != '.');
}

TEST_CASE("export into a path that cannot be a folder fails with the reason") {
  TempDir temp;
  Store store(temp.file("data"));
  temp.write("taken", "a file");
  CHECK_THROWS_WITH(exportCsv(store, temp.file("taken"), at("2024-05-02", 22)),
                    Catch::Contains("cannot create the export folder"));
}
