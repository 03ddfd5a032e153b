#include "store/folder_access.hpp"

#include <fcntl.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>

namespace unknot {

bool deniedByPermission(const std::filesystem::path& path, int mode) {
  return ::access(path.c_str(), mode) != 0 && (errno == EACCES || errno == EPERM || errno == EROFS);
}

// access() and statvfs() answer from modes, the immutable attribute and the mount's flags. A file
// system the kernel turned read-only after a disk error (ext4's errors=remount-ro on kernels
// since 6.6 marks it emergency_ro, not ro) passes both and only refuses to create a file. An
// O_TMPFILE file has no name and is gone when closed, so asking leaves nothing behind; file
// systems without it fall back to the mount's flag.
bool refusesNewFiles(const std::filesystem::path& folder) {
  const int fd = ::open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0) {
    ::close(fd);
    return false;
  }
  if (errno == EROFS || errno == EACCES || errno == EPERM) return true;
  struct statvfs info {};
  return ::statvfs(folder.c_str(), &info) == 0 && (info.f_flag & ST_RDONLY) != 0;
}

}  // namespace unknot
