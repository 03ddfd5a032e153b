// Makes a data folder really read-only for a test, also when the tests run as root (root
// ignores file modes): by modes for another user, by the immutable attribute, or under a
// read-only bind mount in a mount namespace of the child's own.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace unknot::testing {

// Every regular file under `folder` (relative name -> bytes): a reader that must not write can
// be checked to have left the folder exactly as it was, side files included.
std::map<std::string, std::string> folderBytes(const std::string& folder);

// Takes write access to `folder` and every file in it away for as long as it lives, and gives it
// back afterwards so the temporary folder can be removed.
class ReadOnlyFolder {
 public:
  enum class Way {
    Modes,      // 0555 folder, 0444 files; root still writes, see runAsOtherUser
    Immutable,  // the ext4/xfs/btrfs immutable attribute (root only); even root cannot write
  };
  ReadOnlyFolder(std::string folder, Way way);
  ~ReadOnlyFolder();
  ReadOnlyFolder(const ReadOnlyFolder&) = delete;
  ReadOnlyFolder& operator=(const ReadOnlyFolder&) = delete;
  // False when this way is not available here (no root for the attribute, a file system
  // without it); the folder is then left as it was.
  bool active() const { return m_active; }

 private:
  void apply(bool readOnly);
  std::string m_folder;
  Way m_way;
  bool m_active = false;
};

// `args` run as user and group 65534 (nobody) when this process is root, so that file modes
// apply to it; unchanged otherwise. The folders it needs must be readable by others.
std::vector<std::string> runAsOtherUser(std::vector<std::string> args);

// `args` run with `folder` bind-mounted read-only over itself in a private mount namespace, so
// every write fails with EROFS, even for root; nullopt when this machine does not allow it (not
// root and no unprivileged user namespaces).
std::optional<std::vector<std::string>> underReadOnlyMount(const std::string& folder,
                                                           std::vector<std::string> args);

}  // namespace unknot::testing
