// Faults on the record, through the real binary: the disk filling up mid-run (a tiny tmpfs in a
// mount namespace of the test's own), the data folder turned read-only mid-run (the immutable
// attribute; an ext4 image the kernel turns read-only as after a disk error), the record locked
// by another program, two runs at once (two terminals; a window and a terminal), and runs killed
// at random points. Each run must keep every phase it saved, leave a database that passes
// integrity_check, run its timer to the end and say what went wrong once, in one plain line.
// The long kill soak is hidden here and run by scripts/faults.
#include <signal.h>
#include <sqlite3.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <random>
#include <regex>
#include <sstream>
#include <thread>

#include "support/mount_namespace.hpp"
#include "support/process.hpp"
#include "support/read_only_folder.hpp"

using namespace unknot::testing;
using SteadyTime = std::chrono::steady_clock;

namespace {

// 40 two-second holds: at --time-scale 20 a phase ends every 0.1 s, so a fault lands mid-run
// with most of the run still to come, and the whole run takes 4 s.
const char* kManyHolds =
    "schema = 1\nname = \"Many holds\"\ncategory = \"stretch\"\nprepare = 0\n\n"
    "[[steps]]\nname = \"Hold\"\nduration = 2\nsets = 40\n";
constexpr int kManyHoldsPhases = 40;

bool contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

size_t lineCount(const std::string& text) {
  return static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
}

// The last lines of a run's output, enough to see where it got to.
std::string tail(const std::string& text, size_t lines = 4) {
  size_t start = text.size();
  for (size_t n = 0; n <= lines; ++n) {
    if (start == 0) return text;
    start = text.rfind('\n', start - 1);
    if (start == std::string::npos) return text;
  }
  return text.substr(start + 1);
}

// Phase-start lines the terminal runner printed ("[00:04] Hold - 2s - Set 3 of 40"). The runner
// prints a phase's start only after the recorder has committed the phase before it, so n lines
// mean at least n - 1 phases were saved.
int phasesStarted(const std::string& out) {
  static const std::regex start(R"(\] Hold - \d+s - Set \d+ of \d+)");
  return static_cast<int>(
      std::distance(std::sregex_iterator(out.begin(), out.end(), start), std::sregex_iterator()));
}

// A plain connection to look at the record; closed on scope exit.
class Peek {
 public:
  explicit Peek(const std::string& path) {
    sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READWRITE, nullptr);
    sqlite3_busy_timeout(m_db, 10000);
  }
  ~Peek() { sqlite3_close(m_db); }
  Peek(const Peek&) = delete;
  Peek& operator=(const Peek&) = delete;
  std::string text(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    std::string out = std::string("<error: ") + sqlite3_errmsg(m_db) + ">";
    if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK) {
      out = "";
      const int rc = sqlite3_step(stmt);
      if (rc == SQLITE_ROW && sqlite3_column_text(stmt, 0))
        out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        out = std::string("<error: ") + sqlite3_errmsg(m_db) + ">";
    }
    sqlite3_finalize(stmt);
    return out;
  }
  long long integer(const std::string& sql) { return std::atoll(text(sql).c_str()); }
  // Phases that are not numbered 0..n-1 within their session: a hole is a lost phase.
  long long holes() {
    return integer(
        "SELECT count(*) FROM (SELECT session_id FROM phases GROUP BY session_id "
        "HAVING count(*) != max(phase_index) + 1 OR count(DISTINCT phase_index) != count(*))");
  }

 private:
  sqlite3* m_db = nullptr;
};

// A person's home with the routine, and where their record lives.
struct Home {
  TempDir home;
  Home() {
    home.write("config/unknot/routines/many-holds.toml", kManyHolds);
    // The first-start notice was read long ago: runs start at once, in a window too.
    home.write("config/unknot/settings.toml", "[safety]\nnotice_acknowledged = true\n");
  }
  std::string dataDir() const { return home.file("data"); }
  std::string db() const { return dataDir() + "/unknot.db"; }
  ProcessOptions options() const {
    ProcessOptions options;
    options.env = {{"HOME", home.path()},
                   {"XDG_CONFIG_HOME", home.file("config")},
                   {"UNKNOT_DATA_DIR", dataDir()},
                   {"TZ", "UTC"},
                   {"DISPLAY", ""},
                   {"WAYLAND_DISPLAY", ""}};
    return options;
  }
  std::vector<std::string> command(std::vector<std::string> args) const {
    args.insert(args.begin(), UNKNOT_BINARY);
    return args;
  }
  std::vector<std::string> runCommand(const std::string& scale = "20") const {
    return command({"run", "many-holds", "--terminal", "--no-audio", "--time-scale", scale});
  }
};

