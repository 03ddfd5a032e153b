// `unknot reminders enable|disable|status`: reminders that ring with the app closed. Hermetic:
// the real user's systemd is never asked. A stand-in `systemctl` first on PATH records its
// arguments and keeps "enabled" as a file; the config folder is the test's own.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/process.hpp"

using namespace unknot::testing;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

bool contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

// A user session with a fake systemctl; `userSystemd` false: it answers as where none runs.
struct FakeSession {
  TempDir root;
  fs::path log = root.file("systemctl.log");
  fs::path autostart = fs::path(root.path()) / "config" / "autostart" / "unknot-reminders.desktop";

  explicit FakeSession(bool userSystemd) {
    root.write("bin/systemctl",
               "#!/bin/sh\n"
               "echo \"$*\" >> '" +
                   log.string() +
                   "'\n"
                   "case \"$2\" in\n"
                   "  show-environment) exit " +
                   (userSystemd ? "0" : "1") +
                   " ;;\n"
                   "  is-enabled) [ -e '" +
                   root.file("enabled") +
                   "' ] ;;\n"
                   "  enable) touch '" +
                   root.file("enabled") +
                   "' ;;\n"
                   "  disable) rm -f '" +
                   root.file("enabled") +
                   "' ;;\n"
                   "esac\n");
    ::chmod(root.file("bin/systemctl").c_str(), 0755);
  }

  ProcessResult run(const std::vector<std::string>& words, bool withSystemctl = true) const {
    std::vector<std::string> args{UNKNOT_BINARY};
    args.insert(args.end(), words.begin(), words.end());
    ProcessOptions options;
    options.env = {{"PATH", withSystemctl ? root.file("bin") + ":/usr/bin:/bin" : "/nonexistent"},
                   {"XDG_CONFIG_HOME", root.file("config")},
                   {"HOME", root.path()}};
    return runProcess(args, options);
  }

  std::string calls() const { return slurp(log); }
};

}  // namespace

TEST_CASE("reminders enable turns on the systemd user timer when a user systemd runs") {
  FakeSession session(true);
  const ProcessResult off = session.run({"reminders", "status"});
  CHECK(off.exitCode == 0);
  CHECK(off.out.rfind("Off: ", 0) == 0);

  const ProcessResult enable = session.run({"reminders", "enable"});
  INFO(enable.out << enable.err);
  REQUIRE(enable.exitCode == 0);
  CHECK(contains(enable.out,
                 "the systemd user timer unknot-remind.timer runs `unknot remind "
                 "--once` every 5 minutes"));
  // The build tree's units are outside systemd's folders, so they are linked in by path.
  const std::string units = UNKNOT_BUILD_DIR "/systemd/";
  CHECK(contains(session.calls(), "--user link " + units + "unknot-remind.service\n"));
  CHECK(contains(session.calls(), "--user enable --now " + units + "unknot-remind.timer\n"));
  CHECK_FALSE(fs::exists(session.autostart));

  const ProcessResult on = session.run({"reminders", "status"});
  CHECK(on.out.rfind("On: the systemd user timer unknot-remind.timer", 0) == 0);

  const ProcessResult disable = session.run({"reminders", "disable"});
  INFO(disable.out << disable.err);
  REQUIRE(disable.exitCode == 0);
  CHECK(contains(disable.out, "the systemd user timer unknot-remind.timer is off"));
  CHECK(contains(session.calls(), "--user disable --now unknot-remind.timer\n"));
  CHECK(session.run({"reminders", "status"}).out.rfind("Off: ", 0) == 0);
  CHECK(contains(session.run({"reminders", "disable"}).out, "nothing to turn off"));
}

TEST_CASE("the timer runs unknot remind --once from the binary it was built with") {
  const std::string service = slurp(UNKNOT_BUILD_DIR "/systemd/unknot-remind.service");
  CHECK(contains(service, "\nType=oneshot\n"));
  CHECK(contains(service, "\nExecStart=" UNKNOT_BINARY " remind --once\n"));
  const std::string timer = slurp(UNKNOT_BUILD_DIR "/systemd/unknot-remind.timer");
  CHECK(contains(timer, "\nOnCalendar=*:0/5\n"));
  CHECK(contains(timer, "\nWantedBy=timers.target\n"));
}

