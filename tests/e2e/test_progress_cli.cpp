// End-to-end tests of the progress record: plans, recorded terminal runs, check-ins, stats,
// export, backup, a run killed mid-way, databases that cannot be used, and data folders that
// can only be read.
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "core/recovery/logical_day.hpp"
#include "store/schema.hpp"
#include "support/csv_reader.hpp"
#include "support/hermetic_env.hpp"
#include "support/process.hpp"
#include "support/read_only_folder.hpp"

using namespace unknot;
using namespace unknot::testing;

namespace {

// Short routines so runs take a fraction of a second at --time-scale 20.
const char* kQuickStretch =
    "schema = 1\nname = \"Quick stretch\"\ncategory = \"stretch\"\nprepare = 0\n\n"
    "[[steps]]\nname = \"Stretch\"\nduration = 4\nsides = \"both\"\nswitch = 1\n";
const char* kQuickRoll =
    "schema = 1\nname = \"Quick roll\"\ncategory = \"foam-roll\"\nprepare = 0\n\n"
    "[[steps]]\nname = \"Roll\"\nduration = 4\n";
const char* kManyHolds =
    "schema = 1\nname = \"Many holds\"\ncategory = \"stretch\"\nprepare = 0\n\n"
    "[[steps]]\nname = \"Hold\"\nduration = 3\nsets = 40\n";

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Sessions that straddle the day start would land on two dates; wait until we are clear of it.
void avoidDayStart() {
  using namespace std::chrono;
  while (true) {
    const auto now = system_clock::now();
    const auto sinceMidnight = now - floor<days>(now);
    if (abs(sinceMidnight - hours(3)) > minutes(1)) return;
    std::this_thread::sleep_for(seconds(5));
  }
}

// Today's logical date in UTC, as the binary computes it with TZ=UTC.
LogicalDate today() {
  using namespace std::chrono;
  return logicalDate(time_point_cast<milliseconds>(system_clock::now()), seconds(0));
}

struct Cli {
  TempDir home;
  Cli() {
    avoidDayStart();
    home.write("config/unknot/routines/quick-stretch.toml", kQuickStretch);
    home.write("config/unknot/routines/quick-roll.toml", kQuickRoll);
    home.write("config/unknot/routines/many-holds.toml", kManyHolds);
  }
  std::map<std::string, std::string> env() const {
    return {{"XDG_CONFIG_HOME", home.file("config")},
            {"XDG_DATA_HOME", home.file("data")},
            {"HOME", home.path()},
            {"TZ", "UTC"},
            {"SDL_AUDIODRIVER", "dummy"}};
  }
  ProcessResult run(std::vector<std::string> args) const {
    args.insert(args.begin(), UNKNOT_BINARY);
    ProcessOptions options;
    options.env = env();
    return runProcess(args, options);
  }
  ProcessResult runRoutine(const std::string& id) const {
    return run({"run", id, "--terminal", "--time-scale", "20"});
  }
  std::string dataDir() const { return home.file("data/unknot"); }
  std::string db() const { return home.file("data/unknot/unknot.db"); }
};

// A plain read-write connection for peeking; closed on scope exit.
class Peek {
 public:
  explicit Peek(const std::string& path) {
    sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READWRITE, nullptr);
    sqlite3_busy_timeout(m_db, 5000);
  }
  ~Peek() { sqlite3_close(m_db); }
  Peek(const Peek&) = delete;
  Peek& operator=(const Peek&) = delete;
  std::string text(const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    std::string out = "<error>";
    if (sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr) == SQLITE_OK) {
      out = "";
      if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
        out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    }
    sqlite3_finalize(stmt);
    return out;
  }
  int integer(const char* sql) { return std::atoi(text(sql).c_str()); }

 private:
  sqlite3* m_db = nullptr;
};

bool contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

