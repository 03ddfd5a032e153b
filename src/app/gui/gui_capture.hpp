// Headless rendering for tests and docs: an offscreen framebuffer the frame is drawn into, read
// back and written as a PNG (whole file or nothing).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace unknot {

// An RGBA8 framebuffer object; bound while alive, so ImGui's renderer draws into it.
class OffscreenTarget {
 public:
  OffscreenTarget(int width, int height);
  ~OffscreenTarget();
  OffscreenTarget(const OffscreenTarget&) = delete;
  OffscreenTarget& operator=(const OffscreenTarget&) = delete;

  bool complete() const { return m_complete; }
  // Top row first (OpenGL reads bottom-up).
  std::vector<std::uint8_t> readPixels() const;

 private:
  int m_width, m_height;
  unsigned m_framebuffer = 0, m_colour = 0;
  bool m_complete = false;
};

// Writes through a temporary file and a rename; returns an error message on failure.
std::optional<std::string> writePng(const std::filesystem::path& path, int width, int height,
                                    const std::vector<std::uint8_t>& rgba);

}  // namespace unknot