// Reads the run's output until `phases` phases have been saved; returns how many had been.
int waitForSavedPhases(LiveProcess& run, int phases) {
  while (phasesStarted(run.out()) < phases + 1) {
    if (!run.line()) break;
  }
  return std::max(0, phasesStarted(run.out()) - 1);
}

// One line of what a fault test measured, for scripts/faults and docs/security.md.
void figure(const std::string& name, const std::string& text) {
  std::cout << "faults." << name << ": " << text << std::endl;
}

double secondsSince(SteadyTime::time_point start) {
  return std::chrono::duration<double>(SteadyTime::now() - start).count();
}

std::string seconds(double value) {
  std::ostringstream text;
  text << std::fixed << std::setprecision(1) << value << " s";
  return text.str();
}

// What every fault must leave behind on screen: the timer ran to the end and the person was
// told once, in one line that names the fault in plain words. Returns the figures.
std::string checkTimerRanAndToldOnce(LiveProcess& run, int exitCode, const std::string& words) {
  INFO("stdout ends:\n" << tail(run.out()) << "stderr:\n" << run.err());
  CHECK(exitCode == 0);
  CHECK(contains(run.out(), "Finished Many holds"));
  CHECK(phasesStarted(run.out()) == kManyHoldsPhases);
  CHECK(lineCount(run.err()) == 1);
  CHECK(contains(run.err(), "unknot: could not save progress: " + words));
  CHECK(contains(run.err(), "the rest of this session is not recorded (the timer runs as usual)"));
  CHECK_FALSE(contains(run.out(), "Saved to your progress"));
  return "the run showed " + std::to_string(phasesStarted(run.out())) + " of " +
         std::to_string(kManyHoldsPhases) + " phases and " +
         (contains(run.out(), "Finished") ? "finished" : "did not finish") + " (exit " +
         std::to_string(exitCode) + "), " + std::to_string(lineCount(run.err())) +
         " line on stderr";
}

// What every fault must leave in the record: whole, with every phase saved before the fault.
// Returns the figures.
std::string checkRecordKept(const std::string& db, int savedBeforeFault) {
  Peek peek(db);
  const std::string integrity = peek.text("PRAGMA integrity_check");
  const long long kept = peek.integer("SELECT count(*) FROM phases");
  CHECK(integrity == "ok");
  CHECK(peek.integer("SELECT count(*) FROM sessions") == 1);
  CHECK(kept >= savedBeforeFault);
  CHECK(peek.holes() == 0);
  return std::to_string(savedBeforeFault) + " phases shown saved before the fault, " +
         std::to_string(kept) + " kept, integrity_check " + integrity;
}

// A record file system that lives in a mount namespace is copied out to be looked at: SQLite
// resolves /proc/PID/root/... back to our own root, so it cannot be opened in place.
std::string copyOut(const MountNamespace& space, const std::string& dir, const std::string& to) {
  std::filesystem::create_directories(to);
  const auto copy = space.run({"cp", "-a", dir + "/.", to});
  INFO(copy.err);
  CHECK(copy.exitCode == 0);
  return to + "/unknot.db";
}

}  // namespace

