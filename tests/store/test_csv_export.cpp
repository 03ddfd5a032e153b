// CSV: RFC 4180 quoting, formula-injection guarding and the four export files, each read back
// by libcsv.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "store/csv.hpp"
#include "store/export.hpp"
#include "store_test_support.hpp"
#include "support/csv_reader.hpp"

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

// The one record whose `column` holds `value`.
CsvRecord recordWith(const std::vector<CsvRecord>& records, const std::string& column,
                     const std::string& value) {
  std::vector<CsvRecord> found;
  for (const CsvRecord& record : records) {
    if (record.at(column) == value) found.push_back(record);
  }
  INFO(column << " = " << value);
  REQUIRE(found.size() == 1);
  return found.front();
}

CsvRow firstColumns(const std::string& text, size_t count) {
  const CsvRow header = csvRows(text).at(0);
  REQUIRE(header.size() >= count);
  return CsvRow(header.begin(), header.begin() + static_cast<std::ptrdiff_t>(count));
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

TEST_CASE("fields with commas, quotes, newlines and spaces come back whole through libcsv") {
  const std::vector<CsvRow> written{
      {"plain", "a,b", "say \"hi\"", "\"", "two\nlines", "cr\rlf\r\n", ""},
      {" padded ", "caf\xC3\xA9, na\xC3\xAFve", "\"\",\"\"", ",", "\n", "tab\there", "end"}};
  std::ostringstream out;
  CsvWriter csv(out);
  for (const CsvRow& fields : written) {
    for (const std::string& field : fields) csv.plain(field);
    csv.endRow();
  }
  CHECK(csvRows(out.str()) == written);
  // Free text is guarded against formulas, and the guard is all that changes.
  CHECK(csvRows(row([](CsvWriter& c) { c.text("=1+1,\"2\"\n").text("ok"); })) ==
        std::vector<CsvRow>{{"'=1+1,\"2\"\n", "ok"}});
}

TEST_CASE("the CSV reader refuses what RFC 4180 does not allow") {
  CHECK_THROWS(csvRows("a,\"b\"x\r\n"));     // text after a closing quote
  CHECK_THROWS(csvRows("a,b\"c\r\n"));       // a quote in an unquoted field
  CHECK_THROWS(csvRows("a,\"open\r\n"));     // never closed
  CHECK_THROWS(csvRows("a,b\nc,d\n"));       // LF without CR
  CHECK_THROWS(csvRows("a,b\r\nc,d"));       // the last row without CRLF
  CHECK_THROWS(csvRecords("a,b\r\n1\r\n"));  // narrower than the header
  CHECK(csvRows("a,,\r\n") == std::vector<CsvRow>{{"a", "", ""}});
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
  CheckinInput better = checkin(2, std::nullopt, {}, "-better");
  better.gone = {Symptom::Radiating};
  better.moment = CheckinMoment::After;
  store.addCheckin(better, at("2024-05-02", 21, 0, 2));

  const auto files = exportCsv(store, temp.file("out"), at("2024-05-02", 22, 0, 2));
  REQUIRE(files.size() == 4);
  const std::string sessionsText = slurp(temp.file("out/sessions.csv"));
  CHECK(firstColumns(sessionsText, 4) ==
        CsvRow{"session_id", "routine_id", "routine_name", "category"});
  const auto sessions = csvRecords(sessionsText);
  REQUIRE(sessions.size() == 1);
  CHECK(sessions[0].at("routine_name") == "'=cmd|' /C calc'!A0");
  CHECK(sessions[0].at("category") == "stretch");
  CHECK(sessions[0].at("started") == "2024-05-01T09:00:00+02:00");
  CHECK(sessions[0].at("logical_date") == "2024-05-01");
  CHECK(sessions[0].at("ended") == "2024-05-01T09:03:00+02:00");
  CHECK(sessions[0].at("outcome") == "completed");
  CHECK(sessions[0].at("planned_seconds") == "100.0");
  CHECK(sessions[0].at("active_seconds") == "90.0");
  CHECK(sessions[0].at("phases_done") == "2");
  CHECK(sessions[0].at("phases_skipped") == "0");
  CHECK(sessions[0].at("level") == "standard");  // the routine as written
  CHECK(sessions[0].at("sore_side") == "both");

  const CsvRecord phase =
      recordWith(csvRecords(slurp(temp.file("out/phases.csv"))), "phase_number", "2");
  CHECK(phase == CsvRecord{{"session_id", "1"},
                           {"phase_number", "2"},
                           {"kind", "hold"},
                           {"label", "Pigeon pose"},
                           {"routine_id", "pigeon-pose"},
                           {"category", "stretch"},
                           {"side", "right"},
                           {"planned_seconds", "45.0"},
                           {"actual_seconds", "45.0"},
                           {"result", "done"},
                           {"ended", "2024-05-01T09:01:00+02:00"},
                           {"logical_date", "2024-05-01"},
                           {"muscles", ""}});

  const auto checkins = csvRecords(slurp(temp.file("out/checkins.csv")));
  CHECK(recordWith(checkins, "at", "2024-05-01T21:00:00+02:00") ==
        CsvRecord{{"at", "2024-05-01T21:00:00+02:00"},
                  {"logical_date", "2024-05-01"},
                  {"pain", "4"},
                  {"tightness", "3"},
                  {"symptoms", "radiating"},
                  {"note", "tight, \"sore\"\nafter work"},
                  {"moment", "any"},
                  {"gone", ""}});
  const CsvRecord later = recordWith(checkins, "logical_date", "2024-05-02");
  CHECK(later.at("pain") == "2");
  CHECK(later.at("tightness").empty());
  CHECK(later.at("symptoms").empty());
  CHECK(later.at("note") == "'-better");
  CHECK(later.at("moment") == "after");
  CHECK(later.at("gone") == "radiating");

  const std::string daysText = slurp(temp.file("out/days.csv"));
  CHECK(firstColumns(daysText, 6) ==
        CsvRow{"date", "plan_id", "plan_day", "state", "completion", "sessions"});
  const auto days = csvRecords(daysText);
  CHECK(recordWith(days, "date", "2024-05-01") == CsvRecord{{"date", "2024-05-01"},
                                                            {"plan_id", "1"},
                                                            {"plan_day", "1"},
                                                            {"state", "rest"},
                                                            {"completion", "0.250"},
                                                            {"sessions", "1"},
                                                            {"active_minutes", "1.5"},
                                                            {"pain_mean", "4.00"},
                                                            {"tightness_mean", "3.00"}});
  CHECK(recordWith(days, "date", "2024-05-02") == CsvRecord{{"date", "2024-05-02"},
                                                            {"plan_id", "1"},
                                                            {"plan_day", "2"},
                                                            {"state", "today"},
                                                            {"completion", "0.000"},
                                                            {"sessions", "0"},
                                                            {"active_minutes", "0.0"},
                                                            {"pain_mean", "2.00"},
                                                            {"tightness_mean", ""}});
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
