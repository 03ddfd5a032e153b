// The report writer on its own: paper sizes, the file it leaves (a whole PDF or nothing), and
// that a long record still draws onto one page without throwing.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "report/pdf_report.hpp"
#include "support/process.hpp"

using namespace unknot;
using namespace unknot::testing;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

ProgressSnapshot sampleSnapshot() {
  ProgressInput input;
  input.today = *parseDate("2024-04-10");
  RecoveryPlan plan;
  plan.id = 1;
  plan.start = *parseDate("2024-04-01");
  PlanSettings settings;
  settings.weeks = 2;
  settings.targets = {Target{"", {Category::Stretch}, 1, 1}};
  plan.versions = {{plan.start, settings}};
  input.plan = plan;
  for (int day = 0; day < 10; ++day) {
    CheckinRecord checkin;
    checkin.date = plan.start + std::chrono::days(day);
    checkin.pain = 7 - day / 2;
    checkin.tightness = 8 - day / 2;
    // Notes long enough to wrap, and more of them than the page keeps.
    checkin.note = "A long note about sitting at work and the drive home, day " +
                   std::to_string(day) + ", which wraps over more than one line of the list";
    input.checkins.push_back(checkin);
  }
  for (int i = 0; i < 30; ++i)
    input.flares.push_back({plan.start, "flare note " + std::to_string(i)});
  return progressSnapshot(input);
}

size_t filesIn(const fs::path& dir) {
  size_t count = 0;
  for ([[maybe_unused]] const auto& item : fs::directory_iterator(dir)) ++count;
  return count;
}

}  // namespace

TEST_CASE("A4 and Letter have their sizes in points, and names a4 and letter") {
  CHECK(paperSize(Paper::A4).width == Approx(595.28).epsilon(0.001));
  CHECK(paperSize(Paper::A4).height == Approx(841.89).epsilon(0.001));
  CHECK(paperSize(Paper::Letter).width == 612);
  CHECK(paperSize(Paper::Letter).height == 792);
  CHECK(paperFromName("letter") == Paper::Letter);
  CHECK(paperFromName("a4") == Paper::A4);
  CHECK_FALSE(paperFromName("A5"));
  CHECK(std::string(toString(Paper::Letter)) == "letter");
}

TEST_CASE("the report is a whole PDF in place of the file, with no temporary file left") {
  TempDir dir;
  const fs::path file = fs::path(dir.path()) / "report.pdf";
  std::ofstream(file) << "an older report";
  ReportOptions options;
  options.madeAt = localInstantAt(UtcMillis(std::chrono::milliseconds(1712750000000)));
  writeReportPdf(sampleSnapshot(), options, file);
  const std::string pdf = slurp(file);
  CHECK(pdf.rfind("%PDF-", 0) == 0);
  CHECK(pdf.find("%%EOF") != std::string::npos);
  CHECK(filesIn(dir.path()) == 1);
  // Health data: the owner's alone.
  CHECK((fs::status(file).permissions() & fs::perms::others_read) == fs::perms::none);
}

TEST_CASE("a report that cannot be written throws and leaves the old file as it was") {
  TempDir dir;
  ReportOptions options;
  CHECK_THROWS_AS(writeReportPdf(sampleSnapshot(), options, fs::path(dir.path()) / "no/such.pdf"),
                  ReportError);
  CHECK(filesIn(dir.path()) == 0);
}

TEST_CASE("the window's report file is named after the day") {
  CHECK(reportFileName(*parseDate("2024-05-01")) == "unknot-report-2024-05-01.pdf");
}

TEST_CASE("the snapshot of a day without a plan draws too") {
  TempDir dir;
  ProgressInput input;
  input.today = *parseDate("2024-04-10");
  ReportOptions options;
  options.paper = Paper::Letter;
  options.from = *parseDate("2024-04-05");
  const fs::path file = fs::path(dir.path()) / "r.pdf";
  writeReportPdf(progressSnapshot(input), options, file);
  CHECK(slurp(file).rfind("%PDF-", 0) == 0);
}
