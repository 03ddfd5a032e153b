// Runs the real unknot binary (or any program) for end-to-end tests and captures its output.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace unknot::testing {

struct ProcessResult {
  int exitCode = -1;  // 128 + signal when killed
  std::string out;
  std::string err;
};

struct ProcessOptions {
  std::map<std::string, std::string> env;  // added to (or replacing in) the inherited environment
  std::string input;                       // written to stdin, then stdin is closed
  std::string workDir;
};

ProcessResult runProcess(const std::vector<std::string>& args, const ProcessOptions& options = {});

// A fresh temp directory removed when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return m_path; }
  std::string file(const std::string& name) const { return m_path + "/" + name; }
  void write(const std::string& name, const std::string& text) const;

 private:
  std::string m_path;
};

// A program the test watches while it runs, reading its output line by line, to break
// something at a chosen moment (fill the disk, kill it) and see how it carries on.
class LiveProcess {
 public:
  LiveProcess(const std::vector<std::string>& args, const ProcessOptions& options = {});
  ~LiveProcess();  // a process still running is killed
  LiveProcess(const LiveProcess&) = delete;
  LiveProcess& operator=(const LiveProcess&) = delete;

  // The next whole line of stdout; nullopt at its end or after `timeout`.
  std::optional<std::string> line(std::chrono::milliseconds timeout = std::chrono::seconds(60));
  // Sends `signal`, then waits as wait() does.
  int kill(int signal);
  // Reads stdout to its end and waits for the process: its exit code, 128 + signal if killed.
  int wait();
  // Every line of stdout read so far (all of it after wait()), and stderr as written so far.
  const std::string& out() const { return m_out; }
  std::string err() const;

 private:
  TempDir m_io;
  pid_t m_pid = -1;
  int m_stdout = -1;
  int m_exitCode = -1;
  std::string m_buffer, m_out;
};

}  // namespace unknot::testing
