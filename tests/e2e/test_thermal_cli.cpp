// End-to-end heat/ice runs in the terminal runner through pipes, sped up with --time-scale:
// the alarm at each switch until the ack key, a run killed mid-phase resumed with the right
// time left, an overdue switch ringing at once, the 20-minute confirmation, and no
// notification service (one notice, everything else works). A cycle left held at a switch and
// resumed, on every path between the terminal and the window (under Xvfb), records each phase
// once; each front end says only what will really call the user, with or without sound.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <thread>

#include "support/process.hpp"

using namespace unknot::testing;
using SteadyTime = std::chrono::steady_clock;

namespace {

std::int64_t wallMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

bool contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

size_t count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

class Peek {
 public:
  explicit Peek(const std::string& path) {
    sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READWRITE, nullptr);
    sqlite3_busy_timeout(m_db, 5000);
  }
  ~Peek() { sqlite3_close(m_db); }
  Peek(const Peek&) = delete;
  Peek& operator=(const Peek&) = delete;
  std::string text(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    std::string out = "<error>";
    if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK) {
      out = "";
      if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
        out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    }
    sqlite3_finalize(stmt);
    return out;
  }
  long long integer(const std::string& sql) { return std::atoll(text(sql).c_str()); }

 private:
  sqlite3* m_db = nullptr;
};

struct Cli {
  TempDir home;
  bool noBusAtAll = false;  // DBUS_SESSION_BUS_ADDRESS unset instead of pointing nowhere
  std::string audioDriver;  // SDL_AUDIODRIVER for runs with sound
  // The window's first-start notice was read: routines start at once.
  Cli() { home.write("config/unknot/settings.toml", "[safety]\nnotice_acknowledged = true\n"); }
  std::map<std::string, std::string> env() const {
    std::map<std::string, std::string> vars{
        {"UNKNOT_DATA_DIR", home.file("data")},
        {"HOME", home.path()},
        {"XDG_CONFIG_HOME", home.file("config")},
        {"DBUS_SESSION_BUS_ADDRESS", noBusAtAll ? "" : "unix:path=" + home.file("no-bus")},
        {"DISPLAY", ""}};
    if (!audioDriver.empty()) vars["SDL_AUDIODRIVER"] = audioDriver;
    return vars;
  }
  std::string db() const { return home.file("data/unknot.db"); }
  ProcessResult run(std::vector<std::string> args, std::string input = "") const {
    args.insert(args.begin(), UNKNOT_BINARY);
    ProcessOptions options;
    options.env = env();
    options.input = std::move(input);
    return runProcess(args, options);
  }
};

