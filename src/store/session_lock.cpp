#include "store/session_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>

#include "store/sqlite_db.hpp"

namespace unknot {

namespace {

std::filesystem::path lockPath(const std::filesystem::path& dir, const std::string& token) {
  return dir / ("session-" + token + ".lock");
}

}  // namespace

std::string randomToken() {
  std::random_device device;
  std::string token;
  for (int i = 0; i < 4; ++i) {
    char buffer[9];
    std::snprintf(buffer, sizeof buffer, "%08x", device());
    token += buffer;
  }
  return token;
}

SessionLock::SessionLock(const std::filesystem::path& dir)
    : m_token(randomToken()), m_path(lockPath(dir, m_token)) {
  m_fd = ::open(m_path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (m_fd < 0 || ::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
    const std::string reason = std::strerror(errno);
    if (m_fd >= 0) ::close(m_fd);
    throw StoreError("cannot create the session lock " + m_path.string() + ": " + reason);
  }
}

SessionLock::~SessionLock() {
  ::unlink(m_path.c_str());
  ::close(m_fd);
}

bool SessionLock::ownerGone(const std::filesystem::path& dir, const std::string& token) {
  // Tokens are ours (hex); anything else cannot name a lock file we made.
  if (token.empty() || token.find_first_not_of("0123456789abcdef") != std::string::npos)
    return true;
  const auto path = lockPath(dir, token);
  const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) return true;
  const bool gone = ::flock(fd, LOCK_EX | LOCK_NB) == 0;
  if (gone) ::unlink(path.c_str());
  ::close(fd);
  return gone;
}

}  // namespace unknot
