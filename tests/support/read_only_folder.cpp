#include "support/read_only_folder.hpp"

#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/process.hpp"

namespace unknot::testing {

namespace fs = std::filesystem;

namespace {

bool setImmutable(const fs::path& path, bool on) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return false;
  int flags = 0;
  bool ok = ::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
  if (ok) {
    flags = on ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
    ok = ::ioctl(fd, FS_IOC_SETFLAGS, &flags) == 0;
  }
  ::close(fd);
  return ok;
}

}  // namespace

std::map<std::string, std::string> folderBytes(const std::string& folder) {
  std::map<std::string, std::string> files;
  std::error_code ec;
  for (const auto& entry : fs::recursive_directory_iterator(folder, ec)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    files[fs::relative(entry.path(), folder).string()] = bytes.str();
  }
  return files;
}

ReadOnlyFolder::ReadOnlyFolder(std::string folder, Way way)
    : m_folder(std::move(folder)), m_way(way) {
  if (m_way == Way::Immutable && ::geteuid() != 0) return;
  apply(true);
}

ReadOnlyFolder::~ReadOnlyFolder() {
  if (m_active) apply(false);
}

void ReadOnlyFolder::apply(bool readOnly) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(m_folder, ec)) files.push_back(entry.path());
  if (m_way == Way::Modes) {
    for (const auto& file : files) {
      fs::permissions(file, readOnly ? fs::perms(0444) : fs::perms(0644), ec);
    }
    fs::permissions(m_folder, readOnly ? fs::perms(0555) : fs::perms(0755), ec);
    m_active = readOnly;
    return;
  }
  // The folder goes last on the way in and first on the way out: an immutable folder's files
  // can still have their own attribute changed, but this order never depends on it.
  bool ok = true;
  if (!readOnly) ok = setImmutable(m_folder, false);
  for (const auto& file : files) ok = setImmutable(file, readOnly) && ok;
  if (readOnly) ok = setImmutable(m_folder, true) && ok;
  m_active = readOnly && ok;
  if (readOnly && !ok) apply(false);  // a file system without the attribute: undo what took
}

std::vector<std::string> runAsOtherUser(std::vector<std::string> args) {
  if (::geteuid() != 0) return args;
  args.insert(args.begin(), {"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"});
  return args;
}

std::optional<std::vector<std::string>> underReadOnlyMount(const std::string& folder,
                                                           std::vector<std::string> args) {
  std::vector<std::string> prefix{"unshare"};
  if (::geteuid() != 0) prefix.push_back("--map-root-user");
  prefix.push_back("--mount");  // private propagation: the mount never leaves the child
  std::vector<std::string> probe = prefix;
  probe.push_back("true");
  if (runProcess(probe).exitCode != 0) return std::nullopt;
  prefix.insert(prefix.end(), {"sh", "-c",
                               "mount --bind \"$0\" \"$0\" && mount -o remount,ro,bind \"$0\" "
                               "\"$0\" && exec \"$@\"",
                               folder});
  args.insert(args.begin(), prefix.begin(), prefix.end());
  return args;
}

}  // namespace unknot::testing
