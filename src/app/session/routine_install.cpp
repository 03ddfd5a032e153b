#include "app/session/routine_install.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>

namespace unknot {

namespace fs = std::filesystem;

namespace {

std::string reason(int error) {
  return std::strerror(error);
}

// A temporary name beside `target`, created with the file's bytes and flushed to disk.
fs::path writeTemporary(const InstallFile& file) {
  std::string name =
      (file.target.parent_path() / ("." + file.target.filename().string() + ".import-XXXXXX"))
          .string();
  const int fd = ::mkstemp(name.data());
  if (fd < 0) {
    throw InstallError("cannot write in " + file.target.parent_path().string() + ": " +
                       reason(errno));
  }
  const char* data = file.bytes.data();
  size_t left = file.bytes.size();
  int error = 0;
  while (left > 0 && error == 0) {
    const ssize_t written = ::write(fd, data, left);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) {
      error = written < 0 ? errno : ENOSPC;
      break;
    }
    data += written;
    left -= static_cast<size_t>(written);
  }
  // Routine files are meant to be read and shared, like the bundled ones.
  if (error == 0 && ::fchmod(fd, 0644) != 0) error = errno;
  if (error == 0 && ::fsync(fd) != 0) error = errno;
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error != 0) {
    ::unlink(name.c_str());
    throw InstallError("cannot write " + file.target.string() + ": " + reason(error));
  }
  return name;
}

struct Step {
  fs::path temporary;
  std::optional<fs::path> keptOld;  // the replaced file, until every rename has succeeded
  bool placed = false;
};

}  // namespace

void installAll(const std::vector<InstallFile>& files) {
  std::vector<Step> steps;
  const auto undo = [&] {
    for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
      const fs::path& target = files[static_cast<size_t>(steps.rend() - it) - 1].target;
      if (it->placed) {
        if (it->keptOld) {
          std::rename(it->keptOld->c_str(), target.c_str());
        } else {
          ::unlink(target.c_str());
        }
      } else {
        ::unlink(it->temporary.c_str());
        if (it->keptOld) std::rename(it->keptOld->c_str(), target.c_str());
      }
    }
  };
  try {
    for (const InstallFile& file : files) steps.push_back({writeTemporary(file), {}, false});
    for (size_t i = 0; i < files.size(); ++i) {
      const fs::path& target = files[i].target;
      std::error_code ec;
      if (fs::exists(fs::symlink_status(target, ec))) {
        const fs::path kept = target.parent_path() / ("." + target.filename().string() + ".old");
        if (std::rename(target.c_str(), kept.c_str()) != 0) {
          throw InstallError("cannot replace " + target.string() + ": " + reason(errno));
        }
        steps[i].keptOld = kept;
      }
      if (std::rename(steps[i].temporary.c_str(), target.c_str()) != 0) {
        throw InstallError("cannot write " + target.string() + ": " + reason(errno));
      }
      steps[i].placed = true;
    }
  } catch (const InstallError&) {
    undo();
    throw;
  }
  for (const Step& step : steps) {
    if (step.keptOld) ::unlink(step.keptOld->c_str());
  }
}

}  // namespace unknot
