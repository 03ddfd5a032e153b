#include "app/app_paths.hpp"

#include <system_error>

namespace unknot {

namespace {

std::filesystem::path executableDir() {
  std::error_code ec;
  auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::current_path() : self.parent_path();
}

bool isDir(const std::filesystem::path& path) {
  std::error_code ec;
  return std::filesystem::is_directory(path, ec);
}

}  // namespace

AppPaths findAppPaths() {
  const auto exeDir = executableDir();
  // Installed layout first; the build tree falls back to the source tree it was built from.
  const auto share = exeDir.parent_path() / "share" / "unknot";
  if (isDir(share / "routines")) return {share / "routines", share / "assets"};
  const std::filesystem::path source = UNKNOT_SOURCE_DIR;
  return {source / "routines", source / "assets"};
}

}  // namespace unknot