TEST_CASE("a disk that fills up mid-run keeps the phases saved before, says so once, runs on",
          "[faults]") {
  Home home;
  MountNamespace space;
  if (!space.available()) {
    WARN("skipped: no mount namespace for a tiny tmpfs here: " << space.whyNot());
    return;
  }
  std::filesystem::create_directories(home.dataDir());
  REQUIRE(space.mountTmpfs(home.dataDir(), 512));
  const auto started = SteadyTime::now();
  LiveProcess run(space.inside(home.runCommand()), home.options());
  const int saved = waitForSavedPhases(run, 3);
  REQUIRE(saved >= 3);
  // The database and its WAL exist by now; the filler takes every block that is left.
  const auto fill = space.run({"dd", "if=/dev/zero", "of=" + home.dataDir() + "/filler", "bs=4k"});
  REQUIRE(contains(fill.err, "No space left on device"));
  const int exitCode = run.wait();
  const std::string shown =
      checkTimerRanAndToldOnce(run, exitCode, "the disk is full (" + home.dataDir() + ")");
  REQUIRE(space.run({"rm", home.dataDir() + "/filler"}).exitCode == 0);
  figure("disk-full",
         "512 KiB tmpfs filled mid-run: " +
             checkRecordKept(copyOut(space, home.dataDir(), home.home.file("copy")), saved) + "; " +
             shown + "; " + seconds(secondsSince(started)));
  // With room again, the next command closes the session as interrupted, its phases kept.
  const auto history = space.run(home.command({"history"}), home.options());
  INFO(history.err);
  CHECK(history.exitCode == 0);
  CHECK(contains(history.err, "closed 1 unfinished session"));
  CHECK(std::regex_search(history.out, std::regex("Many holds - interrupted, .*\\d+ phases done")));
}

TEST_CASE("a data folder turned read-only mid-run keeps what was saved, says so once, runs on",
          "[faults]") {
  Home home;
  const std::string words = home.dataDir() + " became read-only";
  SECTION("by the immutable attribute, which holds for root too") {
    const auto started = SteadyTime::now();
    LiveProcess run(home.runCommand(), home.options());
    const int saved = waitForSavedPhases(run, 3);
    REQUIRE(saved >= 3);
    std::string shown;
    {
      ReadOnlyFolder readOnly(home.dataDir(), ReadOnlyFolder::Way::Immutable);
      if (!readOnly.active()) {
        run.wait();
        WARN(
            "skipped: the immutable attribute is not available here (not root, or a file "
            "system without it)");
        return;
      }
      const int exitCode = run.wait();
      shown = checkTimerRanAndToldOnce(run, exitCode, words);
      // While the folder stays read-only, the record still reads, with what was saved.
      const auto history = runProcess(home.command({"history"}), home.options());
      INFO(history.err);
      CHECK(history.exitCode == 0);
      CHECK(std::regex_search(history.out, std::regex("Many holds - running, .*\\d+ phases done")));
    }
    figure("read-only.immutable",
           "chattr +i on the folder mid-run: " + checkRecordKept(home.db(), saved) + "; " + shown +
               "; " + seconds(secondsSince(started)));
  }
  SECTION("by the kernel after a disk error (ext4 errors=remount-ro), under open files") {
    MountNamespace space;
    std::filesystem::create_directories(home.dataDir());
    if (!space.mountExt4Image(home.home.file("disk.img"), 8, home.dataDir())) {
      WARN("skipped: no mount namespace, loop device or mkfs.ext4 for an ext4 image here"
           << (space.available() ? "" : ": " + space.whyNot()));
      return;
    }
    const auto started = SteadyTime::now();
    LiveProcess run(space.inside(home.runCommand()), home.options());
    const int saved = waitForSavedPhases(run, 3);
    REQUIRE(saved >= 3);
    REQUIRE(space.failExt4(home.dataDir()));
    const int exitCode = run.wait();
    const std::string shown = checkTimerRanAndToldOnce(run, exitCode, words);
    const auto history = space.run(home.command({"history"}), home.options());
    INFO(history.err);
    CHECK(history.exitCode == 0);
    CHECK(std::regex_search(history.out, std::regex("Many holds - running, .*\\d+ phases done")));
    figure("read-only.disk-error",
           "ext4 image turned read-only by the kernel mid-run: " +
               checkRecordKept(copyOut(space, home.dataDir(), home.home.file("copy")), saved) +
               "; " + shown + "; " + seconds(secondsSince(started)));
  }
}