// Runs unknot over a data folder it cannot write, in a way that holds for root too: under a
// read-only bind mount, or by file modes (as another user when the tests run as root).
class ReadOnlyData {
 public:
  enum class By { Mount, Modes };
  ReadOnlyData(const Cli& cli, By by) : m_cli(cli), m_by(by) {
    // Another user must be able to reach the folders and write the export.
    std::filesystem::permissions(cli.home.path(), std::filesystem::perms(0755));
    std::filesystem::create_directories(cli.home.file("out"));
    std::filesystem::permissions(cli.home.file("out"), std::filesystem::perms(0777));
    if (by == By::Modes) {
      m_modes = std::make_unique<ReadOnlyFolder>(cli.dataDir(), ReadOnlyFolder::Way::Modes);
    } else {
      m_available = underReadOnlyMount(cli.dataDir(), {"true"}).has_value();
    }
  }
  // False when this machine cannot make the folder read-only this way.
  bool available() const { return m_available; }
  ProcessResult run(std::vector<std::string> args) const {
    args.insert(args.begin(), UNKNOT_BINARY);
    ProcessOptions options;
    options.env = m_cli.env();
    return runProcess(
        m_by == By::Mount ? *underReadOnlyMount(m_cli.dataDir(), args) : runAsOtherUser(args),
        options);
  }

 private:
  const Cli& m_cli;
  By m_by;
  bool m_available = true;
  std::unique_ptr<ReadOnlyFolder> m_modes;
};

// A database exactly as schema 1 left it, holding one check-in today with pain 5.
void makeVersion1(const std::string& dir) {
  std::filesystem::create_directories(dir);
  sqlite3* db = nullptr;
  sqlite3_open((dir + "/unknot.db").c_str(), &db);
  const std::string now = std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(
                                             std::chrono::system_clock::now().time_since_epoch())
                                             .count());
  const std::string sql = std::string(migrations()[0]) +
                          "PRAGMA application_id = " + std::to_string(kApplicationId) +
                          "; PRAGMA user_version = 1;"
                          "INSERT INTO checkins (at_utc_ms, at_offset_s, logical_date, pain) "
                          "VALUES (" +
                          now + ", 0, '" + formatDate(today()) + "', 5);";
  sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
  sqlite3_close(db);
}

void checkReadingCommands(const Cli& cli, const ReadOnlyData& data) {
  const auto before = folderBytes(cli.dataDir());
  REQUIRE(before.count("unknot.db") == 1);
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"stats"},
                                             {"stats", "--json"},
                                             {"history"},
                                             {"export", "--csv", cli.home.file("out/csv")},
                                             {"reminders", "list"},
                                             {"plan", "show"}}) {
    const auto result = data.run(args);
    INFO(args[0] << ": " << result.err);
    CHECK(result.exitCode == 0);
    CHECK(result.err.empty());
    if (args[0] == "stats" && args.size() == 1) {
      CHECK(contains(result.out, "Streak: 1 day"));
      CHECK(contains(result.out, "Pain: latest day 4"));
    } else if (args[0] == "stats") {
      CHECK(contains(result.out, "\"streak\":{\"current\":1,\"longest\":1}"));
    } else if (args[0] == "history") {
      CHECK(contains(result.out, "Quick stretch - completed"));
    } else if (args[0] == "export") {
      CHECK(std::filesystem::is_regular_file(cli.home.file("out/csv/days.csv")));
    } else if (args[0] == "reminders") {
      CHECK(contains(result.out, "08:00  stretch"));
    } else {
      CHECK(contains(result.out, "day 1 of 42"));
    }
  }
  // A run still runs, and says once that it is not recorded. (Without sound: as another user
  // espeak-ng's PulseAudio probe complains about the config folder it may not write.)
  const auto run =
      data.run({"run", "quick-stretch", "--terminal", "--time-scale", "20", "--no-audio"});
  INFO(run.err);
  CHECK(run.exitCode == 0);
  CHECK(contains(run.out, "Finished Quick stretch"));
  CHECK_FALSE(contains(run.out, "Saved to your progress"));
  CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
  CHECK(contains(run.err, "recording is off"));
  // Writing is refused in one line.
  const auto checkin = data.run({"checkin", "--pain", "2"});
  CHECK(checkin.exitCode == 1);
  CHECK(std::count(checkin.err.begin(), checkin.err.end(), '\n') == 1);
  CHECK(folderBytes(cli.dataDir()) == before);
}

