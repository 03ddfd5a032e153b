#include "support/mount_namespace.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

namespace unknot::testing {

namespace fs = std::filesystem;

namespace {

std::string mountNamespaceOf(const std::string& pid) {
  std::error_code ec;
  return fs::read_symlink("/proc/" + pid + "/ns/mnt", ec).string();
}

}  // namespace

MountNamespace::MountNamespace() {
  // Without root, a user namespace of our own makes us root inside it (where allowed).
  m_ownUserNamespace = ::geteuid() != 0;
  std::vector<std::string> args{"unshare"};
  if (m_ownUserNamespace) args.push_back("--map-root-user");
  args.insert(args.end(), {"--mount", "--propagation", "private", "sleep", "infinity"});
  const pid_t pid = ::fork();
  if (pid < 0) {
    m_whyNot = "cannot fork";
    return;
  }
  if (pid == 0) {
    const int null = ::open("/dev/null", O_RDWR);
    ::dup2(null, STDIN_FILENO);
    ::dup2(null, STDOUT_FILENO);
    ::dup2(null, STDERR_FILENO);
    std::vector<char*> argv;
    for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    ::execvp(argv[0], argv.data());
    ::_exit(127);
  }
  // Ready once the holder is in a namespace other than ours; gone if unshare was refused.
  const std::string ours = mountNamespaceOf("self");
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < until) {
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) {
      m_whyNot = "`unshare --mount` is not allowed here (exit " +
                 std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : 128) + ")";
      return;
    }
    const std::string theirs = mountNamespaceOf(std::to_string(pid));
    if (!theirs.empty() && theirs != ours) {
      m_holder = pid;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (m_holder < 0) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    m_whyNot = "`unshare --mount` did not start";
    return;
  }
  if (run({"true"}).exitCode != 0) {
    ::kill(m_holder, SIGKILL);
    ::waitpid(m_holder, nullptr, 0);
    m_holder = -1;
    m_whyNot = "`nsenter --mount` cannot enter the namespace";
  }
}

MountNamespace::~MountNamespace() {
  if (m_holder <= 0) return;
  ::kill(m_holder, SIGKILL);
  ::waitpid(m_holder, nullptr, 0);
}

std::vector<std::string> MountNamespace::inside(std::vector<std::string> args) const {
  std::vector<std::string> prefix{"nsenter", "--target", std::to_string(m_holder), "--mount"};
  if (m_ownUserNamespace) prefix.push_back("--user");
  prefix.push_back("--");
  args.insert(args.begin(), prefix.begin(), prefix.end());
  return args;
}

ProcessResult MountNamespace::run(std::vector<std::string> args,
                                  const ProcessOptions& options) const {
  return runProcess(inside(std::move(args)), options);
}

bool MountNamespace::mountTmpfs(const std::string& dir, int kib) const {
  return available() && run({"mount", "-t", "tmpfs", "-o",
                             "size=" + std::to_string(kib) + "k,mode=0700", "unknot-test", dir})
                                .exitCode == 0;
}

bool MountNamespace::mountExt4Image(const std::string& image, int mib,
                                    const std::string& dir) const {
  if (!available()) return false;
  if (runProcess({"truncate", "-s", std::to_string(mib) + "M", image}).exitCode != 0) return false;
  if (runProcess({"mkfs.ext4", "-q", "-F", image}).exitCode != 0) return false;
  return run({"mount", "-o", "loop,errors=remount-ro", image, dir}).exitCode == 0;
}

bool MountNamespace::failExt4(const std::string& dir) const {
  return run({"sh", "-c",
              "dev=$(findmnt -n -o SOURCE --target \"$0\") && "
              "echo 'unknot test: a failing disk' > \"/sys/fs/ext4/${dev##*/}/trigger_fs_error\"",
              dir})
             .exitCode == 0;
}

}  // namespace unknot::testing
