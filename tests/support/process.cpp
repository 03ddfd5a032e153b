#include "support/process.hpp"

#include <fcntl.h>
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
    applyChildEnvironment(options.env);
    if (std::find(args.begin(), args.end(), "xvfb-run") != args.end()) withoutLeakChecks();
    if (!options.workDir.empty() && ::chdir(options.workDir.c_str()) != 0) ::_exit(126);
    std::vector<char*> argv;
    for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    ::execvp(argv[0], argv.data());
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  ProcessResult result;
  result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
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

}  // namespace unknot::testing