// The 'x' marks in the calendar lines of `unknot stats`.
size_t missedInCalendar(const std::string& stats) {
  std::istringstream lines(stats);
  size_t missed = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("  week ", 0) == 0)
      missed += static_cast<size_t>(std::count(line.begin(), line.end(), 'x'));
  }
  return missed;
}

}  // namespace

TEST_CASE(
    "two terminal runs and a check-in show in stats with the right day, streak and adherence") {
  Cli cli;
  auto plan = cli.run({"plan", "start", "--target", "stretch=1", "--target", "foam-roll=1"});
  INFO(plan.err);
  REQUIRE(plan.exitCode == 0);
  CHECK(contains(plan.out, "day 1 of 42"));

  const auto first = cli.runRoutine("quick-stretch");
  INFO(first.err);
  CHECK(first.exitCode == 0);
  CHECK(contains(first.out, "Saved to your progress"));
  CHECK(cli.runRoutine("quick-roll").exitCode == 0);
  const auto checkin = cli.run({"checkin", "--pain", "4", "--tightness", "2", "--note", "ok"});
  CHECK(checkin.exitCode == 0);
  CHECK(contains(checkin.out, "Check-in saved for " + formatDate(today())));

  const auto stats = cli.run({"stats", "--json"});
  INFO(stats.out);
  REQUIRE(stats.exitCode == 0);
  const std::string& json = stats.out;
  CHECK(contains(json, "\"today\":\"" + formatDate(today()) + "\""));
  CHECK(contains(json, "\"start\":\"" + formatDate(today()) + "\""));
  CHECK(contains(json, "\"day\":1,\"days\":42"));
  CHECK(contains(json, "\"streak\":{\"current\":1,\"longest\":1}"));
  CHECK(contains(json, "\"adherence\":{\"so_far\":1,\"last_7_days\":1}"));
  CHECK(contains(json, "{\"date\":\"" + formatDate(today()) +
                           "\",\"plan_day\":1,\"state\":\"met\",\"completion\":1,\"sessions\":2"));
  CHECK(contains(json, "{\"category\":\"stretch\",\"sessions\":1,"));
  CHECK(contains(json, "{\"category\":\"foam-roll\",\"sessions\":1,"));
  CHECK(contains(json, "\"pain\":{\"latest\":4,"));
  CHECK(contains(json, "\"red_flags\":[]"));
  CHECK(contains(json, "not medical advice"));

  const auto text = cli.run({"stats"});
  CHECK(contains(text.out, "Recovery plan: day 1 of 42"));
  CHECK(contains(text.out, "Streak: 1 day"));
  CHECK(contains(text.out, "Adherence: 100% so far"));

  const auto history = cli.run({"history"});
  CHECK(contains(history.out, "Quick stretch - completed"));
  CHECK(contains(history.out, "Quick roll - completed"));
  CHECK(contains(history.out, "check-in: pain 4, tightness 2; \"ok\""));

  const auto exported = cli.run({"export", "--csv", cli.home.file("csv")});
  INFO(exported.err);
  REQUIRE(exported.exitCode == 0);
  for (const char* name : {"sessions.csv", "phases.csv", "checkins.csv", "days.csv"}) {
    INFO(name);
    CHECK(std::filesystem::is_regular_file(cli.home.file("csv/") + name));
  }
  const auto sessions = csvRecords(slurp(cli.home.file("csv/sessions.csv")));
  REQUIRE(sessions.size() == 2);
  for (const CsvRecord& session : sessions) {
    CHECK(session.at("started").ends_with("+00:00"));
    CHECK(session.at("logical_date") == formatDate(today()));
  }
  const auto checkins = csvRecords(slurp(cli.home.file("csv/checkins.csv")));
  REQUIRE(checkins.size() == 1);
  CHECK(checkins[0].at("pain") == "4");
  CHECK(checkins[0].at("note") == "ok");
  const auto days = csvRecords(slurp(cli.home.file("csv/days.csv")));
  const auto todayRow = std::find_if(days.begin(), days.end(), [](const CsvRecord& day) {
    return day.at("date") == formatDate(today());
  });
  REQUIRE(todayRow != days.end());
  CHECK(todayRow->at("plan_id") == "1");
  CHECK(todayRow->at("plan_day") == "1");
  CHECK(todayRow->at("state") == "met");
  CHECK(todayRow->at("completion") == "1.000");
  CHECK(todayRow->at("sessions") == "2");
}

