// `unknot report --pdf`: the page is read back with poppler's tools (pdfinfo, pdftotext,
// pdftoppm), someone else's parser, and its figures are checked against `stats --json` for the
// same record, the demo record that scripts/seed-demo-record builds.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/process.hpp"

using namespace unknot::testing;
namespace fs = std::filesystem;

namespace {

bool contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Record {
  TempDir home;
  std::map<std::string, std::string> env() const {
    return {{"XDG_CONFIG_HOME", home.file("config")},
            {"XDG_DATA_HOME", home.file("data")},
            {"HOME", home.path()},
            {"LC_ALL", "C"},
            {"SDL_AUDIODRIVER", "dummy"}};
  }
  std::string data() const { return home.file("data/unknot"); }
  ProcessResult run(std::vector<std::string> args) const {
    args.insert(args.begin(), UNKNOT_BINARY);
    ProcessOptions options;
    options.env = env();
    return runProcess(args, options);
  }
};

// The local calendar date, as the report's stamp prints it.
std::string calendarToday() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &local);
  return text;
}

// The demo record is built once (it takes a while): a 6-week plan 16 days in.
const Record& demo() {
  static const Record record;
  static const ProcessResult seeded = [] {
    ProcessOptions options;
    options.env = record.env();
    return runProcess(
        {fs::path(UNKNOT_SOURCE_DIR) / "scripts/seed-demo-record", UNKNOT_BINARY, record.data()},
        options);
  }();
  INFO(seeded.err);
  REQUIRE(seeded.exitCode == 0);
  return record;
}

std::string percentOf(const nlohmann::json& ratio) {
  return std::to_string(static_cast<int>(std::lround(ratio.get<double>() * 100))) + "%";
}

std::string oneDecimal(double value, const char* format = "%.1f") {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

// "3" or "3.5", as the report and the stats page write scores.
std::string score(double value) {
  return std::fabs(value - std::round(value)) < 0.05 ? oneDecimal(value, "%.0f")
                                                     : oneDecimal(value);
}

struct Pixmap {
  int width = 0, height = 0;
  std::string rgb;
  // Pixels in the box (in points at 72 dpi) whose colour is the chart's teal.
  int tealIn(int x0, int y0, int x1, int y1) const {
    int count = 0;
    for (int y = y0; y < std::min(y1, height); ++y) {
      for (int x = x0; x < std::min(x1, width); ++x) {
        const auto* p = reinterpret_cast<const unsigned char*>(&rgb[(y * width + x) * 3]);
        if (p[1] > p[0] + 40 && p[2] > p[0] + 30 && p[1] < 200) ++count;
      }
    }
    return count;
  }
};

Pixmap render(const std::string& pdf, const TempDir& dir) {
  const auto result = runProcess({"pdftoppm", "-r", "72", "-singlefile", pdf, dir.file("page")});
  REQUIRE(result.exitCode == 0);
  // pdftoppm writes binary PPM (P6): "P6\nW H\n255\n" and then the pixels.
  const std::string ppm = slurp(dir.file("page.ppm"));
  std::istringstream header(ppm);
  std::string magic;
  int maxValue = 0;
  Pixmap pixmap;
  header >> magic >> pixmap.width >> pixmap.height >> maxValue;
  REQUIRE(magic == "P6");
  const auto offset = static_cast<size_t>(header.tellg()) + 1;
  pixmap.rgb = ppm.substr(offset);
  REQUIRE(pixmap.rgb.size() == static_cast<size_t>(pixmap.width * pixmap.height * 3));
  return pixmap;
}

void figuresMatchStats(const Record& record);
void chartIsDrawn(const Record& record);
void letterAndTo(const Record& record);

}  // namespace

// One test case, so the demo record is built once: each case runs in a process of its own.
TEST_CASE("the demo record's report: one page, the figures of stats --json, a drawn chart",
          "[long]") {
  const Record& record = demo();
  SECTION("one A4 page holding the figures stats --json reports") {
    figuresMatchStats(record);
  }
  SECTION("the pain chart's area is not blank") {
    chartIsDrawn(record);
  }
  SECTION("--paper letter and --to: the record as it stood, on a US Letter page") {
    letterAndTo(record);
  }
}

