#include "support/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "support/hermetic_env.hpp"

namespace unknot::testing {

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void redirect(const std::string& path, int fd, int flags) {
  const int file = ::open(path.c_str(), flags, 0600);
  if (file < 0) ::_exit(126);
  ::dup2(file, fd);
  ::close(file);
}

// Mesa's llvmpipe driver leaks 2 x 56 bytes at GL context creation and is unloaded before
// the leak check runs, so the report has no frame to suppress by name. A window under Xvfb is
// therefore run without leak checks (address and undefined-behaviour checks stay on); every
// other process of the sanitizer run keeps them.
void withoutLeakChecks() {
  const char* current = std::getenv("ASAN_OPTIONS");
  if (!current) return;  // not a sanitizer run
  const std::string options = std::string(current) + ":detect_leaks=0";
  ::setenv("ASAN_OPTIONS", options.c_str(), 1);
}

}  // namespace

void applyChildEnvironment(const std::map<std::string, std::string>& env) {
  for (const char* name : kLocationVariables) {
    if (std::string(name) != "HOME") ::unsetenv(name);
  }
  for (const auto& [key, value] : env) ::setenv(key.c_str(), value.c_str(), 1);
}

namespace {

// In the child, after its standard streams are set up: the environment, then the program.
[[noreturn]] void execute(const std::vector<std::string>& args, const ProcessOptions& options) {
  applyChildEnvironment(options.env);
  if (std::find(args.begin(), args.end(), "xvfb-run") != args.end()) withoutLeakChecks();
  if (!options.workDir.empty() && ::chdir(options.workDir.c_str()) != 0) ::_exit(126);
  std::vector<char*> argv;
  for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  ::execvp(argv[0], argv.data());
  ::_exit(127);
}

int exitCodeOf(int status) {
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

ProcessResult runProcess(const std::vector<std::string>& args, const ProcessOptions& options) {
  TempDir io;
  const std::string in = io.file("in"), out = io.file("out"), err = io.file("err");
  io.write("in", options.input);
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    redirect(in, STDIN_FILENO, O_RDONLY);
    redirect(out, STDOUT_FILENO, O_WRONLY | O_CREAT | O_TRUNC);
    redirect(err, STDERR_FILENO, O_WRONLY | O_CREAT | O_TRUNC);
    execute(args, options);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  ProcessResult result;
  result.exitCode = exitCodeOf(status);
  result.out = slurp(out);
  result.err = slurp(err);
  return result;
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "unknot-test-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  m_path = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(m_path, ec);
}

void TempDir::write(const std::string& name, const std::string& text) const {
  const auto path = std::filesystem::path(m_path) / name;
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

LiveProcess::LiveProcess(const std::vector<std::string>& args, const ProcessOptions& options) {
  const std::string in = m_io.file("in"), err = m_io.file("err");
  m_io.write("in", options.input);
  int out[2];
  if (::pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  m_pid = ::fork();
  if (m_pid < 0) throw std::runtime_error("fork failed");
  if (m_pid == 0) {
    redirect(in, STDIN_FILENO, O_RDONLY);
    ::dup2(out[1], STDOUT_FILENO);
    redirect(err, STDERR_FILENO, O_WRONLY | O_CREAT | O_TRUNC);
    execute(args, options);
  }
  ::close(out[1]);
  m_stdout = out[0];
}

LiveProcess::~LiveProcess() {
  if (m_pid > 0) kill(SIGKILL);
  if (m_stdout >= 0) ::close(m_stdout);
}

std::optional<std::string> LiveProcess::line(std::chrono::milliseconds timeout) {
  const auto until = std::chrono::steady_clock::now() + timeout;
  while (true) {
    if (const auto end = m_buffer.find('\n'); end != std::string::npos) {
      std::string text = m_buffer.substr(0, end);
      m_buffer.erase(0, end + 1);
      m_out += text + "\n";
      return text;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        until - std::chrono::steady_clock::now());
    if (m_stdout < 0 || left.count() <= 0) return std::nullopt;
    pollfd fd{m_stdout, POLLIN, 0};
    if (::poll(&fd, 1, static_cast<int>(left.count())) <= 0) return std::nullopt;
    char chunk[4096];
    const ssize_t n = ::read(m_stdout, chunk, sizeof chunk);
    if (n <= 0) {
      ::close(m_stdout);
      m_stdout = -1;
      return std::nullopt;
    }
    m_buffer.append(chunk, static_cast<size_t>(n));
  }
}

int LiveProcess::kill(int signal) {
  if (m_pid > 0) ::kill(m_pid, signal);
  return wait();
}

int LiveProcess::wait() {
  if (m_pid <= 0) return m_exitCode;
  int status = 0;
  // Reading meanwhile: a process blocked on a full pipe would never end.
  while (::waitpid(m_pid, &status, WNOHANG) == 0) line(std::chrono::milliseconds(50));
  m_pid = -1;
  // Then what it wrote before it ended; a child of its own may still hold the pipe open, so
  // this stops at a pause rather than waiting for the end of the pipe.
  while (line(std::chrono::milliseconds(200))) {
  }
  m_out += m_buffer;  // a last line without its newline
  m_buffer.clear();
  m_exitCode = exitCodeOf(status);
  return m_exitCode;
}

std::string LiveProcess::err() const {
  return slurp(m_io.file("err"));
}

}  // namespace unknot::testing