TEST_CASE("a plan begun two days ago: a rest day bridges, a missed day breaks the streak") {
  Cli cli;
  const std::string start = formatDate(today() - std::chrono::days(2));
  REQUIRE(cli.run({"plan", "start", "--date", start, "--target", "stretch=1"}).exitCode == 0);
  REQUIRE(cli.runRoutine("quick-stretch").exitCode == 0);
  const auto stats = cli.run({"stats", "--json"});
  INFO(stats.out);
  CHECK(contains(stats.out, "\"day\":3,"));
  CHECK(contains(stats.out, "\"state\":\"rest\""));
  CHECK(contains(stats.out, "\"state\":\"missed\""));
  CHECK(contains(stats.out, "\"streak\":{\"current\":1,\"longest\":1}"));
  CHECK(contains(stats.out, "\"so_far\":0.5,"));  // (missed 0 + met 1) / 2; rest not scheduled
}

TEST_CASE("without a plan the days before the first record are not missed") {
  Cli cli;
  REQUIRE(cli.run({"checkin", "--pain", "3"}).exitCode == 0);
  const auto first = cli.run({"stats"});
  INFO(first.out);
  CHECK(contains(first.out, "Adherence: - so far, - over the last 7 days"));
  CHECK(missedInCalendar(first.out) == 0);
  CHECK(contains(first.out, "- before you began"));
  const auto firstJson = cli.run({"stats", "--json"});
  CHECK_FALSE(contains(firstJson.out, "\"missed\""));
  CHECK(contains(firstJson.out, "\"adherence\":{\"so_far\":null,\"last_7_days\":null}"));

  REQUIRE(cli.runRoutine("quick-stretch").exitCode == 0);
  const auto json = cli.run({"stats", "--json"});
  INFO(json.out);
  CHECK_FALSE(contains(json.out, "\"missed\""));
  size_t untracked = 0;
  for (size_t at = json.out.find("\"state\":\"untracked\""); at != std::string::npos;
       at = json.out.find("\"state\":\"untracked\"", at + 1)) {
    ++untracked;
  }
  CHECK(untracked == 27);
  CHECK(contains(json.out, "\"adherence\":{\"so_far\":1,\"last_7_days\":1}"));
  const auto text = cli.run({"stats"});
  CHECK(contains(text.out, "Adherence: 100% so far, 100% over the last 7 days"));
  CHECK(missedInCalendar(text.out) == 0);
}