TEST_CASE("a record locked by another program: the run says so once and runs on", "[faults]") {
  Home home;
  const auto started = SteadyTime::now();
  LiveProcess run(home.runCommand(), home.options());
  const int saved = waitForSavedPhases(run, 3);
  REQUIRE(saved >= 3);
  double held = 0;
  {
    // Held until the run has given up on it (after its 5 s busy timeout).
    Peek holder(home.db());
    REQUIRE(holder.text("BEGIN IMMEDIATE").empty());
    const auto since = SteadyTime::now();
    while (!contains(run.err(), "could not save progress") && secondsSince(since) < 60) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    holder.text("COMMIT");
    held = secondsSince(since);
  }
  const int exitCode = run.wait();
  const std::string shown =
      checkTimerRanAndToldOnce(run, exitCode, "the record is locked by another program");
  figure("locked", "write lock held by another program for " + seconds(held) + ": " +
                       checkRecordKept(home.db(), saved) + "; " + shown + "; " +
                       seconds(secondsSince(started)));
}

TEST_CASE("two terminal runs at once on one new record both record every phase", "[faults]") {
  // Fresh records: both runs create the file at the same moment.
  constexpr int kRounds = 2;
  const auto started = SteadyTime::now();
  long long phases = 0, completed = 0, integrityOk = 0;
  for (int round = 0; round < kRounds; ++round) {
    Home home;
    LiveProcess first(home.runCommand("40"), home.options());
    LiveProcess second(home.runCommand("40"), home.options());
    for (LiveProcess* run : {&first, &second}) {
      const int exitCode = run->wait();
      INFO("round " << round << " stdout ends:\n" << tail(run->out()) << "stderr:\n" << run->err());
      CHECK(exitCode == 0);
      CHECK(contains(run->out(), "Finished Many holds"));
      CHECK(contains(run->out(), "Saved to your progress"));
      CHECK(run->err().empty());
    }
    Peek peek(home.db());
    const bool whole = peek.text("PRAGMA integrity_check") == "ok";
    CHECK(whole);
    integrityOk += whole;
    completed += peek.integer("SELECT count(*) FROM sessions WHERE outcome = 'completed'");
    phases += peek.integer("SELECT count(*) FROM phases");
    CHECK(peek.integer("SELECT count(*) FROM sessions WHERE outcome = 'completed'") == 2);
    CHECK(peek.integer("SELECT count(*) FROM phases") == 2 * kManyHoldsPhases);
    CHECK(peek.holes() == 0);
  }
  figure("two-terminals",
         std::to_string(kRounds) + " pairs of runs started together on a new " +
             "record: " + std::to_string(completed) + " of " + std::to_string(2 * kRounds) +
             " sessions completed, " + std::to_string(phases) + " of " +
             std::to_string(2 * kRounds * kManyHoldsPhases) +
             " phases recorded, integrity_check ok " + std::to_string(integrityOk) + " of " +
             std::to_string(kRounds) + ", nothing on stderr; " + seconds(secondsSince(started)));
}