namespace {

void figuresMatchStats(const Record& record) {
  const auto stats = record.run({"stats", "--json"});
  REQUIRE(stats.exitCode == 0);
  const auto json = nlohmann::json::parse(stats.out);
  const std::string pdf = record.home.file("r.pdf");
  const auto made = record.run({"report", "--pdf", pdf});
  INFO(made.err);
  REQUIRE(made.exitCode == 0);
  CHECK(contains(made.out, "Wrote a one-page report (A4) to " + pdf));

  const auto info = runProcess({"pdfinfo", pdf});
  REQUIRE(info.exitCode == 0);
  CHECK(contains(info.out, "Pages:           1\n"));
  CHECK(contains(info.out, "(A4)"));
  const auto text = runProcess({"pdftotext", "-layout", pdf, "-"});
  REQUIRE(text.exitCode == 0);
  const std::string& page = text.out;
  INFO(page);

  const auto& plan = json["plan"];
  CHECK(contains(page, "day " + plan["day"].dump() + " of " + plan["days"].dump()));
  CHECK(contains(page, plan["start"].get<std::string>() + " to " + plan["end"].get<std::string>()));
  CHECK(contains(page, percentOf(json["adherence"]["so_far"])));
  CHECK(contains(page, percentOf(json["adherence"]["last_7_days"])));
  const int streak = json["streak"]["current"];
  CHECK(contains(page, std::to_string(streak) + (streak == 1 ? " day" : " days")));
  CHECK(contains(page, "longest " + json["streak"]["longest"].dump()));
  const auto& pain = json["pain"];
  CHECK(contains(page, "Latest day " + score(pain["latest"].get<double>())));
  CHECK(contains(page, "7-day mean " + score(pain["series"].back()["pain_7d"].get<double>())));
  CHECK(contains(page, "Trend: " + pain["trend"].get<std::string>()));
  CHECK(
      contains(page, oneDecimal(pain["slope_per_week"].get<double>(), "%+.1f") + " points a week"));
  for (const auto& category : json["categories"]) {
    CHECK(contains(page, category["category"].get<std::string>()));
  }
  CHECK(contains(page, "Easier to sit today"));
  CHECK(contains(page, "is not medical advice"));
  // Stamped with the calendar date it was made, which before the day-start hour is the day
  // after the record's "today".
  CHECK(contains(page, "Made with unknot on " + calendarToday()));
}

void chartIsDrawn(const Record& record) {
  TempDir out;
  REQUIRE(record.run({"report", "--pdf", out.file("r.pdf")}).exitCode == 0);
  Record empty;
  REQUIRE(empty.run({"report", "--pdf", out.file("empty.pdf")}).exitCode == 0);
  // The chart's plot sits right of the calendar, under the key figures.
  const int withData = render(out.file("r.pdf"), out).tealIn(280, 175, 555, 300);
  const int without = render(out.file("empty.pdf"), out).tealIn(280, 175, 555, 300);
  CHECK(withData > without + 300);
}

void letterAndTo(const Record& record) {
  TempDir out;
  const auto stats = record.run({"stats", "--json"});
  const auto json = nlohmann::json::parse(stats.out);
  const auto made = record.run({"report", "--pdf", out.file("l.pdf"), "--paper", "letter"});
  REQUIRE(made.exitCode == 0);
  CHECK(contains(runProcess({"pdfinfo", out.file("l.pdf")}).out, "612 x 792 pts (letter)"));
  // The plan's fifth day, as `stats --now` at its end sees it.
  const std::string fifth = json["days"][4]["date"];
  const auto earlier = record.run({"report", "--pdf", out.file("t.pdf"), "--to", fifth});
  REQUIRE(earlier.exitCode == 0);
  const auto statsThen =
      nlohmann::json::parse(record.run({"stats", "--json", "--now", fifth + "T23:59"}).out);
  const std::string page = runProcess({"pdftotext", "-layout", out.file("t.pdf"), "-"}).out;
  INFO(page);
  CHECK(contains(page, "day 5 of " + json["plan"]["days"].dump()));
  // --from narrows what the calendar, chart and lists show, and the page says so.
  const std::string eighth = json["days"][7]["date"];
  REQUIRE(record.run({"report", "--pdf", out.file("f.pdf"), "--from", eighth}).exitCode == 0);
  const std::string narrowed = runProcess({"pdftotext", out.file("f.pdf"), "-"}).out;
  CHECK(contains(narrowed, "Calendar, chart and lists from " + eighth));
  CHECK(contains(narrowed, "Wk 2"));
  CHECK_FALSE(contains(narrowed, "Wk 1"));
  CHECK(contains(page, percentOf(statsThen["adherence"]["so_far"])));
}

}  // namespace

TEST_CASE("report refuses bad input with one line, and a failed report leaves no file") {
  const Record record;
  TempDir out;
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
      {{"--pdf", out.file("x.pdf"), "--from", "2024-13-01"},
       "unknot: report: --from: expected a date like 2024-05-01, found '2024-13-01'"},
      {{"--pdf", out.file("x.pdf"), "--from", "2024-05-02", "--to", "2024-05-01"},
       "unknot: report: --from 2024-05-02 is after --to 2024-05-01"},
      {{"--pdf", out.file("x.pdf"), "--to", "2999-01-01"},
       "unknot: report: --to: 2999-01-01 is after today"},
      {{"--pdf", out.file("x.pdf"), "--paper", "a5"}, "--paper: expected a4 or letter, found 'a5'"},
  };
  for (const auto& [args, message] : cases) {
    std::vector<std::string> command{"report"};
    command.insert(command.end(), args.begin(), args.end());
    const auto result = record.run(command);
    INFO(result.err);
    CHECK(result.exitCode == 2);
    CHECK(contains(result.err, message));
    CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
  }
  const auto missing = record.run({"report", "--pdf", out.file("no/such/r.pdf")});
  CHECK(missing.exitCode == 1);
  CHECK(missing.err ==
        "unknot: report: cannot write in " + out.file("no/such") + ": No such file or directory\n");
  const auto folder = record.run({"report", "--pdf", out.path()});
  CHECK(folder.exitCode == 1);
  CHECK(contains(folder.err, "is a folder; give a file name"));
  CHECK(fs::is_empty(out.path()));
}