TEST_CASE("a run killed mid-way keeps its completed phases and is closed as interrupted") {
  Cli cli;
  REQUIRE(cli.run({"plan", "start"}).exitCode == 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    const int devnull = ::open("/dev/null", O_RDWR);
    ::dup2(devnull, STDIN_FILENO);
    ::dup2(devnull, STDOUT_FILENO);
    ::dup2(devnull, STDERR_FILENO);
    applyChildEnvironment(cli.env());
    ::execl(UNKNOT_BINARY, UNKNOT_BINARY, "run", "many-holds", "--terminal", "--time-scale", "10",
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  int seen = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (seen < 3 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (!std::filesystem::exists(cli.db())) continue;
    Peek peek(cli.db());
    seen = peek.integer("SELECT count(*) FROM phases");
  }
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  REQUIRE(WIFSIGNALED(status));
  REQUIRE(seen >= 3);

  int atKill = 0;
  {
    Peek peek(cli.db());
    atKill = peek.integer("SELECT count(*) FROM phases");
    CHECK(atKill >= seen);
    CHECK(atKill < 40);  // it really was killed mid-way
    CHECK(peek.text("SELECT coalesce(outcome, 'open') FROM sessions") == "open");
  }
  const auto stats = cli.run({"stats"});
  CHECK(stats.exitCode == 0);
  CHECK(contains(stats.err, "closed 1 unfinished session"));
  {
    Peek peek(cli.db());
    CHECK(peek.text("SELECT outcome FROM sessions") == "interrupted");
    CHECK(peek.integer("SELECT count(*) FROM phases") == atKill);
    CHECK(peek.integer("SELECT count(*) FROM phases WHERE skipped = 0") == atKill);
    CHECK(peek.text("PRAGMA integrity_check") == "ok");
  }
  CHECK(contains(cli.run({"history"}).out, "Many holds - interrupted"));
  // Closed once only.
  CHECK_FALSE(contains(cli.run({"stats"}).err, "unfinished"));
}

TEST_CASE("a corrupt database is reported, never overwritten, and the timer still runs") {
  Cli cli;
  const std::string garbage = "this is not a database\n" + std::string(4000, '#');
  cli.home.write("data/unknot/unknot.db", garbage);
  const auto run = cli.runRoutine("quick-stretch");
  CHECK(run.exitCode == 0);
  CHECK(contains(run.out, "Finished Quick stretch"));
  CHECK(contains(run.err, "this session will not be recorded"));
  CHECK(contains(run.err, "not a database"));
  CHECK_FALSE(contains(run.out, "Saved to your progress"));
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"checkin", "--pain", "3"},
                                             {"stats"},
                                             {"plan", "start"},
                                             {"export", "--csv", cli.home.file("x")}}) {
    const auto result = cli.run(args);
    INFO(args[0]);
    CHECK(result.exitCode == 1);
    CHECK(contains(result.err, cli.db()));
    CHECK(contains(result.err, "left as it is"));
    CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
  }
  CHECK(slurp(cli.db()) == garbage);
}

TEST_CASE("an unusable data directory is reported and the timer still runs") {
  Cli cli;
  cli.home.write("blocker", "a file where a folder should be");
  const std::string dir = cli.home.file("blocker/unknot");
  const auto run =
      cli.run({"run", "quick-stretch", "--terminal", "--time-scale", "20", "--data-dir", dir});
  CHECK(run.exitCode == 0);
  CHECK(contains(run.out, "Finished Quick stretch"));
  CHECK(contains(run.err, "this session will not be recorded"));
  CHECK(contains(run.err, "cannot create the data directory"));
  const auto checkin = cli.run({"--data-dir", dir, "checkin", "--pain", "2"});
  CHECK(checkin.exitCode == 1);
  CHECK(contains(checkin.err, "cannot create the data directory"));
  if (::geteuid() != 0) {  // root ignores file modes
    cli.home.write("ro/unknot.db", "");
    REQUIRE(cli.run({"--data-dir", cli.home.file("ro"), "stats"}).exitCode == 0);
    ::chmod(cli.home.file("ro/unknot.db").c_str(), 0400);
    const auto readonly = cli.run({"--data-dir", cli.home.file("ro"), "checkin", "--pain", "2"});
    CHECK(readonly.exitCode == 1);
    CHECK(contains(readonly.err, "unknot.db"));
  }
}

TEST_CASE("reading commands read a read-only data folder and leave it exactly as it was") {
  Cli cli;
  REQUIRE(cli.run({"plan", "start", "--target", "stretch=1"}).exitCode == 0);
  REQUIRE(cli.runRoutine("quick-stretch").exitCode == 0);
  REQUIRE(cli.run({"checkin", "--pain", "4"}).exitCode == 0);
  REQUIRE(cli.run({"reminders", "add", "08:00", "--target", "stretch"}).exitCode == 0);
  SECTION("on a read-only mount, which holds for root too") {
    const ReadOnlyData data(cli, ReadOnlyData::By::Mount);
    if (!data.available()) {
      WARN("no mount namespaces here (not root, no user namespaces): skipped");
      return;
    }
    checkReadingCommands(cli, data);
  }
  SECTION("by file modes, as another user when the tests run as root") {
    checkReadingCommands(cli, ReadOnlyData(cli, ReadOnlyData::By::Modes));
  }
}