TEST_CASE("a window and a terminal run at the same time both record every phase", "[faults]") {
  Home home;
  if (!std::filesystem::exists("/usr/bin/xvfb-run")) {
    WARN("skipped: xvfb-run is not installed");
    return;
  }
  if (contains(
          runProcess(home.command({"--screenshot", home.home.file("probe.png")}), home.options())
              .err,
          "no desktop window")) {
    WARN("skipped: this build has no window");
    return;
  }
  // The window closes when its run is over (--repeat-runs 1); `timeout`: a window that never
  // closed would hang the suite.
  std::vector<std::string> window{"timeout", "120", "xvfb-run",
                                  "-a",      "-s",  "-screen 0 1280x800x24"};
  for (const auto& arg : home.command({"--run", "many-holds", "--no-audio", "--time-scale", "20",
                                       "--repeat-runs", "1", "--exit-after", "60s"}))
    window.push_back(arg);
  ProcessOptions windowOptions = home.options();
  windowOptions.env.erase("DISPLAY");
  const auto started = SteadyTime::now();
  LiveProcess gui(window, windowOptions);
  // The terminal starts once the window's session is in the record, so the two overlap.
  const auto until = SteadyTime::now() + std::chrono::seconds(60);
  bool windowRecording = false;
  while (!windowRecording && SteadyTime::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (!std::filesystem::exists(home.db())) continue;
    windowRecording = Peek(home.db()).integer("SELECT count(*) FROM sessions") > 0;
  }
  REQUIRE(windowRecording);
  LiveProcess terminal(home.runCommand(), home.options());
  const int terminalExit = terminal.wait();
  {
    INFO("terminal stdout ends:\n" << tail(terminal.out()) << "stderr:\n" << terminal.err());
    CHECK(terminalExit == 0);
    CHECK(contains(terminal.out(), "Finished Many holds"));
    CHECK(terminal.err().empty());
  }
  const int windowExit = gui.wait();
  INFO("window stderr:\n" << gui.err());
  CHECK(windowExit == 0);
  CHECK_FALSE(contains(gui.err(), "record"));
  CHECK_FALSE(contains(gui.err(), "progress"));
  Peek peek(home.db());
  CHECK(peek.text("PRAGMA integrity_check") == "ok");
  CHECK(peek.text("SELECT group_concat(runner || ' ' || outcome, ', ') FROM "
                  "(SELECT runner, outcome FROM sessions ORDER BY runner)") ==
        "gui completed, terminal completed");
  CHECK(peek.integer("SELECT count(*) FROM phases") == 2 * kManyHoldsPhases);
  CHECK(peek.holes() == 0);
  figure("window-and-terminal",
         "sessions " +
             peek.text("SELECT group_concat(runner || ' ' || outcome, ', ') FROM "
                       "(SELECT runner, outcome FROM sessions ORDER BY runner)") +
             "; " + std::to_string(peek.integer("SELECT count(*) FROM phases")) + " of " +
             std::to_string(2 * kManyHoldsPhases) + " phases recorded, integrity_check " +
             peek.text("PRAGMA integrity_check") + "; " + seconds(secondsSince(started)));
}

