// A flock held by the process recording a session: the kernel drops it however the process dies,
// so the next open can tell a crashed session from one still running elsewhere.
#pragma once

#include <filesystem>
#include <string>

namespace unknot {

class SessionLock {
 public:
  // Creates and locks DIR/session-TOKEN.lock; throws StoreError when it cannot.
  explicit SessionLock(const std::filesystem::path& dir);
  ~SessionLock();  // unlocks and removes the file
  SessionLock(const SessionLock&) = delete;
  SessionLock& operator=(const SessionLock&) = delete;

  const std::string& token() const { return m_token; }

  // True when no live process holds the token's lock (or there is no lock file); a stale
  // file is removed.
  static bool ownerGone(const std::filesystem::path& dir, const std::string& token);

 private:
  std::string m_token;
  std::filesystem::path m_path;
  int m_fd = -1;
};

// 32 random hex digits, for lock and temporary file names.
std::string randomToken();

}  // namespace unknot
