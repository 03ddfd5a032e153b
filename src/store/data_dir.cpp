#include "store/data_dir.hpp"

#include <cstdlib>
#include <system_error>

namespace unknot {

namespace {

std::optional<std::filesystem::path> absoluteFrom(const std::string& text, std::string& error) {
  std::error_code ec;
  auto path = std::filesystem::absolute(text, ec);
  if (ec) {
    error = "cannot use the data directory '" + text + "': " + ec.message();
    return std::nullopt;
  }
  return path.lexically_normal();
}

}  // namespace

std::optional<std::filesystem::path> resolveDataDir(const std::optional<std::string>& flag,
                                                    std::string& error) {
  if (flag) {
    if (flag->empty()) {
      error = "--data-dir: expected a directory, found an empty string";
      return std::nullopt;
    }
    return absoluteFrom(*flag, error);
  }
  if (const char* own = std::getenv("UNKNOT_DATA_DIR"); own && *own)
    return absoluteFrom(own, error);
  const char* xdg = std::getenv("XDG_DATA_HOME");
  if (xdg && *xdg && std::filesystem::path(xdg).is_absolute())
    return std::filesystem::path(xdg) / "unknot";
  const char* home = std::getenv("HOME");
  if (home && *home) return std::filesystem::path(home) / ".local" / "share" / "unknot";
  error = "no data directory: set HOME, XDG_DATA_HOME or UNKNOT_DATA_DIR, or pass --data-dir";
  return std::nullopt;
}

}  // namespace unknot