TEST_CASE("a read-only database of an older schema is read without being upgraded") {
  Cli cli;
  makeVersion1(cli.dataDir());
  const auto before = folderBytes(cli.dataDir());
  const ReadOnlyData data(cli, ReadOnlyData::By::Modes);
  const auto stats = data.run({"stats"});
  INFO(stats.err);
  CHECK(stats.exitCode == 0);
  CHECK(contains(stats.out, "Pain: latest day 5"));
  const auto list = data.run({"reminders", "list"});
  CHECK(list.exitCode == 0);
  CHECK(contains(list.out, "No reminders"));
  CHECK(folderBytes(cli.dataDir()) == before);
}

TEST_CASE("a symptom in a check-in gives the advice at once and stays in stats") {
  Cli cli;
  const auto checkin =
      cli.run({"checkin", "--pain", "6", "--symptom", "numbness", "--symptom", "tingling"});
  CHECK(checkin.exitCode == 0);
  CHECK(contains(checkin.out, "Get it checked today: numbness or tingling"));
  CHECK(contains(checkin.out, "not medical advice"));
  const auto stats = cli.run({"stats", "--json"});
  CHECK(contains(stats.out, "\"red_flags\":[{\"kind\":\"symptom\",\"symptom\":\"numbness\""));
  CHECK(contains(cli.run({"stats"}).out, "Get it checked today: numbness or tingling"));
}

TEST_CASE("bad values get a one-line error and exit 2") {
  Cli cli;
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"checkin", "--pain", "11"},
                                             {"checkin", "--pain", "3", "--tightness", "-1"},
                                             {"checkin", "--pain", "3", "--symptom", "headache"},
                                             {"plan", "start", "--weeks", "7"},
                                             {"plan", "start", "--weeks", "1"},
                                             {"plan", "start", "--date", "2024-02-30"},
                                             {"plan", "start", "--target", "yoga=2"},
                                             {"plan", "start", "--target", "stretch=0"},
                                             {"plan", "start", "--rest-days", "5"},
                                             {"checkin", "--pain", "3", "--note", "bad \xFF byte"},
                                             {"history", "--days", "0"}}) {
    const auto result = cli.run(args);
    INFO(args[0] << " " << args[1] << " " << args.back() << ": " << result.err);
    CHECK(result.exitCode == 2);
    CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
    CHECK(contains(result.err, "unknot: "));
  }
  CHECK_FALSE(std::filesystem::exists(cli.db()));  // refused before touching the store
}

TEST_CASE("a second plan start needs --replace, and an edit keeps past days") {
  Cli cli;
  REQUIRE(cli.run({"plan", "start"}).exitCode == 0);
  const auto again = cli.run({"plan", "start"});
  CHECK(again.exitCode == 1);
  CHECK(contains(again.err, "--replace"));
  const auto edit = cli.run({"plan", "edit", "--target", "stretch=3", "--weeks", "4"});
  INFO(edit.err);
  CHECK(edit.exitCode == 0);
  CHECK(contains(edit.out, "stretch x3"));
  const auto show = cli.run({"plan", "show"});
  CHECK(contains(show.out, "4 weeks"));
  CHECK(contains(show.out, "day 1 of 28"));
  CHECK(cli.run({"plan", "start", "--replace", "--weeks", "2"}).exitCode == 0);
  CHECK(contains(cli.run({"plan", "show"}).out, "day 1 of 14"));
}

TEST_CASE("plan edit changes the targets it names and keeps the others") {
  Cli cli;
  REQUIRE(cli.run({"plan", "start"}).exitCode == 0);
  const auto edit = cli.run({"plan", "edit", "--target", "stretch=3"});
  INFO(edit.err);
  REQUIRE(edit.exitCode == 0);
  for (const char* line :
       {"  stretch x3\n", "  foam-roll or massage x1\n", "  strength x1 from week 2\n"}) {
    CHECK(contains(edit.out, line));  // printed at once, and kept in the record
    CHECK(contains(cli.run({"plan", "show"}).out, line));
  }
  const auto add = cli.run({"plan", "edit", "--target", "routine:pigeon-pose=1"});
  CHECK(contains(add.out, "  pigeon-pose x1\n"));
  CHECK(contains(add.out, "  stretch x3\n"));
  const auto remove = cli.run({"plan", "edit", "--remove-target", "strength"});
  INFO(remove.err);
  REQUIRE(remove.exitCode == 0);
  CHECK_FALSE(contains(remove.out, "strength"));
  CHECK(contains(remove.out, "  foam-roll or massage x1\n"));
  const auto missing = cli.run({"plan", "edit", "--remove-target", "posture"});
  CHECK(missing.exitCode == 2);
  CHECK(contains(missing.err, "the plan has no target 'posture'"));
}