namespace {

// 20 one-second holds at --time-scale 20: a run lasts about a second, and kills land anywhere
// in it, from before the record is opened to after the last phase.
const char* kKillMe =
    "schema = 1\nname = \"Kill me\"\ncategory = \"stretch\"\nprepare = 0\n\n"
    "[[steps]]\nname = \"Hold\"\nduration = 1\nsets = 20\n";
constexpr int kKillMePhases = 20;

struct KillFigures {
  int kills = 0, finishedFirst = 0, sessions = 0, interrupted = 0, completed = 0;
  int recordsChecked = 0, integrityOk = 0;
  long long phasesShownSaved = 0, phasesAtKill = 0, phasesAtEnd = 0;
  std::string integrityAtEnd;
  double seconds = 0;
};

// Runs `kills` runs one after another, each SIGKILLed at a random moment, on one record. After
// each kill the record must pass integrity_check and hold the killed session's saved phases:
// at least the ones whose next phase was on screen, at most the ones that had started. The next
// run closes the killed session as interrupted; at the end every session still holds exactly
// what it held when it was killed.
KillFigures killAtRandomPoints(int kills, unsigned seed) {
  Home home;
  home.home.write("config/unknot/routines/kill-me.toml", kKillMe);
  const auto command =
      home.command({"run", "kill-me", "--terminal", "--no-audio", "--time-scale", "20"});
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> delayMs(0, 1050);
  std::map<long long, long long> kept;  // session id -> phases at its kill
  KillFigures figures;
  const auto started = SteadyTime::now();
  long long lastSession = 0;
  for (int i = 0; i < kills; ++i) {
    LiveProcess run(command, home.options());
    std::this_thread::sleep_for(std::chrono::milliseconds(delayMs(random)));
    const int exitCode = run.kill(SIGKILL);
    ++figures.kills;
    const bool finished = contains(run.out(), "Finished Kill me");
    if (exitCode != 128 + SIGKILL) {
      INFO("kill " << i << ": " << run.err());
      CHECK(exitCode == 0);
      ++figures.finishedFirst;
    }
    const int shown = phasesStarted(run.out());
    INFO("kill " << i << " (seed " << seed << "), " << shown << " phases started, stdout ends:\n"
                 << tail(run.out()) << "stderr:\n"
                 << run.err());
    if (!std::filesystem::exists(home.db())) {
      CHECK(shown <= 1);  // the first phase is shown before the session is written
      continue;
    }
    Peek peek(home.db());
    const std::string integrity = peek.text("PRAGMA integrity_check");
    CHECK(integrity == "ok");
    ++figures.recordsChecked;
    figures.integrityOk += integrity == "ok";
    const long long session = peek.integer("SELECT coalesce(max(id), 0) FROM sessions");
    if (session == lastSession) {
      CHECK(shown <= 1);
      continue;
    }
    lastSession = session;
    const long long phases =
        peek.integer("SELECT count(*) FROM phases WHERE session_id = " + std::to_string(session));
    kept[session] = phases;
    figures.phasesAtKill += phases;
    figures.phasesShownSaved += finished ? kKillMePhases : std::max(0, shown - 1);
    CHECK(phases >= (finished ? kKillMePhases : shown - 1));
    CHECK(phases <= shown);
  }
  // One more run, to its end: it closes the last killed session and says so in one line.
  const auto last = runProcess(command, home.options());
  INFO("last run stdout ends:\n" << tail(last.out) << "stderr:\n" << last.err);
  CHECK(last.exitCode == 0);
  CHECK(contains(last.out, "Finished Kill me"));
  CHECK(lineCount(last.err) <= 1);
  if (!last.err.empty()) CHECK(contains(last.err, "closed 1 unfinished session"));
  figures.seconds = std::chrono::duration<double>(SteadyTime::now() - started).count();
  Peek peek(home.db());
  figures.integrityAtEnd = peek.text("PRAGMA integrity_check");
  CHECK(figures.integrityAtEnd == "ok");
  CHECK(peek.holes() == 0);
  CHECK(peek.integer("SELECT count(*) FROM sessions WHERE outcome IS NULL") == 0);
  for (const auto& [session, phases] : kept) {
    INFO("session " << session);
    const long long now =
        peek.integer("SELECT count(*) FROM phases WHERE session_id = " + std::to_string(session));
    CHECK(now == phases);
    figures.phasesAtEnd += now;
    const std::string outcome =
        peek.text("SELECT outcome FROM sessions WHERE id = " + std::to_string(session));
    figures.interrupted += outcome == "interrupted";
    figures.completed += outcome == "completed";
  }
  figures.sessions = static_cast<int>(kept.size());
  return figures;
}

void report(const KillFigures& figures, unsigned seed) {
  figure("kills", std::to_string(figures.kills) + " runs SIGKILLed at random points (seed " +
                      std::to_string(seed) + ") in " + seconds(figures.seconds) + "; " +
                      std::to_string(figures.sessions) + " sessions recorded: " +
                      std::to_string(figures.interrupted) + " closed as interrupted by the next " +
                      "run, " + std::to_string(figures.completed) + " completed before the kill (" +
                      std::to_string(figures.finishedFirst) + " runs had exited by then)");
  figure("kills.phases", std::to_string(figures.phasesShownSaved) +
                             " phases shown as saved before the kills, " +
                             std::to_string(figures.phasesAtKill) + " in the record after them, " +
                             std::to_string(figures.phasesAtEnd) + " after recovery; lost " +
                             std::to_string(figures.phasesAtKill - figures.phasesAtEnd));
  figure("kills.integrity", "integrity_check ok after " + std::to_string(figures.integrityOk) +
                                " of " + std::to_string(figures.recordsChecked) +
                                " kills that left a record; at the end " + figures.integrityAtEnd);
}

unsigned seedFromEnvironment() {
  if (const char* text = std::getenv("UNKNOT_FAULT_SEED")) return std::strtoul(text, nullptr, 10);
  return std::random_device{}();
}

}  // namespace

TEST_CASE("runs killed at random points keep every phase they saved, and the record stays whole",
          "[faults]") {
  const unsigned seed = seedFromEnvironment();
  const KillFigures figures = killAtRandomPoints(10, seed);
  CHECK(figures.kills == 10);
  report(figures, seed);
}

// scripts/faults: the long version (UNKNOT_FAULT_KILLS, default 200).
TEST_CASE("soak: hundreds of runs killed at random points lose nothing they saved", "[.faults]") {
  const char* count = std::getenv("UNKNOT_FAULT_KILLS");
  const int kills = count ? std::atoi(count) : 200;
  const unsigned seed = seedFromEnvironment();
  const KillFigures figures = killAtRandomPoints(kills, seed);
  CHECK(figures.kills == kills);
  report(figures, seed);
}