// The binary with a live pipe on stdin and stdout: the test answers what it reads.
class LiveRun {
 public:
  LiveRun(const Cli& cli, const std::vector<std::string>& args) {
    int in[2], out[2];
    REQUIRE(::pipe(in) == 0);
    REQUIRE(::pipe(out) == 0);
    m_errPath = cli.home.file("stderr.txt");
    m_pid = ::fork();
    REQUIRE(m_pid >= 0);
    if (m_pid == 0) {
      ::dup2(in[0], STDIN_FILENO);
      ::dup2(out[1], STDOUT_FILENO);
      const int err = ::open(m_errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      ::dup2(err, STDERR_FILENO);
      ::close(in[1]);
      ::close(out[0]);
      for (const auto& [key, value] : cli.env()) {
        if (value.empty()) {
          ::unsetenv(key.c_str());  // really unset, not just empty
        } else {
          ::setenv(key.c_str(), value.c_str(), 1);
        }
      }
      std::vector<char*> argv{const_cast<char*>(UNKNOT_BINARY)};
      for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
      argv.push_back(nullptr);
      ::execv(UNKNOT_BINARY, argv.data());
      ::_exit(127);
    }
    ::close(in[0]);
    ::close(out[1]);
    m_in = in[1];
    m_out = out[0];
  }
  ~LiveRun() {
    if (m_pid > 0) kill(SIGKILL);
    if (m_in >= 0) ::close(m_in);
    ::close(m_out);
  }
  LiveRun(const LiveRun&) = delete;
  LiveRun& operator=(const LiveRun&) = delete;

  // The next whole line, or nullopt at the end of output or after `timeout`.
  std::optional<std::string> line(std::chrono::seconds timeout = std::chrono::seconds(60)) {
    const auto until = SteadyTime::now() + timeout;
    while (true) {
      if (const auto end = m_buffer.find('\n'); end != std::string::npos) {
        std::string text = m_buffer.substr(0, end);
        m_buffer.erase(0, end + 1);
        all += text + "\n";
        return text;
      }
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(until - SteadyTime::now());
      if (left.count() <= 0) return std::nullopt;
      pollfd fd{m_out, POLLIN, 0};
      if (::poll(&fd, 1, static_cast<int>(left.count())) <= 0) return std::nullopt;
      char chunk[4096];
      const ssize_t n = ::read(m_out, chunk, sizeof chunk);
      if (n <= 0) return std::nullopt;
      m_buffer.append(chunk, static_cast<size_t>(n));
    }
  }
  void send(const std::string& keys) {
    REQUIRE(::write(m_in, keys.data(), keys.size()) == static_cast<ssize_t>(keys.size()));
  }
  void kill(int signal) {
    ::kill(m_pid, signal);
    ::waitpid(m_pid, &m_status, 0);
    m_pid = -1;
  }
  int wait() {
    ::close(m_in);
    m_in = -1;
    ::waitpid(m_pid, &m_status, 0);
    m_pid = -1;
    return WIFEXITED(m_status) ? WEXITSTATUS(m_status) : 128 + WTERMSIG(m_status);
  }
  std::string err() const {
    std::ifstream in(m_errPath);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  std::string all;

 private:
  pid_t m_pid = -1;
  int m_in = -1, m_out = -1, m_status = 0;
  std::string m_buffer, m_errPath;
};

// Waits until the running heat/ice session has stored a deadline for `phase`.
std::int64_t waitForDeadline(const Cli& cli, int phase) {
  const auto until = SteadyTime::now() + std::chrono::seconds(60);
  while (SteadyTime::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (!std::filesystem::exists(cli.db())) continue;
    Peek peek(cli.db());
    const auto deadline = peek.integer(
        "SELECT deadline_utc_ms FROM thermal_deadlines WHERE state = 'running' AND phase_index = " +
        std::to_string(phase));
    if (deadline > 0) return deadline;
  }
  FAIL("no deadline stored for phase " << phase);
  return 0;
}

// "... Heat, 12:34 left ..." -> milliseconds
long long leftMs(const std::string& text) {
  std::smatch match;
  REQUIRE(std::regex_search(text, match, std::regex(R"((\d+):(\d\d) left)")));
  return (std::stoll(match[1]) * 60 + std::stoll(match[2])) * 1000;
}

// Heat 5 s then ice 5 s: the shortest cycle with a switch to be held at and one after it.
constexpr const char* kQuickHeat = R"(schema = 1
name = "Quick heat"
category = "thermal"
prepare = 0
[[steps]]
name = "Heat"
kind = "heat"
duration = "5s"
[[steps]]
name = "Ice"
kind = "ice"
duration = "5s"
)";

// The window can be driven here: Xvfb is installed and the build has the window.
bool windowAvailable(const Cli& cli) {
  if (!std::filesystem::exists("/usr/bin/xvfb-run")) return false;
  return !contains(cli.run({"--screenshot", cli.home.file("probe.png")}).err, "no desktop window");
}

// Runs `args` under a fresh Xvfb (retried when Xvfb itself fails to start: parallel tests race
// for display numbers). `timeout`: a build without the window would run in the terminal.
ProcessResult underXvfb(const Cli& cli, std::vector<std::string> args) {
  args.insert(args.begin(), {"timeout", "120", "xvfb-run", "-a", "-s", "-screen 0 1280x800x24"});
  ProcessOptions options;
  options.env = cli.env();
  options.env.erase("DISPLAY");
  ProcessResult result;
  for (int attempt = 0; attempt < 3; ++attempt) {
    result = runProcess(args, options);
    if (!contains(result.err, "Xvfb failed to start")) break;
  }
  return result;
}

// "Heat is done" in the terminal, then q: the cycle is left held at its first switch.
void leaveInTerminalAtSwitch(const Cli& cli) {
  LiveRun run(cli, {"run", "quick-heat", "--terminal", "--no-audio", "--time-scale", "10"});
  bool left = false;
  while (const auto text = run.line()) {  // to the end: the line that says it was left
    if (left || !contains(*text, "SWITCH Heat is done")) continue;
    run.send("q");
    left = true;
  }
  INFO(run.all << run.err());
  CHECK(run.wait() == 0);
  REQUIRE(contains(run.all, "Left Quick heat mid-cycle: the switch after Heat is due now"));
}

// The window runs the heat at ten times speed (half a second) and is closed at the switch.
void leaveInWindowAtSwitch(const Cli& cli) {
  const auto window = underXvfb(cli, {UNKNOT_BINARY, "--run", "quick-heat", "--no-audio",
                                      "--time-scale", "10", "--exit-after", "6s"});
  INFO(window.err);
  REQUIRE(window.exitCode == 0);
}

// Resumes in the terminal and acknowledges each switch until the cycle is finished.
void finishInTerminal(const Cli& cli) {
  LiveRun run(cli, {"run", "quick-heat", "--terminal", "--no-audio", "--time-scale", "10"});
  while (const auto text = run.line()) {
    if (contains(*text, "Finished")) break;
    if (contains(*text, "SWITCH")) run.send("a");
  }
  INFO(run.all << run.err());
  CHECK(run.wait() == 0);
  CHECK(contains(run.all, "Resumed Quick heat from an earlier run: the switch after Heat was due"));
  CHECK(count(run.all, "SWITCH") == 2);  // the held heat switch, then the ice one
  CHECK(contains(run.all, "Finished Quick heat"));
}

#ifdef UNKNOT_FAKE_NOTIFIER
// Resumes in the window; a stand-in notification service on a private bus clicks "I've
// switched" on each switch's notification, the only way to move a window on without a keyboard.
void finishInWindow(const Cli& cli) {
  const std::string log = cli.home.file("notifications.log");
  const std::string script =
      std::string(UNKNOT_FAKE_NOTIFIER) + " " + log + " 150 & while [ ! -e " + log +
      ".ready ]; do sleep 0.05; done; " + UNKNOT_BINARY +
      " --run quick-heat --no-audio --time-scale 10 --exit-after 15s; status=$?; kill $!; "
      "exit $status";
  const auto window = underXvfb(cli, {"dbus-run-session", "--", "sh", "-c", script});
  INFO(window.err);
  REQUIRE(window.exitCode == 0);
  std::ifstream in(log);
  const std::string sent((std::istreambuf_iterator<char>(in)), {});
  CHECK(count(sent, "\n") == 2);  // the held heat switch, then the ice one
}
#endif

// One session, completed, with each phase once and the thermal minutes of their real length.
void checkEachPhaseOnce(const Cli& cli) {
  Peek peek(cli.db());
  CHECK(peek.integer("SELECT count(*) FROM sessions") == 1);
  CHECK(peek.text("SELECT coalesce(outcome, 'open') FROM sessions") == "completed");
  CHECK(peek.integer("SELECT count(*) FROM phases WHERE kind = 'heat'") == 1);
  CHECK(peek.integer("SELECT count(*) FROM phases WHERE kind = 'ice'") == 1);
  CHECK(peek.integer("SELECT count(*) FROM phases") == 2);
  // Each phase ends on its deadline, so its length is exact whatever the machine's speed.
  CHECK(peek.integer("SELECT actual_ms FROM phases WHERE kind = 'heat'") == 5000);
  CHECK(peek.integer("SELECT actual_ms FROM phases WHERE kind = 'ice'") == 5000);
  const auto history = cli.run({"history"});
  INFO(history.out << history.err);
  CHECK(contains(history.out, "Quick heat - completed, 10s, 2 phases done"));
  const auto stats = cli.run({"stats", "--json"});
  INFO(stats.out << stats.err);
  // 10 s of heat and ice: 0.1667 minutes (four significant digits).
  CHECK(contains(stats.out, "{\"category\":\"thermal\",\"sessions\":1,\"minutes\":0.1667}"));
}

}  // namespace