TEST_CASE("without a display or a terminal, unknot starts no routine and records nothing") {
  Cli cli;
  ProcessOptions options;
  options.env = cli.env();
  options.env["DISPLAY"] = "";
  options.env["WAYLAND_DISPLAY"] = "";
  // --time-scale and `timeout`: a build that still started the 24-minute routine fails in
  // seconds instead of hanging the suite.
  for (const auto& args :
       std::vector<std::vector<std::string>>{{}, {"--run", "quick-roll"}, {"run", "quick-roll"}}) {
    std::vector<std::string> command{"timeout", "30", UNKNOT_BINARY, "--time-scale", "1000"};
    command.insert(command.end(), args.begin(), args.end());
    const ProcessResult result = runProcess(command, options);  // stdin: an empty file
    INFO(args.size() << " arguments: " << result.out << result.err);
    CHECK(result.exitCode == 3);
    CHECK(result.out.empty());
    CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
    CHECK(contains(result.err, "--terminal"));
    if (std::filesystem::exists(cli.db())) {
      Peek peek(cli.db());
      CHECK(peek.integer("SELECT count(*) FROM sessions") == 0);
    }
  }
}

TEST_CASE("Ctrl-C in the terminal runner exits 130 and records the run as stopped") {
  Cli cli;
  ProcessOptions options;
  options.env = cli.env();
  options.input = "\x03";  // what raw mode reads for Ctrl-C
  const auto run = runProcess(
      {UNKNOT_BINARY, "run", "quick-stretch", "--terminal", "--time-scale", "5"}, options);
  INFO(run.out << run.err);
  CHECK(run.exitCode == 130);
  CHECK(contains(run.out, "Stopped."));
  Peek peek(cli.db());
  CHECK(peek.text("SELECT outcome FROM sessions") == "stopped");
}

TEST_CASE("the data dir comes from --data-dir, then UNKNOT_DATA_DIR, then XDG_DATA_HOME") {
  Cli cli;
  REQUIRE(cli.run({"checkin", "--pain", "1"}).exitCode == 0);
  CHECK(std::filesystem::exists(cli.db()));
  ProcessOptions options;
  options.env = cli.env();
  options.env["UNKNOT_DATA_DIR"] = cli.home.file("env-dir");
  REQUIRE(runProcess({UNKNOT_BINARY, "checkin", "--pain", "2"}, options).exitCode == 0);
  CHECK(std::filesystem::exists(cli.home.file("env-dir/unknot.db")));
  REQUIRE(
      runProcess({UNKNOT_BINARY, "checkin", "--pain", "3", "--data-dir", cli.home.file("flag-dir")},
                 options)
          .exitCode == 0);
  CHECK(std::filesystem::exists(cli.home.file("flag-dir/unknot.db")));
  Peek peek(cli.home.file("env-dir/unknot.db"));
  CHECK(peek.integer("SELECT count(*) FROM checkins") == 1);
}

TEST_CASE("backup writes a copy that passes integrity_check") {
  Cli cli;
  REQUIRE(cli.run({"plan", "start"}).exitCode == 0);
  REQUIRE(cli.runRoutine("quick-roll").exitCode == 0);
  const auto backup = cli.run({"backup", cli.home.file("copy.db")});
  INFO(backup.err);
  REQUIRE(backup.exitCode == 0);
  Peek peek(cli.home.file("copy.db"));
  CHECK(peek.text("PRAGMA integrity_check") == "ok");
  CHECK(peek.integer("SELECT count(*) FROM sessions") == 1);
  CHECK(cli.run({"backup", cli.db()}).exitCode == 1);
}
