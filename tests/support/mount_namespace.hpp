// A mount namespace of a test's own, for faults the machine's file systems must not see: a tiny
// tmpfs that fills up, an ext4 image the kernel turns read-only. Mounts made in it vanish with it.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "support/process.hpp"

namespace unknot::testing {

class MountNamespace {
 public:
  // Starts a process that holds a new, private mount namespace open until this object goes.
  MountNamespace();
  ~MountNamespace();
  MountNamespace(const MountNamespace&) = delete;
  MountNamespace& operator=(const MountNamespace&) = delete;

  // False when this machine allows no mount namespace (not root and no user namespaces, or a
  // container without the capability); whyNot() then says what was tried.
  bool available() const { return m_holder > 0; }
  const std::string& whyNot() const { return m_whyNot; }

  // `args` to run inside the namespace: they see its mounts, the rest of the system does not.
  std::vector<std::string> inside(std::vector<std::string> args) const;
  ProcessResult run(std::vector<std::string> args, const ProcessOptions& options = {}) const;

  // A tmpfs of `kib` KiB on `dir` (mode 0700, as the app makes its data folder).
  bool mountTmpfs(const std::string& dir, int kib) const;
  // An ext4 file system in the image file `image` (`mib` MiB, made here) on `dir`, which the
  // kernel makes read-only at the first error it finds (errors=remount-ro). Needs a loop device
  // and mkfs.ext4; false when this machine has neither.
  bool mountExt4Image(const std::string& image, int mib, const std::string& dir) const;
  // Reports a file system error on the ext4 mounted on `dir`, as a failing disk would
  // (/sys/fs/ext4/DEV/trigger_fs_error): the kernel turns it read-only under every open file,
  // which `mount -o remount,ro` refuses to do while a file there is open for writing.
  bool failExt4(const std::string& dir) const;

 private:
  pid_t m_holder = -1;
  bool m_ownUserNamespace = false;
  std::string m_whyNot;
};

}  // namespace unknot::testing