TEST_CASE("a heat/ice run alarms at each switch and moves on only after the ack key", "[long]") {
  Cli cli;
  cli.noBusAtAll = true;      // no notification service: one notice, everything else works
  cli.audioDriver = "dummy";  // a device that plays into nothing: the alarm has its volumes
  // At 150x the alarm's 30 s interval is 200 ms of real time: a loaded machine can be that late
  // to a ring (at 600x, 50 ms, it was: ring 1 was counted as missed and 2 rang first).
  LiveRun run(cli, {"run", "heat-ice", "--terminal", "--time-scale", "150"});
  int switches = 0;
  bool enter = false;
  while (const auto text = run.line()) {
    if (contains(*text, "Finished")) break;
    if (!contains(*text, "SWITCH")) continue;
    ++switches;
    // Held: three rings, each louder, and no phase starts meanwhile.
    std::vector<std::string> held;
    while (count(run.all.substr(run.all.rfind("SWITCH")), "ALARM ring") < 3) {
      const auto next = run.line();
      REQUIRE(next);
      held.push_back(*next);
    }
    const std::string since = run.all.substr(run.all.rfind("SWITCH"));
    CHECK(contains(since, "Check your skin:"));
    CHECK(contains(since, "keep a cloth between skin and"));
    CHECK(contains(since, "ALARM ring 1 (40% volume)"));
    CHECK(contains(since, "ALARM ring 2 (60% volume)"));
    CHECK(contains(since, "ALARM ring 3 (80% volume)"));
    for (const auto& line : held)
      CHECK((line.rfind("    ", 0) == 0 || contains(line, "ALARM ring")));
    run.send(enter ? "\n" : "a");  // both keys acknowledge
    enter = !enter;
  }
  CHECK(switches == 2);  // one cycle: heat, then ice
  CHECK(contains(run.all, "Finished Heat and ice"));
  CHECK(run.wait() == 0);
  // No notification service here: said once, not at every switch.
  CHECK(count(run.err(), "no desktop notifications") == 1);
  Peek peek(cli.db());
  CHECK(peek.text("SELECT outcome FROM sessions") == "completed");
  CHECK(peek.integer("SELECT count(*) FROM thermal_deadlines") == 0);
  CHECK(peek.integer("SELECT count(*) FROM phases WHERE kind IN ('heat', 'ice')") == 2);
}