TEST_CASE(
    "without a user systemd, reminders enable writes an autostart entry and disable "
    "removes it") {
  for (const bool withSystemctl : {true, false}) {
    FakeSession session(false);
    INFO("systemctl on PATH: " << withSystemctl);
    const ProcessResult enable = session.run({"reminders", "enable"}, withSystemctl);
    INFO(enable.out << enable.err);
    REQUIRE(enable.exitCode == 0);
    CHECK(contains(enable.out, withSystemctl ? "No user systemd runs here (systemctl --user finds "
                                               "no user systemd), so an autostart entry"
                                             : "(systemctl is not installed)"));
    CHECK(contains(enable.out, "runs `unknot remind --every 5`"));
    REQUIRE(fs::is_regular_file(session.autostart));
    const std::string entry = slurp(session.autostart);
    CHECK(entry.rfind("[Desktop Entry]\n", 0) == 0);
    CHECK(contains(entry, "\nExec=" UNKNOT_BINARY " remind --every 5\n"));
    if (withSystemctl) CHECK_FALSE(contains(session.calls(), "enable"));
    if (fs::exists("/usr/bin/desktop-file-validate")) {
      const ProcessResult valid = runProcess({"desktop-file-validate", session.autostart.string()});
      CHECK(valid.out + valid.err == "");
      CHECK(valid.exitCode == 0);
    }
    CHECK(session.run({"reminders", "status"}, withSystemctl).out.rfind("On: the autostart", 0) ==
          0);

    const ProcessResult disable = session.run({"reminders", "disable"}, withSystemctl);
    REQUIRE(disable.exitCode == 0);
    CHECK(contains(disable.out, "autostart entry"));
    CHECK(contains(disable.out, "is removed"));
    CHECK_FALSE(fs::exists(session.autostart));
    CHECK(session.run({"reminders", "status"}, withSystemctl).out.rfind("Off: ", 0) == 0);
  }
}

TEST_CASE("turning the systemd timer on removes an autostart entry, so nothing rings twice") {
  FakeSession session(true);
  session.root.write("config/autostart/unknot-reminders.desktop", "[Desktop Entry]\n");
  const ProcessResult enable = session.run({"reminders", "enable"});
  REQUIRE(enable.exitCode == 0);
  CHECK(contains(enable.out, "is removed, so they do not ring twice"));
  CHECK_FALSE(fs::exists(session.autostart));
}

TEST_CASE("a failing systemctl is told in one line and nothing claims success") {
  FakeSession session(true);
  session.root.write("bin/systemctl",
                     "#!/bin/sh\n"
                     "case \"$2\" in show-environment) exit 0 ;; esac\n"
                     "echo 'Failed to enable unit: Access denied' >&2\nexit 1\n");
  ::chmod(session.root.file("bin/systemctl").c_str(), 0755);
  const ProcessResult enable = session.run({"reminders", "enable"});
  CHECK(enable.exitCode == 1);
  CHECK(enable.out.empty());
  CHECK(enable.err == "unknot: reminders enable: systemctl --user link " UNKNOT_BUILD_DIR
                      "/systemd/unknot-remind.service failed: Failed to enable unit: Access "
                      "denied\n");
}

TEST_CASE("remind --every takes whole minutes and excludes the one-off actions") {
  TempDir data;
  const auto run = [&](std::vector<std::string> words) {
    words.insert(words.begin(), UNKNOT_BINARY);
    ProcessOptions options;
    options.env = {{"UNKNOT_DATA_DIR", data.path()}};
    return runProcess(words, options);
  };
  const ProcessResult zero = run({"remind", "--every", "0"});
  CHECK(zero.exitCode == 2);
  CHECK(contains(zero.err, "expected a whole number from 1 to 1440, found '0'"));
  const ProcessResult both = run({"remind", "--every", "5", "--snooze"});
  CHECK(both.exitCode == 2);
  CHECK(contains(both.err, "cannot be used together"));
}
