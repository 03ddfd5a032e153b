// Runs the real unknot binary (or any program) for end-to-end tests and captures its output.
#pragma once

#include <map>
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

}  // namespace unknot::testing