TEST_CASE("a heat/ice run killed mid-phase resumes with the time it had left") {
  Cli cli;
  constexpr double kScale = 60;
  std::int64_t deadline = 0;
  {
    LiveRun run(cli, {"run", "heat-ice", "--terminal", "--no-audio", "--time-scale", "60"});
    deadline = waitForDeadline(cli, 1);  // heat: 15 min = 15 s here
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    run.kill(SIGKILL);
  }
  const std::int64_t before = wallMs();
  const auto again =
      cli.run({"run", "heat-ice", "--terminal", "--no-audio", "--time-scale", "60"}, "q");
  const std::int64_t after = wallMs();
  INFO(again.out << again.err);
  CHECK(again.exitCode == 0);
  REQUIRE(contains(again.out, "Resumed Heat and ice from an earlier run: Heat, "));
  CHECK_FALSE(contains(again.err, "interrupted"));
  const auto left = leftMs(again.out);
  // The printed time left is what the stored deadline leaves, within a scaled second.
  CHECK(left >= (deadline - after) * kScale - 1000 * kScale);
  CHECK(left <= (deadline - before) * kScale + 1000 * kScale);
  CHECK(left < 15 * 60'000 - 60'000);  // really mid-phase, not restarted
  CHECK(contains(again.out, "Left Heat and ice mid-cycle: Heat ends at"));

  Peek peek(cli.db());
  CHECK(peek.integer("SELECT count(*) FROM sessions") == 1);  // the same session, taken over
  CHECK(peek.text("SELECT coalesce(outcome, 'open') FROM sessions") == "open");
  // The deadline survived both runs, within one scaled second (16 ms real at 60x).
  CHECK(std::llabs(peek.integer("SELECT deadline_utc_ms FROM thermal_deadlines") - deadline) <= 16);
  CHECK(peek.integer("SELECT phase_index FROM thermal_deadlines") == 1);
}

TEST_CASE("a resumed heat/ice run whose switch is overdue rings at once") {
  Cli cli;
  {
    LiveRun run(cli, {"run", "heat-ice", "--terminal", "--no-audio", "--time-scale", "60"});
    waitForDeadline(cli, 1);
    run.kill(SIGKILL);
  }
  {
    Peek peek(cli.db());  // the machine was off (or asleep) past the switch
    peek.text("UPDATE thermal_deadlines SET deadline_utc_ms = " +
              std::to_string(wallMs() - 5 * 60'000));
  }
  const auto again =
      cli.run({"run", "heat-ice", "--terminal", "--no-audio", "--time-scale", "60"}, "q");
  INFO(again.out << again.err);
  CHECK(contains(again.out, "the switch after Heat was due at"));
  CHECK(contains(again.out, "SWITCH Heat is done: switch to ice"));
  // No sound here: a silent reminder, numbered from when the switch fell due (5 minutes real,
  // 300 at 60 times speed: a ring every 30 s makes it the 601st at least).
  std::smatch ring;
  REQUIRE(std::regex_search(again.out, ring, std::regex(R"(REMINDER (\d+) \(no sound\))")));
  CHECK(std::stoi(ring[1]) >= 601);
  CHECK(contains(again.out, "Left Heat and ice mid-cycle: the switch after Heat is due now"));
  Peek peek(cli.db());
  CHECK(peek.text("SELECT state FROM thermal_deadlines") == "held");
}

TEST_CASE("a fresh start begins the cycle again and closes the stored one as stopped") {
  Cli cli;
  {
    LiveRun run(cli, {"run", "heat-ice", "--terminal", "--no-audio", "--time-scale", "60"});
    waitForDeadline(cli, 1);
    run.kill(SIGKILL);
  }
  const auto fresh = cli.run({"run", "heat-ice", "--terminal", "--no-audio", "--fresh"}, "q");
  INFO(fresh.out << fresh.err);
  CHECK_FALSE(contains(fresh.out, "Resumed"));
  CHECK(contains(fresh.out, "Get ready"));
  Peek peek(cli.db());
  CHECK(peek.text("SELECT outcome FROM sessions WHERE id = 1") == "stopped");
  CHECK(peek.integer("SELECT count(*) FROM sessions") == 2);
}

TEST_CASE("heat or ice over 20 minutes needs --confirm-long-thermal when nobody can be asked") {
  Cli cli;
  cli.home.write("config/unknot/routines/long-heat.toml", R"(schema = 1
name = "Long heat"
category = "thermal"
prepare = 0
[[steps]]
name = "Heat"
kind = "heat"
duration = "25m"
)");
  const auto refused = cli.run({"run", "long-heat", "--terminal", "--no-audio"}, "q");
  CHECK(refused.exitCode == 1);
  CHECK(contains(refused.err, "lasts 25m per application, longer than the 20 minutes"));
  CHECK(contains(refused.err, "--confirm-long-thermal"));
  CHECK_FALSE(contains(refused.out, "Heat - 25m"));
  CHECK_FALSE(std::filesystem::exists(cli.db()));  // nothing started, nothing recorded

  const auto confirmed =
      cli.run({"run", "long-heat", "--terminal", "--no-audio", "--confirm-long-thermal"}, "q");
  CHECK(confirmed.exitCode == 0);
  CHECK(contains(confirmed.out, "Heat - 25m"));
}

TEST_CASE("the window resumes an overdue cycle at once, held, and keeps it when closed") {
  if (!std::filesystem::exists("/usr/bin/xvfb-run")) return;
  Cli cli;
  // A build without the window says so at once (with no display to open anyway).
  if (contains(cli.run({"--screenshot", cli.home.file("probe.png")}).err, "no desktop window"))
    return;
  {
    LiveRun run(cli, {"run", "heat-ice", "--terminal", "--no-audio", "--time-scale", "60"});
    waitForDeadline(cli, 1);
    run.kill(SIGKILL);
  }
  const std::int64_t due = wallMs() - 3 * 60'000;
  {
    Peek peek(cli.db());
    peek.text("UPDATE thermal_deadlines SET deadline_utc_ms = " + std::to_string(due));
  }
  // Opening the window on the library: the overdue switch is announced without asking.
  // `timeout`: a build without the window would run the default routine in the terminal.
  std::vector<std::string> args{
      "timeout",     "60",           "xvfb-run", "-a",        "-s", "-screen 0 1280x800x24",
      UNKNOT_BINARY, "--exit-after", "2s",       "--no-audio"};
  ProcessOptions options;
  options.env = cli.env();
  options.env.erase("DISPLAY");
  ProcessResult window;
  for (int attempt = 0; attempt < 3; ++attempt) {
    window = runProcess(args, options);
    if (!contains(window.err, "Xvfb failed to start")) break;
  }
  INFO(window.err);
  REQUIRE(window.exitCode == 0);
  Peek peek(cli.db());
  CHECK(peek.text("SELECT coalesce(outcome, 'open') FROM sessions") == "open");
  CHECK(peek.text("SELECT state FROM thermal_deadlines") == "held");
  CHECK(peek.integer("SELECT held_since_utc_ms FROM thermal_deadlines") == due);  // first due, kept
  CHECK(peek.text("SELECT runner FROM sessions") == "terminal");  // the same session, taken over
}

TEST_CASE("a held heat/ice cycle resumed in the terminal records each phase once") {
  Cli cli;
  cli.home.write("config/unknot/routines/quick-heat.toml", kQuickHeat);
  leaveInTerminalAtSwitch(cli);
  {
    Peek peek(cli.db());
    REQUIRE(peek.text("SELECT state FROM thermal_deadlines") == "held");
    CHECK(peek.integer("SELECT count(*) FROM phases WHERE kind = 'heat'") == 1);
  }
  finishInTerminal(cli);
  checkEachPhaseOnce(cli);
}

TEST_CASE("a held cycle closed in the window, resumed in the terminal, records each phase once") {
  Cli cli;
  if (!windowAvailable(cli)) return;
  cli.home.write("config/unknot/routines/quick-heat.toml", kQuickHeat);
  leaveInWindowAtSwitch(cli);
  {
    Peek peek(cli.db());
    REQUIRE(peek.text("SELECT state FROM thermal_deadlines") == "held");
  }
  finishInTerminal(cli);
  checkEachPhaseOnce(cli);
}

TEST_CASE("a heat/ice run in the terminal without sound or notifications says nothing will call") {
  Cli cli;
  cli.home.write("config/unknot/routines/quick-heat.toml", kQuickHeat);
  LiveRun run(cli, {"run", "quick-heat", "--terminal", "--no-audio", "--time-scale", "10"});
  bool left = false;
  while (const auto text = run.line()) {
    if (left || (!contains(*text, "REMINDER") && !contains(*text, "ALARM"))) continue;
    run.send("q");  // the first ring's line is enough
    left = true;
  }
  INFO(run.all << run.err());
  CHECK(run.wait() == 0);
  const std::string err = run.err();
  CHECK(count(err, "no desktop notifications") == 1);
  CHECK(contains(err, "and no sound; nothing will call you at a switch"));
  CHECK_FALSE(contains(err, "window"));  // there is none
  CHECK_FALSE(contains(err, "alarm"));   // nor any sound to ring
  CHECK(contains(run.all, "REMINDER 1 (no sound) - Press Enter or a when you have switched."));
  CHECK_FALSE(contains(run.all, "ALARM"));
}

TEST_CASE("a heat/ice run in the terminal with sound but no notifications says the alarm rings") {
  Cli cli;
  cli.home.write("config/unknot/routines/quick-heat.toml", kQuickHeat);
  cli.audioDriver = "dummy";  // a device that plays into nothing
  const auto run = cli.run({"run", "quick-heat", "--terminal", "--time-scale", "10"}, "q");
  INFO(run.out << run.err);
  CHECK(run.exitCode == 0);
  if (contains(run.err, "no audio device")) return;  // an SDL without the dummy driver
  CHECK(contains(run.err, "no desktop notifications ("));
  CHECK(contains(run.err, "); the alarm still rings at each switch\n"));
  CHECK_FALSE(contains(run.err, "window"));
}

TEST_CASE("the window without sound or notifications says only the window shows each switch") {
  Cli cli;
  if (!windowAvailable(cli)) return;
  cli.home.write("config/unknot/routines/quick-heat.toml", kQuickHeat);
  const auto window =
      underXvfb(cli, {UNKNOT_BINARY, "--run", "quick-heat", "--no-audio", "--exit-after", "1s"});
  INFO(window.err);
  REQUIRE(window.exitCode == 0);
  CHECK(count(window.err, "no desktop notifications") == 1);
  CHECK(contains(window.err, "no sound either: only this window shows each switch"));
  CHECK_FALSE(contains(window.err, "alarm"));
}

#ifdef UNKNOT_FAKE_NOTIFIER
TEST_CASE("a held cycle left in the terminal, resumed in the window, records each phase once",
          "[long]") {
  Cli cli;
  if (!windowAvailable(cli) || !std::filesystem::exists("/usr/bin/dbus-run-session")) return;
  cli.home.write("config/unknot/routines/quick-heat.toml", kQuickHeat);
  leaveInTerminalAtSwitch(cli);
  finishInWindow(cli);
  checkEachPhaseOnce(cli);
}

TEST_CASE("a held cycle closed in the window, resumed there, records each phase once", "[long]") {
  Cli cli;
  if (!windowAvailable(cli) || !std::filesystem::exists("/usr/bin/dbus-run-session")) return;
  cli.home.write("config/unknot/routines/quick-heat.toml", kQuickHeat);
  leaveInWindowAtSwitch(cli);
  {
    Peek peek(cli.db());
    REQUIRE(peek.text("SELECT state FROM thermal_deadlines") == "held");
  }
  finishInWindow(cli);
  checkEachPhaseOnce(cli);
}
#endif

#ifdef UNKNOT_FAKE_NOTIFIER
TEST_CASE("with a notification service each switch is notified and its button acknowledges") {
  if (!std::filesystem::exists("/usr/bin/dbus-run-session")) return;
  Cli cli;
  const std::string log = cli.home.file("notifications.log");
  // A private session bus with a stand-in service that clicks each notification's button;
  // stdin is empty, so only the notifications can move the cycle on.
  const std::string script =
      std::string(UNKNOT_FAKE_NOTIFIER) + " " + log + " 150 & " + "while [ ! -e " + log +
      ".ready ]; do sleep 0.05; done; " + UNKNOT_BINARY +
      " run heat-ice --terminal --no-audio --time-scale 600; " + "status=$?; kill $!; exit $status";
  ProcessOptions options;
  options.env = cli.env();
  options.env.erase("DBUS_SESSION_BUS_ADDRESS");
  const auto run =
      runProcess({"timeout", "120", "dbus-run-session", "--", "sh", "-c", script}, options);
  INFO(run.out << run.err);
  CHECK(run.exitCode == 0);
  CHECK(count(run.out, "SWITCH") == 2);  // one cycle: heat, then ice
  CHECK(contains(run.out, "Finished Heat and ice"));
  CHECK_FALSE(contains(run.err, "no desktop notifications"));
  std::ifstream in(log);
  const std::string sent((std::istreambuf_iterator<char>(in)), {});
  CHECK(count(sent, "\n") == 2);
  CHECK(count(sent, "Heat is done: switch to ice|I've switched") == 1);
  CHECK(contains(sent, "Ice is done: take the pack off|The pack is off"));
}
#endif
